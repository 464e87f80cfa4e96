// The storyline of a film as an SVG: story time runs left to right (one column per event that
// someone takes part in), each character is a line in their group's colour, the characters who
// take part in an event meet on its column, killings and betrayals are arrows on it, and the
// groups are bands behind their members' lines. Pure: the page and `viz --storyline` both draw
// it from the timeline query's rows and the network's nodes.
import { groupColours, NO_GROUP_COLOUR } from "../network/colours.ts";
import type { NetworkNode } from "../network/index.ts";
import { EDGE_STYLES, MUTED_TEXT, TEXT_COLOR } from "./style.ts";
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
  /** Character ids, top to bottom. */
  rows: string[];
  /** Event seqs, left to right. */
  columns: number[];
  /** The colour each character's line is drawn in. */
  colours: Map<string, string>;
}

const MARGIN = 20;
const TITLE = 44;
const NAME_SIZE = 11.5;
const ROW = 17;
const BAND_HEAD = 18;
const BAND_GAP = 8;
const EVENT_SIZE = 10;
const EVENT_ANGLE = -55;
const MIN_COLUMN = 14;
const DOT = 3.6;
const LEGEND = 34;
/** Names longer than this (px) are cut with an ellipsis (the whole name is the line's title). */
const NAME_MAX = 240;
/** Lines of characters in no group: darker than their dots' fill, so they show on white. */
const NO_GROUP_LINE = "#9aa3b0";

