// Synthetic narratives in heistgraph's import format, for benchmarks and large-graph tests:
// many films, each with crews and police units, long killer-of-killer chains that loop back,
// betrayal chains through groups with membership spans, covert loyalties, ties. Seeded, so a
// size always gives the same story.
//
//   npx tsx scripts/bench/generate-story.ts --size S --out /tmp/story-s
//   npx tsx scripts/bench/generate-story.ts --films 3 --characters 40 --out /tmp/small
//
// writes <out>/sources.yaml and <out>/films/<film>.yaml; import them with
// `heistgraph import --sources <out>/sources.yaml <out>/films/*.yaml`.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { stringify } from "yaml";
import type { FilmFile, SourcesFile } from "../../src/dataset/schema.ts";
import {
  ACT_TYPES,
  FATES,
  LOYALTY_KINDS,
  NARRATIVE_ROLES,
  TIE_TYPES,
} from "../../src/dataset/vocabulary.ts";
import { seededRandom } from "../../src/seeded-random.ts";

export interface StoryShape {
  films: number;
  /** Characters per film; events, places and groups scale with it. */
  characters: number;
  seed?: number;
  /** Prefix of every id, so two generated stories can share a graph. */
  prefix?: string;
  /**
   * Stories interleaved in each film (default 1): each story is generated as a film of its
   * own and they are merged, their events taking turns, their police units one shared force.
   */
  stories?: number;
}

/** About 100k and 1M relationships; L1 one big film (about 5k nodes, 30k relationships). */
export const SIZES: Record<string, StoryShape> = {
  S: { films: 25, characters: 300 },
  M: { films: 250, characters: 300 },
  L1: { films: 1, characters: 45, stories: 50 },
  /** One film the size of Game of Thrones in graph form: about 1k nodes. */
  GOT: { films: 1, characters: 450 },
};

export interface Story {
  sources: SourcesFile;
  films: FilmFile[];
}

const PARAGRAPHS = 40;

export function generateFilm(shape: StoryShape, n: number): FilmFile {
  const rand = seededRandom((shape.seed ?? 1) * 100_003 + n);
  const int = (max: number) => Math.floor(rand() * max);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  const film = `${shape.prefix ?? ""}film-${n}`;
  const cite = () => [`${film}-src:${1 + int(PARAGRAPHS)}`];
  const c = shape.characters;
  const eventCount = c;
  const seqOf = () => 1 + int(eventCount);
  const span = () => {
    const a = seqOf();
    const b = seqOf();
    return { since: Math.min(a, b), until: Math.max(a, b) };
  };

  const chars = Array.from({ length: c }, (_, i) => `${film}-c${i}`);
  const crews = Array.from(
    { length: Math.max(2, Math.floor(c / 30)) },
    (_, i) => `${film}-crew${i}`,
  );
  const units = Array.from(
    { length: Math.max(1, Math.floor(c / 60)) },
    (_, i) => `${film}-unit${i}`,
  );
  const groups = [...crews, ...units];
  const places = Array.from({ length: Math.max(3, Math.floor(c / 10)) }, (_, i) => `${film}-p${i}`);
  const events = Array.from({ length: eventCount }, (_, i) => `${film}-e${i + 1}`);
  const groupOf = (i: number) => groups[i % groups.length] as string;

  const data: FilmFile = {
    film: { id: film, title: `Film ${n}`, year: 1950 + (n % 70), sources: cite() },
    sources: [],
    places: places.map((id, i) => ({
      id,
      name: `Place ${i}`,
      kind: i === 0 ? "city" : "building",
      ...(i > 0 ? { in: places[0] } : {}),
      sources: cite(),
    })),
    groups: groups.map((id, i) => ({
      id,
      name: `Group ${i}`,
      kind: i < crews.length ? "crew" : "police-unit",
      description: i < crews.length ? "A robbery crew" : "A police unit",
      sources: cite(),
    })),
    characters: chars.map((id, i) => ({
      id,
      name: `Person ${n}-${i}`,
      aliases: i % 5 === 0 ? [`Alias ${n}-${i}`] : [],
      unnamed: false,
      role: pick(NARRATIVE_ROLES),
      fate: pick(FATES),
      description: `Character ${i} of film ${n}`,
      sources: cite(),
    })),
    events: events.map((id, i) => ({
      id,
      seq: i + 1,
      name: `Event ${i + 1}`,
      summary: `Something happens (${i + 1})`,
      place: pick(places),
      participants: [0, 1, 2].map((k) => ({
        who: chars[(i * 3 + k) % c] as string,
        role: "present",
      })),
      sources: cite(),
    })),
    memberships: chars.flatMap((id, i) => {
      // A fresh list each time: a shared one would be written as a YAML alias.
      const open = () => ({ role: "member", covert: false, knownBy: [] });
      const first = { member: id, group: groupOf(i), ...open(), ...span(), sources: cite() };
      if (i % 2 === 0) return [first];
      // Every other character changes sides later on: the betrayal chains run through groups.
      return [first, { member: id, group: groupOf(i + 1), ...open(), ...span(), sources: cite() }];
    }),
    loyalties: chars.flatMap((id, i) => {
      const covert = i % 7 === 0;
      const loyalty = {
        from: id,
        to: groupOf(i + (covert ? 1 : 0)),
        kind: pick(LOYALTY_KINDS),
        covert,
        ...span(),
        knownBy: covert ? [{ who: chars[(i + 3) % c] as string, sources: cite() }] : [],
        sources: cite(),
      };
      return i % 3 === 0
        ? [loyalty, { ...loyalty, to: chars[(i + 1) % c] as string, covert: false, knownBy: [] }]
        : [loyalty];
    }),
    acts: chars.flatMap((id, i) => {
      // A killer-of-killer chain: i kills i+1, which loops back to 0 every 50 characters.
      const victim = i % 50 === 49 ? (chars[i - 49] as string) : (chars[(i + 1) % c] as string);
      const betrayed = i % 4 === 0 ? groupOf(i) : (chars[(i + 2) % c] as string);
      return [
        {
          type: "KILLED" as const,
          by: id,
          to: victim,
          event: pick(events),
          how: "shot",
          sources: cite(),
        },
        {
          type: "BETRAYED" as const,
          by: id,
          to: betrayed,
          event: pick(events),
          how: "sold out",
          coerced: i % 5 === 0,
          sources: cite(),
        },
        ...(i % 3 === 0
          ? [
              {
                type: pick(ACT_TYPES.filter((t) => t !== "KILLED" && t !== "BETRAYED")),
                by: id,
                to: chars[(i + 5) % c] as string,
                event: pick(events),
                how: "somehow",
                sources: cite(),
              },
            ]
          : []),
      ];
    }),
    ties: chars
      .filter((_, i) => i % 2 === 0)
      .map((id, i) => ({
        type: pick(TIE_TYPES),
        from: id,
        to: chars[(i * 2 + 7) % c] as string,
        ...span(),
        sources: cite(),
      }))
      .filter((t) => t.from !== t.to),
    disagreements: [],
  };
  return data;
}

