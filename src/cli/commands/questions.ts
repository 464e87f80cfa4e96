// A command for every question of the registry that has no hand-written one (src/questions):
// its arguments from what it is asked about, its options from its declaration, and a table
// of its rows. A new question is on the command line as soon as it is in the registry.
import type { Command } from "commander";
import type { z } from "zod";
import { askQuestion } from "../../questions/ask-question.ts";
import type { Question } from "../../questions/define.ts";
import { QUESTIONS } from "../../questions/registry.ts";
import { fieldsOf } from "../../questions/shape.ts";
import { action } from "../run-action.ts";
import { makeTable, type Cell } from "../table.ts";
import { printJson, withDatabase } from "../with-database.ts";
import { say } from "../say.ts";

/** The questions with a command written for them (src/cli/commands/*.ts). */
export const HAND_WRITTEN = new Set([
  "death-by-whom",
  "kills-by",
  "deaths",
  "betrayals",
  // Asked as `betrayals --film <film>`.
  "film-betrayals",
  "loyalties",
  "double-agents",
  "revenge",
  "timeline",
  "dossier",
  "connection",
  "parallels",
]);

/** The commands this module registers. */
export const GENERIC_COMMANDS = QUESTIONS.filter((q) => !HAND_WRITTEN.has(q.name)).map(
  (q) => q.name,
);

/**
 * The command line that asks a question: what the docs show (default options), and what the
 * cross-surface test runs. Each option given is its flag (`maxLength: 2` as
 * `--max-length 2`; `true` as the flag alone).
 */
export function commandLine(
  question: Question,
  request: { subject?: string; second?: string; film?: string; options?: Record<string, unknown> },
): string[] {
  const flags = Object.entries(request.options ?? {}).flatMap(([key, value]) =>
    value === true ? [`--${flagOf(key)}`] : [`--${flagOf(key)}`, String(value)],
  );
  return [...subjectArguments(question, request), ...flags];
}

function subjectArguments(
  question: Question,
  request: { subject?: string; second?: string; film?: string },
): string[] {
  const { kind } = question.subject;
  if (question.name === "film-betrayals") return ["betrayals", "--film", request.film ?? ""];
  if (kind === "none") return [question.name];
  if (kind === "film") return [question.name, request.film ?? ""];
  return [
    question.name,
    request.subject ?? "",
    ...(kind === "pair" ? [request.second ?? ""] : []),
    ...(request.film === undefined ? [] : ["--film", request.film]),
  ];
}

const flagOf = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** A cell of a generic table: lists by their names (or values), objects by their name. */
function cell(value: unknown): Cell {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) {
    const named = value.every((v) => typeof v !== "object" || v === null || "name" in v);
    return named ? value.map((v) => String(cell(v))).join(", ") : `${value.length} (see --json)`;
  }
  if (typeof value === "object") {
    const named = value as { name?: unknown; id?: unknown };
    return String(named.name ?? named.id ?? "(see --json)");
  }
  return value as Cell;
}

/** The columns a reader reads: ids are for machines (--json has them). */
const shown = (columns: readonly string[]) =>
  columns.filter((c) => c !== "id" && !c.endsWith("Id"));

function rowsTable(columns: readonly string[], rows: Record<string, unknown>[]): string {
  const table = makeTable(shown(columns));
  for (const row of rows) table.push(shown(columns).map((c) => cell(row[c])));
  return table.toString();
}

/** Words of a camelCase key: actsDone is "acts done". */
const words = (key: string) => key.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);

/**
 * A one-row answer (a dossier) as sections: each object column as "field: value" lines, each
 * list of objects as a table of its own under a heading, an empty list as "none".
 */
function sections(question: Question, row: Record<string, unknown>): string {
  const shape = question.row.shape as Record<string, z.ZodType>;
  return question.columns
    .map((column) => {
      const keys = shape[column] ? fieldsOf(shape[column]) : [];
      const value = row[column];
      const heading = words(column);
      if (Array.isArray(value) && value.some((v) => typeof v === "object" && v !== null)) {
        const items = value as Record<string, unknown>[];
        return `${heading} (${items.length}):\n${rowsTable(keys, items)}\n`;
      }
      if (Array.isArray(value))
        return `${heading}: ${value.length === 0 ? "none" : value.join(", ")}\n`;
      if (typeof value === "object" && value !== null) {
        const fields = value as Record<string, unknown>;
        return `${rowsTable(keys, [fields])}\n`;
      }
      return `${heading}: ${String(value ?? "")}\n`;
    })
    .join("\n");
}

function register(program: Command, question: Question): void {
  const command = program.command(question.name).description(question.summary);
  const { kind } = question.subject;
  if (kind === "film") command.argument("<film>", "a film id or title");
  else if (kind !== "none") {
    command.argument(
      "<name>",
      kind === "group" ? "a group's name or id" : "a character's name, alias or id",
    );
    if (kind === "pair") command.argument("<other>", "the second character");
    command.option("--film <film>", "the film, when the name is in several");
  }
  for (const [key, schema] of Object.entries(question.options.shape as Record<string, z.ZodType>)) {
    const takesValue = !schema.safeParse(true).success;
    command.option(`--${flagOf(key)}${takesValue ? " <value>" : ""}`, schema.description ?? key);
  }
  command.option("--json", "print JSON");
  command.action(
    action(async (...args: unknown[]) => {
      const opts = args.find(
        (a) => typeof a === "object" && a !== null && !Array.isArray(a),
      ) as Record<string, unknown>;
      const positional = args.filter((a) => typeof a === "string") as string[];
      const { json, film, ...options } = opts;
      const answer = await withDatabase((db) =>
        askQuestion(db, question, {
          film: kind === "film" ? positional[0] : (film as string | undefined),
          subject: kind === "film" ? undefined : positional[0],
          second: positional[1],
          options,
        }),
      );
      if (json)
        return printJson({ film: answer.film, subjects: answer.subjects, rows: answer.rows });
      const about =
        kind === "film" ? answer.film?.title : answer.subjects.map((s) => s.name).join(" and ");
      say(`${question.summary}${about ? `: ${about}` : ""}`);
      if (answer.rows.length === 0) {
        say("No answer: the graph holds nothing for this question.");
        return;
      }
      const rows = answer.rows as Record<string, unknown>[];
      const [only] = rows;
      say(
        question.graphql.one && only !== undefined
          ? sections(question, only).trimEnd()
          : rowsTable(question.columns, rows),
      );
    }),
  );
}

export function registerQuestionCommands(program: Command): void {
  for (const question of QUESTIONS)
    if (!HAND_WRITTEN.has(question.name)) register(program, question);
}
