// `heistgraph serve`: Apollo Server 5 on Express, with the schema @neo4j/graphql builds from
// src/api/type-defs.ts. Read-only, with limits on query depth, cost and size (refused with
// 400); under load, a timeout on every query, caps on rows and a per-client concurrency limit
// (load-limits.ts), on /graphql and the page's /api/* routes alike; errors without stack
// traces, each failure on the server's side logged in one line with its cause; a 503 at once
// when Neo4j is down, and /healthz checking it without waiting behind any other request.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { unwrapResolverError } from "@apollo/server/errors";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { Neo4jGraphQL } from "@neo4j/graphql";
import express, { type Express } from "express";
import { GraphQLError, type ValidationRule } from "graphql";
import type { Database } from "../db/connection.ts";
import { HeistgraphError } from "../errors.ts";
import {
  ClientLimiter,
  clientLimit,
  graphqlErrorBody,
  RETRY_AFTER_SECONDS,
  routeErrorBody,
  type ErrorBody,
} from "./client-limiter.ts";
import { deadlineOnRootFields, type DeadlineContext } from "./deadline.ts";
import { errorFormatter, UNAVAILABLE_MESSAGE } from "./format-error.ts";
import { GraphQLApiError } from "./graphql-api-error.ts";
import { DEFAULT_LOAD_LIMITS, type LoadLimits } from "./load-limits.ts";
import { Neo4jAvailability } from "./neo4j-availability.ts";
import { listCostPlugin, nodeTypeNames } from "./list-cost.ts";
import { countArgumentsPlugin } from "./refusals.ts";
import { capListFields, capTypeDefs } from "./row-caps.ts";
import { scalarResolvers } from "./scalars.ts";
import { causeOf, stderrLog, type ServerLog } from "./server-log.ts";
import { questionResolvers } from "./question-fields.ts";
import { subjectResolvers } from "./subject-fields.ts";
import { typeDefs } from "./type-defs.ts";

/** Limits every request must stay within. */
export const API_LIMITS = {
  /** Bytes of a request body. */
  bodySize: "32kb",
  /** Nesting of selection sets. */
  maxDepth: 8,
  /** graphql-armor's cost estimate: each field costs 1, each nested object level multiplies. */
  maxCost: 5000,
  maxAliases: 10,
  maxTokens: 2000,
  /**
   * The most objects an answer may hold, counting each list as its limit or the row cap
   * (list-cost.ts): two nested lists without limits pass, with room for the objects inside
   * their items (a chain's steps); three are refused.
   */
  maxListCost: 10_000_000,
} as const;

export interface ApiServerOptions {
  db: Database;
  port?: number;
  host?: string;
  /** Timeout, row caps and per-client limit; DEFAULT_LOAD_LIMITS when absent. */
  limits?: LoadLimits;
  /**
   * Extra routes (the web page) mounted before the API, given the API's fail-fast database
   * (with the query timeout on its reads). Routes under /api/ are behind the same per-client
   * limit and 503 gate as /graphql.
   */
  mount?: (app: Express, db: Database, context: MountContext) => void | Promise<void>;
  /** Where failures on the server's side are told, one line each; stderr when absent. */
  log?: ServerLog;
  /** API_LIMITS.maxListCost when absent; 0 switches the list cost limit off. */
  maxListCost?: number;
}

/** What mounted routes share with the API. */
export interface MountContext {
  limits: LoadLimits;
  log: ServerLog;
  /** Neo4j's reachability: a route that finds it unreachable reports it (503s follow). */
  neo4j: Neo4jAvailability;
  /** Registers clean-up (e.g. worker threads) for when the server stops. */
  onStop(close: () => Promise<void> | void): void;
  /**
   * Asks the GraphQL API in-process, as /graphql would answer (same schema, limits and
   * errors): for a route that gathers what the page would otherwise ask in several requests.
   * Rejects with the first error's message (a GraphQLApiError, with its code).
   */
  graphql<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

/** Where the page's JSON routes live; they share the API's protection. */
export const ROUTES_PREFIX = "/api";

export interface ApiServer {
  url: string;
  graphqlUrl: string;
  healthUrl: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * The schema has no Mutation type, but graphql-js only notices at execution time and Apollo
 * then reports an internal error; refusing at validation gives a clear 400 instead.
 */
export const readOnlyRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation !== "query") {
      context.reportError(
        new GraphQLError(`This API is read-only: ${node.operation} operations are not supported.`, {
          nodes: [node],
        }),
      );
    }
  },
});

