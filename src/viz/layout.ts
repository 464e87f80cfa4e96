// Where each node goes: cytoscape (headless) runs fcose over boxes the size of each node with its
// label, with Math.random seeded for the run so the same network always gets the same picture;
// a last pass pushes apart any boxes that still overlap.
import cytoscape from "cytoscape";
import fcose from "cytoscape-fcose";
import type { NetworkNode } from "../network/index.ts";
import { textWidth, wrapText } from "./text.ts";
import { compare, type View } from "./view.ts";

cytoscape.use(fcose);

export const LABEL_SIZE = 12;
export const LINE_HEIGHT = 14.5;
export const CHARACTER_RADIUS = 10;
export const GROUP_HALF_SIDE = 12;
const LABEL_MAX_WIDTH = 150;
const LABEL_GAP = 5;
const PAD = 6;
/** Room above a node for an edge from it to itself. */
export const LOOP_HEIGHT = 44;
const SEED = 20240611;
/** How much closer together a part too wide for the picture may be drawn. */
const MIN_SQUEEZE = 0.75;

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export type LabelSide = "below" | "above" | "right" | "left";

export interface PlacedNode {
  node: NetworkNode;
  /** The centre of the node's circle or square. */
  x: number;
  y: number;
  /** Half the shape's size. */
  half: number;
  /** How far from the centre edges stop. */
  radius: number;
  /** The label, wrapped. */
  lines: string[];
  labelSide: LabelSide;
  /** Where the label is drawn. */
  label: Box;
  /** The node with its label (and its loop, if any). */
  box: Box;
}

interface Sized {
  node: NetworkNode;
  lines: string[];
  half: number;
  radius: number;
  labelWidth: number;
  labelHeight: number;
  loop: boolean;
}

function size(node: NetworkNode, label: string, loop: boolean): Sized {
  const lines = wrapText(label, LABEL_SIZE, LABEL_MAX_WIDTH);
  const half = node.kind === "group" ? GROUP_HALF_SIDE : CHARACTER_RADIUS;
  return {
    node,
    lines,
    half,
    radius: node.kind === "group" ? half + 2 : half,
    labelWidth: Math.max(0, ...lines.map((l) => textWidth(l, LABEL_SIZE))),
    labelHeight: lines.length * LINE_HEIGHT,
    loop,
  };
}

/** The label's box relative to the node's centre, on the given side. */
function labelBox(s: Sized, side: LabelSide): Box {
  const { half, labelWidth: w, labelHeight: h } = s;
  switch (side) {
    case "below":
      return { x1: -w / 2, x2: w / 2, y1: half + LABEL_GAP, y2: half + LABEL_GAP + h };
    case "above":
      return { x1: -w / 2, x2: w / 2, y1: -half - LABEL_GAP - h, y2: -half - LABEL_GAP };
    case "right":
      return { x1: half + LABEL_GAP, x2: half + LABEL_GAP + w, y1: -h / 2, y2: h / 2 };
    case "left":
      return { x1: -half - LABEL_GAP - w, x2: -half - LABEL_GAP, y1: -h / 2, y2: h / 2 };
  }
}

/** The room a node takes, relative to its centre: shape, label and loop, with padding. */
function footprint(s: Sized, side: LabelSide): Box {
  const l = labelBox(s, side);
  const top = s.loop ? s.half + LOOP_HEIGHT : s.half;
  return {
    x1: Math.min(-s.half - (s.loop ? 26 : 0), l.x1) - PAD,
    x2: Math.max(s.half + (s.loop ? 26 : 0), l.x2) + PAD,
    y1: Math.min(-top, l.y1) - PAD,
    y2: Math.max(s.half, l.y2) + PAD,
  };
}

const shift = (b: Box, x: number, y: number): Box => ({
  x1: b.x1 + x,
  x2: b.x2 + x,
  y1: b.y1 + y,
  y2: b.y2 + y,
});

