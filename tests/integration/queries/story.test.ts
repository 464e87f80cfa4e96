// Timeline, dossier, connection and parallels, asked of the real films.
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/connection.ts";
import { ACT_TYPES, NARRATIVE_ROLES, TIE_TYPES } from "../../../src/dataset/vocabulary.ts";
import { TYPE_LISTS } from "../../../src/queries/type-lists.ts";
import { HeistgraphError } from "../../../src/errors.ts";
import { cypherFile } from "../../../src/queries/cypher-file.ts";
import {
  connection,
  DEFAULT_MAX_LENGTH,
  HARD_MAX_LENGTH,
} from "../../../src/queries/connection/index.ts";
import { dossier } from "../../../src/queries/dossier/index.ts";
import {
  DEFAULT_FILM_LIMIT,
  MAX_FILM_LIMIT,
  parallels,
  type Parallel,
} from "../../../src/queries/parallels/index.ts";
import { runQuery } from "../../../src/queries/run-query.ts";
import { timeline } from "../../../src/queries/timeline/index.ts";
import { planOperators, withFilmsImported } from "../../helpers/neo4j.ts";

let db: Database;
beforeAll(async () => {
  db = await withFilmsImported();
});

describe("timeline", () => {
  it("tells Heat from the armored-car job to McCauley's death at the airport", async () => {
    const { film, events } = await timeline(db, "Heat");
    expect(film.id).toBe("heat");
    const seqs = events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);

    // The job is prepared (1), then the robbery itself (2), on the armored car in Los Angeles.
    expect(events[0]?.id).toBe("heat-armored-car-heist-prepared");
    const heist = events[1];
    expect(heist).toMatchObject({ seq: 2, id: "heat-armored-car-heist" });
    expect(heist?.place).toMatchObject({ name: "The armored car", within: ["Los Angeles"] });
    expect(heist?.participants).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: "heat-waingro", role: "kills a guard", isGroup: false }),
        expect.objectContaining({ id: "neil-mccauley", isGroup: false }),
        expect.objectContaining({ id: "heat-mccauley-crew", isGroup: true }),
      ]),
    );
    expect(heist?.acts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: "KILLED",
          byId: "heat-waingro",
          toId: "heat-armored-car-guard-1",
        }),
      ]),
    );
    expect(heist?.disagreements.map((d) => d.id)).toContain("heat-dis-guard-count");

    const last = events.at(-1);
    expect(last).toMatchObject({ id: "heat-airport-showdown", seq: 42 });
    expect(last?.place?.name).toBe("Los Angeles airport");
    expect(last?.participants.map((p) => p.name).sort()).toEqual([
      "Neil McCauley",
      "Vincent Hanna",
    ]);
    expect(last?.acts).toEqual([
      expect.objectContaining({ type: "KILLED", by: "Vincent Hanna", to: "Neil McCauley" }),
    ]);
    expect(last?.sources).toEqual(["heat-fr:20", "heat-de:12"]);
    // Every event and every participation cites its sources.
    for (const e of events) {
      expect(e.sources.length).toBeGreaterThan(0);
      for (const p of e.participants) expect(p.sources.length).toBeGreaterThan(0);
    }
  });

  it("shows a range of seqs, with enclosing places and acts whose doer is a group", async () => {
    const { events } = await timeline(db, "city on fire", { from: 27, to: "32" });
    expect(events.map((e) => e.seq)).toEqual([27, 28, 29, 30, 31, 32]);
    // The gang leaves Bill behind: the group is not listed as a participant, Bill is.
    expect(events[0]?.acts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: "ABANDONED", byId: "cof-gang", toId: "bill" }),
      ]),
    );
    const siege = events.find((e) => e.id === "cof-harbour-siege");
    expect(siege?.place).toMatchObject({ name: "Harbour hideout", within: ["Harbour area"] });
    expect(siege?.acts.filter((a) => a.type === "KILLED").map((a) => [a.by, a.to])).toEqual(
      expect.arrayContaining([
        ["Ko Chow", "Gang leader"],
        ["Fu", "Gang leader"],
        ["Gang leader", "Bony"],
        ["The police", "Big Song"],
      ]),
    );
  });

  it("answers an unknown film with the films there are", async () => {
    await expect(timeline(db, "Point Break")).rejects.toThrow(HeistgraphError);
    await expect(timeline(db, "Point Break")).rejects.toThrow(
      /Unknown film "Point Break"[\s\S]*heat \(Heat\)/,
    );
    await expect(timeline(db, "Heet")).rejects.toThrow(/did you mean "heat"/);
  });

  it("rejects a bad seq range", async () => {
    await expect(timeline(db, "heat", { from: 0 })).rejects.toThrow(
      /from must be a whole number from 1 to/,
    );
    await expect(timeline(db, "heat", { to: "last" })).rejects.toThrow(/to must be a whole number/);
    await expect(timeline(db, "heat", { from: 10, to: 5 })).rejects.toThrow(
      /from \(10\) comes after to \(5\)/,
    );
  });
});

