// Brings the local Neo4j's jars from Maven Central into the user's cache, once.
// Maven does the resolving (it knows Neo4j's dependency tree); we only choose
// where the jars land: the server on the classpath, APOC in the plugins folder.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { HeistgraphError } from "../../errors.ts";
import { jarCache, POM_PATH, type JarCache } from "./paths.ts";
import { APOC_VERSION, BROWSER_VERSION, NEO4J_VERSION } from "./versions.ts";

const PLUGIN_ARTIFACTS = "apoc-core,apoc-common";

export interface FetchResult {
  cache: JarCache;
  /** Seconds spent fetching, or undefined when the cache was already complete. */
  fetchedInSeconds?: number;
}

export function isCached(cache: JarCache = jarCache()): boolean {
  return existsSync(cache.marker);
}

function mavenExecutable(env: NodeJS.ProcessEnv): string | undefined {
  const mvn = env.HEISTGRAPH_MVN ?? "mvn";
  const probe = spawnSync(mvn, ["--version"], { encoding: "utf8" });
  return probe.error || probe.status !== 0 ? undefined : mvn;
}

function runMaven(mvn: string, args: string[]): void {
  const result = spawnSync(
    mvn,
    [
      "-B",
      "-q",
      "-f",
      POM_PATH,
      `-Dneo4j.version=${NEO4J_VERSION}`,
      `-Dapoc.version=${APOC_VERSION}`,
      `-Dbrowser.version=${BROWSER_VERSION}`,
      ...args,
    ],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.error || result.status !== 0) {
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim().split("\n").slice(-20);
    throw new HeistgraphError({
      what: "Maven could not fetch the local Neo4j from Maven Central.",
      where: `${mvn} -f ${POM_PATH} ${args.join(" ")}`,
      expected: "access to Maven Central (or a mirror configured in ~/.m2/settings.xml)",
      suggestion:
        "check the network or your Maven settings, then run `npx heistgraph db start` again; or set NEO4J_URI to a Neo4j server you already have",
      details: output.join("\n"),
    });
  }
}

/** Makes sure the jars are in the cache; fetches them with Maven when they are not. */
export function ensureJars(
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = () => {},
): FetchResult {
  const cache = jarCache(env);
  if (isCached(cache)) return { cache };

  const mvn = mavenExecutable(env);
  if (!mvn) {
    throw new HeistgraphError({
      what: `Neo4j ${NEO4J_VERSION} is not in the cache yet, and Maven is not installed to fetch it.`,
      where: cache.root,
      expected: "`mvn` on the PATH (or HEISTGRAPH_MVN pointing at it), once, to fetch the jars",
      suggestion:
        "install Maven (Debian: apt-get install maven) and run `npx heistgraph db start` again; or use Docker (`docker compose up -d`) and set NEO4J_URI=bolt://localhost:7687",
    });
  }

  log(`Fetching Neo4j ${NEO4J_VERSION}, Neo4j Browser and APOC from Maven Central (once)...`);
  const started = performance.now();
  // Fetch into a scratch folder and move it into place at the end, so an interrupted
  // fetch leaves no half-filled cache behind.
  const staging = `${cache.root}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    runMaven(mvn, [
      "dependency:copy-dependencies",
      `-DoutputDirectory=${staging}/lib`,
      "-DincludeScope=runtime",
      `-DexcludeArtifactIds=${PLUGIN_ARTIFACTS}`,
    ]);
    runMaven(mvn, [
      "dependency:copy-dependencies",
      `-DoutputDirectory=${staging}/plugins`,
      "-DexcludeTransitive=true",
      `-DincludeArtifactIds=${PLUGIN_ARTIFACTS}`,
    ]);
    writeFileSync(`${staging}/complete`, `${new Date().toISOString()}\n`);
    rmSync(cache.root, { recursive: true, force: true });
    renameSync(staging, cache.root);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  const fetchedInSeconds = (performance.now() - started) / 1000;
  log(`Fetched in ${fetchedInSeconds.toFixed(1)} s into ${cache.root}`);
  return { cache, fetchedInSeconds };
}
