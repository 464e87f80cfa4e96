// Betrayal chains, asked of the real films.
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/connection.ts";
import { HeistgraphError } from "../../../src/errors.ts";
import {
  betrayalChains,
  DEFAULT_BETRAYAL_DEPTH,
  DEFAULT_CHAIN_LIMIT,
  filmBetrayalChains,
  MAX_BETRAYAL_DEPTH,
  type BetrayalChain,
} from "../../../src/queries/betrayals/index.ts";
import { cypherFile } from "../../../src/queries/cypher-file.ts";
import { planOperators, withFilmsImported } from "../../helpers/neo4j.ts";

let db: Database;
beforeAll(async () => {
  db = await withFilmsImported();
});

/** A chain as "traitor > betrayed @seq" strings, with "(via group)" when reached through one. */
const brief = (chain: BetrayalChain) =>
  chain.steps.map(
    (s) =>
      `${s.traitorId}${s.viaGroupId ? ` (via ${s.viaGroupId})` : ""} > ${s.betrayedId} @${s.seq}`,
  );

/** The betrayals of a chain, to compare chains with each other. */
const acts = (chain: BetrayalChain) =>
  chain.steps.map((s) => `${s.traitorId}>${s.betrayedId}@${s.seq}`);

/** True when `part` is a contiguous run of `whole` (as a prefix, suffix or in the middle). */
function isPartOf(part: string[], whole: string[]): boolean {
  if (part.length >= whole.length) return false;
  for (let i = 0; i + part.length <= whole.length; i++) {
    if (part.every((a, j) => whole[i + j] === a)) return true;
  }
  return false;
}

/** True when `part` is the beginning of the longer `whole`. */
const isPrefixOf = (part: string[], whole: string[]) =>
  part.length < whole.length && part.every((a, j) => whole[j] === a);

