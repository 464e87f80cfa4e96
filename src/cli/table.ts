// Tables for the terminal: coloured on a TTY, plain when piped or captured, and never wider
// than the output. Long cells wrap at spaces (only a word longer than LONG_WORD may be cut);
// when the columns cannot fit even so, each row is printed as a block of "field: value" lines.
import Table from "cli-table3";
import pc from "picocolors";
import stringWidth from "string-width";
import wrapAnsi from "wrap-ansi";

/** The width output gets when it goes to no terminal and COLUMNS is unset (pipes, files). */
export const PIPED_WIDTH = 80;
/** A word longer than this may be cut rather than widen its column. */
export const LONG_WORD = 20;
/** In blocks, values narrower than this go below their labels rather than beside them. */
const MIN_VALUE_WIDTH = 16;

export type Cell = string | number | boolean | null | undefined;

export interface TableOptions {
  /** Columns available; default: outputWidth(). */
  width?: number;
  /** Colour the heading; default: when stdout is a terminal. */
  color?: boolean;
  /** No rule between rows: for long lists of one-line rows. */
  compact?: boolean;
}

export interface TextTable {
  push(...rows: Cell[][]): number;
  toString(): string;
}

/** The terminal's width; else COLUMNS; else PIPED_WIDTH, so piped output is the same anywhere. */
export function outputWidth(
  env: NodeJS.ProcessEnv = process.env,
  stdout: { isTTY?: boolean; columns?: number } = process.stdout,
): number {
  if (stdout.isTTY && stdout.columns && stdout.columns > 0) return stdout.columns;
  const columns = Number(env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? columns : PIPED_WIDTH;
}

export function makeTable(head: string[], options: TableOptions = {}): TextTable {
  const rows: Cell[][] = [];
  return {
    push: (...added) => rows.push(...added),
    toString: () => renderTable(head, rows, options),
  };
}

/** Cell text as lines; a "\n" in a cell is a line break the wrapping keeps. */
const cellText = (cell: Cell): string => (cell === null || cell === undefined ? "" : String(cell));
const widest = (lines: string[]): number => Math.max(0, ...lines.map((l) => stringWidth(l)));
const lines = (text: string): string[] => text.split("\n");
/** Text wrapped at spaces to `width`; a longer word is cut, after a "/", "-", ":"... if it can. */
export function wrap(text: string, width: number): string {
  const columns = Math.max(1, width);
  const cutLong = (word: string) =>
    stringWidth(word) > columns ? cutAtPunctuation(word, columns).join(" ") : word;
  const spaced = lines(text).map((line) => line.split(" ").map(cutLong).join(" "));
  return wrapAnsi(spaced.join("\n"), columns, { hard: true, trim: true });
}

/** Pieces of `word` no wider than `width`, each ending after punctuation; the rest as is. */
function cutAtPunctuation(word: string, width: number): string[] {
  const pieces: string[] = [];
  let rest = word;
  while (stringWidth(rest) > width) {
    let cut = 0;
    let taken = "";
    for (const char of rest) {
      if (stringWidth(taken + char) > width) break;
      taken += char;
      if (/[/\\\-_.:,;|]/.test(char)) cut = taken.length;
    }
    if (cut === 0) break; // No punctuation: wrap-ansi cuts it where it must.
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  return [...pieces, rest];
}

export function renderTable(head: string[], rows: Cell[][], options: TableOptions = {}): string {
  const width = options.width ?? outputWidth();
  const color = options.color ?? process.stdout.isTTY === true;
  const cells = rows.map((row) => head.map((_, i) => cellText(row[i])));
  const columns = head.map((title, i) => [title, ...cells.map((row) => row[i] ?? "")]);
  const widths = columnWidths(columns, width - tableChrome(head.length));
  if (!widths) return renderBlocks(head, cells, width, color);
  const table = new Table({
    head: head.map((title, i) => wrap(title, widths[i] ?? 1)),
    colWidths: widths.map((w) => w + 2),
    style: color ? {} : { head: [], border: [] },
    ...(options.compact
      ? { chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" } }
      : {}),
  });
  for (const row of cells) table.push(row.map((text, i) => wrap(text, widths[i] ?? 1)));
  return table.toString();
}

/** Columns a table spends on borders and padding: "│ " before each cell, " │" after the last. */
const tableChrome = (columnCount: number): number => 3 * columnCount + 1;

/**
 * How wide each column's text may be so the columns fit in `available`, or null if they cannot.
 * Each column gets what its longest line needs when that fits; else the columns are narrowed,
 * none below its longest word (up to LONG_WORD), and trimmed to what their wrapped text takes.
 */
export function columnWidths(columns: string[][], available: number): number[] | null {
  const natural = columns.map((texts) => Math.max(1, widest(texts.flatMap((t) => t.split("\n")))));
  const longestWord = columns.map((texts, i) =>
    Math.max(1, Math.min(natural[i] ?? 1, LONG_WORD, widest(texts.flatMap((t) => t.split(/\s+/))))),
  );
  if (sum(longestWord) > available) return null;
  const tight = (widths: number[]) =>
    widths.map((w, i) => widest((columns[i] ?? []).flatMap((t) => lines(wrap(t, w)))));
  const widths = tight(shrink(natural, longestWord, available));
  // What the wrapped text leaves unused goes to the column that lacks the most.
  const lack = widths.map((w, i) => (natural[i] ?? 0) - w);
  const neediest = lack.indexOf(Math.max(...lack));
  widths[neediest] = (widths[neediest] ?? 0) + available - sum(widths);
  return tight(widths);
}

const sum = (numbers: readonly number[]): number => numbers.reduce((a, b) => a + b, 0);

/**
 * Narrows the columns from `natural` down to `available`, each in proportion to its natural
 * width (so the long-text columns keep the most room), none below its `low`.
 */
function shrink(natural: readonly number[], low: readonly number[], available: number): number[] {
  const widths = [...natural];
  let excess = sum(widths) - available;
  let flexible = widths.map((_, i) => i).filter((i) => (natural[i] ?? 0) > (low[i] ?? 0));
  while (excess > 0 && flexible.length > 0) {
    const total = sum(flexible.map((i) => natural[i] ?? 0));
    const cut = (i: number) => Math.floor((excess * (natural[i] ?? 0)) / total);
    const pinned = flexible.filter((i) => (widths[i] ?? 0) - cut(i) <= (low[i] ?? 0));
    if (pinned.length > 0) {
      for (const i of pinned) {
        excess -= (widths[i] ?? 0) - (low[i] ?? 0);
        widths[i] = low[i] ?? 0;
      }
      flexible = flexible.filter((i) => !pinned.includes(i));
      continue;
    }
    const cuts = flexible.map(cut);
    flexible.forEach((i, k) => (widths[i] = (widths[i] ?? 0) - (cuts[k] ?? 0)));
    // What rounding down left comes off the widest columns, one each.
    const widest = [...flexible].sort((a, b) => (widths[b] ?? 0) - (widths[a] ?? 0) || a - b);
    for (const i of widest.slice(0, excess - sum(cuts))) widths[i] = (widths[i] ?? 0) - 1;
    excess = 0;
  }
  return widths;
}

/** Each row as "field: value" lines, the values aligned and wrapped, rows a blank line apart. */
function renderBlocks(head: string[], rows: string[][], width: number, color: boolean): string {
  const labels = head.map((title) => `${title}:`);
  const labelWidth = widest(labels) + 1;
  // Too narrow to put values beside the labels: each value goes below its label, indented.
  const beside = width - labelWidth >= MIN_VALUE_WIDTH;
  const indent = beside ? labelWidth : 2;
  const paint = color ? pc.red : (text: string) => text;
  return rows
    .map((row) =>
      row
        .flatMap((text, i) => {
          if (text === "") return [];
          const label = labels[i] ?? "";
          const value = wrap(text, width - indent).replace(/\n/g, `\n${" ".repeat(indent)}`);
          const gap = " ".repeat(labelWidth - stringWidth(label));
          return beside
            ? [`${paint(label)}${gap}${value}`]
            : [paint(wrap(label, width)), `${" ".repeat(indent)}${value}`];
        })
        .join("\n"),
    )
    .join("\n\n");
}
