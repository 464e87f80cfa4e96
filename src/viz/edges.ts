// Where the network's edges run and where their story-order numbers sit: straight between the
// nodes, bent apart when several join the same two nodes; each number on its own line, moved
// along it until it covers no other number, node or label.
import type { NetworkEdge } from "../network/index.ts";
import { overlaps, quad } from "./geometry.ts";
import type { Box, PlacedNode, Point } from "./layout.ts";
import { arrowLength } from "./shapes.ts";
import { edgeStyle } from "./style.ts";
import { textWidth } from "./text.ts";

export const PARALLEL_SPACING = 26;
export const SEQ_SIZE = 10.5;

export interface EdgeShape {
  edge: NetworkEdge;
  /** The curve: a straight line (control undefined), a quadratic, or a loop's cubic. */
  start: Point;
  end: Point;
  control?: Point;
  loop?: { c1: Point; c2: Point };
  /** Where the arrowhead's tip touches the target. */
  tip: Point;
  /** The curve as a polyline, for geometry (what it passes through). */
  points: Point[];
  /** Where the story-order number goes (null: none shown). */
  label: Point | null;
  labelBox: Box | null;
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
const cubic = (p0: Point, c1: Point, c2: Point, p3: Point, t: number): Point => ({
  x:
    (1 - t) ** 3 * p0.x + 3 * (1 - t) ** 2 * t * c1.x + 3 * (1 - t) * t ** 2 * c2.x + t ** 3 * p3.x,
  y:
    (1 - t) ** 3 * p0.y + 3 * (1 - t) ** 2 * t * c1.y + 3 * (1 - t) * t ** 2 * c2.y + t ** 3 * p3.y,
});
const STEPS = 16;

function loopShape(edge: NetworkEdge, n: PlacedNode): EdgeShape {
  const c = { x: n.x, y: n.y };
  const a0 = (-115 * Math.PI) / 180;
  const a1 = (-65 * Math.PI) / 180;
  const p0 = { x: c.x + n.radius * Math.cos(a0), y: c.y + n.radius * Math.sin(a0) };
  const c1 = { x: c.x - 30, y: c.y - n.radius - 50 };
  const c2 = { x: c.x + 30, y: c.y - n.radius - 50 };
  const tip = { x: c.x + n.radius * Math.cos(a1), y: c.y + n.radius * Math.sin(a1) };
  const p3 = along(tip, unit(sub(c2, tip)), arrowLength(edgeStyle(edge)) + 1);
  return {
    edge,
    start: p0,
    end: p3,
    loop: { c1, c2 },
    tip,
    points: Array.from({ length: STEPS + 1 }, (_, i) => cubic(p0, c1, c2, p3, i / STEPS)),
    label: cubic(p0, c1, c2, p3, 0.5),
    labelBox: null,
  };
}

/** The SVG path of a shape. */
export function pathOf(s: EdgeShape): string {
  const r = (n: number) => String(Math.round(n * 10) / 10);
  const p = (q: Point) => `${r(q.x)},${r(q.y)}`;
  if (s.loop) return `M${p(s.start)} C${p(s.loop.c1)} ${p(s.loop.c2)} ${p(s.end)}`;
  if (s.control) return `M${p(s.start)} Q${p(s.control)} ${p(s.end)}`;
  return `M${p(s.start)} L${p(s.end)}`;
}

/**
 * The last stretch of a shape, drawn again over the labels with the arrowhead so no label
 * ever hides where an edge arrives.
 */
export function endPathOf(s: EdgeShape, length = 14): string {
  const r = (n: number) => String(Math.round(n * 10) / 10);
  const last = s.points[s.points.length - 1] ?? s.end;
  let from = s.points[s.points.length - 2] ?? s.start;
  for (let i = s.points.length - 2; i >= 0; i--) {
    const q = s.points[i];
    if (!q) break;
    from = q;
    if (Math.hypot(q.x - last.x, q.y - last.y) >= length) break;
  }
  const dir = unit(sub(last, from));
  const a = along(last, dir, -Math.min(length, Math.hypot(last.x - from.x, last.y - from.y)));
  return `M${r(a.x)},${r(a.y)} L${r(last.x)},${r(last.y)}`;
}

export const seqText = (e: NetworkEdge): string | null =>
  e.type !== "LOYAL_TO" && e.seq !== null ? String(e.seq) : null;

export function seqBoxAt(text: string, at: Point): Box {
  const w = textWidth(text, SEQ_SIZE, true) + 4;
  const h = SEQ_SIZE + 3;
  return { x1: at.x - w / 2, x2: at.x + w / 2, y1: at.y - h / 2, y2: at.y + h / 2 };
}

/**
 * Where a number is tried: along its line, nearest the middle first, then (where the line is
 * crowded) just beside it, on either side.
 */
const SEQ_AT: [number, number][] = [
  0.5, 0.4, 0.6, 0.32, 0.68, 0.25, 0.75, 0.45, 0.55, 0.2, 0.8, 0.36, 0.64,
]
  .map((t): [number, number] => [t, 0])
  .concat(
    [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78].flatMap((t): [number, number][] => [
      [t, SEQ_SIZE],
      [t, -SEQ_SIZE],
    ]),
  );

/** The unit normal of a quadratic curve at t. */
function normalAt(p0: Point, c: Point, p2: Point, t: number): Point {
  const d = unit({
    x: 2 * (1 - t) * (c.x - p0.x) + 2 * t * (p2.x - c.x),
    y: 2 * (1 - t) * (c.y - p0.y) + 2 * t * (p2.y - c.y),
  });
  return { x: -d.y, y: d.x };
}

/** The path of every edge; edges joining the same two nodes bend apart. */
export function edgeShapes(edges: NetworkEdge[], placed: Map<string, PlacedNode>): EdgeShape[] {
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
      const tip = along(t, unit(sub(control, t)), t.radius + 1);
      const end = along(t, unit(sub(control, t)), t.radius + 2 + arrowLength(edgeStyle(edge)));
      const curved = offset !== 0;
      shapes.push({
        edge,
        start,
        end,
        ...(curved ? { control } : {}),
        tip,
        points: curved
          ? [
              ...Array.from({ length: STEPS + 1 }, (_, k) => quad(start, control, end, k / STEPS)),
              tip,
            ]
          : [start, end, tip],
        label: quad(start, control, end, 0.5),
        labelBox: null,
      });
    });
  }
  return shapes;
}