describe("dossier", () => {
  it("holds Ko Chow's covert loyalties, who knows them, and their sources", async () => {
    const d = await dossier(db, "Ko Chow");
    expect(d.character).toMatchObject({
      id: "ko-chow",
      role: "undercover-officer",
      fate: "killed",
      aliases: ["Chow"],
      filmTitle: "City on Fire",
    });
    // Covert loyalties come first.
    const covert = d.loyalties.filter((l) => l.covert);
    expect(d.loyalties.slice(0, covert.length)).toEqual(covert);
    expect(covert.map((l) => l.toId).sort()).toEqual(["cof-police", "inspector-lau"]);
    const police = covert.find((l) => l.toId === "cof-police");
    expect(police).toMatchObject({ kind: "duty", since: 3, until: 34, toIsGroup: true });
    expect(police?.sources).toContain("city-on-fire-fr:1");
    expect(police?.knownBy).toEqual([
      {
        id: "inspector-lau",
        name: "Inspector Lau",
        since: null,
        sources: ["city-on-fire-fr:1", "city-on-fire-fr:7", "city-on-fire-fr:9"],
      },
      { id: "fu", name: "Fu", since: 33, sources: ["city-on-fire-fr:16"] },
    ]);
    // His cover with the gang is openly shown, so not covert.
    expect(d.loyalties.find((l) => l.toId === "cof-gang")).toMatchObject({
      kind: "cover",
      covert: false,
      knownBy: [],
    });
  });

  it("lists what Ko Chow does and suffers, his ties, groups and events, all cited", async () => {
    const d = await dossier(db, "chow");
    expect(d.actsDone).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: "SAVED", otherId: "fu", seq: 28 }),
        expect.objectContaining({
          type: "KILLED",
          otherId: "cof-gang-leader",
          seq: 32,
          event: "Siege of the harbour hideout",
        }),
      ]),
    );
    expect(d.actsSuffered).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: "ORDERED", otherId: "inspector-lau", seq: 3 }),
        expect.objectContaining({ type: "KILLED", otherId: "cof-police", otherIsGroup: true }),
      ]),
    );
    expect(d.ties).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: "FRIEND_OF", direction: "out", otherId: "fu" }),
        expect.objectContaining({ type: "SUPERIOR_OF", direction: "in", otherId: "inspector-lau" }),
      ]),
    );
    expect(d.groups.map((g) => g.groupId)).toEqual(["cof-police", "cof-gang"]);
    expect(d.loyalFrom.map((l) => l.fromId)).toEqual(expect.arrayContaining(["fu", "hung"]));
    const seqs = d.events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(d.events.at(-1)).toMatchObject({ eventId: "cof-fu-arrest-chow-death", role: "dies" });

    const facts = [
      d.character,
      ...d.groups,
      ...d.loyalties,
      ...d.loyalties.flatMap((l) => l.knownBy),
      ...d.loyalFrom,
      ...d.secretsKnown,
      ...d.actsDone,
      ...d.actsSuffered,
      ...d.ties,
      ...d.events,
      ...d.disagreements,
    ];
    for (const fact of facts) expect(fact.sources.length).toBeGreaterThan(0);
  });

  it("gives the secrets a character knows and the disagreements about them", async () => {
    const hanna = await dossier(db, "Vincent Hanna");
    expect(hanna.secretsKnown).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          ofId: "neil-mccauley",
          loyalToId: "heat-mccauley-crew",
          loyalTo: "McCauley's crew",
          since: 12,
        }),
      ]),
    );
    const charlene = await dossier(db, "charlene");
    expect(charlene.disagreements.map((x) => x.id)).toContain("heat-dis-motel-demand");
    expect(charlene.disagreements[0]?.accounts.length).toBeGreaterThanOrEqual(2);
    const neil = await dossier(db, "McCauley");
    expect(neil.events.at(-1)?.disputed).toEqual(["How Hanna shoots McCauley"]);
  });

  it("finds a character by alias, ignoring case and accents", async () => {
    const d = await dossier(db, "MICHAEL CHÉRITTO");
    expect(d.character.id).toBe("michael-cheritto");
    expect((await dossier(db, "slick")).character.id).toBe("michael-cheritto");
  });

  it("answers an unknown name with the closest matches, an unknown film clearly", async () => {
    await expect(dossier(db, "Ko Chw")).rejects.toThrow(
      /No character called "Ko Chw"[\s\S]*closest: Ko Chow \(city-on-fire\)/,
    );
    await expect(dossier(db, "Fu", { film: "Heist" })).rejects.toThrow(/Unknown film "Heist"/);
  });
});

