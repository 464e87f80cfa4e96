// A character's loyalties at a point of the story, and a film's double agents.
import neo4j from "neo4j-driver";
import type { Database } from "../../db/connection.ts";
import type { LOYALTY_KINDS } from "../../dataset/vocabulary.ts";
import { HeistgraphError } from "../../errors.ts";
import { askAboutCharacter, askAboutFilm, type CharacterRef, type FilmRef } from "../lookup.ts";

export type LoyaltyKind = (typeof LOYALTY_KINDS)[number];

/** Someone told the truth of a covert loyalty. */
export interface SecretKeeper {
  who: string;
  whoId: string;
  whoIsGroup: boolean;
  /** The seq from which they know; null: from the start. */
  since: number | null;
  sources: string[];
}

export interface Knower extends SecretKeeper {
  /** Whether they know it at the point asked for (always true for the whole story). */
  knows: boolean;
}

export interface Loyalty {
  to: string;
  toId: string;
  toIsGroup: boolean;
  kind: LoyaltyKind;
  /** True when the loyalty is hidden. */
  covert: boolean;
  /** First and last seq the loyalty holds (both included); null: open at that end. */
  since: number | null;
  until: number | null;
  note: string | null;
  sources: string[];
  /** For a covert loyalty, everyone who knows the truth; empty for an open one. */
  knownBy: Knower[];
}

/** An event, as a point of the story. */
export interface StoryPoint {
  seq: number;
  id: string;
  name: string;
}

export interface CharacterLoyalties {
  character: CharacterRef;
  /** The point asked for; null for the whole story. */
  at: StoryPoint | null;
  /** The loyalties holding at that point (all of them for the whole story), covert first. */
  loyalties: Loyalty[];
}

interface LoyaltiesRow {
  film: string;
  filmTitle: string;
  atEvent: StoryPoint | null;
  firstSeq: number | null;
  lastSeq: number | null;
  loyalties: Loyalty[];
}

/** A whole number from a number or a string of digits; null for anything else. */
function wholeNumber(value: number | string): number | null {
  const n = typeof value === "string" ? (/^\s*-?\d+\s*$/.test(value) ? Number(value) : NaN) : value;
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * A character's loyalties, overt and covert, at one event of their film (`at`, the event's
 * seq) or, without `at`, over the whole story. `at` may be a string of digits, as typed on a
 * command line; anything that is not the seq of one of the film's events is an error.
 */
export async function loyaltiesOf(
  db: Database,
  name: string,
  options: { film?: string; at?: number | string | null } = {},
): Promise<CharacterLoyalties> {
  const given = options.at ?? null;
  const at = given === null ? null : wholeNumber(given);
  const {
    character,
    rows: [row],
  } = await askAboutCharacter<LoyaltiesRow>(
    db,
    name,
    options.film,
    { name: "loyalties", bindings: { characterId: "found0.id" } },
    { at: at === null ? null : neo4j.int(at) },
  );
  if (!row) throw new Error(`loyalties.cypher returned no row for ${character.id}`);
  if (given !== null && !row.atEvent) {
    const range =
      row.firstSeq === null ? null : `an event seq from ${row.firstSeq} to ${row.lastSeq}`;
    throw new HeistgraphError({
      what:
        at === null
          ? `${JSON.stringify(given)} is not a story point: it must be an event seq, a whole number.`
          : `${row.filmTitle} has no event with seq ${at}.`,
      where: `${character.name} (${character.film})`,
      expected: range
        ? `a story point of ${row.filmTitle}: ${range}, or none for the whole story`
        : `a story point of ${row.filmTitle}, which has no events`,
      suggestion: range
        ? `use --at with ${range}, or leave --at out for the whole story`
        : "re-import the films with `npx heistgraph import --wipe`",
    });
  }
  return { character, at: row.atEvent, loyalties: row.loyalties };
}

/** An open loyalty held at the same time as a covert one. */
export interface OpenLoyalty {
  to: string;
  toId: string;
  toIsGroup: boolean;
  kind: LoyaltyKind;
  since: number | null;
  until: number | null;
  /** When both loyalties hold (seqs, included); null: open at that end. */
  overlapSince: number | null;
  overlapUntil: number | null;
  note: string | null;
  sources: string[];
}

export interface DoubleAgent {
  character: string;
  characterId: string;
  /** The covert loyalty: whom the character really serves. */
  real: Omit<Loyalty, "covert" | "knownBy">;
  /**
   * The open loyalties to others that hold at the same time (what the others see). Empty when
   * the data show no open side for this secret.
   */
  open: OpenLoyalty[];
  /** Who knows the truth, and since when. */
  knownBy: SecretKeeper[];
}

/**
 * Every covert loyalty in a film with the open loyalties overlapping it and who knows the
 * truth. Entries with a non-empty `open` are double agents.
 */
export async function doubleAgents(
  db: Database,
  film: string,
): Promise<{ film: FilmRef; agents: DoubleAgent[] }> {
  const { film: filmRef, answers } = await askAboutFilm(db, film, [
    { name: "double-agents", bindings: { film: "foundFilm.id" } },
  ]);
  return { film: filmRef, agents: answers[0] as DoubleAgent[] };
}