/**
 * Puts each edge's number on its line where it covers no other number, node shape or label
 * (nearest the middle that does).
 */
export function placeSeqLabels(shapes: EdgeShape[], placed: PlacedNode[]): void {
  const taken: Box[] = [];
  const shapesOf = placed.map((p) => ({
    x1: p.x - p.radius - 1,
    x2: p.x + p.radius + 1,
    y1: p.y - p.radius - 1,
    y2: p.y + p.radius + 1,
  }));
  const labels = placed.map((p) => p.label);
  const ordered = [...shapes].sort(
    (a, b) => (a.edge.seq ?? 0) - (b.edge.seq ?? 0) || (a.edge.id < b.edge.id ? -1 : 1),
  );
  for (const s of ordered) {
    const text = seqText(s.edge);
    if (text === null || s.loop) {
      s.label = text === null ? null : s.label;
      s.labelBox = text === null || !s.label ? null : seqBoxAt(text, s.label);
      if (s.labelBox) taken.push(s.labelBox);
      continue;
    }
    const control = s.control ?? {
      x: (s.start.x + s.end.x) / 2,
      y: (s.start.y + s.end.y) / 2,
    };
    let best: { at: Point; box: Box; cost: number } | undefined;
    for (const [k, [t, off]] of SEQ_AT.entries()) {
      const on = quad(s.start, control, s.end, t);
      const at = off === 0 ? on : along(on, normalAt(s.start, control, s.end, t), off);
      const box = seqBoxAt(text, at);
      let cost = k * 0.001;
      for (const o of taken) if (overlaps(box, o)) cost += 10;
      for (const o of shapesOf) if (overlaps(box, o)) cost += 10;
      for (const o of labels) if (overlaps(box, o)) cost += 5;
      if (!best || cost < best.cost) best = { at, box, cost };
      if (cost < 1) break;
    }
    if (!best) continue;
    s.label = best.at;
    s.labelBox = best.box;
    taken.push(best.box);
  }
}
