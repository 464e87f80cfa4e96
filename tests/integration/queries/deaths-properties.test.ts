// Property tests: on random stories (cycles of killers, suicides, several killers of one
// victim, deaths with no killer, acts by people who are not participants), the answers of
// death-by-whom, kills-by, the death ledger and the timeline equal an independent reference
// computed in TypeScript from the film object; on stories in the open format too, where a
// declared act word that countsAs KILLED is a killing, other declared words are ACTED_ON acts
// shown with their word, and events told out of order stay in story order. A fixed seed keeps
// runs repeatable; on a failure fast-check prints the seed and the shrunk story.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/connection.ts";
import {
  deathByWhom,
  type DeathChain,
  type Kill,
  type Death,
} from "../../../src/queries/deaths/index.ts";
import { runQuery } from "../../../src/queries/run-query.ts";
import { timeline } from "../../../src/queries/timeline/index.ts";
import { testDatabase } from "../../helpers/neo4j.ts";
import { importStory, storyArbitrary } from "../../helpers/story-arbitrary.ts";
import {
  referenceDeathByWhom,
  referenceDeathLedger,
  referenceKillsBy,
  referenceTimeline,
  type ReferenceChain,
} from "../../helpers/story-reference.ts";

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});

/** A chain as one comparable string, steps and ending. */
const chainKey = (c: ReferenceChain | DeathChain) =>
  `${c.steps.map((s) => `${s.victimId}<-${s.killerId}${s.killerIsGroup ? "(g)" : ""}@${s.event}:${s.seq}`).join(" ")} ${c.endsWith}`;

describe("on generated stories", () => {
  it.each([
    { format: "built-in words", openWords: false, seed: 4130 },
    { format: "the open format", openWords: true, seed: 4132 },
  ])(
    "death-by-whom, kills-by, the ledger and the timeline equal the reference ($format)",
    async ({ openWords, seed }) => {
      await fc.assert(
        fc.asyncProperty(storyArbitrary({ openWords }), async (story) => {
          await importStory(db, story);
          for (const c of story.characters) {
            const { victim, chains, killerUnnamed } = await deathByWhom(db, c.name, {
              film: story.film.id,
            });
            expect(victim.id).toBe(c.id);
            const expected = referenceDeathByWhom(story, c.id);
            expect(chains.map(chainKey).sort()).toEqual(expected.map(chainKey).sort());
            // Longest first.
            const sizes = chains.map((x) => x.steps.length);
            expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
            expect(killerUnnamed).toBe(
              expected.length === 0 && ["killed", "died"].includes(c.fate),
            );

            const kills = await runQuery<Kill>(db, "kills-by", { killerId: c.id });
            expect(
              kills.map((k) => ({ victimId: k.victimId, event: k.event, seq: k.seq })),
            ).toEqual(referenceKillsBy(story, c.id));
          }

          const ledger = await runQuery<Death>(db, "death-ledger", { film: story.film.id });
          expect(
            ledger.map((d) => ({
              seq: d.seq,
              victimId: d.victimId,
              killerId: d.killerId,
              event: d.event,
              certain: d.certain,
            })),
          ).toEqual(referenceDeathLedger(story));

          const { events } = await timeline(db, story.film.id);
          expect(
            events.map((e) => ({
              id: e.id,
              seq: e.seq,
              toldSeq: e.toldSeq,
              episode: e.episode,
              participants: e.participants.map((p) => p.id).sort(),
              acts: e.acts
                .map((a) => `${a.type}${a.act ? ` (${a.act})` : ""} ${a.byId}->${a.toId}`)
                .sort(),
            })),
          ).toEqual(referenceTimeline(story));
        }),
        { numRuns: 30, seed, endOnFailure: true },
      );
    },
    600_000,
  );
});
