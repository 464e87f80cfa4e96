// What clients see of an error: a plain message and a code, never a stack, Cypher or driver
// detail. Neo4j being unreachable and a query running out of time get messages of their own.
import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import { HeistgraphError } from "../errors.ts";
import { LOAD_LIMIT_SETTINGS } from "./load-limits.ts";
import { isUnreachable } from "./neo4j-availability.ts";

export const UNAVAILABLE_MESSAGE =
  "Neo4j is not answering, so the API cannot answer queries now. It reconnects by itself: " +
  "try again in a few seconds (GET /healthz says when Neo4j is back).";

/** Whether Neo4j stopped a query because it ran past its transaction timeout. */
export function isTimedOut(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === "string" && /TransactionTimedOut/.test(code);
}

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
): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const code = formatted.extensions?.code;
    const base = { locations: formatted.locations, path: formatted.path };
    if (code === "INTERNAL_SERVER_ERROR" || code === undefined) {
      const original = unwrapResolverError(error);
      if (isUnreachable(original))
        return {
          message: UNAVAILABLE_MESSAGE,
          ...base,
          extensions: { code: "SERVICE_UNAVAILABLE" },
        };
      if (isTimedOut(original))
        return {
          message: timeoutMessage(queryTimeoutMs),
          ...base,
          extensions: { code: "QUERY_TIMEOUT", timeoutMs: queryTimeoutMs },
        };
      const message =
        original instanceof HeistgraphError ? original.problem.what : "Internal server error";
      return { message, ...base, extensions: { code: "INTERNAL_SERVER_ERROR" } };
    }
    // Codes of our own carry their numbers (the cap, the timeout); Apollo's carry only the code.
    const extra = code === "ROW_LIMIT_EXCEEDED" ? { maxRows: formatted.extensions?.maxRows } : {};
    return { message: formatted.message, ...base, extensions: { code, ...extra } };
  };
}
