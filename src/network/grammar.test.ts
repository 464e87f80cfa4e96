// The visual grammar under simulated colour blindness: no two categories a reader must tell
// apart may look alike to anyone. Colours are simulated with Machado, Oliveira and Fernandes'
// model (2009, culori's filters at full severity) and compared with CIEDE2000.
//
// The threshold: under simulated deuteranopia a reviewer saw Hanna's squad (#44AA99) and the
// LAPD (#CC6677) as one grey disc; the two are 15 apart by CIEDE2000 there. Side by side, big
// patches 15 apart are told apart easily, but the marks here are small discs and lines of two or
// three pixels, which need far more. 18 rejects that pair and the other one seen to clash
// (betrayal #CC3311 against wounding #EE7733, 12.7 under tritanopia), with a margin, and still
// leaves room for six group colours.
import {
  converter,
  differenceCiede2000,
  filterDeficiencyDeuter,
  filterDeficiencyProt,
  filterDeficiencyTrit,
  type Color,
} from "culori";
import { describe, expect, it } from "vitest";
import { NODE_LABELS, RELATIONSHIP_TYPES } from "../dataset/vocabulary.ts";
import {
  EDGE_LOOKS,
  FILM_PALETTE,
  GROUP_PALETTE,
  NETWORK_LOOKS,
  NO_GROUP,
  NODE_KINDS,
  RELATIONSHIP_LOOKS,
  type EdgeLookName,
} from "./grammar.ts";

const THRESHOLD = 18;

const toRgb = converter("rgb");
function rgb(hex: string): Color {
  const colour = toRgb(hex);
  if (!colour) throw new Error(`not a colour: ${hex}`);
  return colour;
}
const simulate =
  (filter: (c: Color) => Color) =>
  (hex: string): Color =>
    filter(rgb(hex));
const VISIONS: Record<string, (hex: string) => Color> = {
  "normal vision": (hex) => rgb(hex),
  deuteranopia: simulate(filterDeficiencyDeuter(1)),
  protanopia: simulate(filterDeficiencyProt(1)),
  tritanopia: simulate(filterDeficiencyTrit(1)),
};
const ciede2000 = differenceCiede2000();

/** The smallest distance between two colours over every vision, and under which. */
function closest(a: string, b: string): { distance: number; vision: string } {
  return Object.entries(VISIONS)
    .map(([vision, see]) => ({
      vision,
      distance: ciede2000(see(a), see(b)),
    }))
    .reduce((x, y) => (y.distance < x.distance ? y : x));
}

const pairs = <T>(items: readonly T[]): [T, T][] =>
  items.flatMap((a, i) => items.slice(i + 1).map((b) => [a, b] as [T, T]));

/** The pairs of named colours closer than the threshold, in words (empty when all are apart). */
function clashes(colours: Record<string, string>, accepted: (a: string, b: string) => boolean) {
  return pairs(Object.keys(colours))
    .filter(([a, b]) => !accepted(a, b))
    .map(([a, b]) => ({ a, b, ...closest(colours[a] ?? "", colours[b] ?? "") }))
    .filter((c) => c.distance < THRESHOLD)
    .map((c) => `${c.a} and ${c.b}: ${c.distance.toFixed(1)} under ${c.vision}`);
}

const never = () => false;

describe("the threshold", () => {
  it("rejects the pairs reviewers saw clash", () => {
    expect(closest("#44AA99", "#CC6677")).toMatchObject({ vision: "deuteranopia" });
    expect(closest("#44AA99", "#CC6677").distance).toBeLessThan(THRESHOLD);
    expect(closest("#CC3311", "#EE7733").distance).toBeLessThan(THRESHOLD);
  });
});

describe("colours a reader tells apart by colour alone", () => {
  it("group colours, and the grey of characters in no group", () => {
    const colours = Object.fromEntries([
      ...GROUP_PALETTE.map((p) => [p.word, p.hex]),
      ["no group", NO_GROUP.hex],
    ]);
    expect(clashes(colours, never)).toEqual([]);
  });

  it("film colours", () => {
    expect(clashes(Object.fromEntries(FILM_PALETTE.map((p) => [p.word, p.hex])), never)).toEqual(
      [],
    );
  });
});

