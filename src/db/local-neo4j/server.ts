// Starts, stops and reports on a local Neo4j Community server run straight from the
// jars in the cache (org.neo4j.server.CommunityEntryPoint), without a Neo4j install.
import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { delimiter, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { HeistgraphError } from "../../errors.ts";
import {
  BROWSER_CONTENT_SECURITY_POLICY,
  BROWSER_REMOTE_CONTENT_ALLOWLIST,
  browserPostConnectCommand,
} from "../../browser-guide/post-connect.ts";
import { checkBolt } from "../bolt-check.ts";
import { assertRoomToStart, diskFullFailure, markLogs, type LogMarks } from "./disk-space.ts";
import { ensureJars } from "./fetch.ts";
import { findJava } from "./java.ts";
import { makeInstanceFolders } from "./make-dirs.ts";
import { instanceDirs, type InstanceDirs } from "./paths.ts";
import {
  configDirArgument,
  findNeo4jByConfDir,
  isOurNeo4j,
  processStartTime,
} from "./process-identity.ts";
import { withStartLock } from "./start-lock.ts";
import {
  readStateFile,
  removeStateFile,
  writeStateFile,
  type LocalNeo4jState,
} from "./state-file.ts";
import { NEO4J_VERSION } from "./versions.ts";

export type { LocalNeo4jState } from "./state-file.ts";

export interface LocalNeo4jOptions {
  /** Instance name: its data lives in .heistgraph/<name>. */
  name: string;
  boltPort: number;
  httpPort: number;
  password: string;
  heap?: string;
  pageCache?: string;
  log?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

export interface StartResult {
  state: LocalNeo4jState;
  alreadyRunning: boolean;
  /** Seconds from launch until Bolt answered, for a fresh start. */
  startSeconds?: number;
  /** Seconds spent fetching jars, when they were not cached. */
  fetchSeconds?: number;
}

export const USERNAME = "neo4j";
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 120_000;

// Neo4j reaches into JDK internals; its own launcher passes these flags on Java 17+.
const JAVA_MODULE_FLAGS = [
  "java.base/java.lang",
  "java.base/java.lang.invoke",
  "java.base/java.io",
  "java.base/java.net",
  "java.base/java.nio",
  "java.base/java.util",
  "java.base/java.util.concurrent",
  "java.base/java.util.concurrent.atomic",
  "java.base/sun.nio.ch",
  "java.base/jdk.internal.misc",
  "java.base/jdk.internal.ref",
]
  .map((pkg) => `--add-opens=${pkg}=ALL-UNNAMED`)
  .concat(
    ["java.base/sun.nio.ch", "java.base/jdk.internal.misc", "java.base/jdk.internal.ref"].map(
      (pkg) => `--add-exports=${pkg}=ALL-UNNAMED`,
    ),
  );

export function boltUri(state: Pick<LocalNeo4jState, "boltPort">): string {
  return `bolt://127.0.0.1:${state.boltPort}`;
}

export function browserUrl(state: Pick<LocalNeo4jState, "httpPort">): string {
  return `http://127.0.0.1:${state.httpPort}/browser/`;
}

/** The ports a conf file heistgraph wrote gives Neo4j, for a state file rebuilt around it. */
function portsInConf(dirs: InstanceDirs): { boltPort: number; httpPort: number } | undefined {
  let conf: string;
  try {
    conf = readFileSync(join(dirs.conf, "neo4j.conf"), "utf8");
  } catch {
    return undefined;
  }
  const port = (setting: string) =>
    Number(new RegExp(`^${setting}=.*:(\\d+)$`, "m").exec(conf)?.[1] ?? Number.NaN);
  const boltPort = port("server\\.bolt\\.listen_address");
  const httpPort = port("server\\.http\\.listen_address");
  return Number.isInteger(boltPort) && Number.isInteger(httpPort)
    ? { boltPort, httpPort }
    : undefined;
}

function stateOf(dirs: InstanceDirs, pid: number, ports: { boltPort: number; httpPort: number }) {
  return {
    pid,
    ...ports,
    version: NEO4J_VERSION,
    startedAt: (processStartTime(pid) ?? new Date()).toISOString(),
    home: dirs.home,
    conf: dirs.conf,
    data: dirs.data,
  } satisfies LocalNeo4jState;
}

/**
 * The running instance's state, or undefined. A state file that is stale (its pid is not this
 * instance's Neo4j) or corrupt is repaired, with a message: removed, or rebuilt around this
 * instance's Neo4j when one runs without a valid state file (found by its conf folder).
 */
export function runningInstance(
  name: string,
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): LocalNeo4jState | undefined {
  const dirs = instanceDirs(name, env);
  const reading = readStateFile(dirs);
  if (reading.kind === "valid" && isOurNeo4j(reading.state.pid, dirs.conf)) return reading.state;

  const orphan = findNeo4jByConfDir(dirs.conf);
  const ports = orphan === undefined ? undefined : portsInConf(dirs);
  const problem =
    reading.kind === "corrupt"
      ? `its state file ${dirs.stateFile} was unreadable (${reading.reason})`
      : reading.kind === "valid"
        ? `its state file named pid ${reading.state.pid}, which is not this instance's Neo4j`
        : undefined;
  if (orphan !== undefined && ports) {
    const state = stateOf(dirs, orphan, ports);
    writeStateFile(dirs, state);
    log(
      `note: found this instance's Neo4j running as pid ${orphan} ` +
        `(${problem ?? "it had no state file"}); rewrote the state file.`,
    );
    return state;
  }
  if (problem) {
    removeStateFile(dirs);
    log(`note: the local Neo4j in ${dirs.home} is not running; ${problem}, so it was removed.`);
  }
  return undefined;
}

/** Sends a signal only to this instance's own Neo4j, checked just before sending. */
function signalOurNeo4j(pid: number, dirs: InstanceDirs, signal: NodeJS.Signals): boolean {
  if (!isOurNeo4j(pid, dirs.conf)) return false;
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.once("error", () => resolvePort(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () =>
      server.close(() => resolvePort(true)),
    );
  });
}

/** A free TCP port on 127.0.0.1, chosen by the kernel. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1" }, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function assertPortsFree(options: LocalNeo4jOptions): Promise<void> {
  const wanted = [
    { port: options.boltPort, what: "Bolt", variable: "HEISTGRAPH_BOLT_PORT" },
    { port: options.httpPort, what: "HTTP (Browser)", variable: "HEISTGRAPH_HTTP_PORT" },
  ];
  for (const { port, what, variable } of wanted) {
    if (await portIsFree(port)) continue;
    throw new HeistgraphError({
      what: `Port ${port}, which the local Neo4j wants for ${what}, is held by another program.`,
      where: `127.0.0.1:${port}`,
      expected: "a free port",
      suggestion: `see who holds it with \`ss -ltnp 'sport = :${port}'\` and stop it (another Neo4j?), or pick another port: ${variable}=<port> npx heistgraph db start`,
    });
  }
}

function neo4jConf(dirs: InstanceDirs, pluginsDir: string, options: LocalNeo4jOptions): string {
  const lines = [
    "# Written by heistgraph on every start; edits are overwritten.",
    "server.default_listen_address=127.0.0.1",
    "server.default_advertised_address=127.0.0.1",
    `server.bolt.listen_address=127.0.0.1:${options.boltPort}`,
    `server.http.listen_address=127.0.0.1:${options.httpPort}`,
    "server.https.enabled=false",
    `server.directories.data=${dirs.data}`,
    `server.directories.logs=${dirs.logs}`,
    `server.directories.plugins=${pluginsDir}`,
    `server.directories.run=${dirs.run}`,
    "dbms.usage_report.enabled=false",
    `server.memory.pagecache.size=${options.pageCache ?? "256m"}`,
  ];
  // Neo4j Browser (issue 6): heistgraph's style on connect, guides from 127.0.0.1, no
  // telemetry, and its connect form filled with this instance's own Bolt port.
  lines.push(
    `server.bolt.advertised_address=127.0.0.1:${options.boltPort}`,
    `browser.post_connect_cmd=${browserPostConnectCommand()}`,
    `browser.remote_content_hostname_whitelist=${BROWSER_REMOTE_CONTENT_ALLOWLIST}`,
    "client.allow_telemetry=false",
    `dbms.security.http_static_content_security_policy_header=${BROWSER_CONTENT_SECURITY_POLICY}`,
  );
  return `${lines.join("\n")}\n`;
}

/** A Java stack frame ("\tat ...", "... 12 more"): noise to whoever reads why Neo4j stopped. */
const STACK_FRAME = /^\s+(at |\.\.\. \d+ more)/;

function tail(file: string, lines: number): string {
  if (!existsSync(file)) return "";
  return readFileSync(file, "utf8")
    .trimEnd()
    .split("\n")
    .filter((line) => !STACK_FRAME.test(line))
    .slice(-lines)
    .join("\n");
}

function startFailure(what: string, dirs: InstanceDirs, marks?: LogMarks): HeistgraphError {
  const diskFull = diskFullFailure(what, dirs, { marks });
  if (diskFull) return diskFull;
  const logTail = tail(dirs.neo4jLog, 25) || tail(dirs.consoleLog, 25);
  return new HeistgraphError({
    what,
    where: dirs.logs,
    suggestion: `read the log above (full logs in ${dirs.logs}); if the data folder is damaged, stop and move ${dirs.data} away`,
    details: logTail ? `Last lines of the Neo4j log:\n${logTail}` : undefined,
  });
}

async function setInitialPassword(
  java: string,
  classpath: string,
  dirs: InstanceDirs,
  password: string,
): Promise<void> {
  // Only possible before the first start; afterwards the auth store already exists.
  if (existsSync(join(dirs.data, "dbms", "auth.ini"))) return;
  const marks = markLogs(dirs);
  // Asynchronous, so the start lock keeps being refreshed while the JVM runs.
  const child = spawn(
    java,
    ["-cp", classpath, "org.neo4j.cli.AdminTool", "dbms", "set-initial-password", password],
    { env: { ...process.env, NEO4J_HOME: dirs.home, NEO4J_CONF: dirs.conf } },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const status = await new Promise<number | null>((done) => {
    child.once("error", () => done(null));
    child.once("close", (code) => done(code));
  });
  if (status !== 0) {
    const diskFull = diskFullFailure("Could not set the local Neo4j's initial password.", dirs, {
      output,
      marks,
    });
    if (diskFull) throw diskFull;
    throw new HeistgraphError({
      what: "Could not set the local Neo4j's initial password.",
      where: dirs.home,
      details: output.trim(),
    });
  }
}

/**
 * Starts the instance unless it already runs; resolves once Bolt answers. Concurrent starts of
 * the same instance (in any process) take turns, so one Neo4j is launched and the others find
 * it running.
 */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<StartResult> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => {});
  const dirs = instanceDirs(options.name, env);

  const running = runningInstance(options.name, env, log);
  if (running) return { state: running, alreadyRunning: true };

  const java = findJava(env);
  const { cache, fetchedInSeconds } = ensureJars(env, log);
  makeInstanceFolders([dirs.conf, dirs.data, dirs.logs, dirs.run], env);
  assertRoomToStart(dirs, env);

  return withStartLock(dirs, START_TIMEOUT_MS, log, async () => {
    // Whoever held the lock before us may have started it meanwhile.
    const startedMeanwhile = runningInstance(options.name, env, log);
    if (startedMeanwhile) return { state: startedMeanwhile, alreadyRunning: true };
    const started = await launch(options, dirs, java.executable, cache);
    return { ...started, fetchSeconds: fetchedInSeconds };
  });
}

