// The queries' Cypher lives in cypher/queries/*.cypher, written to run as they are in
// Neo4j Browser (a header comment and `:param` lines, then the query). The TS API, the CLI
// and the GraphQL schema all read the query text from there: one source of truth.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const QUERIES_DIR = fileURLToPath(new URL("../../cypher/queries/", import.meta.url));

export const QUERY_NAMES = [
  "find-film",
  "find-subject",
  "character-by-id",
  "death-by-whom",
  "kills-by",
  "death-ledger",
  "betrayal-chains",
  "film-betrayal-chains",
  "loyalties",
  "double-agents",
  "timeline",
  "dossier",
  "connection",
  "revenge",
  "parallels",
  "body-count",
  "film-exists",
  "network-nodes",
  "network-edges",
] as const;
export type QueryName = (typeof QUERY_NAMES)[number];

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

/**
 * The query text with each parameter `$name` of `bindings` written as the given expression
 * (a variable of an enclosing query, or another parameter): how a file is run on what another
 * query found, in the same statement.
 */
export function bindParameters(
  name: QueryName,
  cypher: string,
  bindings: Record<string, string>,
): string {
  let body = cypher;
  for (const [param, expression] of Object.entries(bindings)) {
    const pattern = new RegExp(`\\$${param}\\b`, "g");
    if (!pattern.test(body)) throw new Error(`${name}.cypher has no parameter $${param}`);
    body = body.replace(pattern, expression);
  }
  return body;
}

/** The text with comments blanked and string literals kept: what the scanner below reads. */
function withoutComments(cypher: string): string {
  return cypher.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|\/\/[^\n]*/g, (m) =>
    m.startsWith("//") ? " ".repeat(m.length) : m,
  );
}

/**
 * The column names of a query's last RETURN (outside any subquery), in order: what a
 * composed statement collects each of its rows into.
 */
export function returnColumns(cypher: string): string[] {
  const text = withoutComments(cypher);
  let depth = 0;
  let quote: string | null = null;
  let lastReturn = -1;
  const commas: number[] = [];
  let end = text.length;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? "";
    if (quote !== null) {
      if (ch === "\\") i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === "`") quote = ch;
    else if ("([{".includes(ch)) depth++;
    else if (")]}".includes(ch)) depth--;
    else if (depth === 0) {
      const word = /^[A-Za-z]+\b/.exec(text.slice(i))?.[0]?.toUpperCase();
      const boundary = i === 0 || !/[\w$.]/.test(text[i - 1] ?? "");
      if (boundary && word === "RETURN") {
        lastReturn = i + word.length;
        commas.length = 0;
        end = text.length;
      } else if (
        boundary &&
        lastReturn >= 0 &&
        end === text.length &&
        /^(ORDER|SKIP|LIMIT)$/.test(word ?? "")
      ) {
        end = i;
      } else if (ch === "," && lastReturn >= 0 && end === text.length) commas.push(i);
      if (word && boundary) i += word.length - 1;
    }
  }
  if (lastReturn < 0) throw new Error("the query has no RETURN");
  const bounds = [lastReturn, ...commas.map((c) => c + 1)];
  return bounds.map((start, n) => {
    const item = text
      .slice(start, n + 1 < bounds.length ? (commas[n] ?? end) : end)
      .replace(/^\s*DISTINCT\b/i, "")
      .trim();
    const column = /\bAS\s+(\w+)$/i.exec(item)?.[1] ?? (/^\w+$/.test(item) ? item : undefined);
    if (column === undefined) throw new Error(`a RETURN item needs a name: ${item}`);
    return column;
  });
}