describe("betrayalChains", () => {
  it("follows story time unless asked not to", async () => {
    const { timeRespecting, chains } = await betrayalChains(db, "Ko Chow");
    expect(timeRespecting).toBe(true);
    for (const chain of chains) {
      const seqs = chain.steps.map((s) => s.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(seqs).size).toBe(seqs.length);
    }
  });

  it("follows Waingro's betrayal of the crew to the members who betrayed in turn", async () => {
    const { from, maxDepth, timeRespecting, chains } = await betrayalChains(db, "Waingro", {
      timeRespecting: false,
    });
    expect(from.id).toBe("heat-waingro");
    expect(maxDepth).toBe(DEFAULT_BETRAYAL_DEPTH);
    expect(timeRespecting).toBe(false);
    expect(chains.map(brief)).toEqual([
      [
        "heat-waingro > heat-mccauley-crew @25",
        "heat-trejo (via heat-mccauley-crew) > heat-mccauley-crew @24",
        "donald-breedan (via heat-mccauley-crew) > heat-lillian @23",
      ],
      [
        "heat-waingro > heat-mccauley-crew @25",
        "donald-breedan (via heat-mccauley-crew) > heat-lillian @23",
      ],
    ]);
    const [first, second, third] = chains[0]?.steps ?? [];
    expect(first).toMatchObject({
      traitor: "Waingro",
      betrayed: "McCauley's crew",
      betrayedIsGroup: true,
      viaGroup: null,
      event: "heat-bank-robbery",
      coerced: false,
      coercedBy: null,
    });
    expect(first?.sources).toContain("heat-fr:15");
    // Trejo gave the job away under Waingro's torture.
    expect(second).toMatchObject({
      traitor: "Trejo",
      viaGroup: "McCauley's crew",
      coerced: true,
      coercedBy: "Waingro",
      coercedById: "heat-waingro",
    });
    expect(third).toMatchObject({ traitor: "Donald Breedan", betrayed: "Lillian", members: [] });
    expect(chains.every((c) => !c.truncated)).toBe(true);
  });

  it("counts a betrayed group's members at that moment, not the traitor", async () => {
    const { chains } = await betrayalChains(db, "Waingro", { timeRespecting: false });
    // At seq 25 the crew is McCauley, Chris, Cheritto (until 27), Trejo (until 29) and
    // Breedan (23 to 26); Waingro himself left it at seq 4.
    expect(chains[0]?.steps[0]?.members.map((m) => m.id)).toEqual([
      "chris-shiherlis",
      "donald-breedan",
      "michael-cheritto",
      "neil-mccauley",
      "heat-trejo",
    ]);
    // Trejo's own betrayal of the crew (seq 24) reaches the others, not Trejo.
    expect(chains[0]?.steps[1]?.members.map((m) => m.id)).not.toContain("heat-trejo");
    expect(chains[0]?.steps[1]?.members.map((m) => m.id)).toContain("donald-breedan");
  });

  it("goes on through a group only from who was openly in it then", async () => {
    // Chow joined the gang at seq 16: his betrayal of the gang at 6 (the gun offer) does not
    // reach himself, but Bony, who betrayed the gang at 32.
    const { chains } = await betrayalChains(db, "Ko Chow", { timeRespecting: true });
    expect(chains.map(brief)).toEqual([
      ["ko-chow > cof-gang @6", "bony (via cof-gang) > cof-gang @32"],
      ["ko-chow > cof-gang @21", "bony (via cof-gang) > cof-gang @32"],
      ["ko-chow > cof-betrayed-friend @1"],
      ["ko-chow > fu @22"],
    ]);
    const gunOffer = chains[0]?.steps[0]?.members.map((m) => m.id);
    expect(gunOffer).toContain("bony");
    expect(gunOffer).not.toContain("ko-chow");
    // Joe was killed at 27: not in the gang Bony deserted at 32; Bony is the traitor; Chow
    // was in it under cover (a covert membership), so the desertion is no betrayal of his.
    const desertion = chains[0]?.steps[1]?.members.map((m) => m.id);
    expect(desertion).toEqual(["big-song", "bill", "fu", "cof-gang-leader"]);
    expect(desertion).not.toContain("ko-chow");
    expect(desertion).not.toContain("joe");
    expect(desertion).not.toContain("bony");
  });

  it("with timeRespecting follows only betrayals later in the story", async () => {
    // Trejo (24) and Breedan (23) betrayed before Waingro did (25): only his own remains.
    const { chains, timeRespecting } = await betrayalChains(db, "waingro", {
      timeRespecting: true,
    });
    expect(timeRespecting).toBe(true);
    expect(chains.map(brief)).toEqual([["heat-waingro > heat-mccauley-crew @25"]]);
  });

  it("does not go on from a group's covert members, in any order", async () => {
    // Bony's desertion (32) reaches the gang's open members only; Chow, in it under cover,
    // betrayed the gang before, but that is not a betrayal following Bony's.
    for (const timeRespecting of [false, true]) {
      const bony = await betrayalChains(db, "Bony", { timeRespecting });
      expect(bony.chains.map(brief)).toEqual([["bony > cof-gang @32"]]);
    }
  });

  it("lists only chains that are not the beginning of another, longest first", async () => {
    const { chains } = await betrayalChains(db, "Ko Chow", { timeRespecting: false });
    const lengths = chains.map((c) => c.steps.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
    for (const chain of chains) {
      const own = acts(chain);
      expect(new Set(own).size).toBe(own.length);
      for (const other of chains) expect(isPrefixOf(own, acts(other))).toBe(false);
    }
    expect(chains.map(brief)).toContainEqual(["ko-chow > fu @22"]);
    // "Chow → gang @6" alone is only the beginning of a longer chain.
    expect(chains.map(brief)).not.toContainEqual(["ko-chow > cof-gang @6"]);
  });

  it("stops at maxDepth and says the chain goes on", async () => {
    const { chains } = await betrayalChains(db, "Waingro", { maxDepth: 1, timeRespecting: false });
    expect(chains.map(brief)).toEqual([["heat-waingro > heat-mccauley-crew @25"]]);
    expect(chains[0]?.truncated).toBe(true);
    const two = await betrayalChains(db, "Waingro", { maxDepth: 2, timeRespecting: false });
    // Same length: in story order of the steps (Breedan's betrayal, 23, before Trejo's, 24).
    expect(two.chains.map((c) => [brief(c).at(-1), c.truncated])).toEqual([
      ["donald-breedan (via heat-mccauley-crew) > heat-lillian @23", false],
      ["heat-trejo (via heat-mccauley-crew) > heat-mccauley-crew @24", true], // goes on to Breedan
    ]);
    expect(two.truncated).toBe(false);
    const max = await betrayalChains(db, "Ko Chow", {
      maxDepth: MAX_BETRAYAL_DEPTH,
      timeRespecting: false,
    });
    expect(max.maxDepth).toBe(8);
    expect(max.chains.every((c) => c.steps.length <= MAX_BETRAYAL_DEPTH)).toBe(true);
  });

  it("finds a character by alias, ignoring case and accents, and says when they betrayed nobody", async () => {
    const { from, chains } = await betrayalChains(db, "CHÉRRITO", { timeRespecting: false });
    expect(from.id).toBe("michael-cheritto");
    expect(chains).toEqual([]);
  });

  it.each([0, 99, "abc", 2.5])("refuses maxDepth %j", async (maxDepth) => {
    const attempt = betrayalChains(db, "Waingro", {
      maxDepth: maxDepth as number,
      timeRespecting: false,
    });
    await expect(attempt).rejects.toThrow(HeistgraphError);
    await expect(betrayalChains(db, "Waingro", { maxDepth: maxDepth as number })).rejects.toThrow(
      /maxDepth must be a whole number from 1 to 8/,
    );
    await expect(filmBetrayalChains(db, "heat", { maxDepth: maxDepth as number })).rejects.toThrow(
      /maxDepth must be a whole number from 1 to 8/,
    );
  });

  it("answers an unknown name with the closest matches", async () => {
    await expect(betrayalChains(db, "Waingr")).rejects.toThrow(
      /No character or group called "Waingr"[\s\S]*closest: Waingro \(heat\)/,
    );
  });

  it("answers an unknown film clearly", async () => {
    await expect(betrayalChains(db, "Bony", { film: "Point Break" })).rejects.toThrow(
      /Unknown film "Point Break"/,
    );
  });
});

describe("filmBetrayalChains", () => {
  it("lists Heat's chains without the ones that are part of longer chains", async () => {
    const { film, chains } = await filmBetrayalChains(db, "Heat", { timeRespecting: false });
    expect(film.id).toBe("heat");
    expect(chains.map(brief)[0]).toEqual([
      "heat-waingro > heat-mccauley-crew @25",
      "heat-trejo (via heat-mccauley-crew) > heat-mccauley-crew @24",
      "donald-breedan (via heat-mccauley-crew) > heat-lillian @23",
    ]);
    // Charlene's betrayals come after Alan's betrayal of her, so they are not listed alone.
    expect(chains.map(brief)).toContainEqual([
      "alan-marciano > charlene-shiherlis @17",
      "charlene-shiherlis > chris-shiherlis @31",
    ]);
    expect(chains.map(brief)).not.toContainEqual(["charlene-shiherlis > chris-shiherlis @31"]);
    expect(chains.map(brief)).toContainEqual(["heat-justine > vincent-hanna @36"]);
    for (const chain of chains) {
      for (const other of chains) expect(isPartOf(acts(chain), acts(other))).toBe(false);
    }
    const lengths = chains.map((c) => c.steps.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
  });

  it("with timeRespecting splits chains that go back in time", async () => {
    const { chains } = await filmBetrayalChains(db, "heat", { timeRespecting: true });
    const all = chains.map(brief);
    // The affair (9) came before Alan's betrayal of Charlene (17): a chain of its own.
    expect(all).toContainEqual(["charlene-shiherlis > chris-shiherlis @9"]);
    expect(all).toContainEqual([
      "alan-marciano > charlene-shiherlis @17",
      "charlene-shiherlis > chris-shiherlis @31",
    ]);
    expect(all).toContainEqual(["heat-waingro > heat-mccauley-crew @25"]);
    expect(all).toContainEqual(["heat-trejo > heat-mccauley-crew @24"]);
    for (const chain of chains) {
      const seqs = chain.steps.map((s) => s.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    }
  });

  it("starts City on Fire's chains with its infiltrators; Bony's desertion reaches neither", async () => {
    const { chains } = await filmBetrayalChains(db, "city on fire", { timeRespecting: false });
    expect(chains.map(brief)).toEqual([
      ["chan-kam-wah > cof-gang @2", "bony (via cof-gang) > cof-gang @32"],
      ["ko-chow > cof-gang @6", "bony (via cof-gang) > cof-gang @32"],
      ["ko-chow > cof-gang @21", "bony (via cof-gang) > cof-gang @32"],
      ["ko-chow > cof-betrayed-friend @1"],
      ["ko-chow > fu @22"],
    ]);
    // Chow's betrayals are not the end of a chain through the gang he was in under cover.
    expect(chains.some((c) => c.steps.some((s) => s.viaGroupId && s.traitorId === "ko-chow"))).toBe(
      false,
    );
    // Asked about Chow, only the chains he acts in: a betrayal of the gang is not one of his.
    const chow = await filmBetrayalChains(db, "city on fire", {
      timeRespecting: false,
      involving: "ko-chow",
    });
    expect(chow.chains.every((c) => c.steps.some((s) => s.traitorId === "ko-chow"))).toBe(true);
  });

  it("answers an unknown film with the closest one", async () => {
    await expect(filmBetrayalChains(db, "Heet")).rejects.toThrow(
      /Unknown film "Heet"[\s\S]*did you mean "heat"/,
    );
  });
});

describe("limits", () => {
  it("keeps the most relevant chains and says when some were left out", async () => {
    const all = await filmBetrayalChains(db, "heat", { timeRespecting: false });
    expect(all.limit).toBe(DEFAULT_CHAIN_LIMIT);
    expect(all.truncated).toBe(false);
    const two = await filmBetrayalChains(db, "heat", { limit: 2, timeRespecting: false });
    expect(two.chains).toEqual(all.chains.slice(0, 2));
    expect(two.truncated).toBe(true);
    const exact = await filmBetrayalChains(db, "heat", {
      limit: all.chains.length,
      timeRespecting: false,
    });
    expect(exact.truncated).toBe(false);
  });

  it.each([0, 1001, 2.5])("refuses limit %j", async (limit) => {
    await expect(betrayalChains(db, "Waingro", { limit })).rejects.toThrow(
      /limit must be a whole number from 1 to 1000/,
    );
  });
});

describe("query files and plans", () => {
  it("keeps Browser parameters in the files", () => {
    for (const name of ["betrayal-chains", "film-betrayal-chains"] as const) {
      const file = cypherFile(name);
      expect(file.params.maxDepth).toBe(String(DEFAULT_BETRAYAL_DEPTH));
      expect(file.params.timeRespecting).toBe("false");
      expect(file.params.limit).toBe(String(DEFAULT_CHAIN_LIMIT));
      // Every ORDER BY ends with ids or keys: the order is total.
      for (const order of file.cypher.match(/ORDER BY [^\n]*/g) ?? []) {
        expect(order).toMatch(/(\.id|Ids|\.key|keys|\bi)$/);
      }
    }
    expect(cypherFile("betrayal-chains").params.characterId).toBe("'heat-waingro'");
    expect(cypherFile("film-betrayal-chains").params.film).toBe("'heat'");
  });

  it.each([
    ["betrayal-chains", { characterId: "heat-waingro" }],
    ["film-betrayal-chains", { film: "heat" }],
  ] as const)(
    "%s starts from unique index seeks and expands one relationship at a time",
    async (name, params) => {
      const operators = await planOperators(db, cypherFile(name).cypher, {
        ...params,
        timeRespecting: true,
        maxDepth: MAX_BETRAYAL_DEPTH,
        limit: DEFAULT_CHAIN_LIMIT,
      });
      const names = operators.map((o) => o.operator);
      expect(names.filter((n) => /Scan/.test(n))).toEqual([]);
      expect(names.filter((n) => /Seek/.test(n)).length).toBeGreaterThan(0);
      expect(names.filter((n) => /Seek/.test(n) && n !== "NodeUniqueIndexSeek")).toEqual([]);
      // No variable-length or quantified path: the search grows chains one betrayal at a time.
      expect(names.filter((n) => /VarLength|Repeat|Trail|ShortestPath/.test(n))).toEqual([]);
    },
  );
});
