// Where each node goes: cytoscape (headless) runs fcose over boxes the size of each node with its
// label, with Math.random seeded for the run so the same network always gets the same picture;
// then boxes that still overlap are pushed apart and nodes off the lines they do not join (a
// dense film is drawn wider until none is left on a line). One layout per film (filmLayout)
// serves every view of it: the page gets it from /api/network, the images draw from it.
import cytoscape from "cytoscape";
import fcose from "cytoscape-fcose";
import type { Network, NetworkNode } from "../network/index.ts";
import { overlaps, segmentHitsBox } from "./geometry.ts";
import { textWidth, wrapText } from "./text.ts";
import { compare, type View } from "./view.ts";
import { seededRandom } from "../seeded-random.ts";

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

/** Runs `work` with Math.random replaced by a seeded generator (fcose draws from it). */
function withSeededRandom<T>(work: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(SEED);
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
      for (const [a, b] of pairs) if (segmentHitsBox(a, b, label)) cost += 1;
      for (const other of items) {
        if (other === item) continue;
        const h = other.s.half;
        if (overlaps(label, { x1: other.x - h, x2: other.x + h, y1: other.y - h, y2: other.y + h }))
          cost += 100;
        if (overlaps(label, shift(labelBox(other.s, other.side), other.x, other.y))) cost += 50;
      }
      if (cost < best[1]) best = [side, cost];
    }
    item.side = best[0];
  }
}

/**
 * Pushes overlapping nodes apart along the axis where they overlap least. Sweeps along x, so a
 * round looks only at nodes whose boxes share some x (not every pair).
 */
function separate(items: Item[], margin: number, rounds = 400): void {
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    const boxes = items
      .map((item) => ({ item, box: shift(footprint(item.s, item.side), item.x, item.y) }))
      .sort((p, q) => p.box.x1 - q.box.x1);
    for (let i = 0; i < boxes.length; i++) {
      const pa = boxes[i];
      if (!pa) continue;
      for (let j = i + 1; j < boxes.length; j++) {
        const pb = boxes[j];
        if (!pb) continue;
        if (pb.box.x1 >= pa.box.x2 + margin) break;
        const { item: a, box: fa } = pa;
        const { item: b, box: fb } = pb;
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
        // Boxes moved: this round's sweep reads the old ones, the next round the new.
      }
    }
    if (!moved) return;
  }
}

/**
 * How far from a node's centre a line it does not join must pass: its shape as the page draws
 * it at the largest (a busy character's circle is bigger there), with a margin, and room for
 * the image drawing a wide network closer together.
 */
const clearance = (s: Sized): number => 1.7 * s.radius + 4;
/** How far a bundle's outer curves stray from the straight line, per extra edge. */
const BUNDLE_SPREAD = 13;

interface Line {
  a: Item;
  b: Item;
  /** How far the bundle's outer curves stray from the straight line. */
  spread: number;
}

/**
 * Moves nodes off the lines they do not join: a node too near a line is pushed away across it,
 * the line's ends a little the other way; then overlaps are pushed apart again, until no line
 * passes through a node (or the rounds run out).
 * Answers how many nodes are still on a line.
 */
function clearLines(items: Item[], lines: Line[]): number {
  for (let round = 0; round < 120; round++) {
    let hits = 0;
    for (const { a, b, spread } of lines) {
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const l2 = dx * dx + dy * dy;
      if (l2 === 0) continue;
      const len = Math.sqrt(l2);
      const nx = -dy / len;
      const ny = dx / len;
      const reach = 40 + spread;
      const x1 = Math.min(a.x, b.x) - reach;
      const x2 = Math.max(a.x, b.x) + reach;
      const y1 = Math.min(a.y, b.y) - reach;
      const y2 = Math.max(a.y, b.y) + reach;
      for (const p of items) {
        if (p === a || p === b || p.x < x1 || p.x > x2 || p.y < y1 || p.y > y2) continue;
        const t = ((p.x - a.x) * dx + (p.y - a.y) * dy) / l2;
        if (t <= 0 || t >= 1) continue;
        const side = (p.x - a.x) * nx + (p.y - a.y) * ny;
        const need = clearance(p.s) + spread;
        if (Math.abs(side) >= need) continue;
        hits++;
        const dir = side < 0 ? -1 : 1;
        const gap = need - Math.abs(side) + 1;
        p.x += nx * dir * gap * 0.7;
        p.y += ny * dir * gap * 0.7;
        a.x -= nx * dir * gap * 0.15;
        a.y -= ny * dir * gap * 0.15;
        b.x -= nx * dir * gap * 0.15;
        b.y -= ny * dir * gap * 0.15;
      }
    }
    if (hits === 0) break;
    // A few rounds each time: the pushes go on, overlaps need not all go at once.
    separate(items, 10, 8);
  }
  separate(items, 10);
  return stuckCount(items, lines);
}

