// The storyline of a film as a narrative chart (after xkcd's movie narrative charts and Liu et
// al.'s StoryFlow): story time runs left to right, one column per event someone takes part in;
// each character is a line in their group's colour; the characters of an event are drawn
// together at it; a line runs in the band of the group the character belongs to at that time,
// so it moves when a membership begins or ends; characters seen in one event only are folded
// into it. Lines are ordered column by column after where they came from, so few cross. Names
// and other words go where they cover no other text (storyline-labels.ts).
// Pure: the page and `viz --storyline` both draw it from the timeline query's rows and the
// network's nodes.
import { groupColours, NO_GROUP_COLOUR } from "../network/colours.ts";
import type { NetworkNode } from "../network/index.ts";
import { EDGE_STYLES, MUTED_TEXT, TEXT_COLOR } from "./style.ts";
import { LabelPlacer, textBox, type Anchor, type PlacedText } from "./storyline-labels.ts";
import { escapeXml, FONT_FAMILY, textWidth } from "./text.ts";
import { compare } from "./view.ts";

/** What the storyline needs of an event (the timeline query's rows; extra fields are ignored). */
export interface StorylineEvent {
  seq: number;
  id: string;
  name: string;
  participants: { id: string; isGroup: boolean; role?: string }[];
  acts: { type: string; byId: string; toId: string; how?: string | null }[];
}

export interface StorylineInput {
  title: string;
  events: StorylineEvent[];
  /** The film's characters and groups (network nodes): names, groups, who is unnamed. */
  nodes: NetworkNode[];
}

export interface StorylineOptions {
  /** The image's width in pixels; the drawing scales to it. 900 unless given. */
  width?: number;
}

export interface Storyline {
  svg: string;
  /** The characters drawn as lines, by id (in order of first appearance). */
  rows: string[];
  /** Characters seen in one event only, folded into it: event seq -> ids. */
  extras: Map<number, string[]>;
  /** Where each line is at each column it is drawn in: id -> column index -> y. */
  positions: Map<string, Map<number, number>>;
  /** The band each line runs in at each column: id -> column index -> group id ("" none). */
  bandAt: Map<string, Map<number, string>>;
  /** Pairs of lines crossing between neighbouring columns. */
  crossings: number;
  /** Event seqs, left to right. */
  columns: number[];
  /** The colour each character's line is drawn in. */
  colours: Map<string, string>;
  /** Every text but the slanted event names (which sit above the chart), with its box. */
  texts: PlacedText[];
}

const MARGIN = 20;
const TITLE = 48;
const NAME_SIZE = 11.5;
const EVENT_SIZE = 11;
const EVENT_ANGLE = -50;
const MIN_COLUMN = 22;
/** Between the lines of one event, and between anything else. */
const TIGHT = 13;
const LOOSE = 20;
const BAND_PAD = 12;
const BAND_GAP = 10;
const DOT = 3;
/** Names longer than this (px) are cut with an ellipsis (the whole name is the line's title). */
const NAME_MAX = 170;
/** Lines of characters in no group: darker than their dots' fill, so they show on white. */
const NO_GROUP_LINE = "#9aa3b0";
const NONE = "";

