// An independent TypeScript reference for betrayal chains, loyalties and double agents,
// computed from a film object (the import format) by the rules of docs/model.md, so property
// tests can compare the Cypher answers with it on generated stories.
import type { FilmFile } from "../../src/dataset/schema.ts";
import { compare, storedAct } from "./story-reference.ts";

/** A betrayal as the importer stores it: one relationship per (by, to, event). */
interface Betrayal {
  by: string;
  to: string;
  event: string;
  seq: number;
}

interface Span {
  since: number | null;
  until: number | null;
}

const holds = (span: Span, seq: number) =>
  (span.since === null || span.since <= seq) && (span.until === null || seq <= span.until);

/**
 * Rows the importer MERGEs on (from, to, key) collapse into one, the last one's properties
 * winning: the reference keeps the same last row.
 */
function lastPerKey<T>(rows: T[], key: (row: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const row of rows) {
    const k = key(row);
    byKey.delete(k);
    byKey.set(k, row);
  }
  return [...byKey.values()];
}

function seqOf(story: FilmFile): (event: string) => number {
  const seqs = new Map(story.events.map((e) => [e.id, e.seq]));
  return (event) => seqs.get(event) as number;
}

function betrayalsOf(story: FilmFile): Betrayal[] {
  const seq = seqOf(story);
  return lastPerKey(
    story.acts.filter((a) => storedAct(story, a).type === "BETRAYED"),
    (a) => `${a.by}|${a.to}|${a.event}`,
  ).map((a) => ({ by: a.by, to: a.to, event: a.event, seq: seq(a.event) }));
}

interface ReferenceMembership {
  member: string;
  group: string;
  role: string;
  covert: boolean;
  span: Span;
}

function membershipsOf(story: FilmFile): ReferenceMembership[] {
  return lastPerKey(story.memberships, (m) => `${m.member}|${m.group}|${m.since ?? 0}`).map(
    (m) => ({
      member: m.member,
      group: m.group,
      role: m.role,
      covert: m.covert === true,
      span: { since: m.since ?? null, until: m.until ?? null },
    }),
  );
}

/** One step of a reference chain, as compared with the Cypher's. */
export interface ReferenceStep {
  traitorId: string;
  viaGroupId: string | null;
  betrayedId: string;
  /** A betrayed group's members at that moment, without the traitor, sorted by id. */
  memberIds: string[];
  event: string;
  seq: number;
}

export interface ReferenceBetrayalChain {
  steps: ReferenceStep[];
  /** The chain has $maxDepth betrayals and could go on. */
  truncated: boolean;
}

export interface ChainQuestion {
  maxDepth: number;
  timeRespecting: boolean;
}

/**
 * Every maximal betrayal chain from `from` (a character id), or across the film when `from`
 * is null, in the promised total order: longest first, then the steps' seqs, traitor ids,
 * betrayed ids and keys (the event ids), each compared as a list.
 */
