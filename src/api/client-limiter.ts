// A per-client concurrency limit: each client address may have a few requests running and a
// few more waiting; beyond that it is told to come back later (429), so one client flooding
// the API with heavy queries holds at most `concurrency` of Neo4j's attention at a time.
import type { RequestHandler } from "express";

interface ClientState {
  running: number;
  waiting: (() => void)[];
}

export type Slot =
  | { granted: Promise<void>; cancel(): void; release(): void }
  | { refused: true; running: number; waiting: number };

export class ClientLimiter {
  private readonly clients = new Map<string, ClientState>();

  constructor(
    readonly concurrency: number,
    readonly queue: number,
  ) {}

  /** A slot for `client`: granted now or when one of its running requests ends, or refused. */
  acquire(client: string): Slot {
    const state = this.clients.get(client) ?? { running: 0, waiting: [] };
    this.clients.set(client, state);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const next = state.waiting.shift();
      if (next) next();
      else state.running--;
      this.forgetIfIdle(client, state);
    };
    if (state.running < this.concurrency) {
      state.running++;
      return { granted: Promise.resolve(), cancel: release, release };
    }
    if (state.waiting.length >= this.queue) {
      this.forgetIfIdle(client, state);
      return { refused: true, running: state.running, waiting: state.waiting.length };
    }
    let wake!: () => void;
    const granted = new Promise<void>((resolve) => (wake = resolve));
    state.waiting.push(wake);
    return {
      granted,
      // Leaving the queue before being granted frees no slot; after, it frees the one given.
      cancel: () => {
        const at = state.waiting.indexOf(wake);
        if (at >= 0) {
          state.waiting.splice(at, 1);
          released = true;
          this.forgetIfIdle(client, state);
        } else release();
      },
      release,
    };
  }

  /** Requests running and waiting for a client (for tests and diagnostics). */
  load(client: string): { running: number; waiting: number } {
    const state = this.clients.get(client);
    return { running: state?.running ?? 0, waiting: state?.waiting.length ?? 0 };
  }

  private forgetIfIdle(client: string, state: ClientState) {
    if (state.running === 0 && state.waiting.length === 0) this.clients.delete(client);
  }
}

/** Seconds a refused client is told to wait before trying again. */
export const RETRY_AFTER_SECONDS = 1;

/** How a route shapes an error's JSON: GraphQL's `errors` list, or the page routes' `error`. */
export type ErrorBody = (
  message: string,
  extensions: { code: string } & Record<string, unknown>,
) => unknown;

export const graphqlErrorBody: ErrorBody = (message, extensions) => ({
  errors: [{ message, extensions }],
});

export const routeErrorBody: ErrorBody = (message, extensions) => ({
  error: message,
  ...extensions,
});

/**
 * Express middleware: holds each request until its client has a free slot, answers 429 with
 * Retry-After and a JSON error when the client's queue is full, and frees the slot when the
 * response ends or the client goes away. One limiter may guard several routes: a client's
 * requests to any of them share its slots.
 */
export function clientLimit(
  limiter: ClientLimiter,
  body: ErrorBody = graphqlErrorBody,
): RequestHandler {
  return (req, res, next) => {
    const client = req.socket.remoteAddress ?? "unknown";
    const slot = limiter.acquire(client);
    if ("refused" in slot) {
      res
        .status(429)
        .set("Retry-After", String(RETRY_AFTER_SECONDS))
        .json(
          body(
            `Too many requests from ${client}: ${slot.running} running and ${slot.waiting} waiting, ` +
              `the most one client may have (${limiter.concurrency} running, ${limiter.queue} waiting). ` +
              `Retry after ${RETRY_AFTER_SECONDS} s, or wait for your earlier requests to finish.`,
            { code: "TOO_MANY_REQUESTS", concurrency: limiter.concurrency, queue: limiter.queue },
          ),
        );
      return;
    }
    let started = false;
    res.once("close", () => (started ? slot.release() : slot.cancel()));
    void slot.granted.then(() => {
      started = true;
      // The client may have gone while waiting: then the slot is already given back.
      if (res.writableEnded || res.destroyed) return;
      next();
    });
  };
}
