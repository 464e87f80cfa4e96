// What makes two relationships of a story the same one. The importer MERGEs each
// relationship on (type, start, end, key), so two facts with the same identity would become
// one: validation reports them instead (src/dataset/validate.ts), and the plan writes the
// keys computed here (src/import/plan.ts), so the two agree by construction.
import type { FilmFile } from "./schema.ts";
import { itemName as nameOf } from "./problems.ts";
import { resolveAct, resolveTie, type StoryVocabulary } from "./story-words.ts";
import type { ActType, TieType } from "./vocabulary.ts";

type Act = FilmFile["acts"][number];
type Tie = FilmFile["ties"][number];
type Loyalty = FilmFile["loyalties"][number];
type Membership = FilmFile["memberships"][number];

export interface ActRelationship {
  type: ActType | "ACTED_ON";
  key: string;
  /** The story's own word, when it is not a built-in type used as such. */
  act?: string;
}

/** An act's relationship; undefined when its word is unknown (validation reports it). */
export function actRelationship(
  act: Act,
  vocabulary: StoryVocabulary,
): ActRelationship | undefined {
  const resolved = resolveAct(act.type, vocabulary);
  if (!resolved) return undefined;
  // ACTED_ON holds every word of its own, so the word is part of its identity.
  const key = resolved.type === "ACTED_ON" ? `${act.event}|${resolved.act}` : act.event;
  // Built field by field, not spread: a large film has 100k acts, each resolved twice.
  if (resolved.act === undefined) return { type: resolved.type, key };
  return { type: resolved.type, act: resolved.act, key };
}

export interface TieRelationship {
  type: TieType | "TIED_TO";
  key: string;
  tie?: string;
}

export function tieRelationship(
  tie: Tie,
  vocabulary: StoryVocabulary,
): TieRelationship | undefined {
  const resolved = resolveTie(tie.type, vocabulary);
  if (!resolved) return undefined;
  const since = `${tie.since ?? 0}`;
  if (resolved.tie === undefined) return { type: resolved.type, key: since };
  return { type: resolved.type, tie: resolved.tie, key: `${resolved.tie}|${since}` };
}

export const membershipKey = (m: Membership): string => `${m.since ?? 0}`;
export const loyaltyKey = (l: Loyalty): string => `${l.kind}|${l.since ?? 0}`;
export const secretKey = (l: Loyalty): string => `${l.to}|${loyaltyKey(l)}`;
/**
 * A covert membership's secret: the group, then the membership's key. One `|` where a
 * loyalty's secret has at least two (its kind and since follow the object), so the two
 * never meet between the same knower and member.
 */
export const membershipSecretKey = (m: Membership): string => `${m.group}|${membershipKey(m)}`;

// Only the identity is worked out for every fact; where it is written and its whole value
// are needed for a message, so they are worked out when one is (a large film has 100k facts).
export interface FactIdentity {
  /** Relationship type, start, end and key: equal identities are one relationship. */
  identity: string;
  /** Where the fact is written, e.g. "acts[3] (KILLED a -> b)". */
  item(): string;
  /** The whole fact, to tell an exact repeat from a conflicting one. */
  value(): string;
  /** What kind of fact, for messages ("act", "tie"...). */
  what: string;
  /** How to resolve a conflicting duplicate. */
  hint: string;
}

/** The identity of every fact of a film that becomes a relationship of its own. */
export function relationshipIdentities(
  data: FilmFile,
  vocabulary: StoryVocabulary,
  /** The index in the file of a list's `i`th item (items refused by the schema are not here). */
  fileIndex: (list: string, i: number) => number = (_list, i) => i,
): FactIdentity[] {
  const itemName = (list: string, i: number, item: unknown) =>
    nameOf(list, fileIndex(list, i), item);
  const out: FactIdentity[] = [];
  const add = (item: () => string, parts: unknown[], value: unknown, what: string, hint: string) =>
    out.push({
      identity: JSON.stringify(parts),
      item,
      value: () => JSON.stringify(value),
      what,
      hint,
    });

  data.events.forEach((e, i) => {
    e.participants.forEach((p, j) =>
      add(
        () => `${itemName("events", i, e)} participants[${j}]`,
        ["PARTICIPATED_IN", p.who, e.id],
        p,
        "participant",
        "list each participant of an event once, with one role",
      ),
    );
  });
  data.memberships.forEach((m, i) => {
    const item = () => itemName("memberships", i, m);
    add(
      item,
      ["MEMBER_OF", m.member, m.group, membershipKey(m)],
      m,
      "membership (member, group, since)",
      "merge them into one, or give the later one its own since:",
    );
    m.knownBy.forEach((k, j) =>
      add(
        () => `${item()} knownBy[${j}]`,
        ["KNOWS_SECRET_OF", k.who, m.member, membershipSecretKey(m)],
        k,
        "knower of this secret",
        "list who knows the secret once, with the earliest since",
      ),
    );
  });
  data.loyalties.forEach((l, i) => {
    const item = () => itemName("loyalties", i, l);
    add(
      item,
      ["LOYAL_TO", l.from, l.to, loyaltyKey(l)],
      l,
      "loyalty (from, to, kind, since)",
      "merge them into one, or give the later one its own since:",
    );
    l.knownBy.forEach((k, j) =>
      add(
        () => `${item()} knownBy[${j}]`,
        ["KNOWS_SECRET_OF", k.who, l.from, secretKey(l)],
        k,
        "knower of this secret",
        "list who knows the secret once, with the earliest since",
      ),
    );
  });
  data.acts.forEach((a, i) => {
    const r = actRelationship(a, vocabulary);
    if (!r) return;
    add(
      () => itemName("acts", i, a),
      [r.type, a.by, a.to, r.key],
      a,
      `act (${r.type}${r.act ? `, ${r.act}` : ""}, by, to, event)`,
      "merge them into one act (combine how and sources), or put the second in its own event",
    );
  });
  data.ties.forEach((t, i) => {
    const r = tieRelationship(t, vocabulary);
    if (!r) return;
    add(
      () => itemName("ties", i, t),
      [r.type, t.from, t.to, r.key],
      t,
      `tie (${r.tie ?? r.type}, from, to, since)`,
      "merge them into one, or give the later one its own since:",
    );
  });
  return out;
}
