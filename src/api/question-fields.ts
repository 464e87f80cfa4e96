// The questions' GraphQL fields, written from their declarations (src/questions/registry.ts):
// - on the node a question is about (Character, Group, Film; Query for the whole graph), an
//   @cypher field that runs the question's file on `this.id` through apoc.cypher.run, the
//   file's text given as it is;
// - on Query, a field per question that takes the subject as a user types it (a name, an
//   alias, one word of a name, an id; a film id or title) and resolves it through the one
//   resolver the CLI and the TS helpers use, with the same "did you mean" in the error's
//   extensions.
import { GraphQLError } from "graphql";
import { z } from "zod";
import type { Database } from "../db/connection.ts";
import { HeistgraphError } from "../errors.ts";
import { cypherFile } from "../queries/cypher-file.ts";
import { askQuestion } from "../questions/ask-question.ts";
import { queryFieldName, type Question } from "../questions/define.ts";
import { QUESTIONS } from "../questions/registry.ts";
import {
  boundsOf,
  graphqlFieldType,
  graphqlNames,
  graphqlTypes,
  unwrapped,
} from "../questions/shape.ts";

type Parent = "Character" | "Group" | "Film" | "Query";

/** The node types a question's @cypher field sits on. */
function parentsOf(question: Question): Parent[] {
  switch (question.subject.kind) {
    case "character":
      return ["Character"];
    case "group":
      return ["Group"];
    case "subject":
      return ["Character", "Group"];
    case "film":
      return ["Film"];
    case "none":
      return ["Query"];
    case "pair":
      return [];
  }
}

/**
 * A Cypher string literal: the file's text, given to apoc.cypher.run as it is. Its `$`s are
 * written \u0024: @neo4j/graphql renames the field's arguments ($role to $param0) wherever
 * they appear in the statement, string literals included.
 */