/** A 503 with Retry-After whenever a request found Neo4j unreachable. */
function unavailablePlugin(neo4j: Neo4jAvailability): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, response }) {
          const unreachable = errors.some((error) =>
            neo4j.reportFailure(unwrapResolverError(error)),
          );
          if (unreachable) {
            response.http.status = 503;
            response.http.headers.set("retry-after", String(RETRY_AFTER_SECONDS));
          }
        },
      };
    },
  };
}

/** While Neo4j is known to be down, requests get a 503 at once. */
function unavailableGate(neo4j: Neo4jAvailability, body: ErrorBody): express.RequestHandler {
  return (_req, res, next) => {
    if (!neo4j.isDown()) return next();
    res
      .status(503)
      .set("Retry-After", String(RETRY_AFTER_SECONDS))
      .json(body(UNAVAILABLE_MESSAGE, { code: "SERVICE_UNAVAILABLE" }));
  };
}

/** Where a mounted page set offers a query console (app.locals.consolePath, see src/web/mount.ts). */
const CONSOLE_PATH_KEY = "consolePath";

/**
 * A browser's GET of /graphql (it asks for HTML; a GraphQL client asks for JSON) goes to the
 * query console when one is mounted, else gets a short page saying how to ask.
 */
const browserVisit: express.RequestHandler = (req, res, next) => {
  if (
    req.accepts(["application/json", "application/graphql-response+json", "text/html"]) !==
    "text/html"
  )
    return next();
  const console = req.app.locals[CONSOLE_PATH_KEY] as string | undefined;
  if (console) return res.redirect(303, console);
  res
    .status(200)
    .type("html")
    .send(
      `<!doctype html><meta charset="utf-8"><title>heistgraph GraphQL API</title>` +
        `<p>This is heistgraph's GraphQL API: send it queries as JSON with POST, e.g.</p>` +
        `<pre>curl -s ${req.protocol}://${req.get("host")}/graphql -H 'content-type: application/json' -d '{"query":"{ films { id title } }"}'</pre>` +
        `<p><code>npx heistgraph serve</code> also serves a query console at <code>/console/</code>.</p>`,
    );
};

