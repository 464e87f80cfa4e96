// Random but valid films of the import format, for property tests that check a question's
// Cypher against an independent TypeScript reference computed from the same film object.
// Stories are small (a handful of characters and events) so that a property of 50-100 runs,
// each importing its story into the test Neo4j, takes seconds; with so few people, random
// KILLED acts readily make cycles, suicides, shared victims and several killers of one victim.
// Every id starts with the story's prefix ("gen-..." by default), never a real film's id.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { copySourceTexts } from "./film-files.ts";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { parse, stringify } from "yaml";
import type { FilmFile, SourcesFile } from "../../src/dataset/schema.ts";
import {
  ACT_TYPES,
  FATES,
  GROUP_KINDS,
  LOYALTY_KINDS,
  NARRATIVE_ROLES,
  PLACE_KINDS,
  TIE_TYPES,
} from "../../src/dataset/vocabulary.ts";
import type { Database } from "../../src/db/connection.ts";
import { DEFAULT_SOURCES_FILE, defaultFilmFiles } from "../../src/import/run-import.ts";

export interface StoryOptions {
  /** Prefix of every id of the story; also the film id. Default "gen". */
  prefix?: string;
  /** The roles characters draw from; all the built-in ones by default. */
  roles?: readonly string[];
  /**
   * Stories in the open format too: declared act words (one counting as KILLED, one stored as
   * ACTED_ON), a declared tie word, declared roles (`like` a built-in role or not), events told
   * out of order (toldSeq) and in episodes. Off by default: the same seed then gives the same
   * stories as before, and the properties that do not need them stay as fast.
   */
  openWords?: boolean;
  maxCharacters?: number;
  maxGroups?: number;
  maxEvents?: number;
  maxPlaces?: number;
}

/** Paragraphs of a generated story's one source; citations pick among them. */
const PARAGRAPHS = 9;

// Accented and plain names, so look-ups that ignore case and accents are exercised.
// First names are unique per character of a story; a last name may be shared.
const FIRST_NAMES = [
  "Ana",
  "Bruno",
  "Chérif",
  "Dana",
  "Élodie",
  "Farid",
  "Gus",
  "Hana",
  "Igor",
  "Joëlle",
  "Kofi",
  "Lúcia",
];
const LAST_NAMES = ["Ames", "Brück", "Costa", "Duarte", "Eze", "Fähr"];
const GROUP_NAMES = ["The police", "The crew", "Hired guns", "The cartel"];
const HOWS = ["shot", "stabbed", "poisoned", "strangled", "run over"];
const OTHER_ACTS = ACT_TYPES.filter((t) => t !== "KILLED");

/** The source a generated film cites, to add to the sources file. */
export function storySource(film: FilmFile): SourcesFile["sources"][number] {
  return {
    id: `${film.film.id}-src`,
    title: `${film.film.title}, generated summary`,
    film: film.film.id,
    language: "en",
    file: `${film.film.id}.txt`,
    paragraphs: PARAGRAPHS,
  };
}

/**
 * The first of items with the same identity. The importer tells parallel relationships apart
 * by their `since` (memberships, ties) or kind and since (loyalties): two with the same are one
 * fact twice, which a story must not hold.
 */
function distinct<T>(identity: (item: T) => string, items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(identity(item)) && Boolean(seen.add(identity(item))));
}

/** Character index (0..n-1) or, past n, a group index offset by n: "who" in acts. */
function actorId(prefix: string, characters: number, i: number): string {
  return i < characters ? `${prefix}-c${i + 1}` : `${prefix}-g${i - characters + 1}`;
}

export function storyArbitrary(options: StoryOptions = {}): fc.Arbitrary<FilmFile> {
  const story = builtInStoryArbitrary(options);
  return options.openWords ? story.chain(inOpenFormat) : story;
}

/** The words an open-format story declares (see StoryOptions.openWords). */
export const OPEN_WORDS = {
  acts: [
    { word: "executed", countsAs: "KILLED" as const },
    { word: "double-crossed", countsAs: "BETRAYED" as const },
    { word: "framed" },
  ],
  ties: [{ word: "owes money to" }],
  roles: [
    { word: "boss", like: "crew-leader" as const },
    { word: "gunman", like: "hired-killer" as const },
    { word: "drifter" },
  ],
};

/**
 * The story with some of its words swapped for declared ones: killings said "executed"
 * (countsAs KILLED), betrayals "double-crossed" (countsAs BETRAYED), other acts "framed"
 * (ACTED_ON), ties "owes money to" (TIED_TO), roles "boss", "gunman" (like a built-in role) or
 * "drifter" (like none); and events given an order of telling (toldSeq, a shuffle of story
 * order) and an episode.
 */
