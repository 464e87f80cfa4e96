// `heistgraph db start|stop|status`: the local Neo4j's life cycle.
import type { Command } from "commander";
import pc from "picocolors";
import { browserNeo4jSettings } from "../browser-guide/post-connect.ts";
import {
  configuredServer,
  type DatabaseSettings,
  LOCAL_INSTANCE,
  localNeo4jOptions,
  openDatabase,
  startLocalDatabase,
  stopLocalDatabase,
} from "../db/connection.ts";
import { ensureJars } from "../db/local-neo4j/fetch.ts";
import { instanceDirs } from "../db/local-neo4j/paths.ts";
import { boltUri, browserUrl, runningInstance, USERNAME } from "../db/local-neo4j/server.ts";
import { action } from "./run-action.ts";
import { say } from "./say.ts";

function localSettingsFor(running: { boltPort: number }): DatabaseSettings {
  return {
    uri: boltUri(running),
    username: USERNAME,
    password: localNeo4jOptions().password,
    database: "neo4j",
    origin: "local",
  };
}

export function registerDbCommands(program: Command): void {
  const db = program.command("db").description("run the local Neo4j (fetched from Maven Central)");

  db.command("fetch")
    .description(
      "fetch the local Neo4j's jars from Maven Central into the cache (start does it too)",
    )
    .action(
      action(async () => {
        const { cache, fetchedInSeconds } = ensureJars(process.env, say);
        if (fetchedInSeconds === undefined) say(`Already cached in ${cache.root}`);
      }),
    );

  db.command("start")
    .description("start the local Neo4j, fetching it once if needed; waits until Bolt answers")
    .action(
      action(async () => {
        const external = configuredServer();
        if (external) {
          say(`NEO4J_URI is set: heistgraph uses ${external.uri}; no local Neo4j started.`);
          return;
        }
        const started = await startLocalDatabase(process.env, say, browserNeo4jSettings);
        const { state, settings } = started;
        if (started.alreadyRunning) {
          say(`The local Neo4j already runs (pid ${state.pid}); nothing started.`);
        } else {
          say(
            `${pc.green("Neo4j")} ${state.version} started in ${started.startSeconds?.toFixed(1)} s` +
              (started.fetchSeconds
                ? ` (after fetching it in ${started.fetchSeconds.toFixed(1)} s)`
                : ""),
          );
        }
        say(
          `  Bolt:    ${settings.uri}  (user ${settings.username}, password ${settings.password})`,
        );
        say(`  Browser: ${settings.browserUrl}`);
        say(`  Data:    ${instanceDirs(LOCAL_INSTANCE).data}`);
      }),
    );

  db.command("stop")
    .description("stop the local Neo4j cleanly")
    .action(
      action(async () => {
        const stopped = await stopLocalDatabase();
        say(
          stopped
            ? `Stopped the local Neo4j (pid ${stopped.pid}).`
            : "The local Neo4j is not running.",
        );
      }),
    );

  db.command("status")
    .description("say which Neo4j heistgraph uses and whether it answers")
    .action(
      action(async () => {
        const external = configuredServer();
        const running = runningInstance(LOCAL_INSTANCE);
        if (external) {
          say(`NEO4J_URI is set: heistgraph uses ${external.uri} (database ${external.database}).`);
        }
        if (running) {
          say(
            `Local Neo4j ${running.version}: running, pid ${running.pid}, since ${running.startedAt}`,
          );
          say(`  Bolt:    ${boltUri(running)}`);
          say(`  Browser: ${browserUrl(running)}`);
        } else {
          const { boltPort, httpPort } = localNeo4jOptions();
          say(`Local Neo4j: not running (would use Bolt ${boltPort}, HTTP ${httpPort}).`);
        }
        say(`  Data:    ${instanceDirs(LOCAL_INSTANCE).data}`);
        const settings = external ?? (running ? localSettingsFor(running) : undefined);
        if (!settings) return;
        const database = await openDatabase(settings);
        try {
          const info = await database.driver.getServerInfo();
          say(`  Answers: yes (${info.agent ?? "Neo4j"}, Bolt ${info.protocolVersion})`);
        } finally {
          await database.close();
        }
      }),
    );
}