export function referenceBetrayalChains(
  story: FilmFile,
  from: string | null,
  { maxDepth, timeRespecting }: ChainQuestion,
): ReferenceBetrayalChain[] {
  const betrayals = betrayalsOf(story);
  const memberships = membershipsOf(story);
  const groups = new Set(story.groups.map((g) => g.id));
  /** Members of a betrayed group at the betrayal, without its traitor and covert members. */
  const reached = (b: Betrayal) =>
    groups.has(b.to)
      ? [
          ...new Set(
            memberships
              .filter(
                (m) => m.group === b.to && m.member !== b.by && !m.covert && holds(m.span, b.seq),
              )
              .map((m) => m.member),
          ),
        ]
      : [];
  /** May `next` follow `prev` in a chain (leaving aside whether it is used already)? */
  const follows = (prev: Betrayal, next: Betrayal) =>
    (next.by === prev.to || reached(prev).includes(next.by)) &&
    (!timeRespecting || next.seq > prev.seq);
  // Worked out once per pair, so large films stay quick to check.
  const after = betrayals.map((prev) => betrayals.filter((next) => follows(prev, next)));
  const before = betrayals.map((next) => betrayals.filter((prev) => follows(prev, next)));
  const at = new Map(betrayals.map((b, i) => [b, i]));
  const successors = (chain: Betrayal[]) =>
    (after[at.get(chain[chain.length - 1] as Betrayal) as number] ?? []).filter(
      (b) => !chain.includes(b),
    );

  const found: Betrayal[][] = [];
  const grow = (chain: Betrayal[]) => {
    const next = chain.length < maxDepth ? successors(chain) : [];
    if (next.length === 0) found.push(chain);
    for (const b of next) grow([...chain, b]);
  };
  for (const b of betrayals) if (from === null || b.by === from) grow([b]);

  const maximal = found.filter(
    (chain) =>
      from !== null ||
      chain.length === maxDepth ||
      (before[at.get(chain[0] as Betrayal) as number] ?? []).every((b) => chain.includes(b)),
  );
  const listed = maximal.map((chain) => ({
    chain,
    truncated: chain.length === maxDepth && successors(chain).length > 0,
  }));
  const lists = (chain: Betrayal[]) => [
    chain.map((b) => b.seq),
    chain.map((b) => b.by),
    chain.map((b) => b.to),
    chain.map((b) => b.event),
  ];
  listed.sort((a, b) => {
    if (a.chain.length !== b.chain.length) return b.chain.length - a.chain.length;
    const [x, y] = [lists(a.chain), lists(b.chain)];
    for (let k = 0; k < x.length; k++) {
      for (let i = 0; i < a.chain.length; i++) {
        const [p, q] = [x[k]?.[i], y[k]?.[i]];
        const c =
          typeof p === "number" ? (p as number) - (q as number) : compare(String(p), String(q));
        if (c !== 0) return c;
      }
    }
    return 0;
  });
  return listed.map(({ chain, truncated }) => ({
    truncated,
    steps: chain.map((b, i) => {
      const prev = chain[i - 1];
      return {
        traitorId: b.by,
        viaGroupId: prev && prev.to !== b.by ? prev.to : null,
        betrayedId: b.to,
        memberIds: reached(b).sort(compare),
        event: b.event,
        seq: b.seq,
      };
    }),
  }));
}

export interface ReferenceLoyalty {
  toId: string;
  kind: string;
  covert: boolean;
  since: number | null;
  until: number | null;
  knownBy: { whoId: string; since: number | null; knows: boolean }[];
}

function loyaltiesOf(story: FilmFile) {
  return lastPerKey(story.loyalties, (l) => `${l.from}|${l.to}|${l.kind}|${l.since ?? 0}`).map(
    (l) => ({
      from: l.from,
      toId: l.to,
      kind: l.kind as string,
      covert: l.covert === true,
      span: { since: l.since ?? null, until: l.until ?? null },
      knownBy: l.covert
        ? lastPerKey(l.knownBy ?? [], (k) => k.who).map((k) => ({
            whoId: k.who,
            since: k.since ?? null,
          }))
        : [],
    }),
  );
}

const nameOf = (story: FilmFile) => {
  const names = new Map<string, string>();
  for (const x of [...story.characters, ...story.groups]) names.set(x.id, x.name);
  return (id: string) => names.get(id) as string;
};

/** Sorts by keys, compared in turn: numbers, or strings (null last). */
function byKeys<T>(rows: T[], keys: (row: T) => (number | string | null)[]): T[] {
  return [...rows].sort((a, b) => {
    const [x, y] = [keys(a), keys(b)];
    for (let i = 0; i < x.length; i++) {
      const [p, q] = [x[i] ?? null, y[i] ?? null];
      const c =
        typeof p === "number" && typeof q === "number"
          ? p - q
          : compare(p === null ? null : String(p), q === null ? null : String(q));
      if (c !== 0) return c;
    }
    return 0;
  });
}

