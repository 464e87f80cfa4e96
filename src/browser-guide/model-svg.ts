// The model picture of docs/model.md as an inline SVG for the Browser guide, in the colours
// of heistgraph.grass, so the guide shows the nodes as Browser will draw them.
import { EDGE_LOOKS } from "../network/grammar.ts";
import type { GrassStyle } from "./grass.ts";

interface Box {
  label: string;
  x: number;
  y: number;
}

const RADIUS = 34;

const NODES: Box[] = [
  { label: "Character", x: 300, y: 150 },
  { label: "Group", x: 300, y: 350 },
  { label: "Disagreement", x: 90, y: 150 },
  { label: "Event", x: 560, y: 250 },
  { label: "Film", x: 790, y: 110 },
  { label: "Source", x: 930, y: 250 },
  { label: "Place", x: 790, y: 370 },
];

interface Edge {
  from: string;
  to: string;
  text: string;
  /** Sideways bend of the curve, in pixels (0: straight). */
  bend?: number;
  colour?: string;
  /** Label position along the curve's middle: anchor and offset. */
  anchor?: "start" | "middle" | "end";
  dx?: number;
  dy?: number;
}

const EDGES: Edge[] = [
  { from: "Character", to: "Film", text: "APPEARS_IN (groups too)", bend: -20 },
  { from: "Event", to: "Film", text: "IN_FILM", anchor: "start", dx: 6, dy: 4 },
  { from: "Source", to: "Film", text: "SUMMARISES", anchor: "start", dx: 8, dy: 4 },
  { from: "Event", to: "Place", text: "TOOK_PLACE_AT", anchor: "start", dx: 8, dy: 4 },
  { from: "Character", to: "Event", text: "PARTICIPATED_IN", dy: -2 },
  { from: "Group", to: "Event", text: "PARTICIPATED_IN", dy: 16 },
  {
    from: "Character",
    to: "Group",
    text: "MEMBER_OF / LOYAL_TO / BETRAYED",
    bend: 40,
    colour: EDGE_LOOKS.loyalty.paint.hex,
    anchor: "end",
    dx: -6,
    dy: 4,
  },
  {
    from: "Group",
    to: "Character",
    text: "KILLED / WOUNDED / ...",
    bend: 40,
    colour: EDGE_LOOKS.killing.paint.hex,
    anchor: "start",
    dx: 6,
    dy: 4,
  },
  { from: "Disagreement", to: "Character", text: "ABOUT (any node)", dy: -2 },
];

interface Loop {
  node: string;
  text: string[];
  /** Where the loop sits: angle in degrees, 0 = right, 90 = down. */
  angle: number;
  colour?: string;
}

const LOOPS: Loop[] = [
  { node: "Event", text: ["NEXT"], angle: 90 },
  { node: "Place", text: ["LOCATED_IN"], angle: 90 },
  {
    node: "Character",
    text: [
      "KILLED / WOUNDED / BETRAYED {coerced} / ...",
      "LOYAL_TO {covert} / KNOWS_SECRET_OF",
      "MARRIED_TO / PARENT_OF / INFORMANT_FOR / ...",
    ],
    angle: -90,
    colour: EDGE_LOOKS.betrayal.paint.hex,
  },
];