/**
 * A film of `shape.stories` stories told at once: story s's event k takes seq
 * k * stories + s + 1, every story's police unit is one force of the film (its members come
 * and go over the whole film), and each story adds a betrayal tree (each of its first
 * characters betrays three others, at later events): chains run through the force from one
 * story into the others.
 */
export function generateInterleavedFilm(shape: StoryShape, n: number): FilmFile {
  const stories = shape.stories ?? 1;
  const film = `${shape.prefix ?? ""}film-${n}`;
  const police = `${film}-police`;
  const parts = Array.from({ length: stories }, (_, s) =>
    generateFilm({ ...shape, prefix: `${film}-s${s}-`, seed: (shape.seed ?? 1) * 1000 + n }, s),
  );
  const rand = seededRandom((shape.seed ?? 1) * 7919 + n);
  const int = (max: number) => Math.floor(rand() * max);
  const cite = () => [`${film}-src:${1 + int(PARAGRAPHS)}`];
  const seqs = new Map<string, number>();
  parts.forEach((part, s) => part.events.forEach((e, k) => seqs.set(e.id, k * stories + s + 1)));
  const total = seqs.size;
  const span = () => {
    const a = 1 + int(total);
    const b = 1 + int(total);
    return { since: Math.min(a, b), until: Math.max(a, b) };
  };
  const isUnit = (id: string) => /-unit\d+$/.test(id);
  const shared = (id: string) => (isUnit(id) ? police : id);
  const merged: FilmFile = {
    film: { id: film, title: `Film ${n}`, year: 1950 + (n % 70), sources: cite() },
    sources: [],
    places: parts.flatMap((p) => p.places.map((x) => ({ ...x, sources: cite() }))),
    groups: [
      ...parts.flatMap((p) =>
        p.groups.filter((g) => !isUnit(g.id)).map((g) => ({ ...g, sources: cite() })),
      ),
      {
        id: police,
        name: "The Police",
        kind: "police-unit",
        description: "The one police force of every story",
        sources: cite(),
      },
    ],
    characters: parts.flatMap((p, s) =>
      p.characters.map((c) => ({ ...c, name: `${c.name} of ${s}`, sources: cite() })),
    ),
    events: parts.flatMap((p) =>
      p.events.map((e) => ({ ...e, seq: seqs.get(e.id) as number, sources: cite() })),
    ),
    memberships: parts.flatMap((p) =>
      p.memberships.map((m) =>
        isUnit(m.group)
          ? { ...m, group: police, ...span(), sources: cite() }
          : { ...m, sources: cite() },
      ),
    ),
    loyalties: parts.flatMap((p) =>
      p.loyalties.map((l) => ({
        ...l,
        to: shared(l.to),
        sources: cite(),
        knownBy: l.knownBy.map((k) => ({ ...k, sources: cite() })),
      })),
    ),
    acts: parts.flatMap((p) => {
      const events = p.events.map((e) => e.id);
      const chars = p.characters.map((c) => c.id);
      const tree = chars.slice(0, Math.floor(chars.length / 3)).flatMap((by, i) =>
        [1, 2, 3].map((k) => ({
          type: "BETRAYED" as const,
          by,
          to: chars[(3 * i + k) % chars.length] as string,
          event: events[Math.min(events.length - 1, i + int(events.length - i))] as string,
          how: "sold out",
          sources: cite(),
        })),
      );
      return [...p.acts.map((a) => ({ ...a, to: shared(a.to), sources: cite() })), ...tree];
    }),
    ties: parts.flatMap((p) => p.ties.map((t) => ({ ...t, sources: cite() }))),
    disagreements: [],
  };
  return merged;
}