/** How many nodes a line passes too near. */
function stuckCount(items: Item[], lines: Line[]): number {
  return items.filter((p) =>
    lines.some((l) => l.a !== p && l.b !== p && blocks(l.a, l.b, l.spread, p)),
  ).length;
}

/** How many times a dense film is drawn wider, and by how much each time. */
const SPREADS = 6;
const SPREAD = 1.15;
/** Relocating node by node is slow: worth it only for the last few nodes on lines. */
const RELOCATE_MAX = 12;

/** Draws the nodes `factor` times as far apart, about their centre. */
function spreadOut(items: Item[], factor: number): void {
  const cx = items.reduce((sum, i) => sum + i.x, 0) / items.length;
  const cy = items.reduce((sum, i) => sum + i.y, 0) / items.length;
  for (const i of items) {
    i.x = cx + (i.x - cx) * factor;
    i.y = cy + (i.y - cy) * factor;
  }
}

/** Whether line a-b passes too near p (p not one of its ends). */
function blocks(a: Point, b: Point, spread: number, p: Item): boolean {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const l2 = dx * dx + dy * dy;
  if (l2 === 0) return false;
  const t = ((p.x - a.x) * dx + (p.y - a.y) * dy) / l2;
  if (t <= 0 || t >= 1) return false;
  return Math.abs((p.x - a.x) * -dy + (p.y - a.y) * dx) / Math.sqrt(l2) < clearance(p.s) + spread;
}

/**
 * Where pushing did not settle (a crowded hub), moves a node still on a line, or failing that
 * one of the line's ends (the one with the fewest lines first), to the nearest free spot around
 * it: clear of every line, its own lines clear of every node, its box of all others.
 */
function relocate(items: Item[], lines: Line[], most: number): void {
  const linesOf = new Map<Item, Line[]>();
  for (const l of lines)
    for (const end of [l.a, l.b]) linesOf.set(end, [...(linesOf.get(end) ?? []), l]);
  const degree = (p: Item) => linesOf.get(p)?.length ?? 0;
  const boxes = new Map(items.map((o) => [o, shift(footprint(o.s, o.side), o.x, o.y)]));
  const fits = (p: Item): boolean => {
    for (const l of lines)
      if (l.a !== p && l.b !== p && blocks(l.a, l.b, l.spread, p)) return false;
    const box = shift(footprint(p.s, p.side), p.x, p.y);
    for (const [o, ob] of boxes) if (o !== p && overlaps(box, ob)) return false;
    for (const l of linesOf.get(p) ?? [])
      for (const o of items)
        if (o !== l.a && o !== l.b && blocks(l.a, l.b, l.spread, o)) return false;
    return true;
  };
  const move = (p: Item): boolean => {
    const home = { x: p.x, y: p.y };
    for (let r = 12; r <= 720; r += 12) {
      for (let k = 0; k < 24; k++) {
        const angle = (2 * Math.PI * k) / 24;
        p.x = home.x + r * Math.cos(angle);
        p.y = home.y + r * Math.sin(angle);
        if (fits(p)) {
          boxes.set(p, shift(footprint(p.s, p.side), p.x, p.y));
          return true;
        }
      }
    }
    [p.x, p.y] = [home.x, home.y];
    return false;
  };
  for (let pass = 0; pass < 4; pass++) {
    const stuck = lines.flatMap((l) =>
      items
        .filter((p) => p !== l.a && p !== l.b && blocks(l.a, l.b, l.spread, p))
        .map((p) => ({ l, p })),
    );
    if (stuck.length === 0 || stuck.length > most) return;
    for (const { l, p } of stuck) {
      if (!blocks(l.a, l.b, l.spread, p)) continue;
      const movers = [p, l.a, l.b].sort((u, v) => degree(u) - degree(v));
      for (const m of movers) if (move(m)) break;
    }
  }
}

/** Turns a drawing a quarter turn when it is taller than wide: screens and pages are wide. */
function landscape(items: Item[]): void {
  const xs = items.map((i) => i.x);
  const ys = items.map((i) => i.y);
  const w = Math.max(...xs) - Math.min(...xs);
  const h = Math.max(...ys) - Math.min(...ys);
  if (h <= w * 1.15) return;
  for (const i of items) [i.x, i.y] = [i.y, -i.x];
}

export interface Point {
  x: number;
  y: number;
}

/** Room between films when several are laid out side by side. */
const FILM_GAP = 120;
const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The one layout of a network: every node of each film (all edge kinds and memberships pull,
 * so members sit near their group whatever a view shows), seeded, labels given room, films
 * side by side in id order. The page and the images both draw from it, so a character stands
 * in the same place in every view, at every story time and on every load.
 */
