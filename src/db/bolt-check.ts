// Asks a server over Bolt whether it answers, and sorts the ways it can fail.
import neo4j from "neo4j-driver";

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
