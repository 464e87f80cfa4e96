// Where the database comes from: NEO4J_URI (+ NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE)
// names a server; otherwise the local Neo4j that `heistgraph db start` runs from Maven Central
// jars. (The tests get theirs elsewhere: tests/helpers/test-database.ts.)
import neo4j, { type Driver } from "neo4j-driver";
import { HeistgraphError } from "../errors.ts";
import { classifyBoltError } from "./bolt-check.ts";
import {
  boltUri,
  browserUrl,
  runningInstance,
  startLocalNeo4j,
  stopLocalNeo4j,
  USERNAME,
  type LocalNeo4jOptions,
  type StartResult,
} from "./local-neo4j/server.ts";

export type DatabaseOrigin = "env" | "local" | "testcontainers";

export interface DatabaseSettings {
  uri: string;
  username: string;
  password: string;
  database: string;
  origin: DatabaseOrigin;
  /** Neo4j Browser, when heistgraph knows where it is. */
  browserUrl?: string;
}

export const LOCAL_INSTANCE = "neo4j";
export const DEFAULT_DATABASE = "neo4j";

/** neo4j.conf settings for the local Neo4j from above this layer (Neo4j Browser's, say). */
export type Neo4jSettings = () => Readonly<Record<string, string>>;

function portFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new HeistgraphError({
      what: `${name} is not a port number.`,
      where: `${name}=${raw}`,
      expected: "an integer from 1 to 65535",
      suggestion: `unset ${name} to use the default ${fallback}`,
    });
  }
  return port;
}

/** The local Neo4j's settings: ports 7687/7474 unless HEISTGRAPH_BOLT_PORT/HTTP_PORT say otherwise. */
export function localNeo4jOptions(
  env: NodeJS.ProcessEnv = process.env,
  log?: (line: string) => void,
): LocalNeo4jOptions {
  return {
    name: LOCAL_INSTANCE,
    boltPort: portFromEnv(env, "HEISTGRAPH_BOLT_PORT", 7687),
    httpPort: portFromEnv(env, "HEISTGRAPH_HTTP_PORT", 7474),
    password: env.NEO4J_PASSWORD ?? "heistgraph",
    heap: env.HEISTGRAPH_NEO4J_HEAP,
    pageCache: env.HEISTGRAPH_NEO4J_PAGECACHE,
    log,
    env,
  };
}

/** The server NEO4J_URI names, if it is set. */
export function configuredServer(
  env: NodeJS.ProcessEnv = process.env,
): DatabaseSettings | undefined {
  if (!env.NEO4J_URI) return undefined;
  return {
    uri: env.NEO4J_URI,
    username: env.NEO4J_USERNAME ?? USERNAME,
    password: env.NEO4J_PASSWORD ?? "",
    database: env.NEO4J_DATABASE ?? DEFAULT_DATABASE,
    origin: "env",
  };
}

export function localSettings(
  options: LocalNeo4jOptions,
  boltPort: number,
  httpPort: number,
): DatabaseSettings {
  return {
    uri: boltUri({ boltPort }),
    username: USERNAME,
    password: options.password,
    database: DEFAULT_DATABASE,
    origin: "local",
    browserUrl: browserUrl({ httpPort }),
  };
}

/** Starts the local Neo4j (a no-op when it runs) and says how to reach it. */
export async function startLocalDatabase(
  env: NodeJS.ProcessEnv = process.env,
  log?: (line: string) => void,
  neo4jSettings?: Neo4jSettings,
): Promise<StartResult & { settings: DatabaseSettings }> {
  const options = { ...localNeo4jOptions(env, log), settings: neo4jSettings?.() };
  const result = await startLocalNeo4j(options);
  return {
    ...result,
    settings: localSettings(options, result.state.boltPort, result.state.httpPort),
  };
}

export async function stopLocalDatabase(env: NodeJS.ProcessEnv = process.env) {
  return stopLocalNeo4j(LOCAL_INSTANCE, env);
}

/**
 * The database for CLI commands and the API: NEO4J_URI, else the local Neo4j.
 * With `autoStart` the local Neo4j is started when it is not running, with `neo4jSettings`.
 */
export async function resolveDatabase(
  options: {
    autoStart?: boolean;
    env?: NodeJS.ProcessEnv;
    log?: (line: string) => void;
    neo4jSettings?: Neo4jSettings;
  } = {},
): Promise<DatabaseSettings> {
  const env = options.env ?? process.env;
  const configured = configuredServer(env);
  if (configured) return configured;
  const local = localNeo4jOptions(env, options.log);
  const running = runningInstance(LOCAL_INSTANCE, env);
  if (running) return localSettings(local, running.boltPort, running.httpPort);
  if (!options.autoStart) {
    throw new HeistgraphError({
      what: "No Neo4j to talk to: NEO4J_URI is not set and the local Neo4j is not running.",
      suggestion:
        "start the local one with `npx heistgraph db start`, or set NEO4J_URI (and NEO4J_PASSWORD)",
    });
  }
  options.log?.("Starting the local Neo4j...");
  return (await startLocalDatabase(env, options.log, options.neo4jSettings)).settings;
}

export interface Database {
  driver: Driver;
  /** The database name to pass to sessions and executeQuery. */
  database: string;
  /** Neo4j stops each read (readStatement) after this long (ms); absent: Neo4j's own setting. */
  transactionTimeoutMs?: number;
  settings: DatabaseSettings;
  close(): Promise<void>;
}

/** Opens a driver and checks that the server answers and accepts the credentials. */
export async function openDatabase(settings: DatabaseSettings): Promise<Database> {
  const driver = neo4j.driver(
    settings.uri,
    neo4j.auth.basic(settings.username, settings.password),
    {
      connectionTimeout: 10_000,
      disableLosslessIntegers: false,
    },
  );
  try {
    // Resolves false (rather than throwing) when the server refuses the credentials.
    const accepted = await driver.verifyAuthentication({ database: settings.database });
    if (!accepted)
      throw Object.assign(new Error("authentication failure"), {
        code: "Neo.ClientError.Security.Unauthorized",
      });
  } catch (error) {
    await driver.close();
    const failure = classifyBoltError(error);
    if (failure.reason === "unauthorized") {
      throw new HeistgraphError(
        {
          what: "The Neo4j server rejects the credentials.",
          where: `${settings.uri} as user ${settings.username}`,
          expected: "a valid user name and password",
          suggestion:
            settings.origin === "env"
              ? "check NEO4J_USERNAME and NEO4J_PASSWORD"
              : "set NEO4J_PASSWORD to the password the local Neo4j was first started with",
        },
        { cause: error },
      );
    }
    throw new HeistgraphError(
      {
        what: "The Neo4j server does not answer.",
        where: settings.uri,
        expected: "a Neo4j 5 server listening for Bolt",
        suggestion:
          settings.origin === "env"
            ? "check NEO4J_URI and that the server runs (and is reachable from here)"
            : "start it with `npx heistgraph db start`, or see `npx heistgraph db status`",
        details: failure.message,
      },
      { cause: error },
    );
  }
  return {
    driver,
    database: settings.database,
    settings,
    close: () => driver.close(),
  };
}
