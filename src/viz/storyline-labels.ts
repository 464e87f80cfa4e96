// Where the storyline's words go: each text's box on the page, estimated from the font's widths,
// and a placer that puts a label at the first of its candidate spots where it covers no text
// already placed. The chart's check (storyline.test.ts) counts overlapping texts from the boxes.
import { overlaps } from "./geometry.ts";
import type { Box } from "./layout.ts";
import { textWidth } from "./text.ts";

export interface PlacedText {
  /** What the text says (for the check's messages). */
  text: string;
  /** Its box, on the chart. */
  box: Box;
}

export type Anchor = "start" | "middle" | "end";

/** A little room beside every text: halos and rounding of the width estimate. */
const PAD = 1;
/** Above and below, less: lines of names 13 px apart must fit. */
const V_PAD = 0.5;

/**
 * The box of a text drawn at (x, y) with the given anchor. `y` is the baseline, or with
 * `middle` the line's middle (the text is drawn with dy="0.35em").
 */
export function textBox(
  text: string,
  x: number,
  y: number,
  size: number,
  anchor: Anchor,
  options: { bold?: boolean; middle?: boolean } = {},
): PlacedText {
  const w = textWidth(text, size, options.bold ?? false);
  const baseline = options.middle ? y + 0.35 * size : y;
  const x1 = anchor === "start" ? x : anchor === "end" ? x - w : x - w / 2;
  return {
    text,
    box: {
      x1: x1 - PAD,
      x2: x1 + w + PAD,
      y1: baseline - 0.76 * size - V_PAD,
      y2: baseline + 0.24 * size + V_PAD,
    },
  };
}

/**
 * Texts kept clear of one another: `place` takes the first candidate that covers no text nor
 * any mark to avoid, else the first that covers no text.
 */
export class LabelPlacer {
  readonly placed: PlacedText[] = [];
  private readonly marks: Box[] = [];

  /** A mark that texts should rather not cover (an event's dots). */
  avoid(box: Box): void {
    this.marks.push(box);
  }

  /** A text that stays where it is (a title, a band's name, a count). */
  fix(text: PlacedText): void {
    this.placed.push(text);
  }

  fits(box: Box): boolean {
    return !this.placed.some((p) => overlaps(p.box, box));
  }

  /** The first candidate clear of every placed text, placed; undefined if none is clear. */
  place<T extends PlacedText>(candidates: T[]): T | undefined {
    const found =
      candidates.find((c) => this.fits(c.box) && !this.marks.some((m) => overlaps(m, c.box))) ??
      candidates.find((c) => this.fits(c.box));
    if (found) this.placed.push(found);
    return found;
  }
}

/** Pairs of texts that overlap, as "a / b". */
export function textOverlaps(texts: PlacedText[]): string[] {
  const out: string[] = [];
  texts.forEach((a, i) => {
    for (const b of texts.slice(i + 1))
      if (overlaps(a.box, b.box)) out.push(`${a.text} / ${b.text}`);
  });
  return out;
}
