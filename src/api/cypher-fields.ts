// Turns a query file (cypher/queries/*.cypher) into the statement of a GraphQL @cypher
// field, so the API answers from the same Cypher as the TS helpers and the CLI.
// The file's start parameter (e.g. $victimId) is bound to the parent node (`this.id`);
// its rows are folded into one map column, `result`.
import { cypherFile, type QueryName } from "../queries/cypher-file.ts";

export function cypherFieldStatement(
  name: QueryName,
  bindings: Record<string, string>,
  columns: readonly string[],
  /** The query text when it is not the file's as is (e.g. with a path bound filled in). */
  cypher: string = cypherFile(name).cypher,
): string {
  let body = cypher;
  for (const [param, expression] of Object.entries(bindings)) {
    const pattern = new RegExp(`\\$${param}\\b`, "g");
    if (!pattern.test(body)) throw new Error(`${name}.cypher has no parameter $${param}`);
    body = body.replace(pattern, expression);
  }
  const map = columns.map((c) => `${c}: ${c}`).join(", ");
  return `CALL (this) {\n${body}\n}\nRETURN {${map}} AS result`;
}