async function launch(
  options: LocalNeo4jOptions,
  dirs: InstanceDirs,
  java: string,
  cache: { plugins: string; lib: string },
): Promise<StartResult> {
  await assertPortsFree(options);
  writeFileSync(join(dirs.conf, "neo4j.conf"), neo4jConf(dirs, cache.plugins, options));
  // APOC registers extensions through the classpath, so its jars go there as well as in plugins.
  const classpath = [join(cache.plugins, "*"), join(cache.lib, "*")].join(delimiter);
  await setInitialPassword(java, classpath, dirs, options.password);

  const started = performance.now();
  const marks = markLogs(dirs);
  const logFd = openSync(dirs.consoleLog, "a");
  const child = spawn(
    java,
    [
      ...JAVA_MODULE_FLAGS,
      // Neo4j's heap settings only act through its own launch script, so set them here.
      `-Xms${options.heap ?? "512m"}`,
      `-Xmx${options.heap ?? "1g"}`,
      "-XX:+UseG1GC",
      "-XX:-OmitStackTraceInFastThrow",
      "-Dfile.encoding=UTF-8",
      "-cp",
      classpath,
      "org.neo4j.server.CommunityEntryPoint",
      `--home-dir=${dirs.home}`,
      // Also how this instance's process is recognised (see process-identity.ts).
      configDirArgument(dirs.conf),
    ],
    {
      detached: true,
      stdio: ["ignore", logFd, logFd],
      env: { ...process.env, NEO4J_HOME: dirs.home },
    },
  );
  closeSync(logFd);
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  child.unref();
  if (child.pid === undefined) throw startFailure("Java could not be launched.", dirs);

  const state: LocalNeo4jState = {
    pid: child.pid,
    boltPort: options.boltPort,
    httpPort: options.httpPort,
    version: NEO4J_VERSION,
    startedAt: new Date().toISOString(),
    home: dirs.home,
    conf: dirs.conf,
    data: dirs.data,
  };
  writeStateFile(dirs, state);

  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (exited) {
      removeStateFile(dirs);
      throw startFailure("Neo4j stopped while starting.", dirs, marks);
    }
    const bolt = await checkBolt({
      uri: boltUri(state),
      username: USERNAME,
      password: options.password,
    });
    if (bolt.ok) break;
    if (bolt.reason === "unauthorized") {
      throw new HeistgraphError({
        what: "The local Neo4j started but rejects heistgraph's password.",
        where: `${boltUri(state)} (data in ${dirs.data})`,
        expected: "the password it was first started with",
        suggestion:
          "set NEO4J_PASSWORD to that password, or stop it and delete the data folder to start afresh",
      });
    }
    if (Date.now() > deadline) {
      signalOurNeo4j(state.pid, dirs, "SIGTERM");
      throw startFailure(
        `Neo4j did not answer on Bolt within ${START_TIMEOUT_MS / 1000} s.`,
        dirs,
        marks,
      );
    }
    await sleep(250);
  }
  const startSeconds = (performance.now() - started) / 1000;
  return { state, alreadyRunning: false, startSeconds };
}

/** Stops the instance cleanly (Neo4j flushes and checkpoints on SIGTERM). */
export async function stopLocalNeo4j(
  name: string,
  env: NodeJS.ProcessEnv = process.env,
  log?: (line: string) => void,
): Promise<LocalNeo4jState | undefined> {
  const dirs = instanceDirs(name, env);
  const state = runningInstance(name, env, log);
  if (!state) return undefined;
  if (!signalOurNeo4j(state.pid, dirs, "SIGTERM")) {
    // It stopped between the check and the signal.
    removeStateFile(dirs);
    return state;
  }
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (isOurNeo4j(state.pid, dirs.conf)) {
    if (Date.now() > deadline) {
      throw new HeistgraphError({
        what: `Neo4j (pid ${state.pid}) did not stop within ${STOP_TIMEOUT_MS / 1000} s.`,
        where: dirs.logs,
        suggestion: `wait a little and run \`npx heistgraph db status\`; as a last resort \`kill -9 ${state.pid}\` (may lose the last writes)`,
        details: tail(dirs.neo4jLog, 10),
      });
    }
    await sleep(200);
  }
  removeStateFile(dirs);
  return state;
}
