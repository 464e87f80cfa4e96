import { describe, expect, it } from "vitest";
import { parseJavaMajor } from "./java.ts";

describe("parseJavaMajor", () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['java version "1.8.0_392"', 8],
    ['openjdk version "25" 2025-09-16', 25],
    ["no version here", undefined],
  ])("reads %s as %s", (output, major) => {
    expect(parseJavaMajor(output)).toBe(major);
  });
});
