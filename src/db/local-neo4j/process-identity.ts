// Which process is THIS instance's Neo4j. A pid alone proves nothing: it may be another
// heistgraph's Neo4j, an unrelated program after a reboot, or garbage such as -1 (which
// kill() reads as "every process"). A process counts as ours only when its command line
// runs Neo4j's entry point with this instance's own --config-dir.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";

const ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint";

/** The argument a local Neo4j is launched with, naming its conf folder. */
export function configDirArgument(confDir: string): string {
  return `--config-dir=${confDir}`;
}

/** A pid it is safe to pass to kill(): a plain positive process id, not us, not init. */
export function isPlainPid(pid: unknown): pid is number {
  return Number.isSafeInteger(pid) && (pid as number) > 1 && pid !== process.pid;
}

/** The process's arguments, or undefined when it does not exist (or cannot be read). */
export function commandLineOf(pid: number): string[] | undefined {
  if (!isPlainPid(pid)) return undefined;
  if (existsSync("/proc/self/cmdline")) {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    } catch {
      return undefined;
    }
  }
  // No /proc (macOS): ps prints the arguments joined by spaces; enough to find ours.
  const ps = spawnSync("ps", ["-ww", "-o", "args=", "-p", String(pid)], { encoding: "utf8" });
  const line = ps.status === 0 ? ps.stdout.trim() : "";
  return line ? line.split(" ") : undefined;
}

function runsOurNeo4j(args: string[], confDir: string): boolean {
  return args.includes(ENTRY_POINT) && args.includes(configDirArgument(confDir));
}

/** True when pid is alive and is the Neo4j launched with this conf folder. */
export function isOurNeo4j(pid: number, confDir: string): boolean {
  const args = commandLineOf(pid);
  return args !== undefined && runsOurNeo4j(args, confDir);
}

/** A Neo4j running with this conf folder that no state file points to (e.g. after a crash). */
export function findNeo4jByConfDir(confDir: string): number | undefined {
  let pids: number[];
  if (existsSync("/proc/self/cmdline")) {
    pids = readdirSync("/proc")
      .filter((entry) => /^\d+$/.test(entry))
      .map(Number);
  } else {
    const ps = spawnSync("ps", ["-ax", "-o", "pid="], { encoding: "utf8" });
    pids = ps.status === 0 ? ps.stdout.split("\n").map(Number).filter(Boolean) : [];
  }
  return pids.find((pid) => isPlainPid(pid) && isOurNeo4j(pid, confDir));
}

/** When the process started (Linux), for a state file rebuilt around a found process. */
export function processStartTime(pid: number): Date | undefined {
  try {
    // Field 22 of /proc/PID/stat: start time in clock ticks (100 a second) since boot.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const ticks = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]);
    const uptime = Number(readFileSync("/proc/uptime", "utf8").split(" ")[0]);
    return new Date(Date.now() - (uptime - ticks / 100) * 1000);
  } catch {
    return undefined;
  }
}