export function filmLayout(network: Network): Map<string, Point> {
  const positions = new Map<string, Point>();
  const filmIds = [...new Set(network.nodes.map((n) => n.film))].sort(compare);
  let left = 0;
  for (const film of filmIds) {
    const nodes = network.nodes.filter((n) => n.film === film).sort((a, b) => compare(a.id, b.id));
    const ids = new Set(nodes.map((n) => n.id));
    const loops = new Set(
      network.edges.filter((e) => e.source === e.target && ids.has(e.source)).map((e) => e.source),
    );
    const pairKeys = new Map<string, [string, string]>();
    const pair = (a: string, b: string) => {
      if (a === b || !ids.has(a) || !ids.has(b)) return;
      const p: [string, string] = a < b ? [a, b] : [b, a];
      pairKeys.set(p.join("\u0000"), p);
    };
    for (const e of network.edges) pair(e.source, e.target);
    for (const n of nodes) for (const g of n.groups) pair(n.id, g);
    const sorted = [...pairKeys.values()].sort(
      (a, b) => compare(a[0], b[0]) || compare(a[1], b[1]),
    );
    // Room for the dagger the dead get, so a label never grows into a neighbour.
    const sized = nodes.map((n) =>
      size(n, n.kind === "character" ? `${n.name} †` : n.name, loops.has(n.id)),
    );
    const at = fcosePositions(sized, sorted);
    const items: Item[] = sized.map((s) => ({
      s,
      ...(at.get(s.node.id) ?? { x: 0, y: 0 }),
      side: "below",
    }));
    landscape(items);
    separate(items, 10);
    const byId = new Map(items.map((i) => [i.s.node.id, i]));
    const bundle = new Map<string, number>();
    for (const e of network.edges) {
      if (e.source === e.target || !ids.has(e.source) || !ids.has(e.target)) continue;
      const key = [e.source, e.target].sort(compare).join("\u0000");
      bundle.set(key, (bundle.get(key) ?? 0) + 1);
    }
    // Only the lines some view draws (a membership pulls in the layout but is never drawn).
    const drawn = [...bundle.keys()]
      .sort(compare)
      .map((k) => k.split("\u0000") as [string, string]);
    const lines = drawn.flatMap(([a, b]) => {
      const ia = byId.get(a);
      const ib = byId.get(b);
      const n = bundle.get(`${a}\u0000${b}`) ?? 1;
      return ia && ib ? [{ a: ia, b: ib, spread: (n - 1) * BUNDLE_SPREAD }] : [];
    });
    // A dense film can leave lines through nodes however they are pushed: drawn wider, every
    // line is further from the nodes beside it (nodes and labels keep their size).
    for (let tries = 0; clearLines(items, lines) > 0; tries++) {
      relocate(items, lines, RELOCATE_MAX);
      if (stuckCount(items, lines) === 0 || tries === SPREADS) break;
      spreadOut(items, SPREAD);
    }
    const boxes = items.map((i) => shift(footprint(i.s, i.side), i.x, i.y));
    const x0 = Math.min(...boxes.map((b) => b.x1));
    const y0 = Math.min(...boxes.map((b) => b.y1));
    for (const i of items)
      positions.set(i.s.node.id, { x: round1(i.x - x0 + left), y: round1(i.y - y0) });
    left += Math.max(...boxes.map((b) => b.x2)) - x0 + FILM_GAP;
  }
  return positions;
}

/**
 * Places a view's nodes where the layout put them (positions scaled about the origin by
 * `scale`, shapes and labels at full size) and puts each label where it covers least.
 */
export function placeView(view: View, layout: Map<string, Point>, scale = 1): PlacedNode[] {
  const loops = new Set(view.edges.filter((e) => e.source === e.target).map((e) => e.source));
  const items: Item[] = view.nodes.map((n) => {
    const at = layout.get(n.id) ?? { x: 0, y: 0 };
    return {
      s: size(n, view.dead.has(n.id) ? `${n.name} †` : n.name, loops.has(n.id)),
      x: at.x * scale,
      y: at.y * scale,
      side: "below" as LabelSide,
    };
  });
  const byId = new Map(items.map((i) => [i.s.node.id, i]));
  const pairs = view.edges
    .filter((e) => e.source !== e.target)
    .map((e) => [byId.get(e.source), byId.get(e.target)])
    .filter((p): p is [Item, Item] => p[0] !== undefined && p[1] !== undefined);
  placeLabels(items, pairs);
  return items.map((i) => ({
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

/** Moves placed nodes (shapes and labels with them). */
export function movePlaced(placed: PlacedNode[], dx: number, dy: number): PlacedNode[] {
  return placed.map((p) => ({
    ...p,
    x: p.x + dx,
    y: p.y + dy,
    label: shift(p.label, dx, dy),
    box: shift(p.box, dx, dy),
  }));
}
