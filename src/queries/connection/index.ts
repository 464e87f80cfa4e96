// Connection: the shortest routes between two characters through the story's relationships.
import type { Database } from "../../db/connection.ts";
import type { ActType, TieType } from "../../dataset/vocabulary.ts";
import { HeistgraphError } from "../../errors.ts";
import { cypherFile } from "../cypher-file.ts";
import { ask, checkedInteger, type CharacterRef } from "../lookup.ts";

/** The longest path searched when none is asked for: every connected pair in the films is closer. */
export const DEFAULT_MAX_LENGTH = 6;
/** The longest path one may ask for: shortest-path search grows fast with the bound. */
export const HARD_MAX_LENGTH = 10;

/** The relationship types connection.cypher follows (see its header for why). */
export type ConnectionType =
  ActType | "ACTED_ON" | TieType | "TIED_TO" | "LOYAL_TO" | "KNOWS_SECRET_OF" | "MEMBER_OF";

export interface ConnectionNode {
  id: string;
  name: string;
  /** A path may go through a group, e.g. "The police". */
  isGroup: boolean;
  /** The character's narrative role; null for a group. */
  role: string | null;
}

export interface ConnectionRelationship {
  type: ConnectionType;
  /** "forward": from the step's first node to its second; "backward": the other way. */
  direction: "forward" | "backward";
  /** For an act, its event's seq. */
  seq: number | null;
  /** For a lasting relationship, the seqs it holds from and to. */
  since: number | null;
  until: number | null;
  /** LOYAL_TO only: whether the loyalty is hidden. */
  covert: boolean | null;
  /**
   * An act's how, a loyalty's kind, a membership's role, a tie's status, or for
   * KNOWS_SECRET_OF "hidden loyalty to <id>".
   */
  detail: string | null;
  sources: string[];
}

export interface ConnectionStep {
  fromId: string;
  toId: string;
  /** Every followed relationship between the two nodes, in story order. */
  relationships: ConnectionRelationship[];
}

/** One shortest route: a sequence of nodes, and all the relationships along each hop. */
export interface ConnectionRoute {
  nodes: ConnectionNode[];
  steps: ConnectionStep[];
  /** The number of relationships on the route; routes come strongest first. */
  strength: number;
}

export interface Connection {
  from: CharacterRef;
  to: CharacterRef;
  maxLength: number;
  /** The length (hops) of the shortest routes; null when none was found. */
  length: number | null;
  /** Empty when no route of at most maxLength hops exists (always so across films). */
  routes: ConnectionRoute[];
}

export interface ConnectionOptions {
  /** The longest route to look for, 1..HARD_MAX_LENGTH (default DEFAULT_MAX_LENGTH). */
  maxLength?: number | string;
  /** The film, when a name is in several; applies to both names. */
  film?: string;
}

const DEFAULT_BOUND = `*1..${DEFAULT_MAX_LENGTH}]`;

/**
 * connection.cypher with its path-length bound set to `maxLength`. Cypher takes no parameter
 * for the bound, so it is written into the query, and only after checkedInteger has made sure
 * it is a whole number from 1 to HARD_MAX_LENGTH.
 */
export function connectionCypher(maxLength: number | string): string {
  const bound = checkedInteger("max length", maxLength, 1, HARD_MAX_LENGTH);
  const parts = cypherFile("connection").cypher.split(DEFAULT_BOUND);
  if (parts.length !== 2) {
    throw new Error(`connection.cypher must hold the bound ${DEFAULT_BOUND} exactly once`);
  }
  return parts.join(`*1..${bound}]`);
}

/** The shortest routes from one character to another, by name or alias. */
export async function connection(
  db: Database,
  fromName: string,
  toName: string,
  options: ConnectionOptions = {},
): Promise<Connection> {
  const maxLength = checkedInteger(
    "max length",
    options.maxLength ?? DEFAULT_MAX_LENGTH,
    1,
    HARD_MAX_LENGTH,
  );
  const {
    characters: [from, to],
    answers: [found],
  } = await ask(db, {
    film: options.film,
    names: [fromName, toName],
    questions: [
      {
        name: "connection",
        cypher: connectionCypher(maxLength),
        bindings: { fromId: "found0.id", toId: "found1.id" },
      },
    ],
    // Films share no story relationships: no need to search.
    when: "found0.id <> found1.id AND found0.film = found1.film",
  });
  if (!from || !to) throw new Error("find-character.cypher found no characters");
  if (from.id === to.id) {
    throw new HeistgraphError({
      what: `"${fromName}" and "${toName}" are the same character, ${from.name}.`,
      expected: "two different characters",
      suggestion: `see everything about ${from.name} with \`npx heistgraph dossier "${from.name}"\``,
    });
  }
  const routes = (found ?? []) as ConnectionRoute[];
  return { from, to, maxLength, length: routes[0]?.steps.length ?? null, routes };
}
