// Writes the generated files: the JSON Schemas for editors, docs/film-format.md and
// cypher/dataset.cypher.
// `npm run generate`; src/generated-files.test.ts fails when they are out of date.
import { writeFileSync } from "node:fs";
import { generatedFiles } from "../src/generated-files.ts";

for (const [path, content] of Object.entries(generatedFiles())) {
  writeFileSync(path, content);
  console.log(`wrote ${path}`);
}