const TEXT = `font-size="11" fill="#333" paint-order="stroke" stroke="#fff" stroke-width="3"`;

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function node(name: string): Box {
  const found = NODES.find((n) => n.label === name);
  if (!found) throw new Error(`no node ${name} in the model picture`);
  return found;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** A curve from circle edge to circle edge, bent sideways by `bend`; its label at the middle. */
function edgeSvg(edge: Edge): string {
  const a = node(edge.from);
  const b = node(edge.to);
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy);
  const [nx, ny] = [-dy / length, dx / length];
  const bend = edge.bend ?? 0;
  const control = { x: (a.x + b.x) / 2 + nx * bend * 2, y: (a.y + b.y) / 2 + ny * bend * 2 };
  const towards = (from: Box, to: { x: number; y: number }, gap: number) => {
    const d = Math.hypot(to.x - from.x, to.y - from.y);
    return { x: from.x + ((to.x - from.x) / d) * gap, y: from.y + ((to.y - from.y) / d) * gap };
  };
  const start = towards(a, control, RADIUS);
  const end = towards(b, control, RADIUS + 4);
  const mid = {
    x: 0.25 * start.x + 0.5 * control.x + 0.25 * end.x,
    y: 0.25 * start.y + 0.5 * control.y + 0.25 * end.y,
  };
  const colour = edge.colour ?? "#8A8F98";
  return [
    `<path d="M${round(start.x)},${round(start.y)} Q${round(control.x)},${round(control.y)} ${round(end.x)},${round(end.y)}" fill="none" stroke="${colour}" stroke-width="1.6" marker-end="url(#hg-arrow)"/>`,
    `<text x="${round(mid.x + (edge.dx ?? 0))}" y="${round(mid.y + (edge.dy ?? -4))}" text-anchor="${edge.anchor ?? "middle"}" ${TEXT}>${escapeXml(edge.text)}</text>`,
  ].join("\n");
}

function loopSvg(loop: Loop): string {
  const n = node(loop.node);
  const angle = (loop.angle * Math.PI) / 180;
  const spread = 0.5;
  const point = (a: number, r: number) => ({
    x: round(n.x + Math.cos(a) * r),
    y: round(n.y + Math.sin(a) * r),
  });
  const reach = RADIUS + 60;
  const start = point(angle - spread, RADIUS);
  const end = point(angle + spread, RADIUS + 4);
  const c1 = point(angle - spread * 1.2, reach);
  const c2 = point(angle + spread * 1.2, reach);
  // The curve's apex is about three quarters of the way out to its control points.
  const apex = point(angle, 0.25 * RADIUS + 0.75 * reach * Math.cos(spread * 1.2));
  const label = { x: apex.x, y: apex.y };
  const below = Math.sin(angle) > 0;
  const lines = loop.text
    .map((line, i) => {
      const y = below ? label.y + 15 + i * 13 : label.y - 6 - (loop.text.length - 1 - i) * 13;
      return `<text x="${label.x}" y="${round(y)}" text-anchor="middle" ${TEXT}>${escapeXml(line)}</text>`;
    })
    .join("\n");
  return [
    `<path d="M${start.x},${start.y} C${c1.x},${c1.y} ${c2.x},${c2.y} ${end.x},${end.y}" fill="none" stroke="${loop.colour ?? "#8A8F98"}" stroke-width="1.6" marker-end="url(#hg-arrow)"/>`,
    lines,
  ].join("\n");
}

/** The model as an SVG element, each label filled with its colour from the style. */
export function modelSvg(style: GrassStyle): string {
  const circles = NODES.map((n) => {
    const look = style[`node.${n.label}`] ?? {};
    const fill = look.color ?? "#A5ABB6";
    const border = look["border-color"] ?? "#9AA1AC";
    const text = look["text-color-internal"] ?? "#FFFFFF";
    return [
      `<circle cx="${n.x}" cy="${n.y}" r="${RADIUS}" fill="${fill}" stroke="${border}" stroke-width="2"/>`,
      `<text x="${n.x}" y="${n.y + 4}" text-anchor="middle" font-size="${n.label.length > 9 ? 9 : 12}" font-weight="bold" fill="${text}">${escapeXml(n.label)}</text>`,
    ].join("\n");
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 470" width="100%" role="img" aria-label="The heistgraph model: characters, groups, events, places, films, sources and disagreements" style="max-width: 760px; font-family: sans-serif">`,
    `<defs><marker id="hg-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#666"/></marker></defs>`,
    ...EDGES.map(edgeSvg),
    ...LOOPS.map(loopSvg),
    ...circles,
    `</svg>`,
  ].join("\n");
}