function cypherString(text: string): string {
  const escaped = text
    .replace(/\\/g, "\\\\")
    .replace(/'/g, "\\'")
    .replace(/\n/g, "\\n")
    .replace(/\$/g, "\\u0024");
  return `'${escaped}'`;
}

/** The GraphQL value of an enum word (lead-investigator is LEAD_INVESTIGATOR). */
const enumValue = (word: string) => word.toUpperCase().replace(/-/g, "_");

function defaultOf(schema: z.ZodType): unknown {
  const parsed = schema.safeParse(undefined);
  return parsed.success ? parsed.data : undefined;
}

interface Argument {
  name: string;
  sdl: string;
  /** The Cypher expression the file's parameter takes from the argument. */
  cypher: string;
}

/** The GraphQL arguments of a question's options, and what each passes to the file. */
function optionArguments(question: Question): Argument[] {
  return Object.entries(question.options.shape as Record<string, z.ZodType>).map(
    ([name, schema]) => {
      const inner = unwrapped(schema);
      const nullable = schema.safeParse(null).success;
      const fallback = defaultOf(schema);
      const enumName = graphqlNames.get(inner as z.ZodObject)?.name;
      let type: string;
      let cypher = `$${name}`;
      if (enumName !== undefined) {
        type = enumName;
        // The file takes the word itself (lead-investigator).
        cypher = `CASE WHEN $${name} IS NULL THEN null ELSE replace(toLower($${name}), '_', '-') END`;
      } else {
        type = graphqlFieldType(inner).replace(/!$/, "");
      }
      const required = !nullable && fallback !== undefined;
      const given =
        fallback === undefined || fallback === null
          ? ""
          : ` = ${enumName !== undefined ? enumValue(String(fallback)) : JSON.stringify(fallback)}`;
      const description = schema.description ?? inner.description;
      return {
        name,
        sdl: `${description ? `${JSON.stringify(description)} ` : ""}${name}: ${type}${required ? "!" : ""}${given}`,
        // An explicit null takes the default too, as in the TS helpers.
        cypher:
          fallback === undefined || fallback === null
            ? cypher
            : `coalesce(${cypher}, ${JSON.stringify(fallback)})`,
      };
    },
  );
}

/** The type of a question's answer on a node: a list of rows, or its one row. */
function rowsType(question: Question): string {
  const row = graphqlFieldType(question.row);
  return question.graphql.one ? row : `[${row}]!`;
}

/** The @cypher field of a question on one of its parent types. */
function cypherField(question: Question, parent: Parent): string {
  const args = optionArguments(question);
  const params = [
    ...(question.subject.kind === "none" ? [] : [`${subjectParam(question)}: this.id`]),
    ...args.map((a) => `${a.name}: ${a.cypher}`),
    ...Object.entries(question.fixed ?? {}).map(([k, v]) => `${k}: ${JSON.stringify(v)}`),
  ];
  const statement =
    `CALL apoc.cypher.run(${cypherString(cypherFile(question.file).cypher)}, ` +
    `{${params.join(", ")}}) YIELD value\nRETURN value AS result`;
  const argList = args.length > 0 ? `(\n    ${args.map((a) => a.sdl).join("\n    ")}\n  )` : "";
  const where = parent === "Query" ? "the graph" : `this ${parent.toLowerCase()}`;
  return (
    `  ${JSON.stringify(`${question.summary}: of ${where} (cypher/queries/${question.file}.cypher).`)}\n` +
    `  ${question.graphql.field}${argList}: ${rowsType(question)}\n` +
    `    @cypher(statement: """\n${statement}\n""", columnName: "result")`
  );
}

function subjectParam(question: Question): string {
  const { subject } = question;
  if (subject.kind === "none") throw new Error(`${question.name} has no subject`);
  return subject.param;
}

/** The questions' fields on one parent type, for type-defs.ts to place in the type. */
export function questionFieldsOf(parent: Parent): string {
  return QUESTIONS.filter((q) => (parentsOf(q) as string[]).includes(parent))
    .map((q) => cypherField(q, parent))
    .join("\n");
}

const pascal = (kebab: string) =>
  queryFieldName({ name: kebab }).replace(/^\w/, (c) => c.toUpperCase());

/** The Query field that asks a question by what a user types, and its answer type. */
function askField(question: Question): { field: string; type: string } {
  const { kind } = question.subject;
  const answer = `${pascal(question.name)}Answer`;
  const args = [
    ...(kind === "film"
      ? ['"A film id or title, as typed." film: String!']
      : [
          kind === "group"
            ? '"A group\'s name, one word of it, or id, as typed." subject: String!'
            : "\"A character's name, alias, one word of a name, or id" +
              `${kind === "subject" ? "; or a group's" : ""}, as typed." subject: String!`,
          ...(kind === "pair" ? ['"The second character, as typed." to: String!'] : []),
          '"The film, to narrow the search (id or title)." film: String',
        ]),
    ...optionArguments(question).map((a) => a.sdl),
  ];
  const rows = question.graphql.one
    ? `  row: ${graphqlFieldType(question.row).replace(/!$/, "")}`
    : `  rows: [${graphqlFieldType(question.row)}]!`;
  return {
    field:
      `  ${JSON.stringify(`${question.summary}. The subject is resolved as the CLI resolves it.`)}\n` +
      `  ${queryFieldName(question)}(\n    ${args.join("\n    ")}\n  ): ${answer}!`,
    type:
      `type ${answer} {\n  "The film asked for; null when none was given."\n  film: FilmRef\n` +
      `  "What the names given were resolved to, in order."\n  subjects: [Subject!]!\n${rows}\n}`,
  };
}

/** Every type the questions need: their rows' types, their scalars and enums, the answers. */
export function questionTypeDefs(): string {
  const asked = QUESTIONS.filter((q) => q.subject.kind !== "none");
  const fields = asked.map(askField);
  const scalars = new Map<string, { min: number; max: number }>();
  const enums = new Map<string, readonly string[]>();
  for (const question of QUESTIONS) {
    for (const schema of Object.values(question.options.shape as Record<string, z.ZodType>)) {
      const inner = unwrapped(schema);
      const bounds = boundsOf(inner);
      if (bounds) scalars.set(bounds.name, bounds);
      const enumName = graphqlNames.get(inner as z.ZodObject)?.name;
      if (enumName) enums.set(enumName, (inner as z.ZodEnum).options as string[]);
    }
  }
  return [
    graphqlTypes(QUESTIONS.map((q) => q.row)),
    ...[...scalars].map(
      ([name, b]) => `"A whole number from ${b.min} to ${b.max}."\nscalar ${name}`,
    ),
    ...[...enums].map(
      ([name, words]) =>
        `"A word of the vocabulary, in GraphQL's form (lead-investigator is LEAD_INVESTIGATOR)."\nenum ${name} {\n  ${words.map(enumValue).join("\n  ")}\n}`,
    ),
    `"A character or group a name was resolved to."\ntype Subject {\n  id: ID!\n  name: String!\n  film: String!\n  "Null for a group."\n  fate: String\n  isGroup: Boolean!\n}`,
    `"A film a film id or title was resolved to."\ntype FilmRef {\n  id: ID!\n  title: String!\n}`,
    ...fields.map((f) => f.type),
    `type Query {\n${questionFieldsOf("Query")}\n${fields.map((f) => f.field).join("\n")}\n}`,
  ].join("\n\n");
}

/** A resolver's error for what the user typed: the CLI's message, its parts as extensions. */
function userError(error: unknown): unknown {
  if (!(error instanceof HeistgraphError)) return error;
  const { what, where, expected, suggestion } = error.problem;
  return new GraphQLError(what, {
    extensions: { code: "BAD_USER_INPUT", where, expected, suggestion },
  });
}

/** The resolvers of the Query fields that ask by what a user types. */
export function questionResolvers(db: () => Database) {
  const Query: Record<string, (parent: unknown, args: Record<string, unknown>) => unknown> = {};
  for (const question of QUESTIONS.filter((q) => q.subject.kind !== "none")) {
    const shape = question.options.shape as Record<string, z.ZodType>;
    Query[queryFieldName(question)] = async (_parent, args) => {
      // `to` names the second character of a pair; any other question's `to` is an option of
      // its own (the timeline's last seq), passed on with the rest.
      const { subject, film, ...options } = args;
      const second = question.subject.kind === "pair" ? options.to : undefined;
      if (question.subject.kind === "pair") delete options.to;
      try {
        const answer = await askQuestion(db(), question, {
          subject: subject as string | undefined,
          second: second as string | undefined,
          film: (film ?? undefined) as string | undefined,
          options: Object.fromEntries(
            Object.entries(options).map(([k, v]) => [
              k,
              typeof v === "string" &&
              shape[k] &&
              graphqlNames.get(unwrapped(shape[k])) !== undefined
                ? v.toLowerCase().replace(/_/g, "-")
                : (v ?? undefined),
            ]),
          ),
        });
        return {
          film: answer.film,
          subjects: answer.subjects,
          ...(question.graphql.one ? { row: answer.rows[0] ?? null } : { rows: answer.rows }),
        };
      } catch (error) {
        throw userError(error);
      }
    };
  }
  return { Query };
}
