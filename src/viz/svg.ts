// The network as a standalone SVG: title, edges (curved apart when several join the same two
// nodes), nodes with their labels (under them unless lines cross there) on a white halo, and the
// legend beside or under the network.
import type { Network, NetworkEdge } from "../network/index.ts";
import { buildLegend, type LegendContent } from "./legend.ts";
import {
  boundsOf,
  CHARACTER_RADIUS,
  filmLayout,
  GROUP_HALF_SIDE,
  LABEL_SIZE,
  LINE_HEIGHT,
  movePlaced,
  placeView,
  type PlacedNode,
  type Point,
} from "./layout.ts";
import { arrowLength, characterShape, edgeMarkup, groupShape, markerDefs, r1 } from "./shapes.ts";
import { edgeStyle, MUTED_TEXT, NO_GROUP_FILL, TEXT_COLOR, type EdgeStyleName } from "./style.ts";
import { escapeXml, FONT_FAMILY, textWidth } from "./text.ts";
import { networkView, type View, type ViewOptions } from "./view.ts";

export interface SvgOptions extends ViewOptions {
  /** The image's width in pixels (the drawing scales to it); 900 unless given. */
  width?: number;
  /** The network's layout (filmLayout), when the caller has it already. */
  layout?: Map<string, Point>;
}

export const DEFAULT_WIDTH = 900;
const MARGIN = 24;
const GAP = 24;
const TITLE_SIZE = 20;
const SUBTITLE_SIZE = 12.5;
const HEADER = 62;
/** Room around the node boxes for curved edges. */
const EDGE_PAD = 14;
const PARALLEL_SPACING = 26;
const SEQ_SIZE = 10.5;
/** How much closer together than the layout a network too wide for its room may be drawn. */
const MIN_SQUEEZE = 0.6;

interface EdgeShape {
  edge: NetworkEdge;
  d: string;
  /** Where the story-order number goes. */
  label: Point;
  cross: Point & { angle: number };
}

const sub = (a: Point, b: Point): Point => ({ x: a.x - b.x, y: a.y - b.y });
const unit = (v: Point): Point => {
  const l = Math.hypot(v.x, v.y) || 1;
  return { x: v.x / l, y: v.y / l };
};
const along = (from: Point, dir: Point, dist: number): Point => ({
  x: from.x + dir.x * dist,
  y: from.y + dir.y * dist,
});
const quad = (p0: Point, c: Point, p2: Point, t: number): Point => ({
  x: (1 - t) ** 2 * p0.x + 2 * (1 - t) * t * c.x + t ** 2 * p2.x,
  y: (1 - t) ** 2 * p0.y + 2 * (1 - t) * t * c.y + t ** 2 * p2.y,
});
const quadAngle = (p0: Point, c: Point, p2: Point, t: number): number =>
  Math.atan2(
    2 * (1 - t) * (c.y - p0.y) + 2 * t * (p2.y - c.y),
    2 * (1 - t) * (c.x - p0.x) + 2 * t * (p2.x - c.x),
  );

function loopShape(edge: NetworkEdge, n: PlacedNode): EdgeShape {
  const c = { x: n.x, y: n.y };
  const a0 = (-115 * Math.PI) / 180;
  const a1 = (-65 * Math.PI) / 180;
  const p0 = { x: c.x + n.radius * Math.cos(a0), y: c.y + n.radius * Math.sin(a0) };
  const c1 = { x: c.x - 30, y: c.y - n.radius - 50 };
  const c2 = { x: c.x + 30, y: c.y - n.radius - 50 };
  const tip = { x: c.x + n.radius * Math.cos(a1), y: c.y + n.radius * Math.sin(a1) };
  const p3 = along(tip, unit(sub(c2, tip)), arrowLength(edgeStyle(edge)) + 1);
  const top = {
    x: (p0.x + 3 * c1.x + 3 * c2.x + p3.x) / 8,
    y: (p0.y + 3 * c1.y + 3 * c2.y + p3.y) / 8,
  };
  return {
    edge,
    d: `M${r1(p0.x)},${r1(p0.y)} C${r1(c1.x)},${r1(c1.y)} ${r1(c2.x)},${r1(c2.y)} ${r1(p3.x)},${r1(p3.y)}`,
    label: top,
    cross: { ...top, angle: 0 },
  };
}

