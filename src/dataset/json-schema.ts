// The JSON Schemas editors use to check and complete the YAML files
// (import/schema/*.json), generated from the zod schemas so the two never drift.
import { z } from "zod";
import { filmFileSchema, sourcesFileSchema } from "./schema.ts";

export function jsonSchemas(): Record<string, string> {
  const render = (schema: z.ZodType) =>
    `${JSON.stringify(z.toJSONSchema(schema, { io: "input" }), null, 2)}\n`;
  return {
    "film.schema.json": render(filmFileSchema),
    "sources.schema.json": render(sourcesFileSchema),
  };
}
