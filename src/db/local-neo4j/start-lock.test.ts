// The start lock: holders take turns, a waiter says so, a dead holder's lock is taken over.
import { mkdirSync, mkdtempSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { instanceDirs } from "./paths.ts";
import { withStartLock } from "./start-lock.ts";

const scratch = mkdtempSync(join(tmpdir(), "heistgraph-lock-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function dirsFor(name: string) {
  const dirs = instanceDirs(name, { HEISTGRAPH_DATA_DIR: scratch });
  mkdirSync(dirs.run, { recursive: true });
  return dirs;
}

describe("the start lock", () => {
  it("lets one holder in at a time, and tells the waiter why it waits", async () => {
    const dirs = dirsFor("turns");
    const events: string[] = [];
    const hold = (who: string) => async () => {
      events.push(`${who} in`);
      await sleep(300);
      events.push(`${who} out`);
      return who;
    };
    const notes: string[] = [];
    const first = withStartLock(dirs, 10_000, () => {}, hold("first"));
    await sleep(50);
    const second = withStartLock(dirs, 10_000, (line) => notes.push(line), hold("second"));
    expect(await Promise.all([first, second])).toEqual(["first", "second"]);
    expect(events).toEqual(["first in", "first out", "second in", "second out"]);
    expect(notes).toEqual(["Another heistgraph is starting this Neo4j; waiting for it..."]);
  });

  it("takes over a lock its holder left behind when it died", async () => {
    const dirs = dirsFor("stale");
    const lock = join(dirs.run, "start.lock");
    mkdirSync(lock);
    const longAgo = new Date(Date.now() - 60_000);
    utimesSync(lock, longAgo, longAgo);
    const started = performance.now();
    expect(
      await withStartLock(
        dirs,
        10_000,
        () => {},
        async () => "in",
      ),
    ).toBe("in");
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("gives up with a message when the holder keeps it too long", async () => {
    const dirs = dirsFor("held");
    const holder = withStartLock(
      dirs,
      10_000,
      () => {},
      () => sleep(4000),
    );
    await sleep(50);
    await expect(
      withStartLock(
        dirs,
        1000,
        () => {},
        async () => "never",
      ),
    ).rejects.toThrow(/Another heistgraph has been starting this Neo4j for over 1 s/);
    await holder;
  });
});
