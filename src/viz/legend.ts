// The legend box: the kinds of line the picture uses, the node shapes, the group colours and
// the marks on labels. It is placed beside or under the network, never over it.
import {
  EDGE_STYLE_ORDER,
  EDGE_STYLES,
  MUTED_TEXT,
  NO_GROUP_FILL,
  TEXT_COLOR,
  type EdgeStyleName,
} from "./style.ts";
import { escapeXml, textWidth } from "./text.ts";
import { arrowLength, characterShape, edgeMarkup, groupShape } from "./shapes.ts";

const FONT = 11.5;
const HEADING = 12;
const ROW = 19;
const PAD = 12;
const SAMPLE = 40;
const COLUMN_GAP = 28;
/** A shape sample's fill when no group colour is at hand. */
const SHAPE_ONLY = "#ffffff";

export interface LegendContent {
  /** The kinds of line drawn, in legend order. */
  styles: Set<EdgeStyleName>;
  groups: { name: string; color: string }[];
  hasCharacters: boolean;
  hasGroupNodes: boolean;
  noGroup: boolean;
  splitColours: boolean;
  dead: boolean;
  at?: number;
  unnamed: boolean;
  seqNumbers: boolean;
}

interface Row {
  /** Draws the sample at (x, y): y is the row's middle. */
  sample: (x: number, y: number) => string;
  text: string;
  italic?: boolean;
}

interface Section {
  heading: string;
  rows: Row[];
}

function sections(c: LegendContent): Section[] {
  const lines: Row[] = EDGE_STYLE_ORDER.filter((s) => c.styles.has(s)).map((name) => {
    const style = EDGE_STYLES[name];
    return {
      text: style.label,
      sample: (x, y) =>
        edgeMarkup(style, `M${x},${y} L${x + SAMPLE - arrowLength(style) - 1},${y}`),
    };
  });
  const nodes: Row[] = [];
  const mid = SAMPLE / 2;
  // The shape rows show real group colours (white without groups): a grey sample would read as
  // "in no group", which has its own light grey row.
  const [first, second] = c.groups.map((g) => g.color);
  if (c.hasCharacters)
    nodes.push({
      text: "character, in its group's colour",
      sample: (x, y) => characterShape(x + mid, y, 7, [first ?? SHAPE_ONLY]),
    });
  if (c.hasGroupNodes)
    nodes.push({
      text: "group, in its colour",
      sample: (x, y) => groupShape(x + mid, y, 8, first ?? SHAPE_ONLY),
    });
  for (const g of c.groups)
    nodes.push({ text: g.name, sample: (x, y) => characterShape(x + mid, y, 7, [g.color]) });
  if (c.noGroup)
    nodes.push({
      text: "in no group",
      sample: (x, y) => characterShape(x + mid, y, 7, [NO_GROUP_FILL]),
    });
  if (c.splitColours)
    nodes.push({
      text: "in two groups",
      sample: (x, y) =>
        characterShape(x + mid, y, 7, [first ?? SHAPE_ONLY, second ?? NO_GROUP_FILL]),
    });
  const marks: Row[] = [];
  const mark =
    (symbol: string, italic = false) =>
    (x: number, y: number) =>
      `<text x="${x + mid}" y="${y}" dy="0.35em" text-anchor="middle" font-size="${FONT + 1}"${italic ? ' font-style="italic"' : ""} fill="${TEXT_COLOR}">${escapeXml(symbol)}</text>`;
  if (c.dead)
    marks.push({
      text: c.at === undefined ? "killed in the film" : `dead by event ${c.at}`,
      sample: mark("†"),
    });
  if (c.unnamed)
    marks.push({ text: "unnamed in the film", sample: mark("Abc", true), italic: true });
  if (c.seqNumbers) marks.push({ text: "story order of the act", sample: mark("12") });
  const out: Section[] = [];
  if (lines.length) out.push({ heading: "Lines", rows: lines });
  if (nodes.length) out.push({ heading: "Colours and shapes", rows: nodes });
  if (marks.length) out.push({ heading: "Labels", rows: marks });
  return out;
}

const sectionWidth = (s: Section) =>
  Math.max(
    textWidth(s.heading, HEADING, true),
    ...s.rows.map((r) => SAMPLE + 8 + textWidth(r.text, FONT)),
  );
const sectionHeight = (s: Section) => HEADING + 8 + s.rows.length * ROW;

export interface Legend {
  width: number;
  height: number;
  /** The legend's markup with its top left corner at (x, y). */
  render: (x: number, y: number) => string;
}

/**
 * The legend: sections stacked (`column`, beside the network) or side by side (`row`, under
 * a wide network).
 */
export function buildLegend(content: LegendContent, arrangement: "column" | "row"): Legend {
  const parts = sections(content);
  if (parts.length === 0) return { width: 0, height: 0, render: () => "" };
  const widths = parts.map(sectionWidth);
  const heights = parts.map(sectionHeight);
  const column = arrangement === "column";
  const inner = {
    w: column
      ? Math.max(0, ...widths)
      : widths.reduce((a, b) => a + b, 0) + COLUMN_GAP * Math.max(0, parts.length - 1),
    h: column
      ? heights.reduce((a, b) => a + b, 0) + 10 * Math.max(0, parts.length - 1)
      : Math.max(0, ...heights),
  };
  const width = Math.ceil(inner.w + 2 * PAD);
  const height = Math.ceil(inner.h + 2 * PAD);
  const render = (x: number, y: number) => {
    const out = [
      `<g class="legend">`,
      `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="6" fill="#fafafa" stroke="#cccccc"/>`,
    ];
    let cx = x + PAD;
    let cy = y + PAD;
    parts.forEach((s, i) => {
      let ry = cy + HEADING;
      out.push(
        `<text x="${cx}" y="${ry}" font-size="${HEADING}" font-weight="bold" fill="${MUTED_TEXT}">${escapeXml(s.heading)}</text>`,
      );
      ry += 8;
      for (const r of s.rows) {
        const mid = ry + ROW / 2;
        out.push(r.sample(cx, mid));
        out.push(
          `<text x="${cx + SAMPLE + 8}" y="${mid}" dy="0.35em" font-size="${FONT}"${r.italic ? ' font-style="italic"' : ""} fill="${TEXT_COLOR}">${escapeXml(r.text)}</text>`,
        );
        ry += ROW;
      }
      if (column) cy += (heights[i] ?? 0) + 10;
      else cx += (widths[i] ?? 0) + COLUMN_GAP;
    });
    out.push(`</g>`);
    return out.join("\n");
  };
  return { width, height, render };
}
