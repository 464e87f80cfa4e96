// The queries' Cypher lives in cypher/queries/*.cypher, written to run as they are in
// Neo4j Browser (a header comment and `:param` lines, then the query). The TS API, the CLI
// and the GraphQL schema all read the query text from there: one source of truth.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const QUERIES_DIR = fileURLToPath(new URL("../../cypher/queries/", import.meta.url));

/**
 * Every file in cypher/queries/, by name: a new question's file is found where it is written,
 * with no list to keep (tests check that each question's file is there and parses).
 */
export const QUERY_NAMES: readonly string[] = readdirSync(QUERIES_DIR)
  .filter((f) => f.endsWith(".cypher"))
  .map((f) => f.slice(0, -".cypher".length))
  .sort();
export type QueryName = string;

export interface CypherFile {
  name: QueryName;
  /** The header comment, without the `//`. */
  description: string;
  /** Parameters and example values from the `:param` lines, as written. */
  params: Record<string, string>;
  /** The query itself, ready for the driver. */
  cypher: string;
}

const cache = new Map<QueryName, CypherFile>();

export function parseCypherFile(name: QueryName, text: string): CypherFile {
  const description: string[] = [];
  const params: Record<string, string> = {};
  const body: string[] = [];
  for (const line of text.split("\n")) {
    const trimmed = line.trim();
    const param = /^:param\s+(\w+)\s*=>\s*(.*?);?$/.exec(trimmed);
    if (param?.[1]) params[param[1]] = param[2] ?? "";
    else if (trimmed.startsWith("//") && body.length === 0)
      description.push(trimmed.replace(/^\/\/ ?/, ""));
    else body.push(line);
  }
  const cypher = body.join("\n").trim().replace(/;\s*$/, "");
  return { name, description: description.join("\n").trim(), params, cypher };
}

export function cypherFile(name: QueryName): CypherFile {
  let file = cache.get(name);
  if (!file) {
    file = parseCypherFile(name, readFileSync(`${QUERIES_DIR}${name}.cypher`, "utf8"));
    cache.set(name, file);
  }
  return file;
}
