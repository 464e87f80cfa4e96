// A question's answer is declared once, as a zod object: the TS type is inferred from it, the
// GraphQL types are written from it (graphqlTypes), and the column list the composed statement
// reads the question file's rows by comes from its keys, in declaration order.
import { z } from "zod";

/** GraphQL type names of the nested objects of answers (each declared once, where it lives). */
export const graphqlNames = z.registry<{ name: string }>();

/** A nested object of an answer (or an enum of options), named for GraphQL. */
export function named<T extends z.ZodType>(name: string, schema: T): T {
  graphqlNames.add(schema, { name });
  return schema;
}

/** An id: GraphQL ID. */
const idMark = z.registry<{ id: true }>();
export const id = () => {
  const schema = z.string();
  idMark.add(schema, { id: true });
  return schema;
};

/** Text, a whole number, a flag, list of text: the common leaves, written short. */
export const text = () => z.string();
export const whole = () => z.int();
export const flag = () => z.boolean();
export const texts = () => z.array(z.string());
/** The sources a fact cites, e.g. "heat-fr:3". */
export const sources = () => z.array(z.string()).describe("The source paragraphs that say it.");

/**
 * The one story clock: a moment of the story, as an event's seq, that every question depending
 * on story time takes under the same name (`at`; the CLI's --at), with the same meaning: the
 * answer as it stood once that event had happened. None: the whole story.
 */
export const storyTime = () =>
  z
    .int()
    .nullable()
    .default(null)
    .describe(
      "A moment of the story (an event's seq): the answer as it stood once that event had happened; none for the whole story.",
    );

/** Bounded whole numbers, each a GraphQL scalar of its own that checks the bounds. */
export const boundedInts = z.registry<{ name: string; min: number; max: number }>();
export function bounded(name: string, min: number, max: number) {
  const schema = z.int().min(min).max(max);
  boundedInts.add(schema, { name, min, max });
  return schema;
}

/** A schema without its default, nullable and optional wrappers. */
export function unwrapped(schema: z.ZodType): z.ZodType {
  const def = (schema as z.ZodType & { _zod: { def: { type: string } } })._zod.def;
  const unwrap = (schema as { unwrap?: () => z.ZodType }).unwrap;
  return unwrap && ["default", "nullable", "optional"].includes(def.type)
    ? unwrapped(unwrap.call(schema))
    : schema;
}

/** The bounds of a bounded whole number (bounded()), through its wrappers. */
export const boundsOf = (schema: z.ZodType) => boundedInts.get(unwrapped(schema));

type Leaf = { type: string; description?: string };

/** The GraphQL type of a zod schema, e.g. "[KillStep!]!", adding named objects to `found`. */
function fieldType(schema: z.ZodType, found: Map<string, z.ZodObject>): Leaf {
  const description = schema.description;
  const def = (schema as z.ZodType & { _zod: { def: { type: string } } })._zod.def;
  switch (def.type) {
    case "nullable":
    case "optional": {
      const inner = fieldType((schema as z.ZodNullable).unwrap() as z.ZodType, found);
      return { type: inner.type.replace(/!$/, ""), description: description ?? inner.description };
    }
    case "string":
      return { type: idMark.has(schema) ? "ID!" : "String!", description };
    case "enum":
    case "literal":
      return { type: "String!", description };
    case "default": {
      const inner = fieldType((schema as z.ZodDefault).unwrap() as z.ZodType, found);
      return { type: inner.type, description: description ?? inner.description };
    }
    case "number":
      if (boundedInts.has(schema))
        return { type: `${boundedInts.get(schema)?.name}!`, description };
      return {
        type: (schema as z.ZodNumber).format?.includes("int") ? "Int!" : "Float!",
        description,
      };
    case "boolean":
      return { type: "Boolean!", description };
    case "array": {
      const inner = fieldType((schema as z.ZodArray).element as z.ZodType, found);
      return { type: `[${inner.type}]!`, description };
    }
    case "object": {
      const name = graphqlNames.get(schema)?.name;
      if (name === undefined) throw new Error("a nested object of an answer needs named()");
      const known = found.get(name);
      if (known !== undefined && known !== schema) throw new Error(`two types named ${name}`);
      if (known === undefined) {
        found.set(name, schema as z.ZodObject);
        for (const field of Object.values((schema as z.ZodObject).shape))
          fieldType(field as z.ZodType, found);
      }
      return { type: `${name}!`, description };
    }
    default:
      throw new Error(`no GraphQL type for a zod ${def.type}`);
  }
}

/** A GraphQL string literal: a description. */
const described = (text: string | undefined, indent: string) =>
  text === undefined ? "" : `${indent}${JSON.stringify(text)}\n`;

/** The GraphQL type definitions of the named objects that the answers hold, each once. */
export function graphqlTypes(rows: z.ZodObject[]): string {
  const found = new Map<string, z.ZodObject>();
  for (const row of rows) fieldType(row, found);
  return [...found]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, schema]) => {
      const fields = Object.entries(schema.shape).map(([field, type]) => {
        const leaf = fieldType(type as z.ZodType, found);
        return `${described(leaf.description, "  ")}  ${field}: ${leaf.type}`;
      });
      return `${described(schema.description, "")}type ${name} {\n${fields.join("\n")}\n}`;
    })
    .join("\n\n");
}

/** The GraphQL type of one field of an answer, e.g. "[DeathChain!]!". */
export function graphqlFieldType(schema: z.ZodType): string {
  return fieldType(schema, new Map()).type;
}

/** An answer row's columns, in declaration order: the order of the file's RETURN. */
export function columnsOf(row: z.ZodObject): string[] {
  return Object.keys(row.shape);
}

/**
 * The fields of an answer's column in declaration order, when it holds objects (an object, or
 * a list of them): the order a reader sees them in, whatever order the database keeps.
 */
export function fieldsOf(column: z.ZodType): string[] {
  const inner = unwrapped(column);
  const element = inner instanceof z.ZodArray ? unwrapped(inner.element as z.ZodType) : inner;
  return element instanceof z.ZodObject ? Object.keys(element.shape) : [];
}
