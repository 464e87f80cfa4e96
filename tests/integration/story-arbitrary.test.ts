// The story generator makes films the importer accepts, with the shapes the property tests
// rely on (cycles of killers, suicides, several killers of one victim).
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/connection.ts";
import { prepareImport } from "../../src/import/run-import.ts";
import { testDatabase } from "../helpers/neo4j.ts";
import { importStories, storiesArbitrary, storyArbitrary } from "../helpers/story-arbitrary.ts";

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});

describe("storyArbitrary", () => {
  it("makes stories that import whole: every character and KILLED act is in the graph", async () => {
    await fc.assert(
      fc.asyncProperty(storiesArbitrary(2), async (stories) => {
        await importStories(db, stories);
        const { records } = await db.driver.executeQuery(
          `MATCH (c:Character) WITH count(c) AS characters
           RETURN characters, COUNT { ()-[:KILLED]->() } AS kills`,
          {},
          { database: db.database },
        );
        expect(records[0]?.get("characters").toNumber()).toBe(
          stories.reduce((n, s) => n + s.characters.length, 0),
        );
        expect(records[0]?.get("kills").toNumber()).toBe(
          stories.reduce((n, s) => n + s.acts.filter((a) => a.type === "KILLED").length, 0),
        );
      }),
      { numRuns: 8, seed: 20261202 },
    );
  }, 300_000);

  it("often makes cycles of killers, suicides and victims with several killers", () => {
    const samples = fc.sample(storyArbitrary(), { numRuns: 200, seed: 7 });
    const kills = (s: (typeof samples)[number]) => s.acts.filter((a) => a.type === "KILLED");
    const suicide = samples.filter((s) => kills(s).some((k) => k.by === k.to));
    const mutual = samples.filter((s) =>
      kills(s).some((k) => k.by !== k.to && kills(s).some((o) => o.by === k.to && o.to === k.by)),
    );
    const shared = samples.filter((s) => {
      const killers = new Map<string, Set<string>>();
      for (const k of kills(s)) killers.set(k.to, (killers.get(k.to) ?? new Set()).add(k.by));
      return [...killers.values()].some((set) => set.size > 1);
    });
    for (const found of [suicide, mutual, shared]) expect(found.length).toBeGreaterThan(20);
  });

  it("passes the dataset validator on its own", async () => {
    const { writeFileSync, mkdtempSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const { stringify } = await import("yaml");
    const { storySource } = await import("../helpers/story-arbitrary.ts");
    const dir = mkdtempSync(join(tmpdir(), "heistgraph-validate-"));
    for (const story of fc.sample(storyArbitrary(), { numRuns: 100, seed: 3 })) {
      writeFileSync(join(dir, "s.yaml"), stringify({ sources: [storySource(story)] }));
      writeFileSync(join(dir, "f.yaml"), stringify(story));
      expect(() => prepareImport(join(dir, "s.yaml"), [join(dir, "f.yaml")])).not.toThrow();
    }
  });
});
