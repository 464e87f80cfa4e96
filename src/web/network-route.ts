// The JSON the network page draws from:
//   GET /api/network?film=<id or title>         network(db, film) of src/network/index.ts
//                                               (every film when `film` is left out), with
//                                               `positions`: the films' one layout (filmLayout
//                                               of src/viz/layout.ts, the images' too)
//   GET /api/storyline.svg?film=<id or title>   the film's storyline chart (src/viz/storyline.ts)
//   GET /api/betrayal-chains?character=<id>     the betrayal chains of the character's film
//                                               that involve the character (see below)
//   GET /api/first-view?film=<the address's film>
//                                               the page's first view in one answer: the
//                                               catalogue, the film chosen, its network and
//                                               events (first-view.ts)
//   GET /api/questions/<question>?subject=&second=&film=&<option>=
//                                               any question of the registry, asked through
//                                               askQuestion as the CLI and the TS helpers ask
//                                               it: {film, subjects, rows}
// Under the API's protection (src/api/server.ts puts /api/* behind the per-client limit and
// the 503 gate): each request is answered within the query timeout, its reads carry it to
// Neo4j, its lists are capped (maxRows), and layouts and storylines are worked out on worker
// threads (page-work.ts), never on the event loop. Errors are JSON with a code and the right
// status; the server's own failures are logged in one line with their cause.
import type { Express, Request, Response } from "express";
import { RETRY_AFTER_SECONDS } from "../api/client-limiter.ts";
import { beforeDeadline } from "../api/deadline.ts";
import { GraphQLApiError } from "../api/graphql-api-error.ts";
import {
  DeadlineExceeded,
  isOutOfMemory,
  isTimedOut,
  OUT_OF_MEMORY_MESSAGE,
  timeoutMessage,
  UNAVAILABLE_MESSAGE,
} from "../api/format-error.ts";
import { DEFAULT_LOAD_LIMITS, LOAD_LIMIT_SETTINGS, type LoadLimits } from "../api/load-limits.ts";
import { isUnreachable } from "../api/neo4j-availability.ts";
import { causeOf, stderrLog, type ServerLog } from "../api/server-log.ts";
import type { Database } from "../db/connection.ts";
import { HeistgraphError } from "../errors.ts";
import { network, storylineData, type Network } from "../network/index.ts";
import type { Point } from "../viz/layout.ts";
import { filmBetrayalChains, type BetrayalChain } from "../queries/betrayals/index.ts";
import type { CharacterRef } from "../queries/lookup.ts";
import { runQuery } from "../queries/run-query.ts";
import { askQuestion } from "../questions/ask-question.ts";
import { QUESTIONS } from "../questions/registry.ts";
import { FIRST_VIEW_ROUTE, firstView } from "./first-view.ts";
import { PageWork, PageWorkBusy, PageWorkTooLong, type Pending } from "./page-work.ts";

export const NETWORK_ROUTE = "/api/network";
export const BETRAYAL_CHAINS_ROUTE = "/api/betrayal-chains";
export const STORYLINE_ROUTE = "/api/storyline.svg";
export const QUESTIONS_ROUTE = "/api/questions";
/** The storyline's width in pixels, as the page shows it. */
const STORYLINE_WIDTH = 1100;
/**
 * A network may draw up to maxRows nodes and this many times as many lines (a character meets
 * others in several acts and loyalties over a story); beyond, the page asks for one film.
 */
const EDGES_PER_NODE = 5;

export interface CharacterBetrayalChains {
  character: { id: string; name: string; film: string };
  /**
   * The film's maximal, time-respecting chains (src/queries/betrayals) in which the character
   * betrays, is betrayed, or belongs to a betrayed group at that moment.
   */
  chains: BetrayalChain[];
  /** True when the character takes part in more chains than were sent. */
  truncated: boolean;
}

/** The status of a route's answer when the GraphQL API it asked failed with this code. */
const GRAPHQL_CODE_STATUS: Record<string, number> = {
  SERVICE_UNAVAILABLE: 503,
  QUERY_OUT_OF_MEMORY: 503,
  QUERY_TIMEOUT: 504,
  ROW_LIMIT_EXCEEDED: 400,
  COST_LIMIT_EXCEEDED: 400,
};

