// `heistgraph serve`: Apollo Server 5 on Express, with the schema @neo4j/graphql builds from
// src/api/type-defs.ts. Read-only, with limits on query depth, cost and size, errors
// without stack traces, and /healthz checking Neo4j.
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
import { GraphQLError, type GraphQLFormattedError, type ValidationRule } from "graphql";
import type { Database } from "../db/connection.ts";
import { HeistgraphError } from "../errors.ts";
import { scalarResolvers } from "./scalars.ts";
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
} as const;

export interface ApiServerOptions {
  db: Database;
  port?: number;
  host?: string;
  /** Extra routes (the web page) mounted before the API. */
  mount?: (app: Express) => void | Promise<void>;
}

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

/** Internal errors reach clients as a plain message: no stack, no Cypher, no driver detail. */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code === "INTERNAL_SERVER_ERROR" || code === undefined) {
    const original = unwrapResolverError(error);
    const message =
      original instanceof HeistgraphError ? original.problem.what : "Internal server error";
    return {
      message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    };
  }
  return {
    message: formatted.message,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code },
  };
}

async function neo4jHealth(db: Database): Promise<{ ok: boolean; detail: string }> {
  try {
    const info = await db.driver.getServerInfo({ database: db.database });
    await db.driver.executeQuery("RETURN 1", {}, { database: db.database });
    return { ok: true, detail: info.agent ?? "Neo4j" };
  } catch (error) {
    return {
      ok: false,
      detail: error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error),
    };
  }
}

export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const { db } = options;
  const schema = await new Neo4jGraphQL({
    typeDefs: typeDefs(),
    driver: db.driver,
    resolvers: scalarResolvers,
  }).getSchema();
  const armor = new ApolloArmor({
    maxDepth: { n: API_LIMITS.maxDepth },
    costLimit: { maxCost: API_LIMITS.maxCost },
    maxAliases: { n: API_LIMITS.maxAliases },
    maxTokens: { n: API_LIMITS.maxTokens },
    maxDirectives: { n: 20 },
  });
  const protection = armor.protect();
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
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Apollo's own landing page loads from a CDN; the offline console is served at /console.
      ApolloServerPluginLandingPageDisabled(),
    ],
    validationRules: [readOnlyRule, ...protection.validationRules],
    includeStacktraceInErrorResponses: false,
    formatError,
    introspection: true,
  });
  await apollo.start();

  app.get("/healthz", async (_req, res) => {
    const health = await neo4jHealth(db);
    res.status(health.ok ? 200 : 503).json({
      status: health.ok ? "ok" : "unavailable",
      neo4j: { uri: db.settings.uri, database: db.database, answer: health.detail },
    });
  });
  await options.mount?.(app);
  app.use(
    "/graphql",
    express.json({ limit: API_LIMITS.bodySize }),
    expressMiddleware(apollo, {
      context: async () => ({ sessionConfig: { database: db.database } }),
    }),
  );
  // Bodies over the limit and malformed JSON get a JSON error, not Express's HTML page.
  app.use(
    (
      error: { status?: number; type?: string; message?: string },
      _req: express.Request,
      res: express.Response,
      next: express.NextFunction,
    ) => {
      if (!error.status) return next(error);
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
    },
  };
}
