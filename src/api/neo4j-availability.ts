// The API's own connection to Neo4j, made to fail fast: when Neo4j is down, a request must get
// a clear 503 within a couple of seconds, not wait out the driver's retries (30 s) and
// connection acquisition (60 s). Once a request finds Neo4j unreachable, the API answers 503
// at once and probes Neo4j in the background until it answers again; nothing needs restarting.
import neo4j from "neo4j-driver";
import type { Database } from "../db/connection.ts";
import { causeOf, type ServerLog } from "./server-log.ts";

/** How long opening a connection to Neo4j may take before the request fails (ms). */
export const CONNECT_TIMEOUT_MS = 1_000;
/** How often a down Neo4j is probed (ms). */
export const PROBE_INTERVAL_MS = 500;
/** How long /healthz (and a probe) waits for Neo4j's answer (ms). */
export const HEALTH_DEADLINE_MS = 1_500;
/**
 * Records Neo4j sends before the API asks for more (the driver's default is 1000). A query
 * whose records are huge (lists nested in lists) would otherwise have Neo4j stream ahead of
 * what the API can decode, and the API would go on decoding, its event loop busy, long after
 * Neo4j's timeout stopped the query. Small batches keep that backlog to a few records.
 */
export const FETCH_SIZE = 20;

export interface Neo4jHealth {
  ok: boolean;
  /** The server's agent when it answers, else why not (first line of the error). */
  detail: string;
}

/** Whether an error means Neo4j could not be reached (as opposed to a bad or slow query). */
export function isUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = error instanceof Error ? error.message : "";
  return (
    code === "ServiceUnavailable" ||
    code === "SessionExpired" ||
    /ECONNREFUSED|ECONNRESET|EHOSTUNREACH|Connection acquisition timed out|Failed to establish connection/i.test(
      message,
    )
  );
}

function firstLine(error: unknown): string {
  return error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
}

function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

export class Neo4jAvailability {
  /** A driver of the API's own, with the same server and credentials as `source`. */
  readonly db: Database;
  private down = false;
  private probing: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    source: Database,
    private readonly log: ServerLog = () => {},
  ) {
    const { settings } = source;
    const driver = neo4j.driver(
      settings.uri,
      neo4j.auth.basic(settings.username, settings.password),
      {
        connectionTimeout: CONNECT_TIMEOUT_MS,
        // A read that failed because Neo4j went away is not worth retrying for 30 s: the client
        // gets a 503 now and the background probe notices when Neo4j is back.
        maxTransactionRetryTime: 0,
        disableLosslessIntegers: false,
        fetchSize: FETCH_SIZE,
      },
    );
    this.db = { driver, database: source.database, settings, close: () => driver.close() };
  }

  isDown(): boolean {
    return this.down;
  }

  /** Records a failed query; when it means Neo4j is unreachable, starts probing. */
  reportFailure(error: unknown): boolean {
    if (!isUnreachable(error)) return false;
    if (!this.down) {
      this.down = true;
      // Once per outage: every request meanwhile gets a 503 without trying Neo4j.
      this.log(`Neo4j is unreachable, answering 503 until it is back: ${causeOf(error)}`);
      this.scheduleProbe();
    }
    return true;
  }

  /** Asks Neo4j for its version and `RETURN 1`, within HEALTH_DEADLINE_MS. */
  async check(): Promise<Neo4jHealth> {
    const { driver, database } = this.db;
    try {
      const info = await withDeadline(
        (async () => {
          const server = await driver.getServerInfo({ database });
          await driver.executeQuery("RETURN 1", {}, { database });
          return server;
        })(),
        HEALTH_DEADLINE_MS,
        "Neo4j",
      );
      this.markUp();
      return { ok: true, detail: info.agent ?? "Neo4j" };
    } catch (error) {
      // Only an unreachable Neo4j gates the API. One that is merely slow (busy, or cold after
      // a restart) is unhealthy for /healthz, but queries still go to it: they have their
      // own timeout, and a load balancer polling /healthz must not shut the API down.
      if (!this.reportFailure(error)) this.markUp();
      return { ok: false, detail: firstLine(error) };
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.probing);
    await this.db.close();
  }

  private markUp() {
    if (this.down) this.log("Neo4j answers again.");
    this.down = false;
    clearTimeout(this.probing);
    this.probing = undefined;
  }

  private scheduleProbe() {
    if (this.closed || this.probing) return;
    this.probing = setTimeout(async () => {
      this.probing = undefined;
      if (this.closed || !this.down) return;
      const health = await this.check();
      if (!health.ok) this.scheduleProbe();
    }, PROBE_INTERVAL_MS);
    // A probe must not keep a process alive that is otherwise done.
    this.probing.unref();
  }
}
