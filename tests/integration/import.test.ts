// The importer against the real Neo4j: what it writes, that it writes it once, that the
// plain Cypher export builds the same graph, and that bad input writes nothing.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { InvalidDatasetError, type DatasetProblem } from "../../src/dataset/problems.ts";
import { exportCypher } from "../../src/import/cypher-export.ts";
import { IMPORT_FILE, IMPORT_HASH } from "../../src/import/film-store.ts";
import {
  DEFAULT_SOURCES_FILE,
  defaultFilmFiles,
  importDataset,
  prepareImport,
} from "../../src/import/run-import.ts";
import {
  missingSchemaStatements,
  schemaName,
  splitCypherScript,
} from "../../src/import/schema-statements.ts";
import { graphFingerprint } from "../helpers/graph-fingerprint.ts";
import { emptyGraph, testDatabase } from "../helpers/neo4j.ts";

async function graphCounts() {
  const db = await testDatabase();
  const labels = await db.driver.executeQuery(
    "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label",
    {},
    { database: db.database },
  );
  const types = await db.driver.executeQuery(
    "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type",
    {},
    { database: db.database },
  );
  return {
    nodes: Object.fromEntries(labels.records.map((r) => [r.get("label"), r.get("n").toNumber()])),
    relationships: Object.fromEntries(
      types.records.map((r) => [r.get("type"), r.get("n").toNumber()]),
    ),
  };
}

// Imports on a loaded 2-core machine can take longer than the default minute.
const SLOW = 180_000;

describe("heistgraph import", () => {
  beforeEach(async () => emptyGraph(await testDatabase()));

  it(
    "writes every film's nodes and relationships, as many as the dataset holds",
    async () => {
      const db = await testDatabase();
      const report = await importDataset(db, { wipe: true });
      const counts = await graphCounts();

      expect(counts.nodes).toEqual(report.planned.nodes);
      expect(counts.relationships).toEqual(report.planned.relationships);
      expect(counts.nodes.Film).toBe(3);
      // Heat's two summaries, City on Fire's, and the 14 pages Reservoir Dogs is written from.
      expect(counts.nodes.Source).toBe(17);
      expect(report.films.map((f) => f.id).sort()).toEqual([
        "city-on-fire",
        "heat",
        "reservoir-dogs",
      ]);
      for (const [label, n] of Object.entries(report.planned.nodes))
        expect(report.changes.nodes[label]).toEqual({ added: n, changed: 0, removed: 0 });
      for (const [type, n] of Object.entries(report.planned.relationships))
        expect(report.changes.relationships[type]).toEqual({ added: n, changed: 0, removed: 0 });
    },
    SLOW,
  );

  it(
    "is idempotent: a second import changes nothing and leaves the same graph",
    async () => {
      const db = await testDatabase();
      await importDataset(db);
      const before = await graphFingerprint(db);
      const second = await importDataset(db);
      expect(second.changes).toEqual({ nodes: {}, relationships: {} });
      expect(await graphFingerprint(db)).toEqual(before);
    },
    SLOW,
  );

  it(
    "creates the constraints and indexes the database lacks, and only those",
    async () => {
      const db = await testDatabase();
      await importDataset(db);
      expect(await missingSchemaStatements(db)).toEqual([]);
      await db.driver.executeQuery("DROP INDEX event_film", {}, { database: db.database });
      expect((await missingSchemaStatements(db)).map(schemaName)).toEqual(["event_film"]);
      await importDataset(db);
      expect(await missingSchemaStatements(db)).toEqual([]);
    },
    SLOW,
  );

  it(
    "--wipe replaces whatever the graph held, in the same transaction as the films",
    async () => {
      const db = await testDatabase();
      await db.driver.executeQuery(
        "CREATE (:Stray {id: 'left-over'})",
        {},
        { database: db.database },
      );
      const report = await importDataset(db, { wipe: true });
      expect(report.strayNodesRemoved).toBe(1);
      expect((await graphCounts()).nodes.Stray).toBeUndefined();
    },
    SLOW,
  );

  it(
    "cypher/dataset.cypher is up to date and builds the same graph as the importer",
    async () => {
      const db = await testDatabase();
      const { plan } = prepareImport(DEFAULT_SOURCES_FILE, defaultFilmFiles());
      const script = exportCypher(plan);
      expect(readFileSync(new URL("../../cypher/dataset.cypher", import.meta.url), "utf8")).toBe(
        script,
      );

      for (const statement of splitCypherScript(script)) {
        await db.driver.executeQuery(statement, {}, { database: db.database });
      }
      const fromScript = await graphFingerprint(db);
      await emptyGraph(db);
      await importDataset(db);
      // The same graph, but for what the importer keeps of what it wrote: the plan's hash
      // (IMPORT_HASH) and the file's name (IMPORT_FILE).
      await db.driver.executeQuery(
        `MATCH (f:Film) REMOVE f.${IMPORT_HASH}, f.${IMPORT_FILE}`,
        {},
        { database: db.database },
      );
      expect(fromScript).toEqual(await graphFingerprint(db));
    },
    SLOW,
  );

  it(
    "writes nothing when the database fails half-way through",
    async () => {
      const db = await testDatabase();
      const sentinel = "CREATE (:Stray {id: 'sentinel'})";
      await db.driver.executeQuery(sentinel, {}, { database: db.database });
      // A constraint the dataset breaks (many places share a kind), so a late statement fails
      // after earlier ones (films, sources, characters) have run in the same transaction.
      await db.driver.executeQuery(
        "CREATE CONSTRAINT place_kind_unique IF NOT EXISTS FOR (n:Place) REQUIRE n.kind IS UNIQUE",
        {},
        { database: db.database },
      );
      try {
        await expect(importDataset(db, { wipe: true })).rejects.toThrow(
          /already exists with label `Place`/,
        );
        expect(await graphCounts()).toEqual({ nodes: { Stray: 1 }, relationships: {} });
      } finally {
        await db.driver.executeQuery(
          "DROP CONSTRAINT place_kind_unique",
          {},
          { database: db.database },
        );
      }
    },
    SLOW,
  );
});

