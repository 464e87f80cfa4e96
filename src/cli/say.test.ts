import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { fitText } from "./say.ts";

describe("fitText", () => {
  const long =
    "Chain 1 of 3, 2 betrayals: Waingro betrays McCauley's crew (seq 25); then Trejo, of McCauley's crew, betrays Neil McCauley (seq 30).";

  it("wraps prose at spaces to the width, losing no word", () => {
    const fitted = fitText(long, 40);
    expect(fitted.split("\n").every((l) => stringWidth(l) <= 40)).toBe(true);
    expect(fitted.replace(/\s+/g, " ")).toBe(long);
  });

  it("indents a labelled line's continuation under its text", () => {
    const fitted = fitText(
      "  where:    the film file import/films/heat.yaml, item 12 of groups",
      40,
    );
    const [first, ...rest] = fitted.split("\n");
    expect(first?.startsWith("  where:    the film file")).toBe(true);
    for (const line of rest) expect(line.startsWith(" ".repeat(12))).toBe(true);
  });

  it("leaves lines that fit as they are", () => {
    expect(fitText("short\n  indented", 40)).toBe("short\n  indented");
  });
});
