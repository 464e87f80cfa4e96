// What declares a question: its Cypher file, what it is asked about, its options and the shape
// of its answer. Every surface loops over the declarations (registry.ts): the TS helpers ask
// through askQuestion, the GraphQL schema writes a field per question (src/api/type-defs.ts),
// the CLI a command per question, and the Browser guide and the docs list them.
import { z } from "zod";
import type { QueryName } from "../queries/cypher-file.ts";
import { columnsOf } from "./shape.ts";

/**
 * What a question is asked about:
 * - "character": one character, named (the file's `param` takes its id);
 * - "group": one group;
 * - "subject": one character or group;
 * - "pair": two characters of one film (`param` and `second` take their ids);
 * - "film": one film (`param` takes its id);
 * - "none": the whole graph.
 */
export type Subject =
  | { kind: "character" | "group" | "subject"; param: string }
  | { kind: "pair"; param: string; second: string }
  | { kind: "film"; param: string }
  | { kind: "none" };

export interface QuestionDefinition<
  Row extends z.ZodObject = z.ZodObject,
  Options extends z.ZodObject = z.ZodObject,
> {
  /** kebab-case: the CLI command, and the name in the docs. */
  name: string;
  /** The file in cypher/queries/ that answers it, runnable as it is in Neo4j Browser. */
  file: QueryName;
  /** One line: the CLI's description, the GraphQL field's, the docs'. */
  summary: string;
  subject: Subject;
  /**
   * The file's other parameters, as the TS helper and GraphQL take them (with defaults and
   * bounds); each key is a parameter of the file.
   */
  options: Options;
  /** Parameters the file always takes the same value for (not options). */
  fixed?: Record<string, unknown>;
  /** One row of the file's answer: its RETURN columns, in order. */
  row: Row;
  /** The GraphQL field: its name, and whether the file answers with one row (not a list). */
  graphql: { field: string; one?: boolean };
}

export interface Question<
  Row extends z.ZodObject = z.ZodObject,
  Options extends z.ZodObject = z.ZodObject,
> extends QuestionDefinition<Row, Options> {
  /** The file's RETURN columns, in order (the keys of `row`). */
  columns: readonly string[];
}

export function defineQuestion<Row extends z.ZodObject, Options extends z.ZodObject>(
  definition: QuestionDefinition<Row, Options>,
): Question<Row, Options> {
  return { ...definition, columns: columnsOf(definition.row) };
}

/** The row type of a question. */
export type RowOf<Q> = Q extends Question<infer Row> ? z.infer<Row> : never;
/** The options a question's TS helper takes (defaults filled in by askQuestion). */
export type OptionsOf<Q> =
  Q extends Question<z.ZodObject, infer Options> ? z.input<Options> : never;

/** No options. */
export const noOptions = z.object({});

/** The GraphQL Query field that asks a question by what a user types: body-count is bodyCount. */
export const queryFieldName = (question: { name: string }) =>
  question.name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