export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const limits = options.limits ?? DEFAULT_LOAD_LIMITS;
  const log = options.log ?? stderrLog;
  const neo4j = new Neo4jAvailability(options.db, log);
  const { db } = neo4j;
  // The questions' Query fields read through the same fail-fast database as the routes, with
  // the query timeout on their reads.
  const timeoutMs = limits.queryTimeoutMs > 0 ? limits.queryTimeoutMs : undefined;
  const questionsDb = { ...db, transactionTimeoutMs: timeoutMs };
  const definitions = typeDefs();
  const generated = await new Neo4jGraphQL({
    typeDefs: limits.maxRows > 0 ? capTypeDefs(definitions, limits.maxRows) : definitions,
    driver: db.driver,
    resolvers: {
      ...scalarResolvers,
      Query: {
        ...questionResolvers(() => questionsDb).Query,
        ...subjectResolvers(() => questionsDb).Query,
      },
    },
  }).getSchema();
  const schema = deadlineOnRootFields(
    limits.maxRows > 0 ? capListFields(generated, limits.maxRows) : generated,
    limits.queryTimeoutMs,
  );
  const armor = new ApolloArmor({
    maxDepth: { n: API_LIMITS.maxDepth },
    costLimit: { maxCost: API_LIMITS.maxCost },
    maxAliases: { n: API_LIMITS.maxAliases },
    // graphql-armor counts tokens in a plugin hook, where Apollo answers a refusal with 500;
    // graphql-js's own parse option (parseOptions below) refuses with 400.
    maxTokens: { enabled: false },
    maxDirectives: { n: 20 },
  });
  const protection = armor.protect();
  const maxListCost = options.maxListCost ?? API_LIMITS.maxListCost;
  // graphql-armor is typed against Apollo's CommonJS build; at run time the objects are the same.
  const armorPlugins = protection.plugins as unknown as ApolloServerPlugin[];

  const app = express();
  app.disable("x-powered-by");
  const httpServer: Server = createServer(app);
  const apollo = new ApolloServer({
    schema,
    allowBatchedHttpRequests: protection.allowBatchedHttpRequests,
    plugins: [
      ...armorPlugins,
      countArgumentsPlugin,
      ...(maxListCost > 0
        ? [
            listCostPlugin({
              maxCost: maxListCost,
              // Without a row cap a list still counts as many items as the default cap.
              defaultListSize: limits.maxRows || DEFAULT_LOAD_LIMITS.maxRows,
              nodeTypes: nodeTypeNames(definitions),
            }),
          ]
        : []),
      unavailablePlugin(neo4j),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Apollo's own landing page loads from a CDN; the offline console is served at /console.
      ApolloServerPluginLandingPageDisabled(),
    ],
    validationRules: [readOnlyRule, ...protection.validationRules],
    parseOptions: { maxTokens: API_LIMITS.maxTokens },
    includeStacktraceInErrorResponses: false,
    formatError: errorFormatter(limits.queryTimeoutMs, log),
    introspection: true,
  });
  await apollo.start();

  app.get("/healthz", async (_req, res) => {
    const health = await neo4j.check();
    res.status(health.ok ? 200 : 503).json({
      status: health.ok ? "ok" : "unavailable",
      neo4j: { uri: db.settings.uri, database: db.database, answer: health.detail },
    });
  });
  // One limiter for every route: a client's page requests and GraphQL queries share its slots.
  const limiter =
    limits.clientConcurrency > 0
      ? new ClientLimiter(limits.clientConcurrency, limits.clientQueue)
      : undefined;
  const guard = (body: ErrorBody) => [
    unavailableGate(neo4j, body),
    ...(limiter ? [clientLimit(limiter, body)] : []),
  ];
  app.use(ROUTES_PREFIX, ...guard(routeErrorBody));
  const closers: (() => Promise<void> | void)[] = [];
  // Passed to every query's transaction, the generated Cypher and the @cypher fields alike
  // (they run as one statement), and to the routes' reads; 0 leaves Neo4j's own setting.
  const timeout = limits.queryTimeoutMs > 0 ? limits.queryTimeoutMs : undefined;
  const transaction = timeout ? { timeout } : {};
  const requestContext = async (): Promise<DeadlineContext & Record<string, unknown>> => ({
    sessionConfig: { database: db.database },
    transaction,
    deadline: timeout ? performance.now() + timeout : undefined,
  });
  const graphql = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const { body } = await apollo.executeOperation(
      { query, variables },
      { contextValue: await requestContext() },
    );
    const result = body.kind === "single" ? body.singleResult : undefined;
    const error = result?.errors?.[0];
    if (error || !result?.data)
      throw new GraphQLApiError(
        error?.message ?? "the GraphQL API answered without data",
        error?.extensions?.code as string | undefined,
      );
    return result.data as T;
  };
  await options.mount?.(
    app,
    { ...db, transactionTimeoutMs: timeout },
    { limits, log, neo4j, onStop: (close) => void closers.push(close), graphql },
  );
  // Opened in a browser, /graphql leads to the console, not to Apollo's CSRF refusal.
  app.get("/graphql", browserVisit);
  app.use(
    "/graphql",
    ...guard(graphqlErrorBody),
    express.json({ limit: API_LIMITS.bodySize }),
    expressMiddleware(apollo, {
      context: requestContext,
    }),
  );
  // Bodies over the limit and malformed JSON get a JSON error, not Express's HTML page;
  // anything else unexpected a JSON 500, logged with its cause.
  app.use(
    (
      error: { status?: number; type?: string; message?: string },
      req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      if (!error.status || error.status >= 500) {
        log(`${req.method} ${req.originalUrl}: internal error: ${causeOf(error)}`);
        if (res.headersSent) return void res.destroy();
        res
          .status(500)
          .json(
            (req.originalUrl.startsWith(ROUTES_PREFIX) ? routeErrorBody : graphqlErrorBody)(
              "Internal server error",
              { code: "INTERNAL_SERVER_ERROR" },
            ),
          );
        return;
      }
      res.status(error.status).json({
        errors: [
          {
            message:
              error.type === "entity.too.large"
                ? `request body over ${API_LIMITS.bodySize}`
                : "malformed request body",
            extensions: { code: "BAD_REQUEST" },
          },
        ],
      });
    },
  );

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new HeistgraphError({
              what: `Port ${options.port} is held by another program.`,
              where: `${host}:${options.port}`,
              suggestion: "stop it, or choose another port with --port (or PORT)",
            })
          : error,
      ),
    );
    httpServer.listen(options.port ?? 4000, host, resolve);
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    healthUrl: `${url}/healthz`,
    port,
    stop: async () => {
      await apollo.stop();
      for (const close of closers) await close();
      await neo4j.close();
    },
  };
}
