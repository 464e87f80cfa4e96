// Two films side by side: for each narrative role both hold, the characters of each film in
// that role (the one the story says most about first), joined across the gap; under them, the
// confrontation of each film, the first event in which its boss threatens its undercover
// officer. Drawn from the `parallels` answer and the two timelines, so the picture says what
// the graph says.
import type { Parallels, ParallelCharacter } from "../queries/parallels/index.ts";
import type { TimelineEvent } from "../queries/timeline/index.ts";
import { NARRATIVE_ROLES } from "../dataset/vocabulary.ts";
import { MUTED_TEXT, TEXT_COLOR } from "./style.ts";
import { escapeXml, FONT_FAMILY, textWidth } from "./text.ts";

export interface PictureFilm {
  id: string;
  title: string;
  year?: number | null;
}

export interface RolePair {
  role: string;
  left: ParallelCharacter[];
  right: ParallelCharacter[];
  /** How many characters of each film hold the role, listed or not. */
  leftTotal: number;
  rightTotal: number;
}

export interface ScenePair {
  left: Pick<TimelineEvent, "seq" | "name">;
  right: Pick<TimelineEvent, "seq" | "name">;
}

export interface ParallelsPicture {
  left: PictureFilm;
  right: PictureFilm;
  pairs: RolePair[];
  /** The two films' confrontations, when both have one. */
  scene: ScenePair | null;
}

/** The roles read first: the ones a film borrowed from another is recognised by. */
const HEADLINE_ROLES = ["undercover-officer", "crew-member", "crew-leader"];

/** Roles held in both films, headline roles first, then in the vocabulary's order. */
export function rolePairs(answer: Parallels, leftId: string, rightId: string): RolePair[] {
  const rank = (role: string) => {
    const headline = HEADLINE_ROLES.indexOf(role);
    return headline >= 0
      ? headline
      : HEADLINE_ROLES.length + NARRATIVE_ROLES.indexOf(role as never);
  };
  return answer.parallels
    .flatMap((p) => {
      const left = p.films.find((f) => f.film === leftId);
      const right = p.films.find((f) => f.film === rightId);
      if (!left || !right) return [];
      return [
        {
          role: p.role,
          left: left.characters,
          right: right.characters,
          leftTotal: left.total,
          rightTotal: right.total,
        },
      ];
    })
    .sort((a, b) => rank(a.role) - rank(b.role));
}

/**
 * A film's confrontation: its first event in which a character of one set (the bosses)
 * threatens one of another (the undercover officers).
 */
export function confrontation(
  events: TimelineEvent[],
  byIds: string[],
  toIds: string[],
): TimelineEvent | undefined {
  return [...events]
    .sort((a, b) => a.seq - b.seq)
    .find((e) =>
      e.acts.some(
        (act) => act.type === "THREATENED" && byIds.includes(act.byId) && toIds.includes(act.toId),
      ),
    );
}

// Layout, in pixels of a picture WIDTH wide.
const WIDTH = 900;
const MARGIN = 20;
const COLUMN = 335;
const TITLE_SIZE = 19;
const HEAD_SIZE = 15;
const NAME_SIZE = 13;
const ROLE_SIZE = 12;
const NOTE_SIZE = 11;
const LINE = 18;
const ROW_GAP = 16;
const NAMES_SHOWN = 3;
const LINK = "#4477AA";
const SCENE_LINK = "#CC3311";
const BOX_FILL = "#f4f6f9";
const BOX_STROKE = "#c5ccd6";

const text = (
  x: number,
  y: number,
  content: string,
  size: number,
  options: { anchor?: "start" | "middle" | "end"; bold?: boolean; fill?: string } = {},
) =>
  `<text x="${x}" y="${y}" font-size="${size}"${options.anchor ? ` text-anchor="${options.anchor}"` : ""}${
    options.bold ? ' font-weight="bold"' : ""
  } fill="${options.fill ?? TEXT_COLOR}">${escapeXml(content)}</text>`;

/** A character as listed: name, and fate when the story says it. */
function characterLine(c: ParallelCharacter): string {
  return c.fate && c.fate !== "unknown" ? `${c.name} (${c.fate})` : c.name;
}