/** A character's loyalties at seq `at` (all of them when null), covert first, then by start. */
export function referenceLoyalties(
  story: FilmFile,
  characterId: string,
  at: number | null,
): ReferenceLoyalty[] {
  const name = nameOf(story);
  const held = loyaltiesOf(story).filter(
    (l) => l.from === characterId && (at === null || holds(l.span, at)),
  );
  return byKeys(held, (l) => [
    l.covert ? 0 : 1,
    l.span.since ?? 0,
    name(l.toId),
    l.toId,
    l.kind,
    `${l.kind}|${l.span.since ?? 0}`,
  ]).map((l) => ({
    toId: l.toId,
    kind: l.kind,
    covert: l.covert,
    since: l.span.since,
    until: l.span.until,
    knownBy: byKeys(l.knownBy, (k) => [k.since ?? 0, name(k.whoId), k.whoId]).map((k) => ({
      ...k,
      knows: at === null || k.since === null || k.since <= at,
    })),
  }));
}

export interface ReferenceDoubleAgent {
  characterId: string;
  realToId: string;
  kind: string;
  open: {
    via: "loyalty" | "membership";
    toId: string;
    kind: string;
    covert: boolean;
    overlapSince: number | null;
    overlapUntil: number | null;
  }[];
  knownBy: { whoId: string; since: number | null }[];
}

/** Loyalty kinds that are not allegiances (double agents leave them out of `open`). */
const PERSONAL = ["love", "family", "friendship"];

/**
 * Every covert loyalty of the film with the allegiances shown meanwhile (memberships, covert
 * ones included; open loyalties of a kind other than the personal ones) to others than the
 * real side (its object; the groups it openly belongs to, when a character; its open members,
 * when a group), and who knows; as of `at` (what had begun by then) when given.
 */
export function referenceDoubleAgents(
  story: FilmFile,
  at: number | null = null,
): ReferenceDoubleAgent[] {
  const name = nameOf(story);
  const loyalties = loyaltiesOf(story);
  const memberships = membershipsOf(story);
  const begun = (span: Span) => at === null || (span.since ?? 0) <= at;
  const overlap = (a: Span, b: Span) =>
    (a.since === null || b.until === null || a.since <= b.until) &&
    (b.since === null || a.until === null || b.since <= a.until);
  /** An open membership of `member` in `group`, at any time. */
  const openMember = (member: string, group: string) =>
    memberships.some((m) => m.member === member && m.group === group && !m.covert);
  const covert = loyalties.filter((l) => l.covert && begun(l.span));
  return byKeys(covert, (l) => [
    name(l.from),
    l.from,
    l.span.since ?? 0,
    l.span.since,
    name(l.toId),
    l.toId,
    l.kind,
  ]).map((l) => {
    const allegiances = [
      ...loyalties
        .filter((o) => o.from === l.from && !o.covert && !PERSONAL.includes(o.kind.toLowerCase()))
        .map((o) => ({
          via: "loyalty" as const,
          toId: o.toId,
          kind: o.kind,
          covert: false,
          span: o.span,
          key: `${o.kind}|${o.span.since ?? 0}`,
        })),
      ...memberships
        .filter((m) => m.member === l.from)
        .map((m) => ({
          via: "membership" as const,
          toId: m.group,
          kind: "membership",
          covert: m.covert,
          span: m.span,
          key: `${m.span.since ?? 0}`,
        })),
    ].filter(
      (o) =>
        o.toId !== l.toId &&
        begun(o.span) &&
        overlap(l.span, o.span) &&
        !openMember(l.toId, o.toId) &&
        !openMember(o.toId, l.toId),
    );
    return {
      characterId: l.from,
      realToId: l.toId,
      kind: l.kind,
      open: byKeys(allegiances, (o) => [o.span.since ?? 0, name(o.toId), o.toId, o.via, o.key]).map(
        (o) => ({
          via: o.via,
          toId: o.toId,
          kind: o.kind,
          covert: o.covert,
          overlapSince:
            l.span.since === null
              ? o.span.since
              : o.span.since === null || o.span.since < l.span.since
                ? l.span.since
                : o.span.since,
          overlapUntil:
            l.span.until === null
              ? o.span.until
              : o.span.until === null || o.span.until > l.span.until
                ? l.span.until
                : o.span.until,
        }),
      ),
      knownBy: byKeys(
        l.knownBy.filter((k) => at === null || (k.since ?? 0) <= at),
        (k) => [k.since ?? 0, name(k.whoId), k.whoId],
      ),
    };
  });
}