export function generateStory(shape: StoryShape): Story {
  const films = Array.from({ length: shape.films }, (_, n) =>
    (shape.stories ?? 1) > 1 ? generateInterleavedFilm(shape, n + 1) : generateFilm(shape, n + 1),
  );
  return {
    sources: {
      sources: films.map((f) => ({
        id: `${f.film.id}-src`,
        title: `${f.film.title}, a synthetic summary`,
        film: f.film.id,
        language: "en",
        file: `${f.film.id}.txt`,
        paragraphs: PARAGRAPHS,
      })),
    },
    films,
  };
}

/** Writes the story as YAML; returns the sources file and the film files. */
export function writeStory(
  story: Story,
  out: string,
): { sourcesFile: string; filmFiles: string[] } {
  mkdirSync(join(out, "films"), { recursive: true });
  const sourcesFile = join(out, "sources.yaml");
  writeFileSync(sourcesFile, stringify(story.sources));
  const filmFiles = story.films.map((film) => {
    const file = join(out, "films", `${film.film.id}.yaml`);
    writeFileSync(file, stringify(film, { lineWidth: 0 }));
    return file;
  });
  return { sourcesFile, filmFiles };
}

const USAGE = `usage: generate-story.ts --out DIR [--size S|M|L1] [--films N] [--characters N] [--seed N]
  --out DIR         where to write sources.yaml and films/<film>.yaml
  --size S|M|L1     a preset: S ${SIZES.S?.films} films, M ${SIZES.M?.films} films, ${SIZES.S?.characters} characters each (default S);
                    L1 one film of ${SIZES.L1?.stories ?? 50} interleaved stories
  --films N         films to write (overrides the size's)
  --characters N    characters per film (overrides the size's)
  --seed N          another story of the same shape (default 1)
`;

/** A whole number of at least `min`, or a usage error naming the option. */
function count(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    usageError(`--${name} must be a whole number >= ${min}, not "${raw}"`);
  return n;
}

function usageError(message: string): never {
  process.stderr.write(`error: ${message}\n${USAGE}`);
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        help: { type: "boolean", short: "h" },
        size: { type: "string" },
        films: { type: "string" },
        characters: { type: "string" },
        seed: { type: "string" },
        out: { type: "string" },
      },
    }));
  } catch (error) {
    usageError((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const size = (values.size as string | undefined) ?? "S";
  const base = SIZES[size];
  if (!base) usageError(`--size must be S, M or L1, not "${size}"`);
  const out = values.out as string | undefined;
  if (!out) usageError("--out DIR is needed");
  const shape: StoryShape = {
    films: count("films", values.films as string | undefined, base.films, 1),
    characters: count("characters", values.characters as string | undefined, base.characters, 2),
    seed: count("seed", values.seed as string | undefined, 1, 0),
    stories: base.stories,
  };
  const { filmFiles } = writeStory(generateStory(shape), out);
  process.stdout.write(`wrote ${filmFiles.length} films to ${out}\n`);
}
