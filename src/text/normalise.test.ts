import { describe, expect, it } from "vitest";
import { normaliseName } from "./normalise.ts";

describe("normaliseName", () => {
  it("ignores case, accents, quotes and extra spaces", () => {
    expect(normaliseName("  Michael „Slick“  Chéritto ")).toBe("michael slick cheritto");
    expect(normaliseName("Ko Chow")).toBe(normaliseName("ko  chow"));
  });

  it("turns a missing name into the empty key instead of throwing", () => {
    expect(normaliseName(null)).toBe("");
    expect(normaliseName(undefined)).toBe("");
  });
});
