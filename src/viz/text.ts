// Text for the static images: XML escaping, and an estimate of how wide a label is drawn, so the
// layout can leave room for it without a browser to measure it.

/** Escapes text for SVG content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** The font the images ask for: DejaVu Sans, else the similar-width Verdana, else any sans. */
export const FONT_FAMILY = "'DejaVu Sans', Verdana, 'Bitstream Vera Sans', Arial, sans-serif";
export const PNG_FONT = "DejaVu Sans";

// Advance widths of DejaVu Sans (thousandths of an em); Verdana's are close.
const WIDTHS: Record<string, number> = {
  " ": 318,
  "!": 400,
  '"': 460,
  "'": 275,
  "(": 390,
  ")": 390,
  ",": 318,
  "-": 361,
  ".": 318,
  "/": 337,
  ":": 337,
  ";": 337,
  "&": 780,
  "<": 838,
  ">": 838,
  "?": 531,
  "†": 500,
  "—": 1000,
  "–": 500,
  "’": 318,
  a: 613,
  b: 635,
  c: 550,
  d: 635,
  e: 615,
  f: 352,
  g: 635,
  h: 634,
  i: 278,
  j: 278,
  k: 579,
  l: 278,
  m: 974,
  n: 634,
  o: 612,
  p: 635,
  q: 635,
  r: 411,
  s: 521,
  t: 392,
  u: 634,
  v: 592,
  w: 818,
  x: 592,
  y: 592,
  z: 525,
  A: 684,
  B: 686,
  C: 698,
  D: 770,
  E: 632,
  F: 575,
  G: 775,
  H: 752,
  I: 295,
  J: 295,
  K: 656,
  L: 557,
  M: 863,
  N: 748,
  O: 787,
  P: 603,
  Q: 787,
  R: 695,
  S: 635,
  T: 611,
  U: 732,
  V: 684,
  W: 989,
  X: 685,
  Y: 611,
  Z: 685,
};

/** The drawn width of `text` at `size` px, a little generous rather than short. */
export function textWidth(text: string, size: number, bold = false): number {
  let units = 0;
  for (const ch of text) {
    units +=
      WIDTHS[ch] ?? (/[0-9]/.test(ch) ? 636 : ch.toLowerCase() !== ch.toUpperCase() ? 640 : 700);
  }
  return (units / 1000) * size * (bold ? 1.12 : 1) * 1.03;
}

/** Breaks a label into lines no wider than `maxWidth` (a single long word keeps its line). */
export function wrapText(text: string, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, size) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}
