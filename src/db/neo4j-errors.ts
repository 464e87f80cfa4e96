// What Neo4j's own errors mean for a user, in words: a connection lost under a command, a
// transaction over the server's memory limit or its time limit, a full disk, a database that
// stopped on a critical error, an id another writer took first. Each is something to act on,
// not a bug, so it gets a message and a suggestion instead of a stack trace.
import { Neo4jError } from "neo4j-driver";
import { HeistgraphError, type ProblemDetails } from "../errors.ts";

// Codes the driver gives when the connection went away under a query (server killed,
// stopped, or network gone) rather than for anything the query did.
const LOST_CONNECTION_CODES = new Set([
  "ServiceUnavailable",
  "SessionExpired",
  "Neo.TransientError.General.DatabaseUnavailable",
]);

const SEE_STATUS =
  "see `npx heistgraph db status` (or your NEO4J_URI server), start Neo4j again if it stopped";

/**
 * Whether Neo4j stopped a transaction for using more memory than one may
 * (db.memory.transaction.max, dbms.memory.transaction.total.max).
 */
export function isOutOfTransactionMemory(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = error instanceof Error ? error.message : "";
  return (
    (typeof code === "string" && /MemoryPoolOutOfMemoryError|TransactionMemoryLimit/.test(code)) ||
    /memory\.transaction(\.total)?\.max/.test(message)
  );
}

/** Whether Neo4j stopped a transaction for running past its time limit. */
export function isTransactionTimeout(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === "string" && /TransactionTimedOut/.test(code);
}

/** The problem a Neo4j error stands for, or undefined for an error that is not one of them. */
function describe(error: Neo4jError): Omit<ProblemDetails, "details"> | undefined {
  const { code, message } = error;
  if (/No space left on device/i.test(message)) {
    return {
      what: "Neo4j's disk is full: it could not write, and nothing of the unfinished transaction was kept.",
      suggestion: `free disk space where Neo4j keeps its data, then ${SEE_STATUS}`,
    };
  }
  if (/critical error/i.test(message) || code.startsWith("Neo.DatabaseError.")) {
    return {
      what: "Neo4j stopped the database on an error of its own (often a full disk or a failing store); nothing of the unfinished transaction was kept.",
      suggestion: `read Neo4j's debug.log (\`npx heistgraph db status\` says where), free disk space if it is full, restart Neo4j (\`npx heistgraph db stop\`, then \`db start\`)`,
    };
  }
  if (LOST_CONNECTION_CODES.has(code)) {
    return {
      what: "Lost the connection to Neo4j in the middle of the command (the server stopped, was killed, or the network dropped); nothing of the transaction that was running was kept.",
      suggestion: `${SEE_STATUS}, then run the command again`,
    };
  }
  if (isOutOfTransactionMemory(error)) {
    return {
      what: "The question needed more memory than Neo4j allows one transaction (dbms.memory.transaction.total.max).",
      suggestion:
        "ask a narrower question (a lower --depth or --limit, one character instead of a film), or raise that setting on the server",
    };
  }
  if (isTransactionTimeout(error)) {
    return {
      what: "Neo4j stopped the transaction: it ran longer than the time limit.",
      suggestion:
        "ask a narrower question (a lower --depth or --limit, one character instead of a film)",
    };
  }
  if (code === "Neo.ClientError.Schema.ConstraintValidationFailed") {
    return {
      what: "Neo4j refused a node: a uniqueness constraint holds its value already (another import writing the same ids at the same time, or a constraint added to the database by hand).",
      suggestion:
        "run the import again once any other import has finished; if the value belongs to another film, rename it; `SHOW CONSTRAINTS` lists the database's constraints",
    };
  }
  return undefined;
}

/** A Neo4j error as a problem for the user; undefined for any other error. */
export function neo4jProblem(error: unknown): HeistgraphError | undefined {
  if (!(error instanceof Neo4jError)) return undefined;
  const problem = describe(error);
  if (!problem) return undefined;
  return new HeistgraphError(
    { ...problem, details: `Neo4j said: ${error.message.split("\n")[0]}` },
    { cause: error },
  );
}
