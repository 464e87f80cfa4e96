// Where the tests' Neo4j comes from, in this order: NEO4J_URI; else, where a Docker engine
// answers, a Testcontainers Neo4j from HEISTGRAPH_NEO4J_IMAGE (CI builds one where no registry
// answers, see scripts/docker/build-neo4j-image.sh); else a local Neo4j of the run's own.
// It lives with the tests so that heistgraph itself never loads Testcontainers.
import { existsSync, rmSync } from "node:fs";
import { browserNeo4jSettings } from "../../src/browser-guide/post-connect.ts";
import {
  configuredServer,
  DEFAULT_DATABASE,
  localSettings,
  type DatabaseSettings,
} from "../../src/db/connection.ts";
import { instanceDirs } from "../../src/db/local-neo4j/paths.ts";
import {
  freePort,
  startLocalNeo4j,
  stopLocalNeo4j,
  type LocalNeo4jOptions,
} from "../../src/db/local-neo4j/server.ts";
import { HeistgraphError } from "../../src/errors.ts";

export const TEST_INSTANCE = "test-neo4j";
/** The official image; HEISTGRAPH_NEO4J_IMAGE names another (e.g. one built locally). */
export const DEFAULT_NEO4J_IMAGE = "neo4j:5.26-community";

/** A running test database and how to stop it again. */
export interface TestDatabase {
  settings: DatabaseSettings;
  stop(): Promise<void>;
}

function dockerLooksReachable(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.DOCKER_HOST) || existsSync("/var/run/docker.sock");
}

/**
 * The database for a test run: NEO4J_URI, else Testcontainers when a Docker engine answers,
 * else a local Neo4j of its own for this run (own data folder, free ports), so tests never
 * touch the user's local graph and parallel runs never share a server.
 */
export async function startTestDatabase(
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = () => {},
): Promise<TestDatabase> {
  const configured = configuredServer(env);
  if (configured) return { settings: configured, stop: async () => {} };

  // HEISTGRAPH_TEST_DATABASE=testcontainers|local forces the choice (CI must not fall back to
  // the local Neo4j unnoticed when its Docker engine fails).
  const wanted = env.HEISTGRAPH_TEST_DATABASE ?? "";
  if (!["", "testcontainers", "local"].includes(wanted)) {
    throw new HeistgraphError({
      what: "HEISTGRAPH_TEST_DATABASE names no way to get a test database.",
      where: `HEISTGRAPH_TEST_DATABASE=${wanted}`,
      expected: "testcontainers or local (or unset: Testcontainers where Docker answers)",
    });
  }
  if (wanted !== "local" && (wanted === "testcontainers" || dockerLooksReachable(env))) {
    const { getContainerRuntimeClient } = await import("testcontainers");
    const dockerAnswers = await getContainerRuntimeClient().then(
      () => true,
      (error: unknown) => {
        if (wanted !== "testcontainers") return false;
        throw new HeistgraphError(
          {
            what: "HEISTGRAPH_TEST_DATABASE=testcontainers, but no Docker engine answers.",
            where: env.DOCKER_HOST ?? "the default Docker socket",
            suggestion: "start the engine (or set DOCKER_HOST), or unset HEISTGRAPH_TEST_DATABASE",
          },
          { cause: error },
        );
      },
    );
    if (dockerAnswers) {
      const { Neo4jContainer } = await import("@testcontainers/neo4j");
      const image = env.HEISTGRAPH_NEO4J_IMAGE || DEFAULT_NEO4J_IMAGE;
      log(
        `Starting ${image} with Testcontainers (Docker at ${env.DOCKER_HOST ?? "the default socket"})...`,
      );
      const started = performance.now();
      const container = await new Neo4jContainer(image)
        .withApoc()
        .withPassword("heistgraph")
        // Neo4j's first start takes 30 s or more on a busy machine.
        .withStartupTimeout(240_000)
        .start();
      log(
        `Testcontainers started container ${container.getId().slice(0, 12)} from ${image} in ` +
          `${((performance.now() - started) / 1000).toFixed(1)} s; Bolt at ${container.getBoltUri()}`,
      );
      return {
        settings: {
          uri: container.getBoltUri(),
          username: container.getUsername(),
          password: container.getPassword(),
          database: DEFAULT_DATABASE,
          origin: "testcontainers",
          browserUrl: `${container.getHttpUri()}/browser/`,
        },
        stop: async () => {
          await container.stop();
        },
      };
    }
  }

  // Each test run gets its own server and data folder, so runs never share or clobber one.
  const options: LocalNeo4jOptions = {
    name: `${TEST_INSTANCE}/run-${process.pid}`,
    boltPort: await freePort(),
    httpPort: await freePort(),
    password: "heistgraph-test",
    log,
    env,
    // Neo4j Browser as `heistgraph db start` sets it up (tests/e2e/neo4j-browser.test.ts).
    settings: browserNeo4jSettings(),
  };
  const started = await startLocalNeo4j(options);
  log(
    `${wanted === "local" ? "HEISTGRAPH_TEST_DATABASE=local" : "No Docker engine answers"}: ` +
      `started a local test Neo4j (jars from Maven Central) in ` +
      `${started.startSeconds?.toFixed(1)} s on Bolt port ${started.state.boltPort}`,
  );
  return {
    settings: localSettings(options, started.state.boltPort, started.state.httpPort),
    stop: async () => {
      await stopLocalNeo4j(options.name, env);
      rmSync(instanceDirs(options.name, env).home, { recursive: true, force: true });
    },
  };
}
