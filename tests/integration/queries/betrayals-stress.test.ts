// Stress: betrayal chains on a generated high fan-out film (256 betrayals among 35 traitors,
// five groups whose members come and go). The questions answer within a small bound, keep
// only $limit chains, and their first chains equal the TypeScript reference's.
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/connection.ts";
import { betrayalChains, filmBetrayalChains } from "../../../src/queries/betrayals/index.ts";
import { referenceBetrayalChains } from "../../helpers/betrayal-reference.ts";
import { fanOutFilm } from "../../helpers/fan-out-film.ts";
import { testDatabase } from "../../helpers/neo4j.ts";
import { importStory } from "../../helpers/story-arbitrary.ts";

const film = fanOutFilm({ id: "fan", traitors: 35, betrayals: 256, groups: 5, events: 100 });
/** Generous: the machine running the tests may be shared; the old queries failed outright. */
const BOUND_MS = 30_000;

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
  await importStory(db, film);
});

const brief = (c: {
  steps: { traitorId: string; betrayedId: string; seq: number }[];
  truncated: boolean;
}) => `${c.steps.map((s) => `${s.traitorId}>${s.betrayedId}@${s.seq}`).join(" ")} ${c.truncated}`;

async function within<T>(question: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const answer = await question();
  expect(performance.now() - start).toBeLessThan(BOUND_MS);
  return answer;
}

describe("a high fan-out film", () => {
  it.each([
    { maxDepth: 8, timeRespecting: true },
    { maxDepth: 4, timeRespecting: false },
  ])(
    "answers the film-wide question within the bound (%o)",
    async (question) => {
      const answer = await within(() => filmBetrayalChains(db, "fan", { ...question, limit: 20 }));
      const expected = referenceBetrayalChains(film, null, question);
      expect(expected.length).toBeGreaterThan(20);
      expect(answer.chains.map(brief)).toEqual(expected.slice(0, 20).map(brief));
      expect(answer.truncated).toBe(true);
    },
    120_000,
  );

  it.each([
    { maxDepth: 8, timeRespecting: true },
    { maxDepth: 4, timeRespecting: false },
  ])(
    "answers from the busiest traitors within the bound (%o)",
    async (question) => {
      const busiest = film.characters
        .map((c) => ({ c, n: film.acts.filter((a) => a.by === c.id).length }))
        .sort((a, b) => b.n - a.n || a.c.id.localeCompare(b.c.id))
        .slice(0, 3);
      for (const { c } of busiest) {
        const answer = await within(() => betrayalChains(db, c.name, { ...question, film: "fan" }));
        const expected = referenceBetrayalChains(film, c.id, question);
        expect(answer.chains.map(brief)).toEqual(expected.slice(0, 25).map(brief));
        expect(answer.truncated).toBe(expected.length > 25);
      }
    },
    120_000,
  );
});
