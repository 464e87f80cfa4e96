// Independent answers to the questions, computed in TypeScript from a film object of the
// import format (no Cypher, no graph): what the property tests compare the queries against.
import type { Act, FilmFile } from "../../src/dataset/schema.ts";
import { ACT_TYPES } from "../../src/dataset/vocabulary.ts";

export interface ReferenceStep {
  victimId: string;
  killerId: string;
  killerIsGroup: boolean;
  event: string;
  seq: number;
}

export interface ReferenceChain {
  steps: ReferenceStep[];
  endsWith: "survivor" | "group" | "suicide" | "cycle" | "limit";
}

/** The longest chain death-by-whom follows. */
const MAX_STEPS = 20;

function seqOf(story: FilmFile): Map<string, number> {
  return new Map(story.events.map((e) => [e.id, e.seq]));
}

function nameOf(story: FilmFile): Map<string, string> {
  return new Map([...story.characters, ...story.groups].map((x) => [x.id, x.name]));
}

/** A word as the importer stores it: lower-case, words joined by hyphens. */
export const storedWord = (word: string) =>
  word
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");

/**
 * What an act's word means: a built-in type as such (act null), or the type a word the story
 * declares counts as (ACTED_ON when it counts as none), with the word.
 */
export function storedAct(story: FilmFile, a: Act): { type: string; act: string | null } {
  const word = storedWord(a.type);
  const builtIn = ACT_TYPES.find((t) => t === word.replace(/-/g, "_").toUpperCase());
  if (builtIn) return { type: builtIn, act: null };
  const own = story.vocabulary?.acts.find((d) => storedWord(d.word) === word);
  return { type: own?.countsAs ?? "ACTED_ON", act: word };
}

/** The killings: KILLED acts, and acts in a word the story declares countsAs KILLED. */
const kills = (story: FilmFile): Act[] =>
  story.acts.filter((a) => storedAct(story, a).type === "KILLED");

/**
 * Every chain from the victim back through its killers: depth-first over KILLED acts into
 * the last person reached, stopping at a group, at someone nobody killed, at the first
 * killing that comes back to someone already in the chain, or after MAX_STEPS steps.
 */
export function referenceDeathByWhom(story: FilmFile, victimId: string): ReferenceChain[] {
  const seqs = seqOf(story);
  const groups = new Set(story.groups.map((g) => g.id));
  const killsOf = (id: string) => kills(story).filter((k) => k.to === id);
  const chains: ReferenceChain[] = [];
  const walk = (current: string, visited: string[], steps: ReferenceStep[]) => {
    for (const k of killsOf(current)) {
      const step: ReferenceStep = {
        victimId: current,
        killerId: k.by,
        killerIsGroup: groups.has(k.by),
        event: k.event,
        seq: seqs.get(k.event) as number,
      };
      const path = [...steps, step];
      if (groups.has(k.by)) chains.push({ steps: path, endsWith: "group" });
      else if (k.by === current) chains.push({ steps: path, endsWith: "suicide" });
      else if (visited.includes(k.by)) chains.push({ steps: path, endsWith: "cycle" });
      else if (killsOf(k.by).length === 0) chains.push({ steps: path, endsWith: "survivor" });
      else if (path.length === MAX_STEPS) chains.push({ steps: path, endsWith: "limit" });
      else walk(k.by, [...visited, k.by], path);
    }
  };
  walk(victimId, [victimId], []);
  return chains;
}

export interface ReferenceKill {
  victimId: string;
  event: string;
  seq: number;
}

/** Everyone the character killed, ordered by seq, victim name, victim id, event. */
export function referenceKillsBy(story: FilmFile, killerId: string): ReferenceKill[] {
  const seqs = seqOf(story);
  const names = nameOf(story);
  return kills(story)
    .filter((k) => k.by === killerId)
    .map((k) => ({ victimId: k.to, event: k.event, seq: seqs.get(k.event) as number }))
    .sort(
      (a, b) =>
        a.seq - b.seq ||
        compare(names.get(a.victimId), names.get(b.victimId)) ||
        compare(a.victimId, b.victimId) ||
        compare(a.event, b.event),
    );
}

export interface ReferenceDeath {
  seq: number | null;
  victimId: string;
  killerId: string | null;
  event: string | null;
  certain: boolean;
}

/** Strings in Cypher's order (UTF-16 code units, like JavaScript's `<`); null last. */
export function compare(a: string | null | undefined, b: string | null | undefined): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  return a < b ? -1 : 1;
}

/**
 * The film's deaths: every killing of one of its characters, and every character whose fate
 * says they died (or may have) with no killing of them; ordered as the ledger promises.
 */
