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
import {
  edgeShapes,
  endPathOf,
  pathOf,
  placeSeqLabels,
  seqText,
  SEQ_SIZE,
  type EdgeShape,
} from "./edges.ts";
import { characterShape, edgeEndMarkup, edgeMarkup, groupShape, markerDefs, r1 } from "./shapes.ts";
import { edgeStyle, MUTED_TEXT, NO_GROUP_FILL, TEXT_COLOR, type EdgeStyleName } from "./style.ts";
import { legibility } from "./geometry.ts";
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
/** How much closer together than the layout a network too wide for its room may be drawn. */
const MIN_SQUEEZE = 0.6;

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
    `<text class="label" text-anchor="${anchor}" font-size="${LABEL_SIZE}"${italic}${bold} fill="${TEXT_COLOR}" stroke="#ffffff" stroke-opacity="0.8" stroke-width="3.5" stroke-linejoin="round" paint-order="stroke">${tspans}</text>`,
    `</g>`,
  ].join("\n");
}

function edgesMarkup(shapes: EdgeShape[]): string {
  const ordered = [...shapes].sort((a, b) => edgeStyle(a.edge).layer - edgeStyle(b.edge).layer);
  const lines = ordered.map((s) =>
    edgeMarkup(
      edgeStyle(s.edge),
      pathOf(s),
      ` data-source="${escapeXml(s.edge.source)}" data-target="${escapeXml(s.edge.target)}"`,
      false,
    ),
  );
  return [`<g class="edges">`, ...lines, `</g>`].join("\n");
}

/** Drawn over the nodes: each edge's last stretch with its arrowhead, then the numbers. */
function endsMarkup(shapes: EdgeShape[]): string {
  const ordered = [...shapes].sort((a, b) => edgeStyle(a.edge).layer - edgeStyle(b.edge).layer);
  const ends = ordered.map((s) =>
    edgeEndMarkup(edgeStyle(s.edge), endPathOf(s, edgeStyle(s.edge).dash ? 2 : 14)),
  );
  const numbers = ordered.flatMap((s) => {
    const text = seqText(s.edge);
    if (text === null || !s.label) return [];
    return [
      `<text x="${r1(s.label.x)}" y="${r1(s.label.y)}" dy="0.35em" text-anchor="middle" font-size="${SEQ_SIZE}" font-weight="bold" fill="${edgeStyle(s.edge).color}" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">${text}</text>`,
    ];
  });
  return [`<g class="ends">`, ...ends, `</g>`, `<g class="seq">`, ...numbers, `</g>`].join("\n");
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

/** The nodes and edges of a view drawn `squeeze` times as close together as the layout. */
function scene(view: View, layout: Map<string, Point>, squeeze: number) {
  const placed = placeView(view, layout, squeeze);
  const shapes = edgeShapes(view.edges, new Map(placed.map((p) => [p.node.id, p])));
  placeSeqLabels(shapes, placed);
  return { placed, shapes };
}

/**
 * The closest together, from `wanted` up to the layout's own spacing, at which no edge passes
 * through a node and no label or number covers another (the layout keeps them clear at full
 * spacing; drawn closer, shapes and labels keep their size and may meet).
 */
function legibleSqueeze(view: View, layout: Map<string, Point>, wanted: number) {
  for (let squeeze = wanted; squeeze < 1; squeeze = Math.min(1, squeeze + 0.1)) {
    const drawn = scene(view, layout, squeeze);
    const l = legibility(drawn.placed, drawn.shapes);
    const issues =
      l.edgeThroughNode.length + l.labelOverlap.length + l.seqOverlap.length + l.endCovered.length;
    if (issues === 0) return { squeeze, placed: drawn.placed };
  }
  return { squeeze: 1, placed: placeView(view, layout, 1) };
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
  /** What was drawn where, in the viewBox's units: for checks of what covers what. */
  scene: { placed: PlacedNode[]; shapes: EdgeShape[] };
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
    const wanted = naturalWidth > room ? Math.max(MIN_SQUEEZE, room / naturalWidth) : 1;
    const { squeeze, placed } = legibleSqueeze(view, layout, wanted);
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
  const shapes = edgeShapes(view.edges, new Map(placed.map((p) => [p.node.id, p])));
  placeSeqLabels(shapes, placed);
  if (placed.length > 0) {
    graph = [
      edgesMarkup(shapes),
      `<g class="nodes">`,
      ...placed.map((p) => nodeMarkup(p, view)),
      `</g>`,
      endsMarkup(shapes),
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
    scene: { placed, shapes },
  };
}
