// What covers what in a drawn network, counted on the geometry (no pixels): edges passing
// through nodes they do not join, labels covering nodes, labels or edge ends, numbers piled on
// numbers; and the lines the page draws from the same layout through nodes. The tests require
// zero of each for the films and for generated stories.
import type { EdgeShape } from "./edges.ts";
import type { Network } from "../network/index.ts";
import type { Box, PlacedNode, Point } from "./layout.ts";

export interface Legibility {
  /** An edge passing through the shape of a node it does not join. */
  edgeThroughNode: string[];
  /** A label over another node's shape or another label. */
  labelOverlap: string[];
  /** A label over the tip of an edge's arrowhead. */
  endCovered: string[];
  /** A story-order number over another number, a node's shape or a label. */
  seqOverlap: string[];
  /** Edges crossing a label of a node they do not join (reported, not required to be zero). */
  edgeThroughLabel: string[];
}

/** Whether two boxes overlap (touching edges do not). */
export const overlaps = (a: Box, b: Box): boolean =>
  a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** The point at t of the quadratic curve from p0 to p2 with control point c. */
export const quad = (p0: Point, c: Point, p2: Point, t: number): Point => ({
  x: (1 - t) ** 2 * p0.x + 2 * (1 - t) * t * c.x + t ** 2 * p2.x,
  y: (1 - t) ** 2 * p0.y + 2 * (1 - t) * t * c.y + t ** 2 * p2.y,
});

/** Distance from point p to the segment a-b. */
export function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const l2 = dx * dx + dy * dy;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / l2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** Whether the segment a-b passes through box b (Liang-Barsky clipping). */
export function segmentHitsBox(p: Point, q: Point, b: Box): boolean {
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

const shapeBox = (p: PlacedNode): Box => ({
  x1: p.x - p.half,
  x2: p.x + p.half,
  y1: p.y - p.half,
  y2: p.y + p.half,
});

const inside = (p: Point, b: Box): boolean => p.x > b.x1 && p.x < b.x2 && p.y > b.y1 && p.y < b.y2;

/** Counts what covers what in a drawn network. */
export function legibility(placed: PlacedNode[], shapes: EdgeShape[]): Legibility {
  const result: Legibility = {
    edgeThroughNode: [],
    labelOverlap: [],
    endCovered: [],
    seqOverlap: [],
    edgeThroughLabel: [],
  };
  const name = (p: PlacedNode) => p.node.id;
  for (const s of shapes) {
    const what = `${s.edge.source} ${s.edge.type} ${s.edge.target}`;
    for (const p of placed) {
      if (p.node.id === s.edge.source || p.node.id === s.edge.target) continue;
      const segments = s.points.slice(1).map((q, i) => [s.points[i] ?? q, q] as const);
      if (segments.some(([a, b]) => segmentDistance(p, a, b) < p.radius))
        result.edgeThroughNode.push(`${what} through ${name(p)}`);
      if (segments.some(([a, b]) => segmentHitsBox(a, b, p.label)))
        result.edgeThroughLabel.push(`${what} through the label of ${name(p)}`);
    }
    for (const p of placed)
      if (inside(s.tip, p.label))
        result.endCovered.push(`${what}: its end under ${name(p)}'s label`);
  }
  for (const [i, a] of placed.entries()) {
    for (const [j, b] of placed.entries()) {
      if (i === j) continue;
      if (overlaps(a.label, shapeBox(b)))
        result.labelOverlap.push(`${name(a)}'s label over ${name(b)}`);
      if (j > i && overlaps(a.label, b.label))
        result.labelOverlap.push(`${name(a)}'s label over ${name(b)}'s label`);
    }
  }
  const seqs = shapes.filter((s) => s.labelBox);
  for (const [i, s] of seqs.entries()) {
    const box = s.labelBox as Box;
    const what = `seq ${s.edge.seq} (${s.edge.source} ${s.edge.type} ${s.edge.target})`;
    for (const t of seqs.slice(i + 1))
      if (overlaps(box, t.labelBox as Box))
        result.seqOverlap.push(`${what} over seq ${t.edge.seq}`);
    for (const p of placed) {
      if (overlaps(box, shapeBox(p))) result.seqOverlap.push(`${what} over ${name(p)}`);
      if (overlaps(box, p.label)) result.seqOverlap.push(`${what} over ${name(p)}'s label`);
    }
  }
  return result;
}

/**
 * The page (web/network/graph-view.ts) draws the same positions with its own sizes: a
 * character at most 32 px across, a group 34; cytoscape bends edges joining the same two nodes
 * apart by steps of 40 px between control points, so their middles by half that.
 */
const PAGE_RADIUS = { character: 16, group: 17 };
const PAGE_STEP = 40;

/**
 * Lines the page would draw through nodes they do not join, were every kind of edge shown:
 * for checks of the layout the page draws from.
 */
export function pageLinesThroughNodes(net: Network, layout: Map<string, Point>): string[] {
  const bundles = new Map<string, [string, string][]>();
  for (const e of net.edges) {
    if (e.source === e.target) continue;
    const pair: [string, string] =
      e.source < e.target ? [e.source, e.target] : [e.target, e.source];
    const key = pair.join("\u0000");
    bundles.set(key, [...(bundles.get(key) ?? []), pair]);
  }
  const found: string[] = [];
  for (const edges of bundles.values())
    edges.forEach(([a, b], i) => {
      const p = layout.get(a);
      const q = layout.get(b);
      if (!p || !q) return;
      const len = Math.hypot(q.x - p.x, q.y - p.y) || 1;
      const offset = (i - (edges.length - 1) / 2) * PAGE_STEP;
      const c = {
        x: (p.x + q.x) / 2 - ((q.y - p.y) / len) * offset,
        y: (p.y + q.y) / 2 + ((q.x - p.x) / len) * offset,
      };
      const points = Array.from({ length: 17 }, (_, k) => quad(p, c, q, k / 16));
      for (const n of net.nodes) {
        const at = layout.get(n.id);
        if (n.id === a || n.id === b || !at) continue;
        const near = points
          .slice(1)
          .some((r, k) => segmentDistance(at, points[k] ?? r, r) < PAGE_RADIUS[n.kind]);
        if (near) found.push(`${a} - ${b} through ${n.id}`);
      }
    });
  return found;
}