export function referenceDeathLedger(story: FilmFile): ReferenceDeath[] {
  const seqs = seqOf(story);
  const names = nameOf(story);
  const characters = new Set(story.characters.map((c) => c.id));
  const killed = kills(story).filter((k) => characters.has(k.to));
  const rows: ReferenceDeath[] = [
    ...killed.map((k) => ({
      seq: seqs.get(k.event) as number,
      victimId: k.to,
      killerId: k.by,
      event: k.event,
      certain: true,
    })),
    ...story.characters
      .filter((c) => ["killed", "died", "killed-or-wounded"].includes(c.fate))
      .filter((c) => !killed.some((k) => k.to === c.id))
      .map((c) => ({
        seq: null,
        victimId: c.id,
        killerId: null,
        event: null,
        certain: c.fate !== "killed-or-wounded",
      })),
  ];
  return rows.sort(
    (a, b) =>
      (a.seq ?? Infinity) - (b.seq ?? Infinity) ||
      compare(names.get(a.victimId), names.get(b.victimId)) ||
      compare(a.victimId, b.victimId) ||
      compare(a.killerId, b.killerId) ||
      compare(a.event, b.event),
  );
}

export interface ReferenceTimelineEvent {
  id: string;
  seq: number;
  toldSeq: number | null;
  episode: string | null;
  participants: string[];
  /** "TYPE by->to", or "TYPE (word) by->to" for an act in the story's own word; sorted. */
  acts: string[];
}

/**
 * The film's events in story order (seq, whatever the order of telling), with who took part
 * and every act done in them.
 */
export function referenceTimeline(story: FilmFile): ReferenceTimelineEvent[] {
  return [...story.events]
    .sort((a, b) => a.seq - b.seq)
    .map((e) => ({
      id: e.id,
      seq: e.seq,
      toldSeq: e.toldSeq ?? null,
      episode: e.episode ?? null,
      participants: e.participants.map((p) => p.who).sort(compare),
      acts: story.acts
        .filter((a) => a.event === e.id)
        .map((a) => {
          const { type, act } = storedAct(story, a);
          return `${type}${act ? ` (${act})` : ""} ${a.by}->${a.to}`;
        })
        .sort(compare),
    }));
}

export interface ReferenceRoute {
  /** Node ids from the first character to the second. */
  nodes: string[];
  /** How many followed relationships join its consecutive nodes, in all. */
  strength: number;
}

/**
 * Every shortest route (at most maxLength hops) between two characters through the
 * relationships connection.cypher follows, in either direction: acts, ties, loyalties,
 * knowledge of secret loyalties and memberships. Breadth-first, then every path back.
 */
export function referenceConnection(
  story: FilmFile,
  fromId: string,
  toId: string,
  maxLength = 6,
): ReferenceRoute[] {
  const pairs: [string, string][] = [
    ...story.acts.map((a) => [a.by, a.to] as [string, string]),
    ...story.ties.map((t) => [t.from, t.to] as [string, string]),
    ...story.loyalties.map((l) => [l.from, l.to] as [string, string]),
    ...story.loyalties.flatMap((l) => l.knownBy.map((k) => [k.who, l.from] as [string, string])),
    ...story.memberships.map((m) => [m.member, m.group] as [string, string]),
  ].filter(([a, b]) => a !== b);
  const between = (a: string, b: string) =>
    pairs.filter(([x, y]) => (x === a && y === b) || (x === b && y === a)).length;
  const neighbours = (a: string) => [
    ...new Set(pairs.flatMap(([x, y]) => (x === a ? [y] : y === a ? [x] : []))),
  ];
  const depth = new Map<string, number>([[fromId, 0]]);
  let frontier = [fromId];
  while (frontier.length > 0 && !depth.has(toId)) {
    const next: string[] = [];
    for (const a of frontier) {
      for (const b of neighbours(a)) {
        if (!depth.has(b)) {
          depth.set(b, (depth.get(a) as number) + 1);
          next.push(b);
        }
      }
    }
    frontier = next;
  }
  const length = depth.get(toId);
  if (length === undefined || length > maxLength || length === 0) return [];
  // Walk back from the target through nodes one step nearer the start.
  const routes: string[][] = [];
  const back = (node: string, path: string[]) => {
    if (node === fromId) return void routes.push([fromId, ...path]);
    for (const b of neighbours(node)) {
      if (depth.get(b) === (depth.get(node) as number) - 1) back(b, [node, ...path]);
    }
  };
  back(toId, []);
  return routes.map((nodes) => ({
    nodes,
    strength: nodes.slice(1).reduce((n, b, i) => n + between(nodes[i] as string, b), 0),
  }));
}
