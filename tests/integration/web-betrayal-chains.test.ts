// The network page's betrayal chains of one character (GET /api/betrayal-chains): on a
// generated film with far more chains than the limit, a character whose chains all lie
// outside the film's 25 most relevant still gets them, as the reference says.
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/connection.ts";
import { DEFAULT_CHAIN_LIMIT, filmBetrayalChains } from "../../src/queries/betrayals/index.ts";
import { characterBetrayalChains } from "../../src/web/network-route.ts";
import {
  referenceBetrayalChains,
  type ReferenceBetrayalChain,
} from "../helpers/betrayal-reference.ts";
import { fanOutFilm } from "../helpers/fan-out-film.ts";
import { testDatabase } from "../helpers/neo4j.ts";
import { importStory } from "../helpers/story-arbitrary.ts";

const film = fanOutFilm({ id: "web", traitors: 30, betrayals: 120, groups: 4, events: 60 });
/** What the page asks for: time-respecting chains of the default depth. */
const question = { maxDepth: 4, timeRespecting: true };

/** The reference's rule: the character betrays, is betrayed, or is in the betrayed group. */
const involves = (chain: ReferenceBetrayalChain, id: string) =>
  chain.steps.some((s) => s.traitorId === id || s.betrayedId === id || s.memberIds.includes(id));

const brief = (c: { steps: { traitorId: string; betrayedId: string; seq: number }[] }) =>
  c.steps.map((s) => `${s.traitorId}>${s.betrayedId}@${s.seq}`).join(" ");

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
  await importStory(db, film);
});

describe("a character's betrayal chains", () => {
  const all = referenceBetrayalChains(film, null, question);
  const top = all.slice(0, DEFAULT_CHAIN_LIMIT);
  // Characters in some chain, but in none of the film's most relevant ones.
  const outside = film.characters
    .map((c) => c.id)
    .filter((id) => all.some((c) => involves(c, id)) && !top.some((c) => involves(c, id)));

  it("are found beyond the film's most relevant chains", async () => {
    expect(all.length).toBeGreaterThan(DEFAULT_CHAIN_LIMIT);
    expect(outside.length).toBeGreaterThan(0);
    const film25 = await filmBetrayalChains(db, "web", question);
    expect(film25.truncated).toBe(true);
    for (const id of outside.slice(0, 3)) {
      const expected = all.filter((c) => involves(c, id));
      const answer = await characterBetrayalChains(db, id);
      expect(answer.character.id).toBe(id);
      expect(answer.chains.map(brief)).toEqual(expected.slice(0, DEFAULT_CHAIN_LIMIT).map(brief));
      expect(answer.truncated).toBe(expected.length > DEFAULT_CHAIN_LIMIT);
      expect(answer.chains.length).toBeGreaterThan(0);
    }
  });

  it("of the busiest character say when there are more than shown", async () => {
    const busiest = film.characters
      .map((c) => ({ id: c.id, n: all.filter((chain) => involves(chain, c.id)).length }))
      .sort((a, b) => b.n - a.n || (a.id < b.id ? -1 : 1))[0];
    expect(busiest && busiest.n).toBeGreaterThan(DEFAULT_CHAIN_LIMIT);
    const answer = await characterBetrayalChains(db, busiest?.id ?? "");
    const expected = all.filter((c) => involves(c, busiest?.id ?? ""));
    expect(answer.chains.map(brief)).toEqual(expected.slice(0, DEFAULT_CHAIN_LIMIT).map(brief));
    expect(answer.truncated).toBe(true);
  });

  it("answer an unknown id clearly", async () => {
    await expect(characterBetrayalChains(db, "web-nobody")).rejects.toThrow(
      'No character has the id "web-nobody".',
    );
  });
});
