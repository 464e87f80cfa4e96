// Creates the instance's folders one level at a time. Node's mkdirSync({ recursive: true })
// spins forever at 100% CPU on some paths (under /proc it retries ENOENT from the parent it
// just "created"), and its errors name no setting; this fails fast and says what to do.
import { accessSync, constants, mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { HeistgraphError } from "../../errors.ts";

// Kernel file systems: folders cannot be made there, whatever mkdir answers.
const PSEUDO_FILE_SYSTEMS = /^\/(proc|sys|dev)(\/|$)/;

function dataDirProblem(dir: string, why: string, env: NodeJS.ProcessEnv): HeistgraphError {
  return new HeistgraphError({
    what: `Cannot use ${dir} for the local Neo4j: ${why}.`,
    where:
      env.HEISTGRAPH_DATA_DIR !== undefined
        ? `HEISTGRAPH_DATA_DIR=${env.HEISTGRAPH_DATA_DIR}`
        : "the default data folder (.heistgraph in this checkout)",
    expected: "a folder you can write (it is created if missing)",
    suggestion:
      "set HEISTGRAPH_DATA_DIR to a writable folder, e.g. HEISTGRAPH_DATA_DIR=$HOME/.heistgraph",
  });
}

function describe(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case "EACCES":
    case "EPERM":
      return `permission denied (${error.code})`;
    case "ENOTDIR":
      return `part of the path is a file, not a folder (ENOTDIR)`;
    case "EROFS":
      return "the file system is read-only (EROFS)";
    case "ENOSPC":
      return "the disk is full (ENOSPC)";
    default:
      return `${error.message}`;
  }
}

function makeOne(dir: string, env: NodeJS.ProcessEnv): void {
  let stats;
  try {
    stats = statSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: some parent is a file; the walk up below names it.
    if (code !== "ENOENT" && code !== "ENOTDIR")
      throw dataDirProblem(dir, describe(error as NodeJS.ErrnoException), env);
  }
  if (stats) {
    if (!stats.isDirectory())
      throw dataDirProblem(dir, "it is a file, not a folder (ENOTDIR)", env);
    return;
  }
  const parent = dirname(dir);
  if (parent !== dir) makeOne(parent, env);
  try {
    mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST" && statSync(dir).isDirectory()) return;
    throw dataDirProblem(dir, describe(error as NodeJS.ErrnoException), env);
  }
}

/** Makes each folder (and its parents) or throws a HeistgraphError naming HEISTGRAPH_DATA_DIR. */
export function makeInstanceFolders(dirs: string[], env: NodeJS.ProcessEnv = process.env): void {
  for (const raw of dirs) {
    const dir = resolve(raw);
    if (PSEUDO_FILE_SYSTEMS.test(dir)) throw dataDirProblem(dir, "it is a kernel file system", env);
    makeOne(dir, env);
    try {
      accessSync(dir, constants.W_OK);
    } catch (error) {
      throw dataDirProblem(dir, describe(error as NodeJS.ErrnoException), env);
    }
  }
}