/** The path of every edge; edges joining the same two nodes bend apart. */
function edgeShapes(edges: NetworkEdge[], placed: Map<string, PlacedNode>): EdgeShape[] {
  const bundles = new Map<string, NetworkEdge[]>();
  for (const e of edges) {
    const key = [e.source, e.target].sort().join("\u0000");
    bundles.set(key, [...(bundles.get(key) ?? []), e]);
  }
  const shapes: EdgeShape[] = [];
  for (const bundle of bundles.values()) {
    bundle.forEach((edge, i) => {
      const s = placed.get(edge.source);
      const t = placed.get(edge.target);
      if (!s || !t) return;
      if (s === t) {
        shapes.push(loopShape(edge, s));
        return;
      }
      // Offsets are measured in the frame of the pair's sorted ids, so opposite edges share it.
      const [a, b] = edge.source < edge.target ? [s, t] : [t, s];
      const dir = unit(sub(b, a));
      const normal = { x: -dir.y, y: dir.x };
      const offset = (i - (bundle.length - 1) / 2) * PARALLEL_SPACING;
      const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      const control = along(mid, normal, 2 * offset);
      const start = along(s, unit(sub(control, s)), s.radius + 2);
      const end = along(t, unit(sub(control, t)), t.radius + 2 + arrowLength(edgeStyle(edge)));
      const d =
        offset === 0
          ? `M${r1(start.x)},${r1(start.y)} L${r1(end.x)},${r1(end.y)}`
          : `M${r1(start.x)},${r1(start.y)} Q${r1(control.x)},${r1(control.y)} ${r1(end.x)},${r1(end.y)}`;
      // A killing's number sits before its cross, so the two stay apart on a short line.
      const crossT = 0.66;
      shapes.push({
        edge,
        d,
        label: quad(start, control, end, edgeStyle(edge).cross ? 0.36 : 0.5),
        cross: {
          ...quad(start, control, end, crossT),
          angle: quadAngle(start, control, end, crossT),
        },
      });
    });
  }
  return shapes;
}

function nodeMarkup(p: PlacedNode, view: View): string {
  const n = p.node;
  // In the groups' own order (the database lists a character's groups in any order).
  const order = [...view.groupColors.keys()];
  const colors = (n.kind === "group" ? [n.id] : [...n.groups])
    .sort((a, b) => order.indexOf(a) - order.indexOf(b))
    .map((g) => view.groupColors.get(g))
    .filter((c): c is string => c !== undefined);
  const shape =
    n.kind === "group"
      ? groupShape(p.x, p.y, GROUP_HALF_SIDE, colors[0] ?? "#bbbbbb")
      : characterShape(p.x, p.y, CHARACTER_RADIUS, colors);
  // The first baseline sits a cap height below the label box's top.
  const y0 = p.label.y1 + LABEL_SIZE * 0.78;
  const [x, anchor] =
    p.labelSide === "right"
      ? [p.label.x1, "start"]
      : p.labelSide === "left"
        ? [p.label.x2, "end"]
        : [(p.label.x1 + p.label.x2) / 2, "middle"];
  const tspans = p.lines
    .map(
      (line, i) =>
        `<tspan x="${r1(x)}" ${i === 0 ? `y="${r1(y0)}"` : `dy="${LINE_HEIGHT}"`}>${escapeXml(line)}</tspan>`,
    )
    .join("");
  const italic = n.unnamed ? ' font-style="italic"' : "";
  const bold = n.kind === "group" ? ' font-weight="bold"' : "";
  const about = [n.kind === "group" ? `group (${n.role})` : n.role, n.fate]
    .filter(Boolean)
    .join(", ");
  return [
    `<g class="node ${n.kind}" data-id="${escapeXml(n.id)}">`,
    `<title>${escapeXml(`${n.name}: ${about}`)}</title>`,
    shape,
    `<text class="label" text-anchor="${anchor}" font-size="${LABEL_SIZE}"${italic}${bold} fill="${TEXT_COLOR}" stroke="#ffffff" stroke-width="3.5" stroke-linejoin="round" paint-order="stroke">${tspans}</text>`,
    `</g>`,
  ].join("\n");
}