describe("a file that claims a stored film's id", () => {
  it(
    "is refused, naming the film and its file, unless --replace says so",
    async () => {
      const db = await testDatabase();
      await importDataset(db, { wipe: true });
      const before = await graphFingerprint(db);
      const dir = mkdtempSync(join(scratch, "impostor-"));
      const impostor = join(dir, "impostor.yaml");
      const data = parse(readFileSync(cityOnFireFile(), "utf8")) as { film: { title: string } };
      data.film.title = "Not City on Fire";
      writeFileSync(impostor, stringify(data));
      const error = await importDataset(db, { filmFiles: [impostor] }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidDatasetError);
      expect((error as InvalidDatasetError).problems).toEqual([
        expect.objectContaining({
          file: impostor,
          item: "film",
          field: "id",
          message:
            'the graph already holds film "city-on-fire" ("City on Fire", imported from city-on-fire.yaml); this file would replace it',
        }),
      ]);
      expect(await graphFingerprint(db)).toEqual(before);

      // The same file again, or an edit of it under its own name, is no impostor.
      await importDataset(db, { filmFiles: [cityOnFireFile()] });
      const report = await importDataset(db, { filmFiles: [impostor], replace: true });
      expect(report.films.map((f) => f.title)).toEqual(["Not City on Fire"]);
      await importDataset(db, { filmFiles: [cityOnFireFile()], replace: true });
      expect(await graphFingerprint(db)).toEqual(before);
    },
    SLOW,
  );
});

const cityOnFireFile = () =>
  defaultFilmFiles().find((f) => f.endsWith("/city-on-fire.yaml")) as string;

// ---------------------------------------------------------------------------------------
// Bad input: each case changes a copy of the dataset, and checks the message and that the
// database still holds only what it held before.