describe("connection", () => {
  it("links Vincent Hanna to Waingro directly", async () => {
    const c = await connection(db, "Vincent Hanna", "waingro");
    expect(c).toMatchObject({ length: 1, maxLength: DEFAULT_MAX_LENGTH });
    expect(c.routes).toHaveLength(1);
    const [step] = c.routes[0]?.steps ?? [];
    expect(step).toMatchObject({ fromId: "vincent-hanna", toId: "heat-waingro" });
    expect(step?.relationships).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: "SUSPECTED",
          direction: "forward",
          seq: 13,
          sources: ["heat-fr:8"],
        }),
        expect.objectContaining({ type: "KNOWS_SECRET_OF", direction: "forward" }),
      ]),
    );
  });

  it("links Fu to Inspector Lau through Ko Chow and through the police", async () => {
    const c = await connection(db, "Fu", "Lau");
    expect(c.length).toBe(2);
    expect(c.routes.map((r) => r.nodes.map((n) => n.name))).toEqual([
      ["Fu", "Ko Chow", "Inspector Lau"],
      ["Fu", "The police", "Inspector Lau"],
    ]);
    const [viaChow, viaPolice] = c.routes;
    expect(viaPolice?.nodes[1]).toMatchObject({ id: "cof-police", isGroup: true });
    // Chow's side of the route: Lau gives the orders, Chow's duty to Lau is covert.
    const chowLau = viaChow?.steps[1]?.relationships ?? [];
    expect(chowLau.filter((r) => r.type === "ORDERED").map((r) => [r.direction, r.seq])).toEqual([
      ["backward", 3],
      ["backward", 7],
      ["backward", 13],
    ]);
    expect(chowLau).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: "LOYAL_TO",
          direction: "forward",
          covert: true,
          detail: "duty",
        }),
      ]),
    );
    expect(viaChow?.strength).toBeGreaterThan(viaPolice?.strength ?? Infinity);
    // Only the narrative relationships are followed.
    const followed = new Set<string>([
      ...ACT_TYPES,
      ...TIE_TYPES,
      "LOYAL_TO",
      "KNOWS_SECRET_OF",
      "MEMBER_OF",
    ]);
    for (const route of c.routes) {
      for (const step of route.steps) {
        for (const r of step.relationships) {
          expect(followed.has(r.type)).toBe(true);
          expect(r.sources.length).toBeGreaterThan(0);
        }
      }
    }
  });

  it("keeps to the length bound", async () => {
    const far = await connection(db, "Lillian", "Lauren Gustafson");
    expect(far.length).toBe(4);
    // Lillian's fiancé Breedan drives for McCauley, whom Hanna hunts; Lauren is Hanna's stepdaughter.
    expect(far.routes[0]?.nodes.map((n) => n.name)).toEqual([
      "Lillian",
      "Donald Breedan",
      "Neil McCauley",
      "Vincent Hanna",
      "Lauren Gustafson",
    ]);
    expect(far.routes.map((r) => r.nodes[2]?.name)).toContain("McCauley's crew");
    const near = await connection(db, "Lillian", "Lauren Gustafson", { maxLength: 3 });
    expect(near).toMatchObject({ maxLength: 3, length: null, routes: [] });
    expect((await connection(db, "Fu", "Lau", { maxLength: "1" })).routes).toEqual([]);
  });

  it("finds nothing across films and refuses one character twice", async () => {
    const c = await connection(db, "Vincent Hanna", "John Chan");
    expect(c.from.film).toBe("heat");
    expect(c.to.film).toBe("city-on-fire");
    expect(c.routes).toEqual([]);
    await expect(connection(db, "Chow", "Ko Chow")).rejects.toThrow(/the same character, Ko Chow/);
  });

  it.each([0, 99, 2.5, "six", "4; MATCH (n) DETACH DELETE n"])(
    "rejects max length %j",
    async (maxLength) => {
      await expect(connection(db, "Fu", "Lau", { maxLength })).rejects.toThrow(
        new RegExp(`maxLength must be a whole number from 1 to ${HARD_MAX_LENGTH}`),
      );
    },
  );

  it("answers unknown names with the closest matches", async () => {
    await expect(connection(db, "Wangro", "Hanna")).rejects.toThrow(
      /No character called "Wangro"[\s\S]*closest: Waingro \(heat\)/,
    );
    await expect(connection(db, "Hanna", "Neil McColley")).rejects.toThrow(
      /closest: Neil McCauley \(heat\)/,
    );
  });

  it("refuses a bound outside 1 to the hard limit before asking", async () => {
    await expect(
      connection(db, "Fu", "Inspector Lau", { maxLength: HARD_MAX_LENGTH + 1 }),
    ).rejects.toThrow(HeistgraphError);
  });
});

