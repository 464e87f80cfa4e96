// The JSON Schemas editors use to check and complete the YAML files
// (import/schema/*.json), generated from the zod schemas so the two never drift. Each field
// carries an example (examples.ts, the same the problems show), and a field that takes any
// word lists the built-in words, which editors offer on completion.
import { z } from "zod";
import { EXAMPLES, KIND_OF_LIST } from "./examples.ts";
import { filmFileSchema, sourcesFileSchema } from "./schema.ts";
import {
  ACT_TYPES,
  GROUP_KINDS,
  LOYALTY_KINDS,
  NARRATIVE_ROLES,
  PLACE_KINDS,
  TIE_TYPES,
} from "./vocabulary.ts";

/** The built-in words of the fields that also take a story's own words. */
const BUILT_IN_WORDS: Record<string, readonly string[]> = {
  "act.type": ACT_TYPES,
  "tie.type": TIE_TYPES,
  "character.role": NARRATIVE_ROLES,
  "place.kind": PLACE_KINDS,
  "group.kind": GROUP_KINDS,
  "loyalty.kind": LOYALTY_KINDS,
};

interface JsonNode {
  type?: string;
  properties?: Record<string, JsonNode>;
  items?: JsonNode;
  examples?: unknown[];
}

/** Adds each field's example (or its built-in words) to an object of `kind`, then below it. */
function addExamples(node: JsonNode, kind: string, path: string): void {
  for (const [key, property] of Object.entries(node.properties ?? {})) {
    const words = BUILT_IN_WORDS[`${kind}.${key}`];
    const example = EXAMPLES[kind]?.[key];
    if (words) property.examples = [...words];
    else if (example !== undefined) property.examples = [example];
    const inner = `${path}${key}`;
    const innerKind = KIND_OF_LIST[inner] ?? KIND_OF_LIST[key] ?? key;
    if (property.items?.properties) addExamples(property.items, innerKind, `${inner}.`);
    else if (property.properties) addExamples(property, innerKind, `${inner}.`);
  }
}

export function jsonSchemas(): Record<string, string> {
  const render = (schema: z.ZodType) => {
    const json = z.toJSONSchema(schema, { io: "input" }) as JsonNode;
    addExamples(json, "file", "");
    return `${JSON.stringify(json, null, 2)}\n`;
  };
  return {
    "film.schema.json": render(filmFileSchema),
    "sources.schema.json": render(sourcesFileSchema),
  };
}

/** The fields (as "a.b[].c") of a rendered schema that carry no example, for the test. */
export function fieldsWithoutExamples(schema: string): string[] {
  const missing: string[] = [];
  const walk = (node: JsonNode, path: string) => {
    for (const [key, property] of Object.entries(node.properties ?? {})) {
      const here = `${path}${key}`;
      if (property.items?.properties) walk(property.items, `${here}[].`);
      else if (property.properties) walk(property, `${here}.`);
      else if (!property.examples?.length) missing.push(here);
    }
  };
  walk(JSON.parse(schema) as JsonNode, "");
  return missing;
}
