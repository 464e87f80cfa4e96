// A character's loyalties at a point of the story, and a film's double agents.
import type { z } from "zod";
import type { Database } from "../../db/connection.ts";
import type { LOYALTY_KINDS } from "../../dataset/vocabulary.ts";
import { HeistgraphError } from "../../errors.ts";
import { askQuestion } from "../../questions/ask-question.ts";
import doubleAgentsQuestion, {
  type DoubleAgent as DoubleAgentShape,
  type OpenLoyalty as OpenLoyaltyShape,
  type SecretKeeper as SecretKeeperShape,
} from "../../questions/double-agents/question.ts";
import loyaltiesQuestion, {
  type Knower as KnowerShape,
  type Loyalty as LoyaltyShape,
  type StoryPoint as StoryPointShape,
} from "../../questions/loyalties/question.ts";
import type { CharacterRef, FilmRef } from "../lookup.ts";

export type LoyaltyKind = (typeof LOYALTY_KINDS)[number];
export type SecretKeeper = z.infer<typeof SecretKeeperShape>;
export type Knower = z.infer<typeof KnowerShape>;
export type Loyalty = z.infer<typeof LoyaltyShape>;
/** An event, as a moment of the story. */
export type StoryPoint = z.infer<typeof StoryPointShape>;
export type OpenLoyalty = z.infer<typeof OpenLoyaltyShape>;
export type DoubleAgent = z.infer<typeof DoubleAgentShape>;

export interface CharacterLoyalties {
  character: CharacterRef;
  /** The moment asked for; null for the whole story. */
  at: StoryPoint | null;
  /** The loyalties holding at that moment (all of them for the whole story), covert first. */
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
    subjects: [character],
    rows: [row],
  } = await askQuestion<LoyaltiesRow>(db, loyaltiesQuestion, {
    subject: name,
    film: options.film,
    options: { at: at ?? (given === null ? null : -1) },
  });
  if (!character) throw new Error("no character found");
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

/**
 * Every covert loyalty in a film with the allegiances shown meanwhile (memberships, loyalties
 * other than love, family and friendship) and who knows the truth. Entries with a non-empty
 * `open` are double agents. `at` (an event's seq): the answer as it stood then, from what had
 * begun by then; null or absent for the whole story.
 */
export async function doubleAgents(
  db: Database,
  film: string,
  options: { at?: number | null } = {},
): Promise<{ film: FilmRef; agents: DoubleAgent[] }> {
  const { film: filmRef, rows } = await askQuestion<DoubleAgent>(db, doubleAgentsQuestion, {
    film,
    options: { at: options.at ?? null },
  });
  if (!filmRef) throw new Error("no film found");
  return { film: filmRef, agents: rows };
}
