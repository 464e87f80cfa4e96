// A large film with many betrayals per traitor (high fan-out), groups whose members come and
// go, and betrayals of those groups: for the stress test of betrayal chains and for
// scripts/bench-betrayal-chains.ts. Built from a fixed seed, so every run gets the same film.
import type { FilmFile } from "../../src/dataset/schema.ts";
import { FATES, GROUP_KINDS, NARRATIVE_ROLES } from "../../src/dataset/vocabulary.ts";

export interface FanOutOptions {
  /** Film id and prefix of every id. */
  id: string;
  traitors: number;
  betrayals: number;
  groups: number;
  /** Events (distinct seqs); betrayals share them. */
  events: number;
  seed?: number;
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

export function fanOutFilm(options: FanOutOptions): FilmFile {
  const { id, traitors, betrayals, groups, events } = options;
  const pick = random(options.seed ?? 1);
  const src = `${id}-src`;
  // A fresh array each time: YAML would write a shared one as anchors and aliases.
  const cite = () => [`${src}:1`];
  const characters = Array.from({ length: traitors }, (_, i) => `${id}-c${i + 1}`);
  const groupIds = Array.from({ length: groups }, (_, i) => `${id}-g${i + 1}`);
  const eventIds = Array.from({ length: events }, (_, i) => `${id}-e${i + 1}`);
  const actors = [...characters, ...groupIds];
  const acts = new Map<string, FilmFile["acts"][number]>();
  while (acts.size < betrayals) {
    const by = characters[pick(traitors)] as string;
    const to = actors[pick(actors.length)] as string;
    const event = eventIds[pick(events)] as string;
    if (by === to) continue;
    const coerced = pick(8) === 0;
    acts.set(`${by}|${to}|${event}`, {
      type: "BETRAYED",
      by,
      to,
      event,
      how: "betrayed",
      coerced: coerced || undefined,
      coercedBy: coerced ? (characters[pick(traitors)] as string) : undefined,
      sources: cite(),
    } as FilmFile["acts"][number]);
  }
  // About a third of the traitors in each group, over spans that open and close.
  const memberships = groupIds.flatMap((group) =>
    characters
      .filter(() => pick(3) === 0)
      .map((member) => {
        const a = 1 + pick(events);
        const b = 1 + pick(events);
        const open = pick(4);
        return {
          member,
          group,
          role: "member",
          since: open === 0 ? undefined : Math.min(a, b),
          until: open === 1 ? undefined : Math.max(a, b),
          sources: cite(),
        };
      }),
  );
  return {
    film: { id, title: `Fan-out ${id}`, year: 2000, sources: cite() },
    places: [],
    groups: groupIds.map((g, i) => ({
      id: g,
      name: `Group ${i + 1}`,
      kind: GROUP_KINDS[0],
      description: "A generated group",
      sources: cite(),
    })),
    characters: characters.map((c, i) => ({
      id: c,
      name: `Traitor ${i + 1}`,
      aliases: [],
      unnamed: false,
      role: NARRATIVE_ROLES[0],
      fate: FATES[0],
      description: "A generated character",
      sources: cite(),
    })),
    events: eventIds.map((e, i) => ({
      id: e,
      seq: i + 1,
      name: `Event ${i + 1}`,
      summary: `Generated event ${i + 1}`,
      participants: [],
      sources: cite(),
    })),
    memberships,
    loyalties: [],
    acts: [...acts.values()],
    ties: [],
    disagreements: [],
  } as unknown as FilmFile;
}
