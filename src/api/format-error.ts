// What clients see of an error: a plain message and a code, never a stack, Cypher or driver
// detail. Neo4j being unreachable, a query running out of time and a query running out of
// Neo4j's transaction memory get messages of their own; what the client cannot fix is logged
// (one line with its cause, see server-log.ts).
import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import { isOutOfTransactionMemory, isTransactionTimeout } from "../db/neo4j-errors.ts";
import { HeistgraphError } from "../errors.ts";
import { LOAD_LIMIT_SETTINGS } from "./load-limits.ts";
import { isUnreachable } from "./neo4j-availability.ts";
import { causeOf, type ServerLog } from "./server-log.ts";

export const UNAVAILABLE_MESSAGE =
  "Neo4j is not answering, so the API cannot answer queries now. It reconnects by itself: " +
  "try again in a few seconds (GET /healthz says when Neo4j is back).";

/**
 * The API's own deadline passed before Neo4j answered: Neo4j checks its transaction timeout
 * only every few seconds, and a result already on its way can take as long again to arrive.
 */
export class DeadlineExceeded extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = "DeadlineExceeded";
  }
}

/** Whether a query was stopped for running too long (by Neo4j, or by the API's deadline). */
export function isTimedOut(error: unknown): boolean {
  return error instanceof DeadlineExceeded || isTransactionTimeout(error);
}

/** Whether Neo4j stopped a query for using more memory than a transaction may. */
export const isOutOfMemory = isOutOfTransactionMemory;

export const OUT_OF_MEMORY_MESSAGE =
  "The query needed more memory than Neo4j allows one query (db.memory.transaction.max, " +
  "dbms.memory.transaction.total.max) and was stopped. Ask for less: one film or character " +
  "rather than all, a smaller maxDepth, fewer nested lists, limit/first.";

export function timeoutMessage(timeoutMs: number): string {
  const setting = LOAD_LIMIT_SETTINGS.queryTimeoutMs;
  return (
    `The query ran longer than ${timeoutMs} ms, the most the API allows ` +
    `(${setting.env}, serve --${setting.flag}), and was stopped. Ask for less: one film or ` +
    `character rather than all, a smaller maxDepth, fewer nested lists, limit/first.`
  );
}

export function errorFormatter(
  queryTimeoutMs: number,
  log: ServerLog,
): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const code = formatted.extensions?.code;
    const base = { locations: formatted.locations, path: formatted.path };
    if (code === "INTERNAL_SERVER_ERROR" || code === undefined) {
      const original = unwrapResolverError(error);
      const where = `GraphQL ${formatted.path?.join(".") ?? "request"}`;
      // Neo4j being down is logged once, when it goes (neo4j-availability.ts), not per request.
      if (isUnreachable(original))
        return {
          message: UNAVAILABLE_MESSAGE,
          ...base,
          extensions: { code: "SERVICE_UNAVAILABLE" },
        };
      if (isTimedOut(original)) {
        log(`${where}: query timeout (${queryTimeoutMs} ms): ${causeOf(original)}`);
        return {
          message: timeoutMessage(queryTimeoutMs),
          ...base,
          extensions: { code: "QUERY_TIMEOUT", timeoutMs: queryTimeoutMs },
        };
      }
      if (isOutOfMemory(original)) {
        log(`${where}: out of transaction memory: ${causeOf(original)}`);
        return {
          message: OUT_OF_MEMORY_MESSAGE,
          ...base,
          extensions: { code: "QUERY_OUT_OF_MEMORY" },
        };
      }
      log(`${where}: internal error: ${causeOf(original)}`);
      const message =
        original instanceof HeistgraphError ? original.problem.what : "Internal server error";
      return { message, ...base, extensions: { code: "INTERNAL_SERVER_ERROR" } };
    }
    // Codes of our own carry their numbers (the cap, the timeout); Apollo's carry only the code.
    const extra =
      code === "ROW_LIMIT_EXCEEDED"
        ? { maxRows: formatted.extensions?.maxRows }
        : code === "COST_LIMIT_EXCEEDED"
          ? { cost: formatted.extensions?.cost, maxCost: formatted.extensions?.maxCost }
          : code === "BAD_USER_INPUT"
            ? // What was typed and could not be resolved: the CLI's "expected" and "try" lines.
              Object.fromEntries(
                ["where", "expected", "suggestion"]
                  .map((k) => [k, formatted.extensions?.[k]])
                  .filter(([, v]) => typeof v === "string"),
              )
            : {};
    return { message: formatted.message, ...base, extensions: { code, ...extra } };
  };
}