describe("the network's lines (page and images, no captions)", () => {
  const looks = Object.fromEntries(NETWORK_LOOKS.map((n) => [n, EDGE_LOOKS[n].paint.hex]));
  const dashOf = (name: string) => String(EDGE_LOOKS[name as EdgeLookName].dash);

  it("differ in colour, or else in dash: only a look and its dashed variant share a colour", () => {
    const byDash = (a: string, b: string) => dashOf(a) !== dashOf(b);
    expect(clashes(looks, byDash)).toEqual([]);
    // Said explicitly: the pairs told apart by their dash, not their colour.
    const sharing = pairs(Object.keys(looks)).filter(
      ([a, b]) => closest(looks[a] ?? "", looks[b] ?? "").distance < THRESHOLD,
    );
    expect(sharing).toEqual([
      ["betrayal", "coerced-betrayal"],
      ["loyalty", "covert-loyalty"],
    ]);
    for (const [a, b] of sharing) expect(dashOf(a)).not.toBe(dashOf(b));
  });
});

describe("Neo4j Browser's relationships", () => {
  // Browser writes each relationship's type on it and draws no dashes: the families of types
  // (killings, betrayals, ..., personal ties, the story's structure) differ in colour, or else
  // in width by this factor at least.
  const WIDTH_FACTOR = 1.75;
  const families = [...new Set(RELATIONSHIP_TYPES.map((t) => RELATIONSHIP_LOOKS[t]))];

  it("every type belongs to a family, and the families differ in colour or else in width", () => {
    const widthOf = (name: string) => EDGE_LOOKS[name as EdgeLookName].width;
    const byWidth = (a: string, b: string) =>
      Math.max(widthOf(a), widthOf(b)) / Math.min(widthOf(a), widthOf(b)) >= WIDTH_FACTOR;
    const colours = Object.fromEntries(families.map((f) => [f, EDGE_LOOKS[f].paint.hex]));
    const problems = clashes(colours, (a, b) => byWidth(a, b) || sameColourVariants(a, b));
    expect(problems).toEqual([]);
    // Said explicitly: the pairs told apart by width, not colour.
    const byWidthOnly = pairs(families)
      .filter(([a, b]) => !sameColourVariants(a, b))
      .filter(([a, b]) => closest(colours[a] ?? "", colours[b] ?? "").distance < THRESHOLD)
      .map((pair) => pair.join(" and "));
    expect(byWidthOnly.sort()).toEqual(["killing and tie", "membership and wounding"]);
  });

  /** A look and its variant of the same colour: one family in Browser, whose captions differ. */
  function sameColourVariants(a: string, b: string): boolean {
    const variants = [
      ["loyalty", "covert-loyalty"],
      ["betrayal", "coerced-betrayal"],
    ];
    return variants.some(([x, y]) => (a === x && b === y) || (a === y && b === x));
  }
});

describe("node kinds", () => {
  // On the page and in the images characters are circles and groups hexagons, coloured by
  // group; in Browser each label has one colour, and the small kinds (places, sources,
  // disagreements) are also much smaller.
  const SIZE_FACTOR = 1.5;

  it("differ in colour, or else in shape or in Browser's size", () => {
    const colours = Object.fromEntries(NODE_LABELS.map((l) => [l, NODE_KINDS[l].paint.hex]));
    const kindOf = (l: string) => NODE_KINDS[l as keyof typeof NODE_KINDS];
    const bySizeOrShape = (a: string, b: string) => {
      const [x, y] = [kindOf(a), kindOf(b)];
      const size = Math.max(x.diameter, y.diameter) / Math.min(x.diameter, y.diameter);
      return size >= SIZE_FACTOR || x.shape !== y.shape;
    };
    expect(clashes(colours, bySizeOrShape)).toEqual([]);
    expect(NODE_KINDS.Group.shape).not.toBe(NODE_KINDS.Character.shape);
  });
});