const overlaps = (a: Box, b: Box): boolean =>
  a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** Whether the segment p-q passes through box b (Liang-Barsky clipping). */
function segmentHits(p: { x: number; y: number }, q: { x: number; y: number }, b: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const checks: [number, number][] = [
    [-dx, p.x - b.x1],
    [dx, b.x2 - p.x],
    [-dy, p.y - b.y1],
    [dy, b.y2 - p.y],
  ];
  for (const [pp, qq] of checks) {
    if (pp === 0) {
      if (qq < 0) return false;
    } else {
      const t = qq / pp;
      if (pp < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/** A small seeded generator (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `work` with Math.random replaced by a seeded generator (fcose draws from it). */
function withSeededRandom<T>(work: () => T): T {
  const original = Math.random;
  Math.random = seeded(SEED);
  try {
    return work();
  } finally {
    Math.random = original;
  }
}

function fcosePositions(
  sized: Sized[],
  pairs: [string, string][],
): Map<string, { x: number; y: number }> {
  // fcose sees each node as a box centred on its shape with room for the label on either side.
  const elements = [
    ...sized.map((s) => ({
      data: {
        id: s.node.id,
        w: Math.max(2 * s.half, s.labelWidth * 0.8) + 2 * PAD,
        h: 2 * s.half + s.labelHeight + 2 * PAD,
      },
    })),
    ...pairs.map(([a, b], i) => ({ data: { id: `pair-${i}`, source: a, target: b } })),
  ];
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements,
    style: [{ selector: "node", style: { width: "data(w)", height: "data(h)" } }],
  });
  try {
    if (sized.length > 1) {
      const options = {
        name: "fcose",
        quality: "proof",
        randomize: true,
        animate: false,
        fit: false,
        padding: 0,
        nodeDimensionsIncludeLabels: false,
        packComponents: true,
        tile: true,
        nodeSeparation: 40,
        // Edges between busy nodes get longer, so the crowd around a hub has room.
        idealEdgeLength: (edge: cytoscape.EdgeSingular) =>
          60 + 20 * Math.sqrt(edge.source().degree(false) * edge.target().degree(false)),
        nodeRepulsion: () => 15000,
        edgeElasticity: () => 0.45,
        gravity: 0.4,
        gravityRange: 3.8,
        numIter: 5000,
      };
      withSeededRandom(() => cy.layout(options).run());
    }
    return new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }]));
  } finally {
    cy.destroy();
  }
}

interface Item {
  s: Sized;
  x: number;
  y: number;
  side: LabelSide;
}

const SIDES: [LabelSide, number][] = [
  ["below", 0],
  ["above", 0.3],
  ["right", 0.45],
  ["left", 0.5],
];

/**
 * Puts each label on the side of its node where the fewest lines cross it and it covers no
 * other node or label; under the node when nothing speaks against it.
 */
function placeLabels(items: Item[], pairs: [Item, Item][]): void {
  const order = [...items].sort(
    (a, b) => pairs.filter((p) => p.includes(b)).length - pairs.filter((p) => p.includes(a)).length,
  );
  for (const item of order) {
    let best: [LabelSide, number] = ["below", Infinity];
    for (const [side, preference] of SIDES) {
      if (side === "above" && item.s.loop) continue;
      const label = shift(labelBox(item.s, side), item.x, item.y);
      let cost = preference;
      for (const [a, b] of pairs) if (segmentHits(a, b, label)) cost += 1;
      for (const other of items) {
        if (other === item) continue;
        const h = other.s.half;
        if (overlaps(label, { x1: other.x - h, x2: other.x + h, y1: other.y - h, y2: other.y + h }))
          cost += 3;
        if (overlaps(label, shift(labelBox(other.s, other.side), other.x, other.y))) cost += 2;
      }
      if (cost < best[1]) best = [side, cost];
    }
    item.side = best[0];
  }
}