describe("parallels", () => {
  it("pairs characters of different films by narrative role", async () => {
    const { role, parallels: all } = await parallels(db);
    expect(role).toBeNull();
    const roles = all.map((p) => p.role);
    expect(roles).toEqual([...roles].sort());
    for (const p of all) {
      expect(NARRATIVE_ROLES).toContain(p.role);
      const films = p.films.map((f) => f.film);
      expect(new Set(films).size).toBe(films.length);
      expect(films.length).toBeGreaterThanOrEqual(2);
    }
    const investigators = all.find((p) => p.role === "lead-investigator");
    expect(investigators?.films.map((f) => [f.title, f.characters.map((c) => c.name)])).toEqual([
      ["City on Fire", ["John Chan"]],
      ["Heat", ["Vincent Hanna"]],
    ]);
    // The robbery bosses lead a crew: McCauley, City on Fire's unnamed leader, and Joe Cabot,
    // whose story word "boss" is declared like crew-leader.
    const leaders = all.find((p) => p.role === "crew-leader");
    expect(leaders?.films.map((f) => [f.title, f.characters.map((c) => c.name)])).toEqual([
      ["City on Fire", ["Gang leader"]],
      ["Heat", ["Neil McCauley"]],
      ["Reservoir Dogs", ["Joe Cabot"]],
    ]);
    // Heat has no undercover officer; Reservoir Dogs took Ko Chow's part for Mr. Orange.
    const moles = all.find((p) => p.role === "undercover-officer");
    expect(moles?.films.map((f) => [f.film, f.characters.map((c) => c.name)])).toEqual([
      ["city-on-fire", ["Ko Chow", "Chan Kam-wah"]],
      ["reservoir-dogs", ["Mr. Orange"]],
    ]);
    // The gangster each undercover officer deceives is the one his story says most about.
    const gangsters = all.find((p) => p.role === "crew-member");
    const first = (film: string) =>
      gangsters?.films.find((f) => f.film === film)?.characters[0]?.name;
    expect([first("city-on-fire"), first("reservoir-dogs")]).toEqual(["Fu", "Mr. White"]);
  });

  it("answers for one role, typed loosely", async () => {
    const result = await parallels(db, { role: "Love Interest" });
    expect(result.role).toBe("love-interest");
    expect(result.parallels).toHaveLength(1);
    expect(result.parallels[0]?.films.find((f) => f.film === "heat")?.characters).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: "heat-eady", fate: "alive" })]),
    );
    expect((await parallels(db, { role: "recruit" })).parallels).toEqual([]);
  });

  it("compares by parallelRole, skips characters without a role, bounds each film", async () => {
    const write = (cypher: string) => db.driver.executeQuery(cypher, {}, { database: db.database });
    await write("MATCH (c:Character {id: 'heat-waingro'}) SET c.parallelRole = 'crew-leader'");
    await write("MATCH (c:Character {id: 'fu'}) REMOVE c.role, c.parallelRole");
    try {
      const leaders = (await parallels(db, { role: "crew-leader" })).parallels[0];
      const heat = leaders?.films.find((f) => f.film === "heat");
      expect(heat?.characters.map((c) => c.id).sort()).toEqual(["heat-waingro", "neil-mccauley"]);
      // Most acts first: McCauley kills three and is killed.
      expect(heat?.characters[0]?.id).toBe("neil-mccauley");
      const all = await parallels(db);
      const ids = all.parallels.flatMap((p) =>
        p.films.flatMap((f) => f.characters.map((c) => c.id)),
      );
      expect(ids).not.toContain("fu");
      const bounded = await runQuery<Parallel>(db, "parallels", {
        role: null,
        perFilm: 1,
        limit: 10,
      });
      for (const p of bounded) {
        for (const f of p.films) {
          expect(f.characters.length).toBe(1);
          expect(f.total).toBeGreaterThanOrEqual(1);
        }
      }
      expect(bounded.some((p) => p.films.some((f) => f.total > 1))).toBe(true);
    } finally {
      await write("MATCH (c:Character {id: 'heat-waingro'}) SET c.parallelRole = c.role");
      await write(
        "MATCH (c:Character {id: 'fu'}) SET c.role = 'crew-member', c.parallelRole = 'crew-member'",
      );
    }
  });

  it("lists at most `limit` films per role and says when there were more", async () => {
    const full = await parallels(db, { role: "lead-investigator" });
    expect(full).toMatchObject({ limit: DEFAULT_FILM_LIMIT, truncated: false });
    expect(full.parallels[0]?.truncated).toBe(false);
    // A limit of one film cannot show a parallel, but still says there was one.
    const cut = await runQuery<Parallel>(db, "parallels", {
      role: "lead-investigator",
      perFilm: 10,
      limit: 1,
    });
    expect(cut).toEqual([expect.objectContaining({ role: "lead-investigator", truncated: true })]);
    expect(cut[0]?.films.map((f) => f.film)).toEqual(["city-on-fire"]);
    await expect(parallels(db, { limit: 0 })).rejects.toThrow(/limit must be a whole number/);
    await expect(parallels(db, { limit: MAX_FILM_LIMIT + 1 })).rejects.toThrow(
      /limit must be a whole number from 1 to 1000/,
    );
  });

  it("answers an unknown role with the valid ones and the closest", async () => {
    await expect(parallels(db, { role: "crew boss" })).rejects.toThrow(
      /Unknown narrative role "crew boss"[\s\S]*one of: crew-leader, crew-member[\s\S]*did you mean "crew-leader" or "crew-member"\?/,
    );
    await expect(parallels(db, { role: "undercover" })).rejects.toThrow(
      /did you mean "undercover-officer"\?/,
    );
    await expect(parallels(db, { role: "finanseer" })).rejects.toThrow(
      /did you mean "financier"\?/,
    );
  });
});

