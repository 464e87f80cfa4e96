// Guard: every query file gives the same rows, in the same order, nested lists included,
// whatever order the data was written in. A sort key that ties lets Neo4j return the tied
// rows in storage order, so the same story imported with its lists reversed would come back
// in another order: that is what this test looks for, on the films and on generated stories.
// It runs EVERY file of cypher/queries/ with parameters taken from the data.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { parse, stringify } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import type { FilmFile, SourcesFile } from "../../../src/dataset/schema.ts";
import type { Database } from "../../../src/db/connection.ts";
import {
  DEFAULT_SOURCES_FILE,
  defaultFilmFiles,
  importDataset,
} from "../../../src/import/run-import.ts";
import { cypherFile, QUERY_NAMES, type QueryName } from "../../../src/queries/cypher-file.ts";
import { runQuery } from "../../../src/queries/run-query.ts";
import { copySourceTexts } from "../../helpers/film-files.ts";
import { normaliseName } from "../../../src/text/normalise.ts";
import { characterSearch } from "../../../src/text/search-query.ts";
import { testDatabase } from "../../helpers/neo4j.ts";
import { storySource, storyArbitrary } from "../../helpers/story-arbitrary.ts";

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});

/** The same story with every list written in the opposite order. */
function reversed(film: FilmFile): FilmFile {
  const back = <T>(list: T[] | undefined): T[] => [...(list ?? [])].reverse();
  return {
    ...film,
    places: back(film.places),
    groups: back(film.groups),
    characters: back(film.characters),
    events: back(film.events).map((e) => ({ ...e, participants: back(e.participants) })),
    memberships: back(film.memberships),
    loyalties: back(film.loyalties).map((l) => ({ ...l, knownBy: back(l.knownBy) })),
    acts: back(film.acts),
    ties: back(film.ties),
    disagreements: back(film.disagreements),
  };
}

const dir = mkdtempSync(join(tmpdir(), "heistgraph-order-"));

async function importFilms(films: FilmFile[], sources: SourcesFile["sources"]): Promise<void> {
  const sourcesFile = join(dir, "sources.yaml");
  writeFileSync(sourcesFile, stringify({ sources }));
  copySourceTexts(dir);
  const filmFiles = films.map((film, i) => {
    const file = join(dir, `${i}-${film.film.id}.yaml`);
    writeFileSync(file, stringify(film));
    return file;
  });
  await importDataset(db, { sourcesFile, filmFiles, wipe: true });
}

/** A `:param` line's example value: a string, number, boolean or null literal, or a list of them. */
function literal(text: string): unknown {
  const t = text.trim();
  if (t === "null") return null;
  if (t === "true" || t === "false") return t === "true";
  if (/^-?\d+$/.test(t)) return Number(t);
  // A list of words, e.g. ['love', 'family'].
  if (/^\[.*\]$/.test(t))
    return t
      .slice(1, -1)
      .split(",")
      .map((w) => w.trim())
      .filter((w) => w.length > 0)
      .map(literal);
  return t.replace(/^'(.*)'$/, "$1");
}

/** Parameter sets for every query file, drawn from the films in the graph. */
function parameterSets(films: FilmFile[]): { name: QueryName; params: Record<string, unknown> }[] {
  const characters = films.flatMap((f) => f.characters);
  const pick = <T>(list: T[], n: number) => list.slice(0, n);
  const sets: { name: QueryName; params: Record<string, unknown> }[] = [];
  for (const name of QUERY_NAMES) {
    const file = cypherFile(name);
    const base = Object.fromEntries(Object.entries(file.params).map(([k, v]) => [k, literal(v)]));
    const has = (p: string) => p in base;
    const variants: Record<string, unknown>[] = [];
    if (has("victimId") || has("killerId") || has("characterId")) {
      const key = has("victimId") ? "victimId" : has("killerId") ? "killerId" : "characterId";
      for (const c of pick(characters, 8)) variants.push({ [key]: c.id });
    } else if (has("groupId")) {
      for (const g of pick(
        films.flatMap((f) => f.groups),
        8,
      ))
        variants.push({ groupId: g.id });
    } else if (has("fromId")) {
      for (const a of pick(characters, 4))
        for (const b of pick(characters, 4))
          if (a !== b) variants.push({ fromId: a.id, toId: b.id });
    } else if (has("key")) {
      for (const c of pick(characters, 6)) {
        for (const word of [normaliseName(c.name), normaliseName(c.name).split(" ")[0] ?? ""]) {
          variants.push({ key: word, film: null, ...characterSearch(word) });
        }
      }
    } else if (has("filmKey")) {
      for (const f of films) {
        variants.push({ film: f.film.id, filmKey: f.film.id });
        variants.push({ film: f.film.title, filmKey: normaliseName(f.film.title) });
      }
    } else if (has("films")) {
      for (const f of films) variants.push({ films: [f.film.id] });
      variants.push({ films: films.map((f) => f.film.id) });
    } else if (has("role")) {
      variants.push({ role: null }, ...pick(characters, 3).map((c) => ({ role: c.role })));
    } else if (has("film")) {
      for (const f of films) variants.push({ film: f.film.id });
      if (name.startsWith("network-")) variants.push({ film: null });
    } else {
      variants.push({});
    }
    for (const v of variants) {
      const params = { ...base, ...v };
      if (has("timeRespecting")) {
        sets.push({ name, params: { ...params, timeRespecting: false } });
        sets.push({ name, params: { ...params, timeRespecting: true } });
      } else sets.push({ name, params });
    }
  }
  return sets;
}

/** Every query's answers for every parameter set, as one comparable value. */
async function answers(films: FilmFile[]): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const { name, params } of parameterSets(films)) {
    out[`${name} ${JSON.stringify(params)}`] = await runQuery(db, name, params);
  }
  return out;
}

/** The questions (file and parameters) whose answers differ. */
function differences(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of Object.keys(a)) {
    const [x, y] = [JSON.stringify(a[key]), JSON.stringify(b[key])];
    if (x === y) continue;
    let i = 0;
    while (x[i] === y[i]) i++;
    // Where they part, to see which list has ties.
    out.push(`${key}: ...${x.slice(Math.max(0, i - 120), i + 60)} | ...${y.slice(i, i + 60)}`);
  }
  return out;
}

describe("every query file orders its rows totally", () => {
  it("gives the films' answers in one order, however the films were written", async () => {
    const films = defaultFilmFiles().map((f) => parse(readFileSync(f, "utf8")) as FilmFile);
    const { sources } = parse(readFileSync(DEFAULT_SOURCES_FILE, "utf8")) as SourcesFile;
    await importFilms(films, sources);
    const forward = await answers(films);
    await importFilms(films.map(reversed).reverse(), sources);
    const backward = await answers(films);
    expect(differences(forward, backward)).toEqual([]);
  }, 300_000);

  it("gives generated stories' answers in one order, however they were written", async () => {
    await fc.assert(
      fc.asyncProperty(storyArbitrary({ maxCharacters: 5 }), async (story) => {
        const sources = [storySource(story)];
        await importFilms([story], sources);
        const forward = await answers([story]);
        await importFilms([reversed(story)], sources);
        const backward = await answers([story]);
        expect(differences(forward, backward)).toEqual([]);
      }),
      { numRuns: 10, seed: 17630, endOnFailure: true },
    );
  }, 600_000);
});
