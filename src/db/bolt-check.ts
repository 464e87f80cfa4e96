// Asks a server over Bolt whether it answers, and sorts the ways it can fail.
import neo4j, { Neo4jError } from "neo4j-driver";
import { HeistgraphError } from "../errors.ts";

export interface Credentials {
  uri: string;
  username: string;
  password: string;
}

export type BoltCheck =
  { ok: true } | { ok: false; reason: "unreachable" | "unauthorized" | "other"; message: string };

export async function checkBolt(credentials: Credentials): Promise<BoltCheck> {
  const driver = neo4j.driver(
    credentials.uri,
    neo4j.auth.basic(credentials.username, credentials.password),
    { connectionTimeout: 5_000, maxConnectionPoolSize: 1, logging: undefined },
  );
  try {
    // Resolves false (rather than throwing) when the server refuses the credentials.
    if (await driver.verifyAuthentication()) return { ok: true };
    return { ok: false, reason: "unauthorized", message: "authentication failure" };
  } catch (error) {
    return classifyBoltError(error);
  } finally {
    await driver.close();
  }
}

export function classifyBoltError(error: unknown): Exclude<BoltCheck, { ok: true }> {
  const code = (error as { code?: string }).code ?? "";
  const message = error instanceof Error ? error.message : String(error);
  if (code === "Neo.ClientError.Security.Unauthorized" || code.includes("Security")) {
    return { ok: false, reason: "unauthorized", message };
  }
  if (
    code === "ServiceUnavailable" ||
    code === "SessionExpired" ||
    /ECONNREFUSED|connect/i.test(message)
  ) {
    return { ok: false, reason: "unreachable", message };
  }
  return { ok: false, reason: "other", message };
}

// Codes the driver gives when the connection went away under a query (server killed,
// stopped, or network gone) rather than for anything the query did.
const LOST_CONNECTION_CODES = new Set([
  "ServiceUnavailable",
  "SessionExpired",
  "Neo.TransientError.General.DatabaseUnavailable",
]);

/**
 * A driver error saying Neo4j went away in the middle of a command, as a message for the
 * user; undefined for any other error. Writes run in transactions Neo4j only keeps once
 * committed (an import is one transaction), so nothing of the interrupted write was kept.
 */
export function lostConnectionProblem(error: unknown): HeistgraphError | undefined {
  if (!(error instanceof Neo4jError) || !LOST_CONNECTION_CODES.has(error.code)) return undefined;
  return new HeistgraphError(
    {
      what: "Lost the connection to Neo4j in the middle of the command (the server stopped, was killed, or the network dropped); nothing of an unfinished write, such as this import, was kept.",
      suggestion:
        "see `npx heistgraph db status` (or your NEO4J_URI server), start Neo4j again if it stopped, then run the command again",
      details: `The driver said: ${error.message.split("\n")[0]}`,
    },
    { cause: error },
  );
}