/** A name too wide for its box, shortened with an ellipsis. */
function fit(content: string, size: number, max: number, bold = false): string {
  if (textWidth(content, size, bold) <= max) return content;
  let cut = content;
  while (cut.length > 1 && textWidth(`${cut}…`, size, bold) > max) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** The picture as a standalone SVG document. */
export function renderParallelsSvg(picture: ParallelsPicture): string {
  const leftX = MARGIN;
  const rightX = WIDTH - MARGIN - COLUMN;
  const inner = COLUMN - 20;
  const filmName = (f: PictureFilm) => (f.year ? `${f.title} (${f.year})` : f.title);
  const parts: string[] = [];
  let y = MARGIN + TITLE_SIZE;
  parts.push(
    text(
      WIDTH / 2,
      y,
      `${filmName(picture.left)} and ${filmName(picture.right)}: the same roles`,
      TITLE_SIZE,
      { anchor: "middle", bold: true },
    ),
  );
  y += LINE + 2;
  parts.push(
    text(
      WIDTH / 2,
      y,
      "heistgraph parallels: characters of both films in one narrative role, the one the story says most about first, joined by a line",
      NOTE_SIZE,
      { anchor: "middle", fill: MUTED_TEXT },
    ),
  );
  y += LINE + 14;
  parts.push(
    text(leftX + COLUMN / 2, y, filmName(picture.left), HEAD_SIZE, {
      anchor: "middle",
      bold: true,
    }),
  );
  parts.push(
    text(rightX + COLUMN / 2, y, filmName(picture.right), HEAD_SIZE, {
      anchor: "middle",
      bold: true,
    }),
  );
  y += 14;

  const box = (x: number, top: number, height: number) =>
    `<rect x="${x}" y="${top}" width="${COLUMN}" height="${height}" rx="6" fill="${BOX_FILL}" stroke="${BOX_STROKE}"/>`;
  const link = (top: number, label: string, colour: string) => {
    const x1 = leftX + COLUMN;
    const x2 = rightX;
    const mid = (x1 + x2) / 2;
    const labelWidth = textWidth(label, ROLE_SIZE, true) + 12;
    return [
      `<line x1="${x1}" y1="${top}" x2="${x2}" y2="${top}" stroke="${colour}" stroke-width="2.5"/>`,
      `<circle cx="${x1}" cy="${top}" r="4" fill="${colour}"/>`,
      `<circle cx="${x2}" cy="${top}" r="4" fill="${colour}"/>`,
      // The label sits just above the line, on white, so the line stays whole.
      `<rect x="${mid - labelWidth / 2}" y="${top - ROLE_SIZE - 9}" width="${labelWidth}" height="${ROLE_SIZE + 5}" rx="4" fill="#ffffff"/>`,
      text(mid, top - 7, label, ROLE_SIZE, { anchor: "middle", bold: true, fill: colour }),
    ].join("");
  };
  /** One column's names: the first in bold (the linked one), then a few more, then "and N more". */
  const names = (x: number, top: number, listed: ParallelCharacter[], total: number) => {
    const shown = listed.slice(0, NAMES_SHOWN);
    const lines = shown.map((c, i) =>
      text(
        x + 10,
        top + (i + 1) * LINE,
        fit(characterLine(c), NAME_SIZE, inner, i === 0),
        NAME_SIZE,
        {
          bold: i === 0,
          fill: i === 0 ? TEXT_COLOR : MUTED_TEXT,
        },
      ),
    );
    const more = total - shown.length;
    if (more > 0)
      lines.push(
        text(x + 10, top + (shown.length + 1) * LINE, `and ${more} more`, NOTE_SIZE, {
          fill: MUTED_TEXT,
        }),
      );
    return { markup: lines.join(""), rows: shown.length + (more > 0 ? 1 : 0) };
  };

  for (const pair of picture.pairs) {
    const left = names(leftX, y, pair.left, pair.leftTotal);
    const right = names(rightX, y, pair.right, pair.rightTotal);
    const height = Math.max(left.rows, right.rows) * LINE + 10;
    parts.push(box(leftX, y, height), box(rightX, y, height), left.markup, right.markup);
    parts.push(link(y + LINE - 4, pair.role.replace(/-/g, " "), LINK));
    y += height + ROW_GAP;
  }

  if (picture.scene) {
    y += 6;
    const height = LINE + 10;
    parts.push(box(leftX, y, height), box(rightX, y, height));
    const scene = (x: number, e: ScenePair["left"]) =>
      text(x + 10, y + LINE, fit(`${e.seq}: ${e.name}`, NAME_SIZE, inner, true), NAME_SIZE, {
        bold: true,
      });
    parts.push(scene(leftX, picture.scene.left), scene(rightX, picture.scene.right));
    parts.push(link(y + LINE - 4, "the boss draws on him", SCENE_LINK));
    y += height + 6;
    parts.push(
      text(
        WIDTH / 2,
        y + LINE,
        "Below the line: each film's first event in which its crew leader threatens its undercover officer (seq = story order)",
        NOTE_SIZE,
        { anchor: "middle", fill: MUTED_TEXT },
      ),
    );
    y += LINE;
  }
  const height = Math.ceil(y + MARGIN);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${escapeXml(FONT_FAMILY)}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...parts,
    "</svg>",
    "",
  ].join("\n");
}
