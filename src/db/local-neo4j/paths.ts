// Where the local Neo4j keeps its jars (a per-user cache shared by all clones) and
// its data (a git-ignored folder of this checkout, one per instance).
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { NEO4J_VERSION } from "./versions.ts";

export const PACKAGE_ROOT = resolve(fileURLToPath(new URL("../../../", import.meta.url)));
export const POM_PATH = fileURLToPath(new URL("./pom.xml", import.meta.url));

export interface JarCache {
  root: string;
  lib: string;
  plugins: string;
  /** Written last by a fetch, so a half-finished fetch is never taken for a cache. */
  marker: string;
}

export function jarCache(env: NodeJS.ProcessEnv = process.env): JarCache {
  const base =
    env.HEISTGRAPH_CACHE_DIR ?? join(env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "heistgraph");
  const root = join(base, `neo4j-${NEO4J_VERSION}`);
  return {
    root,
    lib: join(root, "lib"),
    plugins: join(root, "plugins"),
    marker: join(root, "complete"),
  };
}

export interface InstanceDirs {
  home: string;
  conf: string;
  data: string;
  logs: string;
  run: string;
  stateFile: string;
  consoleLog: string;
  neo4jLog: string;
}

export function instanceDirs(name: string, env: NodeJS.ProcessEnv = process.env): InstanceDirs {
  // Absolute, because the conf folder is how a running Neo4j is recognised as this instance's.
  const home = resolve(env.HEISTGRAPH_DATA_DIR ?? join(PACKAGE_ROOT, ".heistgraph"), name);
  const logs = join(home, "logs");
  const run = join(home, "run");
  return {
    home,
    conf: join(home, "conf"),
    data: join(home, "data"),
    logs,
    run,
    stateFile: join(run, "heistgraph.json"),
    consoleLog: join(logs, "console.log"),
    neo4jLog: join(logs, "neo4j.log"),
  };
}