/** The name, cut to fit `max` pixels. */
function fitName(name: string, max: number): string {
  if (textWidth(name, NAME_SIZE) <= max) return name;
  let cut = name;
  while (cut.length > 1 && textWidth(`${cut}…`, NAME_SIZE) > max) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

const r1 = (n: number): string => String(Math.round(n * 10) / 10);

interface Band {
  id: string;
  name: string;
  colour: string;
  members: NetworkNode[];
}

/** Groups as bands, biggest first (then by id); a character sits in its first band only. */
function bands(characters: NetworkNode[], groups: NetworkNode[], first: Map<string, number>) {
  const colours = groupColours(groups);
  const size = (g: NetworkNode) => characters.filter((c) => c.groups.includes(g.id)).length;
  const ordered = [...groups]
    .filter((g) => size(g) > 0)
    .sort((a, b) => size(b) - size(a) || compare(a.id, b.id));
  const placed = new Set<string>();
  const result: Band[] = [];
  const byAppearance = (a: NetworkNode, b: NetworkNode) =>
    (first.get(a.id) ?? 0) - (first.get(b.id) ?? 0) || compare(a.id, b.id);
  for (const g of ordered) {
    const members = characters
      .filter((c) => !placed.has(c.id) && c.groups.includes(g.id))
      .sort(byAppearance);
    for (const m of members) placed.add(m.id);
    if (members.length > 0)
      result.push({
        id: g.id,
        name: g.name,
        colour: colours.get(g.id) ?? NO_GROUP_COLOUR,
        members,
      });
  }
  const rest = characters.filter((c) => !placed.has(c.id)).sort(byAppearance);
  if (rest.length > 0)
    result.push({ id: "", name: "In no group", colour: NO_GROUP_COLOUR, members: rest });
  return result;
}

/** A short arrow on an event's column, bowing right, from one row to another. */
function arrow(x: number, y1: number, y2: number, colour: string, marker: string, title: string) {
  const dir = y2 > y1 ? 1 : -1;
  const from = y1 + dir * (DOT + 1);
  const to = y2 - dir * (DOT + 5);
  const bow = Math.min(16, 5 + Math.abs(y2 - y1) / 8);
  return `<path class="act" d="M${r1(x)},${r1(from)} Q${r1(x + bow)},${r1((from + to) / 2)} ${r1(x)},${r1(to)}" fill="none" stroke="${colour}" stroke-width="1.8" marker-end="url(#sl-${marker})"><title>${escapeXml(title)}</title></path>`;
}

export function renderStoryline(input: StorylineInput, options: StorylineOptions = {}): Storyline {
  const width = options.width ?? 900;
  const byId = new Map(input.nodes.map((n) => [n.id, n]));
  const events = [...input.events]
    .sort((a, b) => a.seq - b.seq || compare(a.id, b.id))
    .filter((e) => e.participants.some((p) => byId.get(p.id)?.kind === "character"));

  // When each character first and last takes part, and when they are killed.
  const first = new Map<string, number>();
  const last = new Map<string, number>();
  const killedAt = new Map<string, number>();
  events.forEach((e, i) => {
    for (const p of e.participants) {
      if (byId.get(p.id)?.kind !== "character") continue;
      if (!first.has(p.id)) first.set(p.id, i);
      last.set(p.id, i);
    }
    for (const a of e.acts)
      if (a.type === "KILLED" && !killedAt.has(a.toId)) killedAt.set(a.toId, i);
  });
  const characters = input.nodes.filter((n) => n.kind === "character" && first.has(n.id));
  const groups = input.nodes.filter((n) => n.kind === "group");
  const bandList = bands(characters, groups, first);

  // Columns: room for the names on the left, the events across the rest.
  const nameWidth =
    Math.min(
      NAME_MAX,
      Math.max(80, ...characters.map((c) => textWidth(`${c.name} †`, NAME_SIZE))),
    ) + 10;
  const left = MARGIN + nameWidth;
  const column = Math.max(MIN_COLUMN, (width - left - MARGIN - 16) / Math.max(1, events.length));
  const longest = Math.max(0, ...events.map((e) => textWidth(`${e.seq} ${e.name}`, EVENT_SIZE)));
  const sin = Math.abs(Math.sin((EVENT_ANGLE * Math.PI) / 180));
  const header = Math.min(190, longest * sin + 16);
  const top = MARGIN + TITLE + header;
  const xOf = (i: number) => left + column * (i + 0.5);

  // Rows, band by band.
  const yOf = new Map<string, number>();
  const colours = new Map<string, string>();
  const bandMarkup: string[] = [];
  let y = top;
  const right = left + column * events.length + 8;
  for (const band of bandList) {
    const height = BAND_HEAD + band.members.length * ROW + 4;
    bandMarkup.push(
      `<g class="band" data-group="${escapeXml(band.id)}">`,
      `<rect x="${MARGIN}" y="${r1(y)}" width="${r1(right - MARGIN)}" height="${r1(height)}" rx="6" fill="${band.colour}" fill-opacity="0.14" stroke="${band.colour}" stroke-opacity="0.6"/>`,
      `<text x="${MARGIN + 8}" y="${r1(y + 13)}" font-size="11" font-weight="bold" fill="${TEXT_COLOR}">${escapeXml(band.name)}</text>`,
      `</g>`,
    );
    band.members.forEach((m, i) => {
      yOf.set(m.id, y + BAND_HEAD + ROW * (i + 0.5));
      colours.set(m.id, band.colour);
    });
    y += height + BAND_GAP;
  }
  const bottom = y;

  // Lines: from first appearance to the last (or to the death).
  const lines = characters.map((c) => {
    const cy = yOf.get(c.id) ?? 0;
    const from = first.get(c.id) ?? 0;
    const to = killedAt.get(c.id) ?? last.get(c.id) ?? from;
    const dead = killedAt.has(c.id);
    const fill = colours.get(c.id) ?? NO_GROUP_COLOUR;
    const colour = fill === NO_GROUP_COLOUR ? NO_GROUP_LINE : fill;
    const label = fitName(dead ? `${c.name} †` : c.name, NAME_MAX);
    const name = `<text class="name" x="${r1(left - 8)}" y="${r1(cy)}" dy="0.35em" text-anchor="end" font-size="${NAME_SIZE}"${c.unnamed ? ' font-style="italic"' : ""} fill="${TEXT_COLOR}">${escapeXml(label)}</text>`;
    // A faint guide from the name to the first appearance, the line itself from there on.
    const guide = `<path d="M${r1(left - 4)},${r1(cy)} H${r1(xOf(from))}" stroke="#c9ced6" stroke-width="1" stroke-dasharray="1 3"/>`;
    const line = `<path d="M${r1(xOf(from))},${r1(cy)} H${r1(xOf(Math.max(from, to)))}" stroke="${colour}" stroke-width="3" stroke-linecap="round"/>`;
    return `<g class="character" data-id="${escapeXml(c.id)}"><title>${escapeXml(c.name)}</title>${name}${guide}${line}</g>`;
  });

  // Events: the column, the meeting line through those who take part, their dots, the acts.
  const columns = events.map((e, i) => {
    const x = xOf(i);
    const present = e.participants
      .filter((p) => yOf.has(p.id))
      .map((p) => ({ id: p.id, y: yOf.get(p.id) ?? 0 }))
      .sort((a, b) => a.y - b.y || compare(a.id, b.id));
    const ys = present.map((p) => p.y);
    const meeting =
      ys.length > 1
        ? `<path class="meeting" d="M${r1(x)},${r1(Math.min(...ys))} V${r1(Math.max(...ys))}" stroke="#5c6575" stroke-width="1.4"/>`
        : "";
    const dots = present.map((p) => {
      const killed = killedAt.get(p.id) === i;
      if (killed) {
        const s = DOT + 1.5;
        return `<path class="death" d="M${r1(x - s)},${r1(p.y - s)} L${r1(x + s)},${r1(p.y + s)} M${r1(x - s)},${r1(p.y + s)} L${r1(x + s)},${r1(p.y - s)}" stroke="${EDGE_STYLES.killing.color}" stroke-width="2.6" stroke-linecap="round"/>`;
      }
      return `<circle cx="${r1(x)}" cy="${r1(p.y)}" r="${DOT}" fill="${colours.get(p.id) ?? NO_GROUP_COLOUR}" stroke="#1f2633" stroke-width="1.1"/>`;
    });
    const acts = e.acts.flatMap((a) => {
      const from = yOf.get(a.byId);
      const to = yOf.get(a.toId);
      const who = `${byId.get(a.byId)?.name ?? a.byId} → ${byId.get(a.toId)?.name ?? a.toId}`;
      if (a.type === "KILLED" && from !== undefined && to !== undefined && from !== to)
        return [arrow(x, from, to, EDGE_STYLES.killing.color, "kill", `killing: ${who}`)];
      if (a.type === "BETRAYED" && from !== undefined) {
        if (to !== undefined && from !== to)
          return [arrow(x, from, to, EDGE_STYLES.betrayal.color, "betray", `betrayal: ${who}`)];
        // A group betrayed: a ring round the traitor's dot.
        return [
          `<circle class="act" cx="${r1(x)}" cy="${r1(from)}" r="${DOT + 3}" fill="none" stroke="${EDGE_STYLES.betrayal.color}" stroke-width="2"><title>${escapeXml(`betrayal: ${who}`)}</title></circle>`,
        ];
      }
      return [];
    });
    const label = `<text class="event-name" transform="translate(${r1(x + 3)},${r1(top - 8)}) rotate(${EVENT_ANGLE})" font-size="${EVENT_SIZE}" fill="${MUTED_TEXT}"><tspan font-weight="bold" fill="${TEXT_COLOR}">${e.seq}</tspan> ${escapeXml(e.name)}</text>`;
    const lane = `<rect class="lane" x="${r1(x - column / 2)}" y="${r1(top - 4)}" width="${r1(column)}" height="${r1(bottom - top)}" fill="transparent"/>`;
    return `<g class="event" data-seq="${e.seq}" data-id="${escapeXml(e.id)}"><title>${escapeXml(`${e.seq}. ${e.name}`)}</title>${lane}${label}${meeting}${dots.join("")}${acts.join("")}</g>`;
  });

  const legendY = bottom + 14;
  const legendItems: [string, string][] = [
    [
      `<path d="M0,-7 V7" stroke="#5c6575" stroke-width="1.4"/><circle cx="0" cy="-7" r="${DOT}" fill="${NO_GROUP_COLOUR}" stroke="#1f2633"/><circle cx="0" cy="7" r="${DOT}" fill="${NO_GROUP_COLOUR}" stroke="#1f2633"/>`,
      "characters meet in an event",
    ],
    [
      `<path d="M-5,-5 L5,5 M-5,5 L5,-5" stroke="${EDGE_STYLES.killing.color}" stroke-width="2.6" stroke-linecap="round"/>`,
      "killed (black arrow: by whom)",
    ],
    [
      `<path d="M-6,0 H4" stroke="${EDGE_STYLES.betrayal.color}" stroke-width="1.8" marker-end="url(#sl-betray)"/>`,
      "betrayal",
    ],
  ];
  let lx = MARGIN + 10;
  const legend = legendItems.map(([sample, text]) => {
    const out = `<g transform="translate(${r1(lx)},${r1(legendY + 10)})">${sample}<text x="14" y="0" dy="0.35em" font-size="11" fill="${TEXT_COLOR}">${escapeXml(text)}</text></g>`;
    lx += 30 + textWidth(text, 11);
    return out;
  });

  // The last events' names lean out to the right of their columns.
  const cos = Math.cos((EVENT_ANGLE * Math.PI) / 180);
  const overhang = Math.max(
    0,
    ...events.map((e, i) => xOf(i) + 3 + textWidth(`${e.seq} ${e.name}`, EVENT_SIZE) * cos),
  );
  const boxWidth = Math.ceil(Math.max(width, right + MARGIN, overhang + MARGIN));
  const boxHeight = Math.ceil(legendY + LEGEND);
  const height = Math.round((boxHeight * width) / boxWidth);
  const title = `${input.title} — storyline`;
  const subtitle = `${characters.length} characters over ${events.length} events; lines in their group's colour`;
  const svg = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" class="storyline" width="${width}" height="${height}" viewBox="0 0 ${boxWidth} ${boxHeight}" font-family="${escapeXml(FONT_FAMILY)}" role="img">`,
    `<title>${escapeXml(title)}</title>`,
    `<desc>${escapeXml(`${subtitle}. Drawn by heistgraph.`)}</desc>`,
    `<defs>`,
    `<marker id="sl-kill" markerUnits="userSpaceOnUse" markerWidth="8" markerHeight="8" viewBox="0 0 8 8" refX="0" refY="4" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="${EDGE_STYLES.killing.color}"/></marker>`,
    `<marker id="sl-betray" markerUnits="userSpaceOnUse" markerWidth="8" markerHeight="8" viewBox="0 0 8 8" refX="0" refY="4" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="${EDGE_STYLES.betrayal.color}"/></marker>`,
    `</defs>`,
    `<rect width="${boxWidth}" height="${boxHeight}" fill="#ffffff"/>`,
    `<text x="${MARGIN}" y="${MARGIN + 18}" font-size="20" font-weight="bold" fill="${TEXT_COLOR}">${escapeXml(title)}</text>`,
    `<text x="${MARGIN}" y="${MARGIN + 36}" font-size="12.5" fill="${MUTED_TEXT}">${escapeXml(subtitle)}</text>`,
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
    rows: bandList.flatMap((b) => b.members.map((m) => m.id)),
    columns: events.map((e) => e.seq),
    colours,
  };
}