/** The name, cut to fit `max` pixels. */
function fitName(name: string, max: number, size = NAME_SIZE): string {
  if (textWidth(name, size) <= max) return name;
  let cut = name;
  while (cut.length > 1 && textWidth(`${cut}…`, size) > max) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

const r1 = (n: number): string => String(Math.round(n * 10) / 10);

/** A text with where it is drawn. */
interface Label extends PlacedText {
  x: number;
  y: number;
  anchor: Anchor;
  /** Drawn with dy="0.35em": y is the line's middle, not the baseline. */
  middle: boolean;
  title?: string;
}

/** A label of `size` px at (x, y), its box with it. */
function labelFor(
  text: string,
  x: number,
  y: number,
  size: number,
  anchor: Anchor,
  middle = false,
): Label {
  return { ...textBox(text, x, y, size, anchor, { middle }), x, y, anchor, middle };
}

const labelAt = (l: Label): string =>
  `x="${r1(l.x)}" y="${r1(l.y)}"${l.middle ? ' dy="0.35em"' : ""} text-anchor="${l.anchor}"`;

interface Cast {
  events: StorylineEvent[];
  byId: Map<string, NetworkNode>;
  /** Characters drawn as lines, in order of first appearance. */
  lines: NetworkNode[];
  extras: Map<number, string[]>;
  first: Map<string, number>;
  last: Map<string, number>;
  killedAt: Map<string, number>;
  /** Column indexes each character takes part in. */
  at: Map<string, Set<number>>;
  /** Bands in order (biggest group first, "" for no group last). */
  bandOrder: string[];
}

function cast(input: StorylineInput): Cast {
  const byId = new Map(input.nodes.map((n) => [n.id, n]));
  const isCharacter = (id: string) => byId.get(id)?.kind === "character";
  const events = [...input.events]
    .sort((a, b) => a.seq - b.seq || compare(a.id, b.id))
    .filter((e) => e.participants.some((p) => isCharacter(p.id)));
  const first = new Map<string, number>();
  const last = new Map<string, number>();
  const killedAt = new Map<string, number>();
  const at = new Map<string, Set<number>>();
  events.forEach((e, i) => {
    for (const p of e.participants) {
      if (!isCharacter(p.id)) continue;
      if (!first.has(p.id)) first.set(p.id, i);
      last.set(p.id, i);
      at.set(p.id, (at.get(p.id) ?? new Set()).add(i));
    }
    for (const a of e.acts)
      if (a.type === "KILLED" && !killedAt.has(a.toId) && first.has(a.toId))
        killedAt.set(a.toId, i);
  });
  const seen = input.nodes
    .filter((n) => n.kind === "character" && first.has(n.id))
    .sort((a, b) => (first.get(a.id) ?? 0) - (first.get(b.id) ?? 0) || compare(a.id, b.id));
  const once = (n: NetworkNode) => (at.get(n.id)?.size ?? 0) === 1;
  const lines = seen.filter((n) => !once(n));
  const extras = new Map<number, string[]>();
  for (const n of seen.filter(once)) {
    const seq = events[first.get(n.id) ?? 0]?.seq ?? 0;
    extras.set(seq, [...(extras.get(seq) ?? []), n.id]);
  }
  const groups = input.nodes.filter((n) => n.kind === "group");
  const size = (g: NetworkNode) => lines.filter((c) => c.groups.includes(g.id)).length;
  const bandOrder = [
    ...groups
      .filter((g) => size(g) > 0)
      .sort((a, b) => size(b) - size(a) || compare(a.id, b.id))
      .map((g) => g.id),
    NONE,
  ];
  return { events, byId, lines, extras, first, last, killedAt, at, bandOrder };
}

/** The group a character belongs to at a story position: the membership begun last wins. */
function bandOf(c: NetworkNode, seq: number, order: string[]): string {
  const spans = c.memberships ?? c.groups.map((group) => ({ group, since: null, until: null }));
  const now = spans
    .filter((m) => order.includes(m.group))
    .filter((m) => (m.since ?? -1e9) <= seq && seq <= (m.until ?? 1e9))
    .sort(
      (a, b) =>
        (b.since ?? -1e9) - (a.since ?? -1e9) || order.indexOf(a.group) - order.indexOf(b.group),
    );
  return now[0]?.group ?? NONE;
}

interface Layout {
  /** id -> column -> y offset within its band (from the band's top). */
  slot: Map<string, Map<number, number>>;
  band: Map<string, Map<number, string>>;
  /** The height each band needs. */
  height: Map<string, number>;
  /** Per column: blocks of lines drawn together (an event's lines), with their band. */
  blocks: { ids: string[]; band: string }[][];
}

/**
 * Orders the lines column by column: in each band, an event's lines together as one block,
 * blocks and lone lines ordered by where their lines were in the column before (the mean of
 * their places), so lines keep their order and seldom cross.
 */
function arrange(c: Cast): Layout {
  const slot = new Map<string, Map<number, number>>();
  const band = new Map<string, Map<number, string>>();
  const height = new Map<string, number>(c.bandOrder.map((b) => [b, 0]));
  const blocks: { ids: string[]; band: string }[][] = [];
  const end = (id: string) => c.killedAt.get(id) ?? c.last.get(id) ?? 0;
  // The previous column's rank of each line (its band's place, then its place within it).
  let rank = new Map<string, number>();
  c.events.forEach((e, i) => {
    const active = c.lines.filter((l) => (c.first.get(l.id) ?? 0) <= i && i <= end(l.id));
    const own = new Map(active.map((l) => [l.id, bandOf(l, e.seq, c.bandOrder)]));
    const present = active.filter((l) => c.at.get(l.id)?.has(i)).map((l) => l.id);
    // The event's block sits in the band most of its lines belong to.
    const votes = new Map<string, number>();
    for (const id of present)
      votes.set(own.get(id) ?? NONE, (votes.get(own.get(id) ?? NONE) ?? 0) + 1);
    const eventBand = [...votes].sort(
      (a, b) => b[1] - a[1] || c.bandOrder.indexOf(a[0]) - c.bandOrder.indexOf(b[0]),
    )[0]?.[0];
    const items: { ids: string[]; band: string }[] = [];
    if (present.length > 0 && eventBand !== undefined)
      items.push({ ids: present, band: eventBand });
    for (const l of active)
      if (!present.includes(l.id)) items.push({ ids: [l.id], band: own.get(l.id) ?? NONE });
    const bary = (ids: string[]) => {
      const known = ids.map((id) => rank.get(id)).filter((r): r is number => r !== undefined);
      return known.length ? known.reduce((a, b) => a + b, 0) / known.length : Infinity;
    };
    for (const it of items) it.ids.sort((a, b) => bary([a]) - bary([b]) || compare(a, b));
    items.sort(
      (a, b) =>
        c.bandOrder.indexOf(a.band) - c.bandOrder.indexOf(b.band) ||
        bary(a.ids) - bary(b.ids) ||
        compare(a.ids[0] ?? "", b.ids[0] ?? ""),
    );
    const next = new Map<string, number>();
    const fill = new Map<string, number>();
    let k = 0;
    for (const it of items) {
      let y = fill.get(it.band);
      for (const id of it.ids) {
        y = y === undefined ? 0 : y + (id === it.ids[0] ? LOOSE : TIGHT);
        if (!slot.has(id)) slot.set(id, new Map());
        if (!band.has(id)) band.set(id, new Map());
        slot.get(id)?.set(i, y);
        band.get(id)?.set(i, it.band);
        next.set(id, c.bandOrder.indexOf(it.band) * 10_000 + k++);
      }
      fill.set(it.band, y ?? 0);
    }
    for (const [b, y] of fill) height.set(b, Math.max(height.get(b) ?? 0, y));
    blocks.push(items.filter((it) => it.ids.length > 1 || present.includes(it.ids[0] ?? "")));
    rank = next;
  });
  return { slot, band, height, blocks };
}

/** Pairs of lines whose order flips between neighbouring columns they are both drawn in. */
function countCrossings(ys: Map<string, Map<number, number>>, columns: number): number {
  let crossings = 0;
  const ids = [...ys.keys()];
  for (let i = 0; i + 1 < columns; i++) {
    const both = ids.filter((id) => ys.get(id)?.has(i) && ys.get(id)?.has(i + 1));
    for (let a = 0; a < both.length; a++)
      for (let b = a + 1; b < both.length; b++) {
        const p = ys.get(both[a] ?? "");
        const q = ys.get(both[b] ?? "");
        const before = (p?.get(i) ?? 0) - (q?.get(i) ?? 0);
        const after = (p?.get(i + 1) ?? 0) - (q?.get(i + 1) ?? 0);
        if (before * after < 0) crossings++;
      }
  }
  return crossings;
}

/**
 * How many times lines cross in the band chart drawn before the narrative chart (one fixed row
 * per character in its first group's band, an event a vertical line through its characters'
 * rows): each event's line crossing the rows of those not in it. For comparison.
 */
export function bandChartCrossings(input: StorylineInput): number {
  const c = cast(input);
  const all = input.nodes
    .filter((n) => n.kind === "character" && c.first.has(n.id))
    .sort((a, b) => (c.first.get(a.id) ?? 0) - (c.first.get(b.id) ?? 0) || compare(a.id, b.id));
  const row = new Map<string, number>();
  let k = 0;
  for (const b of c.bandOrder)
    for (const n of all)
      if (!row.has(n.id) && (b === NONE ? true : n.groups.includes(b))) row.set(n.id, k++);
  let crossings = 0;
  c.events.forEach((e, i) => {
    const rows = e.participants
      .map((p) => row.get(p.id))
      .filter((r): r is number => r !== undefined);
    if (rows.length < 2) return;
    const [lo, hi] = [Math.min(...rows), Math.max(...rows)];
    for (const n of all) {
      const r = row.get(n.id) ?? -1;
      const end = c.killedAt.get(n.id) ?? c.last.get(n.id) ?? 0;
      if (r > lo && r < hi && !rows.includes(r) && (c.first.get(n.id) ?? 0) <= i && i <= end)
        crossings++;
    }
  });
  return crossings;
}

/** A short arrow at an event, bowing right, from one line to another. */
function arrow(x: number, y1: number, y2: number, colour: string, marker: string, title: string) {
  const dir = y2 > y1 ? 1 : -1;
  const from = y1 + dir * (DOT + 1);
  const to = y2 - dir * (DOT + 4);
  const bow = Math.min(12, 5 + Math.abs(y2 - y1) / 6);
  return `<path class="act" d="M${r1(x)},${r1(from)} Q${r1(x + bow)},${r1((from + to) / 2)} ${r1(x)},${r1(to)}" fill="none" stroke="${colour}" stroke-width="1.6" marker-end="url(#sl-${marker})"><title>${escapeXml(title)}</title></path>`;
}

export function renderStoryline(input: StorylineInput, options: StorylineOptions = {}): Storyline {
  const width = options.width ?? 900;
  const c = cast(input);
  const { events, byId } = c;
  const colours = groupColours(input.nodes.filter((n) => n.kind === "group"));
  const groupName = new Map(
    input.nodes.filter((n) => n.kind === "group").map((g) => [g.id, g.name]),
  );
  const laid = arrange(c);
  const extraCount = [...c.extras.values()].reduce((n, ids) => n + ids.length, 0);
  const title = `${input.title} — storyline`;
  const subtitle = `${c.lines.length} characters over ${events.length} events${extraCount ? `, and ${extraCount} seen in one event only` : ""}; a line runs in the band of the group its character belongs to at the time`;

  // Columns: room for the band names on the left, the events across the rest.
  const nameWidth = Math.min(
    NAME_MAX,
    Math.max(60, ...c.lines.map((l) => textWidth(`${l.name} †`, NAME_SIZE))),
  );
  const left = MARGIN + nameWidth + 14;
  const column = Math.max(MIN_COLUMN, (width - left - MARGIN - 16) / Math.max(1, events.length));
  const longest = Math.max(0, ...events.map((e) => textWidth(`${e.seq} ${e.name}`, EVENT_SIZE)));
  const sin = Math.abs(Math.sin((EVENT_ANGLE * Math.PI) / 180));
  const header = Math.min(200, longest * sin + 16);
  // Slanted names longer than the header is tall are cut, so none reaches the title.
  const eventRoom = longest * sin + 16 > header ? (header - 16) / sin : Infinity;
  const top = MARGIN + TITLE + header;
  const xOf = (i: number) => left + column * (i + 0.5);
  const right = left + column * events.length + 8;

  // Bands: one after another, each as tall as its busiest column needs.
  const bandTop = new Map<string, number>();
  const bandMarkup: string[] = [];
  const placer = new LabelPlacer();
  placer.fix(textBox(title, MARGIN, MARGIN + 18, 20, "start", { bold: true }));
  placer.fix(textBox(subtitle, MARGIN, MARGIN + 37, 12, "start"));
  let y = top;
  for (const b of c.bandOrder) {
    const used = [...laid.band.values()].some((m) => [...m.values()].includes(b));
    if (!used) continue;
    const h = (laid.height.get(b) ?? 0) + 2 * BAND_PAD + 14;
    bandTop.set(b, y + 14 + BAND_PAD);
    const colour = b === NONE ? NO_GROUP_COLOUR : (colours.get(b) ?? NO_GROUP_COLOUR);
    const name = b === NONE ? "In no group" : (groupName.get(b) ?? b);
    placer.fix(textBox(name, MARGIN + 8, y + 14, 11, "start", { bold: true }));
    bandMarkup.push(
      `<g class="band" data-group="${escapeXml(b)}">`,
      `<rect x="${MARGIN}" y="${r1(y)}" width="${r1(right - MARGIN)}" height="${r1(h)}" rx="6" fill="${colour}" fill-opacity="0.13" stroke="${colour}" stroke-opacity="0.55"/>`,
      `<text x="${MARGIN + 8}" y="${r1(y + 14)}" font-size="11" font-weight="bold" fill="${TEXT_COLOR}">${escapeXml(name)}</text>`,
      `</g>`,
    );
    y += h + BAND_GAP;
  }
  const bottom = y;
  const positions = new Map<string, Map<number, number>>();
  for (const [id, slots] of laid.slot) {
    const m = new Map<number, number>();
    for (const [i, s] of slots)
      m.set(i, (bandTop.get(laid.band.get(id)?.get(i) ?? NONE) ?? top) + s);
    positions.set(id, m);
  }

  // Where each event's "+n" of folded extras goes: under the event's lines.
  const yAt = (id: string, i: number) => positions.get(id)?.get(i);
  const presentAt = (e: StorylineEvent, i: number) =>
    e.participants
      .map((p) => p.id)
      .filter((id, k, all) => all.indexOf(id) === k && yAt(id, i) !== undefined)
      .map((id) => ({ id, y: yAt(id, i) ?? 0 }))
      .sort((a, b) => a.y - b.y || compare(a.id, b.id));
  const presentBy = events.map((e, i) => presentAt(e, i));
  const extraYs = events.map((e, i) => {
    const ys = (presentBy[i] ?? []).map((p) => p.y);
    if (ys.length)
      placer.avoid({
        x1: xOf(i) - 8,
        x2: xOf(i) + 8,
        y1: Math.min(...ys) - 8,
        y2: Math.max(...ys) + 8,
      });
    const y = ys.length ? Math.max(...ys) + 16 : (bandTop.get(NONE) ?? top) + 4;
    const n = c.extras.get(e.seq)?.length ?? 0;
    if (n > 0) placer.fix(textBox(`+${n}`, xOf(i), y, 11, "middle", { middle: true }));
    return y;
  });

  // Lines: through their place at each column, curving between columns.
  const colourOf = (n: NetworkNode) => {
    const home = c.bandOrder.find((b) => b !== NONE && n.groups.includes(b));
    return home ? (colours.get(home) ?? NO_GROUP_LINE) : NO_GROUP_LINE;
  };
  const lineColour = new Map(c.lines.map((l) => [l.id, colourOf(l)]));
  const paths = new Map(
    c.lines.map((n) => [
      n.id,
      [...(positions.get(n.id) ?? new Map<number, number>())].sort((a, b) => a[0] - b[0]),
    ]),
  );
  // Names first (every line has one), then the moves, each where it covers no other text.
  const names = new Map(
    c.lines.map((n) => {
      const full = c.killedAt.has(n.id) ? `${n.name} †` : n.name;
      const pts = paths.get(n.id) ?? [];
      const [i0, y0] = pts[0] ?? [0, top];
      const spots = (label: string) => [
        labelFor(label, xOf(i0) - column * 0.35 - 4, y0, NAME_SIZE, "end", true),
        // Else just above or below its own line, at one of its events.
        ...pts.flatMap(([i, yy]) => [
          labelFor(label, xOf(i) + 6, yy - 6, NAME_SIZE, "start"),
          labelFor(label, xOf(i) + 6, yy + 15, NAME_SIZE, "start"),
        ]),
      ];
      const wanted = spots(fitName(full, NAME_MAX));
      const spot = placer.place(wanted) ?? placer.place(spots(fitName(full, 80))) ?? wanted[0];
      if (spot && !placer.placed.includes(spot)) placer.fix(spot);
      return [n.id, spot] as const;
    }),
  );
  const moves = new Map(
    c.lines.map((n) => {
      const found: Label[] = [];
      let was: string | undefined;
      for (const [i, yy] of paths.get(n.id) ?? []) {
        const seq = events[i]?.seq ?? 0;
        const now = bandOf(n, seq, c.bandOrder);
        if (was !== undefined && now !== was) {
          const what = now === NONE ? "leaves" : `joins ${groupName.get(now) ?? now}:`;
          const label = fitName(n.name, 110);
          // A move with no room for its name is still seen: the line changes band.
          const spot = placer.place([
            labelFor(label, xOf(i) + 6, yy - 7, 11, "start"),
            labelFor(label, xOf(i) + 6, yy + 15, 11, "start"),
            labelFor(label, xOf(i) - 6, yy - 7, 11, "end"),
            labelFor(label, xOf(i) - 6, yy + 15, 11, "end"),
          ]);
          if (spot) found.push({ ...spot, title: `${n.name} ${what} ${seq}` });
        }
        was = now;
      }
      return [n.id, found] as const;
    }),
  );
  const halo =
    'stroke="#ffffff" stroke-width="3" stroke-opacity="0.85" stroke-linejoin="round" paint-order="stroke"';
  const lines = c.lines.map((n) => {
    const pts = paths.get(n.id) ?? [];
    const [i0, y0] = pts[0] ?? [0, top];
    let d = `M${r1(xOf(i0) - column * 0.35)},${r1(y0)} H${r1(xOf(i0))}`;
    for (let k = 1; k < pts.length; k++) {
      const [ia, ya] = pts[k - 1] ?? [0, 0];
      const [ib, yb] = pts[k] ?? [0, 0];
      const xa = xOf(ia);
      const xb = xOf(ib);
      d +=
        ya === yb
          ? ` H${r1(xb)}`
          : ` C${r1(xa + (xb - xa) / 2)},${r1(ya)} ${r1(xb - (xb - xa) / 2)},${r1(yb)} ${r1(xb)},${r1(yb)}`;
    }
    const colour = lineColour.get(n.id) ?? NO_GROUP_LINE;
    const spot = names.get(n.id);
    const name = spot
      ? `<text class="name" ${labelAt(spot)} font-size="${NAME_SIZE}"${n.unnamed ? ' font-style="italic"' : ""} fill="${TEXT_COLOR}" ${halo}>${escapeXml(spot.text)}</text>`
      : "";
    const line = `<path d="${d}" fill="none" stroke="${colour}" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>`;
    // Where a membership begins or ends, the name again, so the move reads (Ko Chow joins).
    const moved = (moves.get(n.id) ?? []).map(
      (m) =>
        `<text class="move" ${labelAt(m)} font-size="11" font-style="italic" fill="${TEXT_COLOR}" ${halo}><title>${escapeXml(m.title ?? "")}</title>${escapeXml(m.text)}</text>`,
    );
    return `<g class="character" data-id="${escapeXml(n.id)}"><title>${escapeXml(n.name)}</title>${line}${name}${moved.join("")}</g>`;
  });

  // Events: the block of lines drawn together, their dots, deaths and acts, folded extras.
  const columns = events.map((e, i) => {
    const x = xOf(i);
    const present = presentBy[i] ?? [];
    const extras = c.extras.get(e.seq) ?? [];
    const ys = present.map((p) => p.y);
    const block =
      ys.length > 1
        ? `<rect class="meeting" x="${r1(x - 6)}" y="${r1(Math.min(...ys) - 6)}" width="12" height="${r1(Math.max(...ys) - Math.min(...ys) + 12)}" rx="6" fill="#5c6575" fill-opacity="0.16" stroke="#5c6575" stroke-width="1.1"/>`
        : "";
    const dots = present.map((p) => {
      if (c.killedAt.get(p.id) === i) {
        const s = DOT + 2;
        return `<path class="death" d="M${r1(x - s)},${r1(p.y - s)} L${r1(x + s)},${r1(p.y + s)} M${r1(x - s)},${r1(p.y + s)} L${r1(x + s)},${r1(p.y - s)}" stroke="${EDGE_STYLES.killing.color}" stroke-width="2.6" stroke-linecap="round"/>`;
      }
      return `<circle cx="${r1(x)}" cy="${r1(p.y)}" r="${DOT}" fill="#ffffff" stroke="${lineColour.get(p.id) ?? NO_GROUP_LINE}" stroke-width="1.6"/>`;
    });
    const extraNames = extras.map((id) => byId.get(id)?.name ?? id);
    const extraY = extraYs[i] ?? top;
    const extra = extras.length
      ? `<g class="extras"><title>${escapeXml(`also in this event: ${extraNames.join(", ")}`)}</title><circle cx="${r1(x)}" cy="${r1(extraY)}" r="7.5" fill="#ffffff" stroke="#5c6575" stroke-dasharray="2 2"/><text x="${r1(x)}" y="${r1(extraY)}" dy="0.35em" text-anchor="middle" font-size="11" fill="${TEXT_COLOR}">+${extras.length}</text></g>`
      : "";
    // Acts between the event's own lines only: an arrow never leaves the event's block.
    const inEvent = (id: string) => present.some((p) => p.id === id);
    const acts = e.acts.flatMap((a) => {
      const from = inEvent(a.byId) ? yAt(a.byId, i) : undefined;
      const to = inEvent(a.toId) ? yAt(a.toId, i) : undefined;
      const who = `${byId.get(a.byId)?.name ?? a.byId} → ${byId.get(a.toId)?.name ?? a.toId}`;
      if (a.type === "KILLED") {
        if (from !== undefined && to !== undefined && from !== to)
          return [arrow(x, from, to, EDGE_STYLES.killing.color, "kill", `killing: ${who}`)];
        const on = from ?? to ?? (extras.length ? extraY : undefined);
        return on === undefined
          ? []
          : [
              `<g class="act"><title>${escapeXml(`killing: ${who}`)}</title><circle cx="${r1(x)}" cy="${r1(on)}" r="${DOT + 4}" fill="none" stroke="${EDGE_STYLES.killing.color}" stroke-width="1.2"/></g>`,
            ];
      }
      if (a.type === "BETRAYED" && from !== undefined) {
        if (to !== undefined && from !== to)
          return [arrow(x, from, to, EDGE_STYLES.betrayal.color, "betray", `betrayal: ${who}`)];
        return [
          `<circle class="act" cx="${r1(x)}" cy="${r1(from)}" r="${DOT + 3}" fill="none" stroke="${EDGE_STYLES.betrayal.color}" stroke-width="2"><title>${escapeXml(`betrayal: ${who}`)}</title></circle>`,
        ];
      }
      return [];
    });
    const label = `<text class="event-name" transform="translate(${r1(x + 3)},${r1(top - 8)}) rotate(${EVENT_ANGLE})" font-size="${EVENT_SIZE}" fill="${MUTED_TEXT}"><tspan font-weight="bold" fill="${TEXT_COLOR}">${e.seq}</tspan> ${escapeXml(fitName(e.name, eventRoom - textWidth(`${e.seq} `, EVENT_SIZE), EVENT_SIZE))}</text>`;
    const lane = `<rect class="lane" x="${r1(x - column / 2)}" y="${r1(top - 4)}" width="${r1(column)}" height="${r1(bottom - top)}" fill="transparent"/>`;
    return `<g class="event" data-seq="${e.seq}" data-id="${escapeXml(e.id)}"><title>${escapeXml(`${e.seq}. ${e.name}`)}</title>${lane}${label}${block}${dots.join("")}${extra}${acts.join("")}</g>`;
  });

  // The chart's own legend, wrapped to the width.
  const legendItems: [string, string][] = [
    [
      `<path d="M-9,0 H9" stroke="${NO_GROUP_LINE}" stroke-width="3" stroke-linecap="round"/>`,
      "a character (in their group's colour)",
    ],
    [
      `<rect x="-9" y="-7" width="18" height="14" rx="4" fill="${NO_GROUP_COLOUR}" fill-opacity="0.4" stroke="#9aa3b0"/>`,
      "a group's band: who belongs to it then",
    ],
    [
      `<rect x="-6" y="-9" width="12" height="18" rx="6" fill="#5c6575" fill-opacity="0.16" stroke="#5c6575"/><circle cx="0" cy="-4" r="${DOT}" fill="#fff" stroke="#5c6575" stroke-width="1.6"/><circle cx="0" cy="4" r="${DOT}" fill="#fff" stroke="#5c6575" stroke-width="1.6"/>`,
      "together in an event",
    ],
    [
      `<circle cx="0" cy="0" r="7.5" fill="#ffffff" stroke="#5c6575" stroke-dasharray="2 2"/><text x="0" y="0" dy="0.35em" text-anchor="middle" font-size="11">+2</text>`,
      "others seen only there",
    ],
    [
      `<path d="M-5,-5 L5,5 M-5,5 L5,-5" stroke="${EDGE_STYLES.killing.color}" stroke-width="2.6" stroke-linecap="round"/>`,
      "killed",
    ],
    [
      `<path d="M-8,0 H3" stroke="${EDGE_STYLES.killing.color}" stroke-width="1.6" marker-end="url(#sl-kill)"/>`,
      "killing",
    ],
    [
      `<path d="M-8,0 H3" stroke="${EDGE_STYLES.betrayal.color}" stroke-width="1.6" marker-end="url(#sl-betray)"/>`,
      "betrayal",
    ],
  ];
  const legend: string[] = [];
  let lx = MARGIN + 12;
  let ly = bottom + 16;
  const legendRight = Math.max(width, right) - MARGIN;
  for (const [sample, text] of legendItems) {
    const w = 34 + textWidth(text, 11);
    if (lx + w > legendRight && lx > MARGIN + 12) {
      lx = MARGIN + 12;
      ly += 24;
    }
    placer.fix(textBox(text, lx + 14, ly, 11, "start", { middle: true }));
    legend.push(
      `<g transform="translate(${r1(lx)},${r1(ly)})">${sample}<text x="14" y="0" dy="0.35em" font-size="11" fill="${TEXT_COLOR}">${escapeXml(text)}</text></g>`,
    );
    lx += w;
  }

  // The last events' names lean out to the right of their columns.
  const cos = Math.cos((EVENT_ANGLE * Math.PI) / 180);
  const overhang = Math.max(
    0,
    ...events.map((e, i) => xOf(i) + 3 + textWidth(`${e.seq} ${e.name}`, EVENT_SIZE) * cos),
  );
  const boxWidth = Math.ceil(Math.max(width, right + MARGIN, overhang + MARGIN));
  const boxHeight = Math.ceil(ly + 24);
  const height = Math.round((boxHeight * width) / boxWidth);
  const crossings = countCrossings(positions, events.length);
  const svg = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" class="storyline" width="${width}" height="${height}" viewBox="0 0 ${boxWidth} ${boxHeight}" font-family="${escapeXml(FONT_FAMILY)}" role="img">`,
    `<title>${escapeXml(title)}</title>`,
    `<desc>${escapeXml(`${subtitle}. Drawn by heistgraph.`)}</desc>`,
    `<defs>`,
    `<marker id="sl-kill" markerUnits="userSpaceOnUse" markerWidth="7" markerHeight="7" viewBox="0 0 8 8" refX="0" refY="4" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="${EDGE_STYLES.killing.color}"/></marker>`,
    `<marker id="sl-betray" markerUnits="userSpaceOnUse" markerWidth="7" markerHeight="7" viewBox="0 0 8 8" refX="0" refY="4" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="${EDGE_STYLES.betrayal.color}"/></marker>`,
    `</defs>`,
    `<rect width="${boxWidth}" height="${boxHeight}" fill="#ffffff"/>`,
    `<text x="${MARGIN}" y="${MARGIN + 18}" font-size="20" font-weight="bold" fill="${TEXT_COLOR}">${escapeXml(title)}</text>`,
    `<text x="${MARGIN}" y="${MARGIN + 37}" font-size="12" fill="${MUTED_TEXT}">${escapeXml(subtitle)}</text>`,
    `<g class="bands">`,
    ...bandMarkup,
    `</g>`,
    `<g class="lines">`,
    ...lines,
    `</g>`,
    `<g class="events">`,
    ...columns,
    `</g>`,
    `<g class="legend">`,
    ...legend,
    `</g>`,
    `</svg>`,
    ``,
  ].join("\n");
  return {
    svg,
    rows: c.lines.map((l) => l.id),
    extras: c.extras,
    positions,
    bandAt: laid.band,
    crossings,
    columns: events.map((e) => e.seq),
    colours: lineColour,
    texts: placer.placed,
  };
}