function edgesMarkup(shapes: EdgeShape[]): string {
  const ordered = [...shapes].sort((a, b) => edgeStyle(a.edge).layer - edgeStyle(b.edge).layer);
  const lines = ordered.map((s) =>
    edgeMarkup(
      edgeStyle(s.edge),
      s.d,
      s.cross,
      ` data-source="${escapeXml(s.edge.source)}" data-target="${escapeXml(s.edge.target)}"`,
    ),
  );
  const numbers = ordered
    .filter((s) => s.edge.type !== "LOYAL_TO" && s.edge.seq !== null)
    .map(
      (s) =>
        `<text x="${r1(s.label.x)}" y="${r1(s.label.y)}" dy="0.35em" text-anchor="middle" font-size="${SEQ_SIZE}" font-weight="bold" fill="${edgeStyle(s.edge).color}" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">${s.edge.seq}</text>`,
    );
  return [`<g class="edges">`, ...lines, `</g>`, `<g class="seq">`, ...numbers, `</g>`].join("\n");
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function subtitle(view: View): string {
  const characters = view.nodes.filter((n) => n.kind === "character").length;
  const groups = view.nodes.length - characters;
  const count = (type: NetworkEdge["type"]) => view.edges.filter((e) => e.type === type).length;
  const parts = [
    plural(characters, "character", "characters") +
      (groups ? ` and ${plural(groups, "group", "groups")}` : ""),
    [
      view.kinds.includes("betrayals") && plural(count("BETRAYED"), "betrayal", "betrayals"),
      view.kinds.includes("killings") && plural(count("KILLED"), "killing", "killings"),
      view.kinds.includes("woundings") && plural(count("WOUNDED"), "wounding", "woundings"),
      view.kinds.includes("loyalties") && plural(count("LOYAL_TO"), "loyalty", "loyalties"),
    ]
      .filter(Boolean)
      .join(", "),
  ];
  return parts.join("; ");
}

function legendContent(view: View): LegendContent {
  const characters = view.nodes.filter((n) => n.kind === "character");
  return {
    styles: new Set<EdgeStyleName>(view.edges.map((e) => edgeStyle(e).name)),
    groups: view.groupsShown.map((g) => ({
      name: g.name,
      color: view.groupColors.get(g.id) ?? NO_GROUP_FILL,
    })),
    hasCharacters: characters.length > 0,
    hasGroupNodes: view.nodes.some((n) => n.kind === "group"),
    noGroup: characters.some((n) => !n.groups.some((g) => view.groupColors.has(g))),
    splitColours: characters.some(
      (n) => n.groups.filter((g) => view.groupColors.has(g)).length > 1,
    ),
    dead: view.dead.size > 0,
    at: view.at,
    unnamed: view.nodes.some((n) => n.unnamed),
    seqNumbers: view.edges.some((e) => e.type !== "LOYAL_TO" && e.seq !== null),
  };
}

export interface Rendered {
  svg: string;
  view: View;
  /** Where each drawn node's centre is, in the drawing's own units (the viewBox). */
  positions: Map<string, Point>;
  /** How much closer together than the layout the nodes are drawn. */
  squeeze: number;
  /** The drawing's own size (the viewBox). */
  viewBox: { width: number; height: number };
}

/** Lays out and draws the network as an SVG document. */
export function renderNetwork(network: Network, options: SvgOptions = {}): Rendered {
  const width = options.width ?? DEFAULT_WIDTH;
  const view = networkView(network, options);
  const content = legendContent(view);

  // Every view of a film draws its nodes where the film's one layout puts them.
  const layout = options.layout ?? filmLayout(network);

  // The legend goes in the top right corner, the network beside it, or the legend goes under
  // the network: whichever keeps the text larger, else the shorter picture. A network wider
  // than its room is drawn closer together (to MIN_SQUEEZE), then the whole picture shrinks.
  const full = width - 2 * MARGIN;
  const arrangements = (["beside", "under"] as const).map((where) => {
    const legend = buildLegend(content, where === "beside" ? "column" : "row");
    const beside = where === "beside";
    const room = (beside ? full - GAP - legend.width : full) - 2 * EDGE_PAD;
    const natural = boundsOf(placeView(view, layout), 0);
    const naturalWidth = natural ? natural.x2 - natural.x1 : 0;
    const squeeze = naturalWidth > room ? Math.max(MIN_SQUEEZE, room / naturalWidth) : 1;
    const placed = placeView(view, layout, squeeze);
    const bounds = boundsOf(placed, EDGE_PAD) ?? { x1: 0, y1: 0, x2: room, y2: 80 };
    const graphWidth = bounds.x2 - bounds.x1;
    const graphHeight = bounds.y2 - bounds.y1;
    const legendX = beside ? MARGIN + Math.max(graphWidth, room) + GAP : MARGIN;
    const legendY = MARGIN + HEADER + (beside ? 0 : graphHeight + GAP);
    const contentWidth = Math.max(
      MARGIN + graphWidth + MARGIN,
      MARGIN + textWidth(view.title, TITLE_SIZE, true) + MARGIN,
      beside ? legendX + legend.width + MARGIN : MARGIN + legend.width + MARGIN,
    );
    const contentHeight = beside
      ? Math.max(graphHeight, legend.height)
      : graphHeight + GAP + legend.height;
    const totalHeight = MARGIN + HEADER + contentHeight + MARGIN;
    // Drawn at `width`, a picture wider than that shrinks, and its text with it.
    const scale = Math.min(1, width / contentWidth);
    const moved = movePlaced(placed, MARGIN - bounds.x1, MARGIN + HEADER - bounds.y1);
    return { legend, placed: moved, legendX, legendY, contentWidth, totalHeight, scale, squeeze };
  });
  const [a, b] = arrangements;
  const chosen =
    a &&
    b &&
    (b.scale > a.scale + 0.02 ||
      (b.scale > a.scale - 0.02 && b.totalHeight * b.scale < a.totalHeight * a.scale * 0.9))
      ? b
      : (a ?? b);
  if (!chosen) throw new Error("no arrangement");
  const { legend, placed, legendX, legendY } = chosen;

  const title = [
    `<text x="${MARGIN}" y="${MARGIN + TITLE_SIZE - 2}" font-size="${TITLE_SIZE}" font-weight="bold" fill="${TEXT_COLOR}">${escapeXml(view.title)}</text>`,
    `<text x="${MARGIN}" y="${MARGIN + TITLE_SIZE + 20}" font-size="${SUBTITLE_SIZE}" fill="${MUTED_TEXT}">${escapeXml(subtitle(view))}</text>`,
  ].join("\n");
  const top = MARGIN + HEADER;

  let graph: string;
  if (placed.length > 0) {
    const byId = new Map(placed.map((p) => [p.node.id, p]));
    graph = [
      edgesMarkup(edgeShapes(view.edges, byId)),
      `<g class="nodes">`,
      ...placed.map((p) => nodeMarkup(p, view)),
      `</g>`,
    ].join("\n");
  } else {
    const what = `No ${view.kinds.join(" or ")}${view.at === undefined ? "" : ` by event ${view.at}`}.`;
    graph = `<text x="${MARGIN}" y="${top + 40}" font-size="14" fill="${MUTED_TEXT}">${escapeXml(what)}</text>`;
  }

  const boxWidth = Math.ceil(Math.max(width, chosen.contentWidth));
  const boxHeight = Math.ceil(chosen.totalHeight);
  const height = Math.round((boxHeight * width) / boxWidth);
  const svg = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${boxWidth} ${boxHeight}" font-family="${escapeXml(FONT_FAMILY)}" role="img">`,
    `<title>${escapeXml(view.title)}</title>`,
    `<desc>${escapeXml(`${subtitle(view)}. Drawn by heistgraph.`)}</desc>`,
    `<defs>\n${markerDefs()}\n</defs>`,
    `<rect width="${boxWidth}" height="${boxHeight}" fill="#ffffff"/>`,
    title,
    graph,
    legend.render(legendX, legendY),
    `</svg>`,
    ``,
  ].join("\n");
  return {
    svg,
    view,
    positions: new Map(placed.map((p) => [p.node.id, { x: p.x, y: p.y }])),
    squeeze: chosen.squeeze,
    viewBox: { width: boxWidth, height: boxHeight },
  };
}