describe("query files", () => {
  it("parallels.cypher lists the built-in roles of the vocabulary", () => {
    const roles = NARRATIVE_ROLES.map((r) => `'${r}'`).join(", ");
    expect(cypherFile("parallels").cypher.replace(/\s+/g, " ")).toContain(`[${roles}]`);
  });

  it("follow every act and tie type of the vocabulary (lists written by npm run generate)", () => {
    const list = (name: string) => TYPE_LISTS[name]?.join("|") ?? "";
    expect(cypherFile("timeline").cypher).toContain(`[r:${list("act types")}]`);
    expect(cypherFile("dossier").cypher).toContain(`[r:${list("act types")}]`);
    expect(cypherFile("dossier").cypher).toContain(`[r:${list("tie types")}]`);
    expect(cypherFile("connection").cypher).toContain(
      `[:${list("followed types")}*1..${HARD_MAX_LENGTH}]`,
    );
    for (const type of [...ACT_TYPES, ...TIE_TYPES])
      expect(list("followed types").split("|")).toContain(type);
  });
});

describe("query plans", () => {
  const scans = ["AllNodesScan", "NodeByLabelScan"];

  it("timeline seeks the film's characters through an index and scans nothing", async () => {
    const operators = await planOperators(db, cypherFile("timeline").cypher, {
      film: "heat",
      from: null,
      to: null,
    });
    const seeks = operators.filter((o) => o.operator === "NodeIndexSeek");
    // Events are reached either through the Event(film, seq) index or by the acts' event ids
    // (a unique seek), as the planner prefers: both read only this film.
    expect(seeks.map((o) => o.details)).toEqual(
      expect.arrayContaining([expect.stringMatching(/Character\(film\)/)]),
    );
    for (const scan of [...scans, "NodeIndexScan"]) {
      expect(operators.map((o) => o.operator)).not.toContain(scan);
    }
  });

  it.each([DEFAULT_MAX_LENGTH, 3])(
    "connection (max length %i) starts from both ids and bounds the search",
    async (maxLength) => {
      const operators = await planOperators(db, cypherFile("connection").cypher, {
        fromId: "fu",
        toId: "inspector-lau",
        maxLength,
      });
      const seeks = operators.filter((o) => o.operator === "NodeUniqueIndexSeek");
      expect(seeks.map((o) => o.details)).toEqual([
        expect.stringMatching(/Character\(id\) WHERE id = \$fromId/),
        expect.stringMatching(/Character\(id\) WHERE id = \$toId/),
      ]);
      const shortest = operators.find((o) => o.operator === "ShortestPath");
      expect(shortest?.details).toContain(`*..${HARD_MAX_LENGTH}]`);
      for (const scan of scans) expect(operators.map((o) => o.operator)).not.toContain(scan);
    },
  );

  it("dossier starts from the character's id", async () => {
    const operators = await planOperators(db, cypherFile("dossier").cypher, {
      characterId: "ko-chow",
      at: null,
    });
    expect(operators.map((o) => o.details)).toContainEqual(
      expect.stringMatching(/UNIQUE c:Character\(id\) WHERE id = \$characterId/),
    );
    for (const scan of [...scans, "NodeIndexScan"]) {
      expect(operators.map((o) => o.operator)).not.toContain(scan);
    }
  });

  it.each([null, "crew-leader"])(
    "parallels (role %s) seeks the role's films and holders in the index, and reads no more",
    async (role) => {
      const operators = await planOperators(db, cypherFile("parallels").cypher, {
        role,
        perFilm: 10,
        limit: 10,
      });
      const reads = operators.map((o) => `${o.operator} ${o.details}`);
      const seeks = reads.filter((r) => /Character\(parallelRole, film\)/.test(r));
      // A role's films, then each film's holders counted and ranked: three seeks, no scan.
      expect(seeks).toHaveLength(3);
      for (const seek of seeks) expect(seek).toMatch(/^NodeIndexSeek /);
      expect(reads).toContainEqual(expect.stringMatching(/^NodeUniqueIndexSeek .*Film\(id\)/));
      for (const scan of [...scans, "NodeIndexScan"]) {
        expect(operators.map((o) => o.operator)).not.toContain(scan);
      }
      // The films come in index order and the read stops after $limit + 1 of them (a Limit
      // over an OrderedDistinct straight on the seek), instead of sorting every holder.
      const films = reads.findIndex((r) => r.startsWith("OrderedDistinct "));
      expect(reads.slice(films - 1, films + 2)).toEqual([
        expect.stringMatching(/^Limit toInteger\(\$limit\) \+ 1$/),
        expect.stringMatching(/^OrderedDistinct /),
        expect.stringMatching(/^NodeIndexSeek .* film IS NOT NULL/),
      ]);
      // A film's holders: a top-$perFilm, not a sort; the only sorts are of the listed films
      // and of the roles.
      expect(reads).toContainEqual(
        expect.stringMatching(
          /^Top acts DESC, `c.name` ASC, `c.id` ASC LIMIT toInteger\(\$perFilm\)$/,
        ),
      );
      const sorts = operators.filter((o) => o.operator === "Sort").map((o) => o.details);
      for (const sort of sorts) expect(sort).toMatch(/^(`film.id`|role) ASC$/);
    },
  );
});
