import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { DatasetProblem } from "./problems.ts";
import { parseYamlText } from "./yaml-input.ts";

function read(text: string): { data: unknown; problems: DatasetProblem[] } {
  const problems: DatasetProblem[] = [];
  return { data: parseYamlText(text, "story.yaml", problems), problems };
}

/** `levels` lists, each holding nine aliases of the one before: 9^levels values in all. */
const bomb = (levels: number) =>
  [
    "l0: &l0 [x, x, x, x, x, x, x, x, x]",
    ...Array.from(
      { length: levels },
      (_, i) => `l${i + 1}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(", ")}]`,
    ),
  ].join("\n");

describe("parseYamlText", () => {
  it("reads shared lists (anchors and aliases, as YAML writers emit them) as the text says", () => {
    const text = [
      "acts:",
      ...Array.from({ length: 300 }, (_, i) =>
        i % 2 === 0
          ? `  - {id: act-${i}, sources: &s${i} [heat-fr-${i}, heat-de-${i}]}`
          : `  - {id: act-${i}, sources: *s${i - 1}}`,
      ),
    ].join("\n");
    const { data, problems } = read(text);
    expect(problems).toEqual([]);
    expect(data).toEqual(parse(text));
  });

  it("refuses an alias bomb, small or hidden in a large file", () => {
    const filler = Array.from({ length: 5_000 }, (_, i) => `f${i}: value ${i}`).join("\n");
    for (const text of [bomb(4), `${filler}\n${bomb(4)}`]) {
      const { data, problems } = read(text);
      expect(data).toBeUndefined();
      expect(problems.map((p) => p.message)).toEqual([
        expect.stringMatching(/too many YAML aliases/),
      ]);
    }
  });

  it("refuses an alias that points into its own map or list (it would never end)", () => {
    for (const text of ["film: &x\n  b: *x\n", "a: &l [1, [2, *l]]\n"]) {
      const { data, problems } = read(text);
      expect(data).toBeUndefined();
      expect(problems.map((p) => p.message)).toEqual([
        expect.stringMatching(/points into the map or list that holds it/),
      ]);
    }
  });

  it("refuses a file nested deeper than the format, with or without aliases", () => {
    /** `levels` maps, one inside the other, the innermost holding `inner`. */
    const deep = (levels: number, inner = "x") =>
      Array.from({ length: levels }, (_, i) => `${"  ".repeat(i)}a${i}:`).join("\n") +
      ` ${inner}\n`;
    expect(read(deep(12)).problems).toEqual([]);
    expect(read(`s: &s [x]\n${deep(11, "*s")}`).problems).toEqual([]);
    for (const text of [deep(13), `s: &s [x]\n${deep(12, "*s")}`]) {
      const { data, problems } = read(text);
      expect(data).toBeUndefined();
      expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/nested/)]);
    }
  });

  it("refuses a tag the core schema does not define, with its line", () => {
    const { problems } = read("film:\n  id: x\n  title: !js/function 'f() {}'\n");
    expect(problems).toEqual([
      expect.objectContaining({
        item: expect.stringMatching(/^line 3,/),
        message: expect.stringMatching(/tag/),
      }),
    ]);
  });
});