export function inOpenFormat(film: FilmFile): fc.Arbitrary<FilmFile> {
  const flags = (n: number) => fc.array(fc.boolean(), { minLength: n, maxLength: n });
  const kills = film.acts.filter((a) => a.type === "KILLED");
  const others = film.acts.filter((a) => a.type !== "KILLED");
  return fc
    .record({
      executed: flags(kills.length),
      ownWord: flags(others.length),
      owes: flags(film.ties.length),
      roles: fc.array(
        fc.option(fc.constantFrom(...OPEN_WORDS.roles.map((r) => r.word)), { nil: undefined }),
        { minLength: film.characters.length, maxLength: film.characters.length },
      ),
      told: fc.shuffledSubarray(
        film.events.map((_, i) => i + 1),
        { minLength: film.events.length, maxLength: film.events.length },
      ),
      toldShown: flags(film.events.length),
      episodes: fc.array(fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), {
        minLength: film.events.length,
        maxLength: film.events.length,
      }),
    })
    .map((r) => ({
      ...film,
      vocabulary: OPEN_WORDS,
      characters: film.characters.map((c, i) => ({ ...c, role: r.roles[i] ?? c.role })),
      events: film.events.map((e, i) => ({
        ...e,
        toldSeq: r.toldShown[i] ? r.told[i] : undefined,
        episode: r.episodes[i] === undefined ? undefined : `S01E0${r.episodes[i]}`,
      })),
      acts: distinct(
        (a) => `${a.type}|${a.by}|${a.to}|${a.event}`,
        [
          ...kills.map((a, i) => (r.executed[i] ? { ...a, type: "executed" } : a)),
          ...others.map((a, i) => {
            if (!r.ownWord[i]) return a;
            if (a.type === "BETRAYED") return { ...a, type: "double-crossed" };
            return { ...a, type: "framed", coerced: undefined, coercedBy: undefined };
          }),
        ],
      ),
      ties: distinct(
        (t) => `${t.type}|${t.from}|${t.to}|${t.since}`,
        film.ties.map((t, i) => (r.owes[i] ? { ...t, type: "owes money to" } : t)),
      ),
    }));
}

