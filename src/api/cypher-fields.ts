// Turns a query file (cypher/queries/*.cypher) into the statement of a GraphQL @cypher
// field, so the API answers from the same Cypher as the TS helpers and the CLI.
// The file's start parameter (e.g. $victimId) is bound to the parent node (`this.id`);
// its rows are folded into one map column, `result`. A top-level Query field has no parent.
import { bindParameters, cypherFile, type QueryName } from "../queries/cypher-file.ts";

export function cypherFieldStatement(
  name: QueryName,
  bindings: Record<string, string>,
  columns: readonly string[],
  /** The query text when it is not the file's as is (e.g. with a path bound filled in). */
  cypher: string = cypherFile(name).cypher,
  parent: "this" | "none" = "this",
): string {
  const body = bindParameters(name, cypher, bindings);
  const map = columns.map((c) => `${c}: ${c}`).join(", ");
  return `CALL (${parent === "this" ? "this" : ""}) {\n${body}\n}\nRETURN {${map}} AS result`;
}