type Item = Record<string, unknown>;
type FilmData = Record<string, Item[]>;

interface BadCase {
  name: string;
  /** Changes the parsed Heat file (or replaces its text). */
  heat?: (film: FilmData) => void;
  heatText?: (text: string) => string;
  cityOnFire?: (film: FilmData) => void;
  extraFiles?: string[];
  expected: { [K in keyof DatasetProblem]?: string | RegExp } & { message: RegExp };
}

const scratch = mkdtempSync(join(tmpdir(), "heistgraph-bad-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function copyDataset(c: BadCase): string[] {
  const dir = mkdtempSync(join(scratch, "case-"));
  return defaultFilmFiles().map((file) => {
    const name = basename(file);
    let text = readFileSync(file, "utf8");
    const mutate =
      name === "heat.yaml" ? c.heat : name === "city-on-fire.yaml" ? c.cityOnFire : undefined;
    if (mutate) {
      const data = parse(text) as FilmData;
      mutate(data);
      text = stringify(data);
    }
    if (name === "heat.yaml" && c.heatText) text = c.heatText(text);
    const target = join(dir, name);
    writeFileSync(target, text);
    return target;
  });
}

const item = (film: FilmData, list: string, id: string) =>
  (film[list] as Record<string, unknown>[]).find((x) => x.id === id) as Record<string, unknown>;
const firstOf = (film: FilmData, list: string, type?: string) =>
  (film[list] as Record<string, unknown>[]).find((x) => !type || x.type === type) as Record<
    string,
    unknown
  >;

const badCases: BadCase[] = [
  {
    name: "YAML that does not parse",
    heatText: (t) => t.replace("characters:", "characters:\n  - id: [unclosed"),
    expected: { file: "heat.yaml", message: /not valid YAML/ },
  },
  {
    name: "a field the format does not have",
    heat: (f) => void (item(f, "characters", "neil-mccauley").nickname = "Neil"),
    expected: { item: "characters[0] (neil-mccauley)", message: /unknown field: nickname/ },
  },
  {
    name: "a required field missing",
    heat: (f) => void delete item(f, "characters", "heat-waingro").description,
    expected: {
      item: "characters[4] (heat-waingro)",
      field: "description",
      expected: "the field is required",
      message: /a required field is missing/,
    },
  },
  {
    name: "a fate outside the closed list",
    heat: (f) => void (item(f, "characters", "heat-waingro").fate = "dead"),
    expected: {
      field: "fate",
      message: /"dead" is not one of the accepted values/,
      expected: "one of: alive, killed",
      suggestion: 'did you mean "died"?',
    },
  },
  {
    name: "an id that is not kebab-case",
    heat: (f) => void (item(f, "characters", "heat-waingro").id = "Waingro"),
    expected: { field: "id", message: /lower-case words joined by hyphens/ },
  },
  {
    name: "the same id twice in one file",
    heat: (f) => void (item(f, "characters", "heat-trejo").id = "heat-waingro"),
    expected: {
      field: "id",
      message: /duplicate id "heat-waingro": already used by a Character in/,
    },
  },
  {
    name: "the same id in two films",
    cityOnFire: (f) => void (firstOf(f, "characters").id = "neil-mccauley"),
    expected: { field: "id", message: /duplicate id "neil-mccauley"/ },
  },
  {
    name: "a reference to an unknown id, with a suggestion",
    heat: (f) => void (firstOf(f, "acts", "KILLED").by = "heat-waingroo"),
    expected: {
      field: "by",
      message: /unknown id "heat-waingroo"/,
      suggestion: 'did you mean "heat-waingro"?',
    },
  },
  {
    name: "a reference to the wrong kind of item",
    heat: (f) => void (firstOf(f, "memberships").group = "neil-mccauley"),
    expected: { field: "group", message: /"neil-mccauley" is a Character/, expected: "a Group" },
  },
  {
    name: "a reference into another film",
    heat: (f) => void (firstOf(f, "acts", "KILLED").to = "ko-chow"),
    expected: { field: "to", message: /belongs to another film \(city-on-fire\)/ },
  },
  {
    name: "a citation of an unknown source, with a suggestion",
    heat: (f) => void (item(f, "characters", "heat-waingro").sources = ["heat-fn:2"]),
    expected: {
      field: "sources[0]",
      message: /unknown source "heat-fn"/,
      suggestion: /did you mean "heat-fr:2"/,
    },
  },
  {
    name: "a citation of a paragraph the source does not have",
    heat: (f) => void (item(f, "characters", "heat-waingro").sources = ["heat-de:13"]),
    expected: { field: "sources[0]", message: /paragraph 13 of heat-de, which has 12/ },
  },
  {
    name: "a citation of another film's summary",
    heat: (f) => void (item(f, "characters", "heat-waingro").sources = ["city-on-fire-fr:3"]),
    expected: { message: /a text of city-on-fire, not of heat/ },
  },
  {
    name: "a citation in the wrong form",
    heat: (f) => void (item(f, "characters", "heat-waingro").sources = ["heat-fr 2"]),
    expected: { field: "sources[0]", message: /a citation is "<source id>:<paragraph>"/ },
  },
  {
    name: "a fact with no citation",
    heat: (f) => void (firstOf(f, "ties").sources = []),
    expected: { field: "sources", message: /every fact cites at least one source paragraph/ },
  },
  {
    name: "two events at the same story position",
    heat: (f) => {
      const [first, second] = f.events ?? [];
      if (first && second) second.seq = first.seq;
    },
    expected: { field: "seq", message: /seq \d+ is used by another event/ },
  },
  {
    name: "a span that refers to a story position with no event",
    heat: (f) => void (firstOf(f, "loyalties").until = 999),
    expected: { field: "until", message: /no event of heat has seq 999/ },
  },
  {
    name: "a span that ends before it starts",
    heat: (f) => Object.assign(firstOf(f, "memberships"), { since: 5, until: 2 }),
    expected: { field: "until", message: /ends \(2\) before it starts \(5\)/ },
  },
  {
    name: "coerced on an act that is not a betrayal",
    heat: (f) => void (firstOf(f, "acts", "KILLED").coerced = true),
    expected: { field: "coerced", message: /only betrayals say whether they were coerced/ },
  },
  {
    name: "a film file that does not exist",
    extraFiles: ["/nonexistent/blade-runner.yaml"],
    expected: { item: "(file)", message: /cannot read the file/ },
  },
];

describe("heistgraph import with bad input", () => {
  const sentinelCount = async () => {
    const db = await testDatabase();
    const { records } = await db.driver.executeQuery(
      "MATCH (n) RETURN count(n) AS n",
      {},
      { database: db.database },
    );
    return records[0]?.get("n").toNumber();
  };

  it.each(badCases)(
    "rejects $name, and writes nothing",
    async (c) => {
      const db = await testDatabase();
      await emptyGraph(db);
      await db.driver.executeQuery(
        "CREATE (:Stray {id: 'sentinel'})",
        {},
        { database: db.database },
      );
      const filmFiles = [...copyDataset(c), ...(c.extraFiles ?? [])];

      const error = await importDataset(db, { filmFiles, wipe: true }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InvalidDatasetError);
      const problems = (error as InvalidDatasetError).problems;
      const { message, ...rest } = c.expected;
      const matching = problems.filter(
        (p) =>
          message.test(p.message) &&
          Object.entries(rest).every(([key, want]) => {
            const got = String(p[key as keyof DatasetProblem] ?? "");
            return want instanceof RegExp ? want.test(got) : got.includes(String(want));
          }),
      );
      expect(matching, JSON.stringify(problems, null, 2)).not.toHaveLength(0);
      expect((error as Error).message).toMatch(/nothing was written/);
      expect(await sentinelCount()).toBe(1);
    },
    SLOW,
  );
});