function builtInStoryArbitrary(options: StoryOptions): fc.Arbitrary<FilmFile> {
  const p = options.prefix ?? "gen";
  const maxChars = Math.min(options.maxCharacters ?? 6, FIRST_NAMES.length);
  const sizes = fc.record({
    chars: fc.integer({ min: 1, max: maxChars }),
    groups: fc.integer({ min: 0, max: Math.min(options.maxGroups ?? 2, GROUP_NAMES.length) }),
    events: fc.integer({ min: 1, max: options.maxEvents ?? 5 }),
    places: fc.integer({ min: 0, max: options.maxPlaces ?? 3 }),
  });
  return sizes.chain(({ chars, groups, events, places }) => {
    const src = `${p}-src`;
    const cite = fc.integer({ min: 1, max: PARAGRAPHS }).map((n) => [`${src}:${n}`]);
    const char = fc.integer({ min: 0, max: chars - 1 });
    const actor = fc.integer({ min: 0, max: chars + groups - 1 });
    const eventIx = fc.integer({ min: 0, max: events - 1 });
    const span = fc.tuple(fc.option(eventIx), fc.option(eventIx));
    const who = (i: number) => actorId(p, chars, i);
    const fate = fc.oneof(
      { arbitrary: fc.constant("killed" as const), weight: 3 },
      { arbitrary: fc.constantFrom(...FATES), weight: 4 },
    );

    return fc
      .record({
        seqs: fc.uniqueArray(fc.integer({ min: 1, max: 3 * events }), {
          minLength: events,
          maxLength: events,
        }),
        characters: fc.array(
          fc.record({
            last: fc.integer({ min: 0, max: LAST_NAMES.length - 1 }),
            alias: fc.option(fc.constantFrom("Boss", "Kid", "Doc", "Ghost"), { nil: undefined }),
            unnamed: fc.boolean(),
            role: fc.constantFrom(...(options.roles ?? NARRATIVE_ROLES)),
            fate,
            cite,
          }),
          { minLength: chars, maxLength: chars },
        ),
        groupKinds: fc.array(fc.constantFrom(...GROUP_KINDS), {
          minLength: groups,
          maxLength: groups,
        }),
        places: fc.array(
          fc.record({
            kind: fc.constantFrom(...PLACE_KINDS),
            in: fc.option(fc.nat(), { nil: undefined }),
          }),
          { minLength: places, maxLength: places },
        ),
        eventPlaces: fc.array(fc.option(fc.nat(), { nil: undefined }), {
          minLength: events,
          maxLength: events,
        }),
        participants: fc.array(
          fc.uniqueArray(fc.record({ who: actor, role: fc.constantFrom("shooter", "witness") }), {
            selector: (x) => x.who,
            maxLength: 4,
          }),
          { minLength: events, maxLength: events },
        ),
        kills: fc.uniqueArray(
          fc.record({ by: actor, to: char, event: eventIx, how: fc.constantFrom(...HOWS), cite }),
          { selector: (k) => `${k.by}|${k.to}|${k.event}`, maxLength: 2 * chars + 1 },
        ),
        acts: fc.uniqueArray(
          fc
            .record({
              type: fc.constantFrom(...OTHER_ACTS),
              by: actor,
              to: actor,
              event: eventIx,
              coerced: fc.option(fc.boolean(), { nil: undefined }),
              coercedBy: fc.option(actor, { nil: undefined }),
              cite,
            })
            // A betrayal needs someone else to betray (the format refuses X BETRAYED X).
            .filter((a) => a.type !== "BETRAYED" || a.by !== a.to),
          { selector: (a) => `${a.type}|${a.by}|${a.to}|${a.event}`, maxLength: 2 * chars },
        ),
        // No group, no membership; the bounds stay valid for fast-check.
        memberships: fc.uniqueArray(
          fc.record({ member: char, group: fc.nat(Math.max(groups - 1, 0)), span, cite }),
          {
            selector: (m) => `${m.member}|${m.group}|${m.span[0]}`,
            maxLength: groups ? chars + 1 : 0,
          },
        ),
        loyalties: fc.uniqueArray(
          fc.record({
            from: char,
            to: actor,
            kind: fc.constantFrom(...LOYALTY_KINDS),
            covert: fc.boolean(),
            span,
            knownBy: fc.uniqueArray(fc.record({ who: actor, since: fc.option(eventIx) }), {
              selector: (k) => k.who,
              maxLength: 2,
            }),
            cite,
          }),
          {
            selector: (l) => `${l.from}|${l.to}|${l.kind}|${l.span[0]}`,
            maxLength: chars + 1,
          },
        ),
        // A tie joins two different characters: `to` is `from` plus a step of 1..chars-1.
        ties: fc.uniqueArray(
          fc.record({
            type: fc.constantFrom(...TIE_TYPES),
            from: char,
            step: fc.integer({ min: 1, max: Math.max(chars - 1, 1) }),
            span,
            cite,
          }),
          {
            selector: (t) => `${t.type}|${t.from}|${t.step}|${t.span[0]}`,
            maxLength: chars > 1 ? chars : 0,
          },
        ),
        disagreements: fc.uniqueArray(eventIx, { maxLength: 2 }),
      })
      .map((r): FilmFile => {
        const seqs = r.seqs;
        const seqOf = (i: number) => seqs[i] as number;
        const eventId = (i: number) => `${p}-e${i + 1}`;
        // since <= until, as the validator requires.
        const spanOf = ([a, b]: [number | null, number | null]) => {
          const [since, until] = [
            a === null ? undefined : seqOf(a),
            b === null ? undefined : seqOf(b),
          ];
          return since !== undefined && until !== undefined && since > until
            ? { since: until, until: since }
            : { since, until };
        };
        return {
          film: { id: p, title: `Generated ${p}`, year: 2000, sources: [`${src}:1`] },
          sources: [],
          places: r.places.map((pl, i) => ({
            id: `${p}-p${i + 1}`,
            name: `Place ${i + 1}`,
            kind: pl.kind,
            // Only an earlier place can contain this one: no LOCATED_IN cycles.
            in: pl.in !== undefined && i > 0 ? `${p}-p${(pl.in % i) + 1}` : undefined,
            sources: [`${src}:1`],
          })),
          groups: r.groupKinds.map((kind, i) => ({
            id: `${p}-g${i + 1}`,
            name: GROUP_NAMES[i] as string,
            kind,
            description: "A generated group",
            sources: [`${src}:2`],
          })),
          characters: r.characters.map((c, i) => ({
            id: `${p}-c${i + 1}`,
            name: `${FIRST_NAMES[i]} ${LAST_NAMES[c.last]}`,
            aliases: c.alias ? [`${c.alias} ${FIRST_NAMES[i]}`] : [],
            unnamed: c.unnamed,
            role: c.role,
            fate: c.fate,
            description: "A generated character",
            sources: c.cite,
          })),
          events: r.seqs.map((seq, i) => {
            const place = r.eventPlaces[i];
            return {
              id: eventId(i),
              seq,
              name: `Event ${i + 1}`,
              summary: `Generated event ${i + 1}`,
              place:
                place !== undefined && places > 0 ? `${p}-p${(place % places) + 1}` : undefined,
              participants: (r.participants[i] ?? []).map((x) => ({
                who: who(x.who),
                role: x.role,
              })),
              sources: [`${src}:${(i % PARAGRAPHS) + 1}`],
            };
          }),
          memberships: distinct(
            (m) => `${m.member}|${m.group}|${m.since}`,
            r.memberships.map((m) => ({
              member: who(m.member),
              group: `${p}-g${m.group + 1}`,
              role: "member",
              covert: false,
              knownBy: [],
              ...spanOf(m.span),
              sources: m.cite,
            })),
          ),
          loyalties: distinct(
            (l) => `${l.from}|${l.to}|${l.kind}|${l.since}`,
            r.loyalties.map((l) => ({
              from: who(l.from),
              to: who(l.to),
              kind: l.kind,
              covert: l.covert,
              ...spanOf(l.span),
              knownBy: l.covert
                ? l.knownBy.map((k) => ({
                    who: who(k.who),
                    since: k.since === null ? undefined : seqOf(k.since),
                    sources: l.cite,
                  }))
                : [],
              sources: l.cite,
            })),
          ),
          acts: [
            ...r.kills.map((k) => ({
              type: "KILLED" as const,
              by: who(k.by),
              to: who(k.to),
              event: eventId(k.event),
              how: k.how,
              sources: k.cite,
            })),
            ...r.acts.map((a) => {
              const betrayal = a.type === "BETRAYED";
              const coerced = betrayal ? (a.coerced ?? undefined) : undefined;
              return {
                type: a.type,
                by: who(a.by),
                to: who(a.to),
                event: eventId(a.event),
                how: a.type.toLowerCase(),
                coerced,
                coercedBy: coerced && a.coercedBy !== undefined ? who(a.coercedBy) : undefined,
                sources: a.cite,
              };
            }),
          ],
          ties: distinct(
            (t) => `${t.type}|${t.from}|${t.to}|${t.since}`,
            r.ties.map((t) => ({
              type: t.type,
              from: who(t.from),
              to: who((t.from + t.step) % chars),
              ...spanOf(t.span),
              sources: t.cite,
            })),
          ),
          disagreements: r.disagreements.map((e, i) => ({
            id: `${p}-d${i + 1}`,
            about: eventId(e),
            topic: "what happened",
            accounts: [
              { claim: "one account", sources: [`${src}:1`] },
              { claim: "another account", sources: [`${src}:2`] },
            ],
          })),
        };
      });
  });
}