/** Pushes overlapping nodes apart along the axis where they overlap least. */
function separate(items: Item[], margin: number): void {
  for (let round = 0; round < 400; round++) {
    let moved = false;
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const a = items[i];
        const b = items[j];
        if (!a || !b) continue;
        const fa = shift(footprint(a.s, a.side), a.x, a.y);
        const fb = shift(footprint(b.s, b.side), b.x, b.y);
        const ox = Math.min(fa.x2, fb.x2) - Math.max(fa.x1, fb.x1) + margin;
        const oy = Math.min(fa.y2, fb.y2) - Math.max(fa.y1, fb.y1) + margin;
        if (ox <= 0 || oy <= 0) continue;
        moved = true;
        const cx = (fb.x1 + fb.x2 - fa.x1 - fa.x2) / 2;
        const cy = (fb.y1 + fb.y2 - fa.y1 - fa.y2) / 2;
        if (ox < oy) {
          const push = (ox / 2 + 0.5) * (cx < 0 ? -1 : 1);
          a.x -= push;
          b.x += push;
        } else {
          const push = (oy / 2 + 0.5) * (cy < 0 ? -1 : 1);
          a.y -= push;
          b.y += push;
        }
      }
    }
    if (!moved) return;
  }
}

/** The connected parts of the network, each a list of its items; the largest first. */
function components(items: Item[], pairs: [Item, Item][]): Item[][] {
  const parent = new Map(items.map((i) => [i, i]));
  const find = (i: Item): Item => {
    let root = i;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    return root;
  };
  for (const [a, b] of pairs) parent.set(find(a), find(b));
  const groups = new Map<Item, Item[]>();
  for (const i of items) groups.set(find(i), [...(groups.get(find(i)) ?? []), i]);
  return [...groups.values()].sort(
    (a, b) => b.length - a.length || compare(a[0]?.s.node.id ?? "", b[0]?.s.node.id ?? ""),
  );
}

/** Turns a part a quarter turn when it is taller than wide, so parts sit well in rows. */
function landscape(part: Item[]): void {
  const xs = part.map((i) => i.x);
  const ys = part.map((i) => i.y);
  const w = Math.max(...xs) - Math.min(...xs);
  const h = Math.max(...ys) - Math.min(...ys);
  if (h <= w * 1.15) return;
  for (const i of part) [i.x, i.y] = [i.y, -i.x];
}

/**
 * Lays out the view's nodes and their labels, each connected part on its own (at its own
 * origin): labels are the names, with † for the dead. Pack the parts with packParts.
 */
export function layoutParts(view: View, room: number): PlacedNode[][] {
  const loops = new Set(view.edges.filter((e) => e.source === e.target).map((e) => e.source));
  const sized = view.nodes.map((n) =>
    size(n, view.dead.has(n.id) ? `${n.name} †` : n.name, loops.has(n.id)),
  );
  const pairKeys = new Map<string, [string, string]>();
  for (const e of view.edges) {
    if (e.source === e.target) continue;
    const pair: [string, string] =
      e.source < e.target ? [e.source, e.target] : [e.target, e.source];
    pairKeys.set(pair.join("\u0000"), pair);
  }
  const positions = fcosePositions(sized, [...pairKeys.values()]);
  const items: Item[] = sized.map((s) => ({
    s,
    ...(positions.get(s.node.id) ?? { x: 0, y: 0 }),
    side: "below",
  }));
  const byId = new Map(items.map((i) => [i.s.node.id, i]));
  const pairs = [...pairKeys.values()]
    .map(([a, b]) => [byId.get(a), byId.get(b)])
    .filter((p): p is [Item, Item] => p[0] !== undefined && p[1] !== undefined);
  return components(items, pairs).map((part) => {
    const inPart = new Set(part);
    const partPairs = pairs.filter(([a]) => inPart.has(a));
    landscape(part);
    const settle = () => {
      separate(part, 8);
      for (let pass = 0; pass < 2; pass++) {
        placeLabels(part, partPairs);
        separate(part, 8);
      }
    };
    settle();
    // A part wider than the room is drawn closer together (a little), then spread where it
    // crowds.
    const boxes = part.map((i) => shift(footprint(i.s, i.side), i.x, i.y));
    const width = Math.max(...boxes.map((b) => b.x2)) - Math.min(...boxes.map((b) => b.x1));
    if (width > room) {
      const f = Math.max(MIN_SQUEEZE, room / width);
      const cx = part.reduce((sum, i) => sum + i.x, 0) / part.length;
      const cy = part.reduce((sum, i) => sum + i.y, 0) / part.length;
      for (const i of part) {
        i.x = cx + (i.x - cx) * f;
        i.y = cy + (i.y - cy) * f;
      }
      settle();
    }
    return part.map((i) => ({
      node: i.s.node,
      x: i.x,
      y: i.y,
      half: i.s.half,
      radius: i.s.radius,
      lines: i.s.lines,
      labelSide: i.side,
      label: shift(labelBox(i.s, i.side), i.x, i.y),
      box: shift(footprint(i.s, i.side), i.x, i.y),
    }));
  });
}

