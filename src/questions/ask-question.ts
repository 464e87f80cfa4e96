// Asks a declared question through the one subject resolver (src/queries/lookup.ts): what
// the CLI, the TS helpers and the GraphQL API all call, so they give the same answer.
import neo4j from "neo4j-driver";
import { z } from "zod";
import type { Database } from "../db/connection.ts";
import { HeistgraphError } from "../errors.ts";
import { cypherFile } from "../queries/cypher-file.ts";
import { ask, type CharacterRef, type FilmRef, type Found } from "../queries/lookup.ts";
import { toPlain } from "../queries/plain.ts";
import { readStatement } from "../queries/run-query.ts";
import type { Question } from "./define.ts";
import { boundsOf } from "./shape.ts";

export interface QuestionRequest {
  /** The subject as typed: a name, an alias, one word of a name, or an id. */
  subject?: string;
  /** The second subject, for a question about two (connection). */
  second?: string;
  /** The film as typed (id or title): the subject of a film question, else narrows the search. */
  film?: string;
  /** The question's options (see its declaration); defaults fill in what is absent. */
  options?: Record<string, unknown>;
}

export interface Answer<Row> {
  /** The film found; null when none was asked for. */
  film: FilmRef | null;
  /** The subjects found, in order. */
  subjects: CharacterRef[];
  /** The options as used (defaults filled in). */
  options: Record<string, unknown>;
  rows: Row[];
}

/** A question's options checked against its declaration, or an error that says which and why. */
export function checkedOptions(question: Question, given: Record<string, unknown> = {}) {
  const shape = question.options.shape as Record<string, z.ZodType>;
  // Numbers typed on a command line come as strings of digits.
  const defined = Object.fromEntries(
    Object.entries(given)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [
        k,
        typeof v === "string" && /^\s*-?\d+\s*$/.test(v) && shape[k]?.safeParse(1).success
          ? Number(v)
          : v,
      ]),
  );
  const parsed = question.options.safeParse(defined);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const issue = parsed.error.issues[0];
  const name = String(issue?.path[0] ?? "option");
  const schema = shape[name];
  const value = defined[name];
  const bounds = schema === undefined ? undefined : boundsOf(schema);
  throw new HeistgraphError({
    what: `${name} ${bounds ? `must be a whole number from ${bounds.min} to ${bounds.max}` : issueText(issue)}, not ${JSON.stringify(value)}.`,
    where: question.name,
    expected: schema?.description ?? `a valid ${name}`,
    suggestion: `give another ${name}, or leave it out for the default`,
  });
}

function issueText(issue: z.core.$ZodIssue | undefined): string {
  if (issue === undefined) return "is not valid";
  if (issue.code === "too_small" || issue.code === "too_big") {
    const bounds = issue as { minimum?: unknown; maximum?: unknown };
    return issue.code === "too_small"
      ? `must be at least ${String(bounds.minimum)}`
      : `must be at most ${String(bounds.maximum)}`;
  }
  if (issue.code === "invalid_value") {
    const values = (issue as { values?: unknown[] }).values ?? [];
    return `must be one of ${values.map(String).join(", ")}`;
  }
  if (issue.code === "invalid_type")
    return `must be ${issue.expected === "int" ? "a whole number" : `a ${issue.expected}`}`;
  return issue.message;
}

/** Cypher integers for whole numbers: a JS number reaches Cypher as a float. */
function cypherValues(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [
      k,
      Number.isSafeInteger(v) ? neo4j.int(v as number) : v,
    ]),
  );
}

/** Asks the question: one round trip (a second only to list the films of an unknown one). */
export async function askQuestion<Row = unknown>(
  db: Database,
  question: Question,
  request: QuestionRequest = {},
): Promise<Answer<Row>> {
  const options = checkedOptions(question, request.options);
  const params = cypherValues({ ...question.fixed, ...options });
  const { subject } = question;
  if (subject.kind === "none") {
    const records = await readStatement(db, cypherFile(question.file).cypher, params);
    const rows = records.map((r) => toPlain(r.toObject()) as Row);
    return { film: null, subjects: [], options, rows };
  }
  const names = subjectNames(question, request);
  const bindings: Record<string, Found> =
    subject.kind === "film"
      ? { [subject.param]: "film" }
      : subject.kind === "pair"
        ? { [subject.param]: { subject: 0 }, [subject.second]: { subject: 1 } }
        : { [subject.param]: { subject: 0 } };
  const answered = await ask(db, {
    film: request.film,
    names,
    groups: subject.kind === "subject",
    onlyGroups: subject.kind === "group",
    questions: [{ name: question.file, columns: question.columns, bindings }],
    params: [params],
    distinctInOneFilm: subject.kind === "pair",
  });
  return {
    film: answered.film,
    subjects: answered.characters,
    options,
    rows: (answered.answers[0] ?? []) as Row[],
  };
}

const EXAMPLE_SUBJECT = {
  film: "heat",
  group: `"McCauley's crew"`,
  character: '"Waingro"',
  subject: '"Waingro"',
  pair: '"Fu" "Inspector Lau"',
  none: "",
} as const;

/** The names a question needs, or the error for one left out. */
function subjectNames(question: Question, request: QuestionRequest): string[] {
  const { kind } = question.subject;
  const missing = (what: string) =>
    new HeistgraphError({
      what: `${question.name} needs ${what}.`,
      expected: what,
      suggestion: `e.g. heistgraph ${question.name} ${EXAMPLE_SUBJECT[kind]}`,
    });
  if (kind === "film") {
    if (request.film === undefined) throw missing("a film (id or title)");
    return [];
  }
  if (request.subject === undefined)
    throw missing(kind === "group" ? "a group's name or id" : "a character's name, alias or id");
  if (kind === "pair") {
    if (request.second === undefined) throw missing("a second character");
    return [request.subject, request.second];
  }
  return [request.subject];
}