/** A request the routes cannot answer as asked (400). */
class BadRequest extends Error {
  constructor(
    message: string,
    readonly code = "BAD_REQUEST",
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** A worker's result was not ready by the request's deadline; it goes on in the background. */
class WorkPending extends Error {}

export interface NetworkRouteOptions {
  /** The query timeout and row caps; DEFAULT_LOAD_LIMITS when absent. */
  limits?: LoadLimits;
  log?: ServerLog;
  /** Told of every failed read, so that Neo4j being unreachable gates the API (503). */
  neo4j?: { reportFailure(error: unknown): boolean };
  /** Where the worker threads are stopped when the server stops. */
  onStop?(close: () => Promise<void>): void;
  /** The GraphQL API asked in-process; without it there is no first-view route. */
  graphql?<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

/** A query parameter given at most once, or undefined. */
function single(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined || value === "") return undefined;
  if (typeof value !== "string") throw new BadRequest(`give ${name} at most once`);
  return value;
}

function rowLimit(what: string, count: number, cap: number, maxRows: number): BadRequest {
  const setting = LOAD_LIMIT_SETTINGS.maxRows;
  return new BadRequest(
    `${what} has ${count} items, more than the ${cap} the page is sent ` +
      `(${setting.env}, serve --${setting.flag}). Ask for one film (film=<id or title>).`,
    "ROW_LIMIT_EXCEEDED",
    { maxRows },
  );
}

/** The network with where each node stands: the same layout the images draw from. */
export type PositionedNetwork = Network & { positions: Record<string, Point> };

export async function characterBetrayalChains(
  db: Database,
  id: string,
): Promise<CharacterBetrayalChains> {
  const [found] = await runQuery<CharacterRef>(db, "character-by-id", { id });
  if (!found) throw new HeistgraphError({ what: `No character has the id "${id}".` });
  // The film's chains the character takes part in, the limit counting those only.
  const { chains, truncated } = await filmBetrayalChains(db, found.film, {
    timeRespecting: true,
    involving: id,
  });
  return { character: { id: found.id, name: found.name, film: found.film }, chains, truncated };
}

export function registerNetworkRoutes(
  app: Express,
  db: Database,
  options: NetworkRouteOptions = {},
): void {
  const { queryTimeoutMs, maxRows } = options.limits ?? DEFAULT_LOAD_LIMITS;
  const log = options.log ?? stderrLog;
  // A task may run on after its requester's deadline (so that asking again finds it done),
  // but not without end.
  const work = new PageWork({ timeLimitMs: queryTimeoutMs > 0 ? 4 * queryTimeoutMs : 0 });
  options.onStop?.(() => work.close());

  const checkRows = (what: string, count: number, cap: number) => {
    if (maxRows > 0 && count > cap) throw rowLimit(what, count, cap, maxRows);
  };

  /**
   * Answers with what `produce` gives (as JSON unless `send` says otherwise) within the query
   * timeout, or a clear error. `produce` waits for a worker through `wait`, so that a request
   * whose time runs out then gives up its place and is told the work goes on.
   */
  const answer = async <T>(
    req: Request,
    res: Response,
    produce: (wait: <W>(pending: Pending<W>, what: string) => Promise<W>) => Promise<T>,
    send: (value: T) => void = (value) => res.json(value),
  ): Promise<void> => {
    let waitingFor: { pending: Pending<unknown>; what: string } | undefined;
    const wait = <W>(pending: Pending<W>, what: string): Promise<W> => {
      waitingFor = { pending, what };
      return pending.result;
    };
    // A client that goes away gives up its place too.
    res.once("close", () => waitingFor?.pending.giveUp());
    try {
      res.set("cache-control", "no-store");
      const work = produce(wait);
      const deadline = performance.now() + queryTimeoutMs;
      send(await (queryTimeoutMs > 0 ? beforeDeadline(work, deadline, queryTimeoutMs) : work));
    } catch (error) {
      waitingFor?.pending.giveUp();
      if (waitingFor && error instanceof DeadlineExceeded)
        failed(req, res, new WorkPending(waitingFor.what));
      else failed(req, res, error);
    }
  };

  const failed = (req: Request, res: Response, error: unknown): void => {
    const reply = (status: number, body: Record<string, unknown>) =>
      void res.status(status).json(body);
    const logged = (status: number, what: string) =>
      log(`${req.method} ${req.originalUrl}: ${status} ${what}: ${causeOf(error)}`);
    if (error instanceof BadRequest)
      return reply(400, { error: error.message, code: error.code, ...error.extra });
    // What a user can get wrong (an unknown film or character) is a HeistgraphError.
    if (error instanceof HeistgraphError)
      return reply(404, {
        error: error.problem.what,
        code: "NOT_FOUND",
        expected: error.problem.expected,
        suggestion: error.problem.suggestion,
      });
    // The GraphQL API asked in-process (the first view) has said what went wrong already.
    if (error instanceof GraphQLApiError) {
      const status = GRAPHQL_CODE_STATUS[error.code ?? ""] ?? 500;
      if (status === 503) res.set("Retry-After", String(RETRY_AFTER_SECONDS));
      return reply(status, { error: error.message, code: error.code ?? "INTERNAL_SERVER_ERROR" });
    }
    if (isUnreachable(error)) {
      // Logged once per outage by the API's Neo4jAvailability; the next requests get the gate.
      options.neo4j?.reportFailure(error);
      res.set("Retry-After", String(RETRY_AFTER_SECONDS));
      return reply(503, { error: UNAVAILABLE_MESSAGE, code: "SERVICE_UNAVAILABLE" });
    }
    if (error instanceof WorkPending) {
      logged(503, "not ready within the query timeout");
      res.set("Retry-After", String(Math.ceil(queryTimeoutMs / 1000)));
      return reply(503, {
        error:
          `${error.message} took longer than ${queryTimeoutMs} ms; the server goes on ` +
          `with it, so ask again in a minute.`,
        code: "STILL_WORKING",
      });
    }
    if (isTimedOut(error)) {
      logged(504, "query timeout");
      return reply(504, {
        error: timeoutMessage(queryTimeoutMs),
        code: "QUERY_TIMEOUT",
        timeoutMs: queryTimeoutMs,
      });
    }
    if (isOutOfMemory(error)) {
      logged(503, "out of transaction memory");
      return reply(503, { error: OUT_OF_MEMORY_MESSAGE, code: "QUERY_OUT_OF_MEMORY" });
    }
    if (error instanceof PageWorkBusy) {
      logged(503, "busy");
      res.set("Retry-After", String(RETRY_AFTER_SECONDS));
      return reply(503, {
        error: `The server is busy ${error.what} for other requests. Retry in a few seconds.`,
        code: "SERVER_BUSY",
      });
    }
    if (error instanceof PageWorkTooLong) {
      logged(503, "too long");
      return reply(503, {
        error: `${error.message}: this network is too large to lay out. Ask for one film.`,
        code: "LAYOUT_TOO_LONG",
      });
    }
    logged(500, "internal error");
    reply(500, { error: "Internal server error", code: "INTERNAL_SERVER_ERROR" });
  };

  const positionedNetwork = async (
    film: string | undefined,
    wait: <W>(pending: Pending<W>, what: string) => Promise<W>,
  ): Promise<PositionedNetwork> => {
    const net = await network(db, film);
    checkRows("The network's nodes", net.nodes.length, maxRows);
    checkRows("The network's lines", net.edges.length, maxRows * EDGES_PER_NODE);
    const positions = await wait(work.layout(net), "Laying out this network");
    return { ...net, positions };
  };
  app.get(NETWORK_ROUTE, (req, res) =>
    answer(req, res, (wait) => positionedNetwork(single(req, "film"), wait)),
  );
  const { graphql } = options;
  if (graphql)
    app.get(FIRST_VIEW_ROUTE, (req, res) =>
      answer(req, res, (wait) =>
        firstView(
          { graphql, network: (film) => positionedNetwork(film, wait) },
          single(req, "film"),
        ),
      ),
    );
  // The picture as SVG; errors as JSON, like every other route.
  app.get(STORYLINE_ROUTE, (req, res) =>
    answer(
      req,
      res,
      async (wait) => {
        const film = single(req, "film");
        if (film === undefined) throw new BadRequest("give film=<id or title>");
        const input = await storylineData(db, film);
        checkRows("The storyline's events", input.events.length, maxRows);
        checkRows("The storyline's characters and groups", input.nodes.length, maxRows);
        return wait(work.storyline(input, STORYLINE_WIDTH), "Drawing this storyline");
      },
      (svg) => res.type("image/svg+xml").send(svg),
    ),
  );
  app.get(`${QUESTIONS_ROUTE}/:name`, (req, res) =>
    answer(req, res, async () => {
      const asked = QUESTIONS.find((q) => q.name === req.params.name);
      if (asked === undefined)
        throw new BadRequest(
          `no question "${req.params.name}": ask one of ${QUESTIONS.map((q) => q.name).join(", ")}`,
        );
      const options: Record<string, unknown> = {};
      for (const key of Object.keys(asked.options.shape)) {
        const value = single(req, key);
        if (value !== undefined && value !== "") options[key] = value;
      }
      const answered = await askQuestion(db, asked, {
        subject: single(req, "subject"),
        second: single(req, "second"),
        film: single(req, "film"),
        options,
      });
      checkRows(`The answer to ${asked.name}`, answered.rows.length, maxRows);
      return { film: answered.film, subjects: answered.subjects, rows: answered.rows };
    }),
  );
  app.get(BETRAYAL_CHAINS_ROUTE, (req, res) =>
    answer(req, res, async () => {
      const id = single(req, "character");
      if (id === undefined) throw new BadRequest("give character=<id>");
      return characterBetrayalChains(db, id);
    }),
  );
}
