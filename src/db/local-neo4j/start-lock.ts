// One start at a time per instance: `db start` twice at once, or two CLI commands that both
// auto-start, must launch ONE Neo4j. proper-lockfile holds a lock folder whose time stamp the
// holder refreshes; a holder that died leaves a lock that turns stale and is taken over.
import lockfile from "proper-lockfile";
import { HeistgraphError } from "../../errors.ts";
import type { InstanceDirs } from "./paths.ts";

// The holder refreshes the lock every STALE_MS / 2; a lock older than STALE_MS is a dead one's.
const STALE_MS = 20_000;

function lockOptions(dirs: InstanceDirs, retries: number): lockfile.LockOptions {
  return {
    lockfilePath: `${dirs.run}/start.lock`,
    realpath: false,
    stale: STALE_MS,
    retries: { retries, minTimeout: 200, maxTimeout: 1000, factor: 1.2 },
    // Losing the lock (e.g. its folder deleted) must not crash a start in progress.
    onCompromised: () => {},
  };
}

/**
 * Runs `fn` while holding this instance's start lock, waiting (with a message) while another
 * process holds it.
 */
export async function withStartLock<T>(
  dirs: InstanceDirs,
  waitMs: number,
  log: (line: string) => void,
  fn: () => Promise<T>,
): Promise<T> {
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dirs.home, lockOptions(dirs, 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ELOCKED") throw error;
    log("Another heistgraph is starting this Neo4j; waiting for it...");
    try {
      release = await lockfile.lock(dirs.home, lockOptions(dirs, Math.ceil(waitMs / 1000)));
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code !== "ELOCKED") throw again;
      throw new HeistgraphError({
        what: `Another heistgraph has been starting this Neo4j for over ${waitMs / 1000} s.`,
        where: `${dirs.run}/start.lock`,
        suggestion:
          "see `npx heistgraph db status`; if no heistgraph command runs, the lock frees itself within 20 s",
      });
    }
  }
  try {
    return await fn();
  } finally {
    await release().catch(() => {});
  }
}
