// `heistgraph serve` (the API) and `heistgraph start` (what `npm start` runs: the database,
// the films if the graph lacks them, and the API).
import type { Command } from "commander";
import pc from "picocolors";
import type { MountedPage } from "../../web/mount.ts";
import {
  LOAD_LIMIT_SETTINGS,
  loadLimitsFrom,
  NO_LOAD_LIMITS,
  type LoadLimits,
} from "../../api/load-limits.ts";
import { browserNeo4jSettings } from "../../browser-guide/post-connect.ts";
import { openDatabase, resolveDatabase, type Database } from "../../db/connection.ts";
import { importDataset } from "../../import/run-import.ts";
import { FIRST_VIEW_ROUTE } from "../../web/first-view.ts";
import { checkedInteger } from "../../queries/lookup.ts";
import { printImportReport } from "../import-command.ts";
import { action } from "../run-action.ts";
import { say } from "../say.ts";

async function filmCount(db: Database): Promise<number> {
  const { records } = await db.driver.executeQuery(
    "MATCH (f:Film) RETURN count(f) AS n",
    {},
    { database: db.database },
  );
  return records[0]?.get("n").toNumber() ?? 0;
}

type ServeOptions = { port: string; host: string; limits: boolean } & Partial<
  Record<keyof LoadLimits, string>
>;

/**
 * Passes of the warm-up: the first plans the statements (seconds, on a Neo4j just started);
 * the next ones run them while Neo4j's JVM is still compiling its hot code.
 */
const WARM_UP_PASSES = 3;

/**
 * Asks what the page's first load asks (/api/first-view: the newest film's network and
 * layout, its events, the catalogue), so that load finds Neo4j's plans and pages warm and the
 * layout cached: cold, the first network takes seconds; warm, well under one. Failures are
 * left to the page to report.
 */
async function warmUp(url: string): Promise<void> {
  for (let pass = 0; pass < WARM_UP_PASSES; pass++)
    await fetch(`${url}${FIRST_VIEW_ROUTE}`)
      .then((r) => r.arrayBuffer())
      .catch(() => {});
}

async function serve(opts: ServeOptions & { importIfEmpty: boolean }): Promise<void> {
  // Loaded here, not at the top: Apollo and @neo4j/graphql take most of a second to load,
  // which every other command would pay for nothing.
  const [{ startApiServer }, { mountWebPages }] = await Promise.all([
    import("../../api/server.ts"),
    import("../../web/mount.ts"),
  ]);
  const port = checkedInteger("port", opts.port, 0, 65535);
  // Checked before anything starts, so a bad value costs nothing.
  const limits = opts.limits ? loadLimitsFrom(opts) : NO_LOAD_LIMITS;
  const db = await openDatabase(
    await resolveDatabase({ autoStart: true, log: say, neo4jSettings: browserNeo4jSettings }),
  );
  if (opts.importIfEmpty && (await filmCount(db)) === 0) {
    say("The graph holds no films yet: importing import/films/ ...");
    printImportReport(await importDataset(db));
  }
  let pages: MountedPage[] = [];
  const server = await startApiServer({
    db,
    port,
    host: opts.host,
    limits,
    mount: async (app, apiDb, context) => {
      pages = await mountWebPages(app, apiDb, context);
    },
  });
  // Off only for the bench that measures what it buys (scripts/bench/first-load.ts).
  if (process.env.HEISTGRAPH_SERVE_WARM_UP !== "off") await warmUp(server.url);
  say(pc.green("heistgraph is serving:"));
  const line = (label: string, value: string) => say(`  ${`${label}:`.padEnd(20)}${value}`);
  for (const page of pages)
    line(page.title[0]?.toUpperCase() + page.title.slice(1), `${server.url}${page.path}`);
  line("GraphQL API", server.graphqlUrl);
  line("Health", server.healthUrl);
  line(
    "Limits",
    opts.limits
      ? `queries stop after ${limits.queryTimeoutMs} ms, lists hold ${limits.maxRows} rows, ` +
          `each client ${limits.clientConcurrency} running + ${limits.clientQueue} waiting`
      : pc.yellow("none (--no-limits)"),
  );
  if (db.settings.browserUrl) line("Neo4j Browser", db.settings.browserUrl);
  line("Browser guide", `type  :play ${server.url}/browser/guide.html  in Neo4j Browser`);
  say("Stop with Ctrl-C (the local Neo4j keeps running; `npx heistgraph db stop` stops it).");
  const shutdown = async () => {
    await server.stop();
    await db.close();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

/** The options `serve` and `start` share: where to listen and the load limits. */
function serveOptions(command: Command): Command {
  const defaults = { port: process.env.PORT ?? "4000", host: process.env.HOST ?? "127.0.0.1" };
  command
    .option("--port <port>", "port to listen on (env PORT)", defaults.port)
    .option("--host <host>", "address to listen on (env HOST)", defaults.host);
  const help: Record<keyof LoadLimits, string> = {
    queryTimeoutMs: "stop a query after this many ms, 0 for never",
    maxRows: "the most items a list may return, 0 for no cap",
    clientConcurrency: "requests one client address may have running, 0 for no limit",
    clientQueue: "requests one client address may have waiting before it gets 429",
  };
  for (const key of Object.keys(LOAD_LIMIT_SETTINGS) as (keyof LoadLimits)[]) {
    const setting = LOAD_LIMIT_SETTINGS[key];
    command.option(`--${setting.flag} <n>`, `${help[key]} (env ${setting.env})`);
  }
  return command.option(
    "--no-limits",
    "no timeout, row cap or per-client limit: only to measure what they change",
  );
}

export function registerServeCommands(program: Command): void {
  serveOptions(
    program
      .command("serve")
      .description("serve the GraphQL API (read-only) over the configured Neo4j"),
  ).action(action(async (opts: ServeOptions) => serve({ ...opts, importIfEmpty: false })));

  serveOptions(
    program
      .command("start")
      .description(
        "the main job: start Neo4j if needed, import the films if missing, serve the API",
      ),
  ).action(action(async (opts: ServeOptions) => serve({ ...opts, importIfEmpty: true })));
}