/** Several stories with distinct prefixes (gen-a, gen-b, ...), e.g. for cross-film questions. */
export function storiesArbitrary(
  count: number,
  options: Omit<StoryOptions, "prefix"> = {},
): fc.Arbitrary<FilmFile[]> {
  return fc.tuple(
    ...Array.from({ length: count }, (_, i) =>
      storyArbitrary({ ...options, prefix: `gen-${String.fromCharCode(97 + i)}` }),
    ),
  );
}

let workDir: string | undefined;

/**
 * Writes the stories as YAML (and a sources file with each story's source, after the real
 * films' sources with `withFilms`), in one folder per test process whose files each call
 * overwrites.
 */
export function writeStories(
  stories: FilmFile[],
  options: { withFilms?: boolean } = {},
): { sourcesFile: string; filmFiles: string[] } {
  workDir ??= mkdtempSync(join(tmpdir(), "heistgraph-stories-"));
  const dir = workDir;
  const realSources = options.withFilms
    ? (parse(readFileSync(DEFAULT_SOURCES_FILE, "utf8")) as SourcesFile).sources
    : [];
  const sourcesFile = join(dir, "sources.yaml");
  writeFileSync(sourcesFile, stringify({ sources: [...realSources, ...stories.map(storySource)] }));
  if (options.withFilms) copySourceTexts(dir);
  const filmFiles = stories.map((story) => {
    const file = join(dir, `${story.film.id}.yaml`);
    writeFileSync(file, stringify(story));
    return file;
  });
  return { sourcesFile, filmFiles };
}

/**
 * Writes the stories (writeStories) and imports them with the real importer, replacing the
 * whole graph. With `withFilms`, the real films of import/films/ are imported beside them.
 */
export async function importStories(
  database: Database,
  stories: FilmFile[],
  options: { withFilms?: boolean } = {},
): Promise<void> {
  const { sourcesFile, filmFiles } = writeStories(stories, options);
  const { importDataset } = await import("../../src/import/run-import.ts");
  await importDataset(database, {
    sourcesFile,
    filmFiles: [...(options.withFilms ? defaultFilmFiles() : []), ...filmFiles],
    wipe: true,
  });
}

/** Imports one story (see importStories). */
export function importStory(
  database: Database,
  story: FilmFile,
  options: { withFilms?: boolean } = {},
): Promise<void> {
  return importStories(database, [story], options);
}