/** The room placed nodes take, widened by `pad` for curved edges. */
export function boundsOf(placed: PlacedNode[], pad: number): Box | undefined {
  if (placed.length === 0) return undefined;
  return {
    x1: Math.min(...placed.map((p) => p.box.x1)) - pad,
    y1: Math.min(...placed.map((p) => p.box.y1)) - pad,
    x2: Math.max(...placed.map((p) => p.box.x2)) + pad,
    y2: Math.max(...placed.map((p) => p.box.y2)) + pad,
  };
}

export interface PackedRow {
  top: number;
  height: number;
  /** The row's room, or its width when wider: the row is centred in it from x = 0. */
  extent: number;
}

/**
 * Packs the parts, largest first, in rows no wider than `roomAt(top of the row)` (a part wider
 * than that gets a row of its own), each row centred in its room, from (0, 0) down.
 */
export function packParts(
  parts: PlacedNode[][],
  roomAt: (top: number) => number,
  pad: number,
): { placed: PlacedNode[]; rows: PackedRow[]; height: number } {
  const placed: PlacedNode[] = [];
  const rows: PackedRow[] = [];
  let top = 0;
  let row: { items: [PlacedNode[], Box][]; width: number; height: number } | undefined;
  const finish = () => {
    if (!row) return;
    const extent = Math.max(roomAt(top), row.width);
    let x = (extent - row.width) / 2;
    for (const [part, b] of row.items) {
      const y = top + (row.height - (b.y2 - b.y1)) / 2;
      placed.push(...transformPlaced(part, 1, x - b.x1, y - b.y1));
      x += b.x2 - b.x1;
    }
    rows.push({ top, height: row.height, extent });
    top += row.height;
    row = undefined;
  };
  for (const part of parts) {
    const b = boundsOf(part, pad);
    if (!b) continue;
    const w = b.x2 - b.x1;
    if (row && row.width + w > roomAt(top)) finish();
    row ??= { items: [], width: 0, height: 0 };
    row.items.push([part, b]);
    row.width += w;
    row.height = Math.max(row.height, b.y2 - b.y1);
  }
  finish();
  return { placed, rows, height: top };
}

/** Moves and scales node positions (about the origin): shapes and labels keep their size. */
export function transformPlaced(
  placed: PlacedNode[],
  scale: number,
  dx: number,
  dy: number,
): PlacedNode[] {
  return placed.map((p) => {
    const x = p.x * scale + dx;
    const y = p.y * scale + dy;
    return {
      ...p,
      x,
      y,
      label: shift(p.label, x - p.x, y - p.y),
      box: shift(p.box, x - p.x, y - p.y),
    };
  });
}
