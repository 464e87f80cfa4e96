// Files generated from the sources of truth, with where they live in the repository.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { GRASS_FILE, grassText } from "./browser-guide/grass.ts";
import { filmFormatDoc } from "./dataset/film-format-doc.ts";
import { jsonSchemas } from "./dataset/json-schema.ts";
import { PACKAGE_ROOT } from "./db/local-neo4j/paths.ts";
import { exportCypher } from "./import/cypher-export.ts";
import { DEFAULT_SOURCES_FILE, defaultFilmFiles, prepareImport } from "./import/run-import.ts";
import { questionsReference } from "./questions/reference.ts";
import { QUERIES_DIR, QUERY_NAMES } from "./queries/cypher-file.ts";
import { hasTypeLists, withKeyConstraints, withTypeLists } from "./queries/type-lists.ts";
import { SCHEMA_FILE } from "./import/schema-statements.ts";

export function generatedFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [name, content] of Object.entries(jsonSchemas())) {
    files[join(PACKAGE_ROOT, "import", "schema", name)] = content;
  }
  files[join(PACKAGE_ROOT, "docs", "film-format.md")] = filmFormatDoc();
  const { plan } = prepareImport(DEFAULT_SOURCES_FILE, defaultFilmFiles());
  files[join(PACKAGE_ROOT, "cypher", "dataset.cypher")] = exportCypher(plan);
  files[join(PACKAGE_ROOT, "docs", "question-reference.md")] = questionsReference();
  files[GRASS_FILE] = grassText();
  // The Cypher files' relationship type lists and key constraints, from the vocabulary.
  for (const name of QUERY_NAMES) {
    const file = `${QUERIES_DIR}${name}.cypher`;
    const text = readFileSync(file, "utf8");
    if (hasTypeLists(text)) files[file] = withTypeLists(text, file);
  }
  files[SCHEMA_FILE] = withKeyConstraints(readFileSync(SCHEMA_FILE, "utf8"));
  return files;
}
