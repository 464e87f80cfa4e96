// A full disk, said as a full disk. Neo4j preallocates each database's transaction log
// (db.tx_log.rotation.size, 256 MiB; two databases: system and neo4j) and allocates the next
// one when a log fills up. With too little room it either stops while starting, its reason
// deep in debug.log under Java stack frames, or starts with one database unusable, and every
// command then fails. So `db start` checks the free space first, and a start that fails all
// the same is reported from Neo4j's own "No space left on device".
import { closeSync, existsSync, openSync, readSync, statSync, statfsSync } from "node:fs";
import { dirname, join } from "node:path";
import { HeistgraphError } from "../../errors.ts";
import type { InstanceDirs } from "./paths.ts";

const MIB = 1024 * 1024;
/** The size of one transaction log file, preallocated when it is started. */
export const TX_LOG_MIB = 256;
/** Neo4j Community's databases: system and neo4j, each with its own transaction log. */
const DATABASES = ["system", "neo4j"];
/** Overrides the free space needed, in MiB (0: no check). */
export const MIN_FREE_ENV = "HEISTGRAPH_MIN_FREE_MB";

/** Bytes free to an unprivileged writer on the file system holding `path` (or its parent). */
export function freeBytes(path: string): number {
  let at = path;
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  const stats = statfsSync(at);
  return stats.bavail * stats.bsize;
}

/**
 * The MiB the instance needs free to start: a log for each database that has none yet, and
 * one more for the next log (or the graph) to grow into.
 */
export function neededMiB(dirs: InstanceDirs, env: NodeJS.ProcessEnv = process.env): number {
  const override = env[MIN_FREE_ENV];
  if (override !== undefined && override !== "") {
    const mib = Number(override);
    if (!Number.isInteger(mib) || mib < 0) {
      throw new HeistgraphError({
        what: `${MIN_FREE_ENV} is not a number of megabytes.`,
        where: `${MIN_FREE_ENV}=${override}`,
        expected: "a whole number, 0 for no check",
        suggestion: `unset ${MIN_FREE_ENV} to use the default`,
      });
    }
    return mib;
  }
  const missing = DATABASES.filter(
    (db) => !existsSync(join(dirs.data, "transactions", db, "neostore.transaction.db.0")),
  );
  return (missing.length + 1) * TX_LOG_MIB;
}

const mb = (bytes: number) => `${Math.floor(bytes / MIB)} MB`;

/** Refuses to start when the data folder's file system has less free space than needed. */
export function assertRoomToStart(dirs: InstanceDirs, env: NodeJS.ProcessEnv = process.env): void {
  const needed = neededMiB(dirs, env);
  if (needed === 0) return;
  const free = freeBytes(dirs.data);
  if (free >= needed * MIB) return;
  throw new HeistgraphError({
    what: `Not enough free disk space to start the local Neo4j: ${mb(free)} free, ${needed} MB needed.`,
    where: `${dirs.data} (its file system)`,
    expected:
      `at least ${needed} MB free: Neo4j preallocates a ${TX_LOG_MIB} MB transaction log for each ` +
      `of its databases (system and neo4j) and needs room for the next one`,
    suggestion:
      "free some space on that disk, or set HEISTGRAPH_DATA_DIR to a folder on a disk with more room",
  });
}

const logFiles = (dirs: InstanceDirs) => [
  join(dirs.logs, "debug.log"),
  dirs.neo4jLog,
  dirs.consoleLog,
];

/** Where each of Neo4j's logs ends now: what a start writes comes after. */
export type LogMarks = Map<string, number>;

export function markLogs(dirs: InstanceDirs): LogMarks {
  return new Map(logFiles(dirs).map((f) => [f, existsSync(f) ? statSync(f).size : 0]));
}

/** What a log file holds past `from` bytes. */
function readFrom(file: string, from: number): string {
  const fd = openSync(file, "r");
  try {
    const size = statSync(file).size;
    const buffer = Buffer.alloc(Math.max(0, size - from));
    readSync(fd, buffer, 0, buffer.length, from);
    return buffer.toString("utf8");
  } catch {
    return "";
  } finally {
    closeSync(fd);
  }
}

/**
 * The first line of Neo4j's logs that says the disk is full, if any, among the lines written
 * since `marks` (an earlier start's full disk is not this one's).
 */
export function diskFullLine(dirs: InstanceDirs, marks?: LogMarks): string | undefined {
  for (const file of logFiles(dirs)) {
    if (!existsSync(file)) continue;
    const line = readFrom(file, marks?.get(file) ?? 0)
      .split("\n")
      .find((l) => /No space left on device/i.test(l));
    if (line) return line.trim();
  }
  return undefined;
}

/** A start failure told as a full disk, when Neo4j's logs say the disk is full. */
export function diskFullFailure(
  what: string,
  dirs: InstanceDirs,
  /** Where the logs stood before the start; `output`: a command's own output, read first. */
  from: { marks?: LogMarks; output?: string } = {},
): HeistgraphError | undefined {
  const line =
    from.output
      ?.split("\n")
      .find((l) => /No space left on device/i.test(l))
      ?.trim() ?? diskFullLine(dirs, from.marks);
  if (!line) return undefined;
  return new HeistgraphError({
    what: `${what} The disk is full: No space left on device (${mb(freeBytes(dirs.data))} free now).`,
    where: `${dirs.data} (full logs in ${dirs.logs})`,
    suggestion:
      "free some space on that disk, or set HEISTGRAPH_DATA_DIR to a folder on a disk with more room",
    details: `Neo4j's log says:\n${line}`,
  });
}
