// Parallels across films: characters of different films who hold the same narrative role.
import { closest, distance } from "fastest-levenshtein";
import neo4j from "neo4j-driver";
import type { Database } from "../../db/connection.ts";
import { NARRATIVE_ROLES, type NarrativeRole } from "../../dataset/vocabulary.ts";
import { HeistgraphError } from "../../errors.ts";
import { checkedInteger } from "../lookup.ts";
import { runQuery } from "../run-query.ts";

export interface ParallelCharacter {
  id: string;
  name: string;
  unnamed: boolean;
  occupation: string | null;
  fate: string;
  /** How many acts the story gives them, done or suffered: the list's first ranking. */
  acts: number;
  sources: string[];
}

export interface ParallelFilm {
  film: string;
  title: string;
  /** How many of the film's characters hold the role. */
  total: number;
  /** At most PER_FILM of them, those with most acts first, then by name. */
  characters: ParallelCharacter[];
}

export interface Parallel {
  role: NarrativeRole;
  /** At least two films and at most `limit`, by film id. */
  films: ParallelFilm[];
  /** True when more than `limit` films hold the role (those with the largest ids were left out). */
  truncated: boolean;
}

export interface Parallels {
  /** The role asked for; null for all of them. */
  role: NarrativeRole | null;
  /** The most films listed per role. */
  limit: number;
  /** One entry per role held in at least two films, by role. */
  parallels: Parallel[];
  /** True when some role's list of films was cut at `limit`. */
  truncated: boolean;
}

export interface ParallelsOptions {
  /** One role, typed loosely ("Lead Investigator"); every built-in role if absent. */
  role?: string;
  /** The most films listed per role: 1 to MAX_FILM_LIMIT, DEFAULT_FILM_LIMIT if absent. */
  limit?: number;
}

/** How many characters of one role each film lists (see `total` for the rest). */
export const PER_FILM = 10;
/** Films listed per role when no limit is given. */
export const DEFAULT_FILM_LIMIT = 10;
/** The most films per role one question may list. */
export const MAX_FILM_LIMIT = 1000;

/** A narrative role as typed ("Lead Investigator", "lead_investigator"), or an error. */
export function checkedRole(role: string): NarrativeRole {
  const key = role
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
  const found = NARRATIVE_ROLES.find((r) => r === key);
  if (found) return found;
  throw new HeistgraphError({
    what: `Unknown narrative role "${role}".`,
    expected: `one of: ${NARRATIVE_ROLES.join(", ")}`,
    suggestion: `did you mean ${similarRoles(key)
      .map((r) => `"${r}"`)
      .join(" or ")}?`,
  });
}

/** Roles that contain what was typed, else share a word with it, else the closest spelling. */
function similarRoles(key: string): NarrativeRole[] {
  const byDistance = (a: string, b: string) => distance(a, key) - distance(b, key);
  const containing = NARRATIVE_ROLES.filter((r) => r.includes(key) || key.includes(r));
  if (containing.length > 0) return containing.sort(byDistance).slice(0, 3);
  const words = new Set(key.split("-"));
  const sharing = NARRATIVE_ROLES.filter((r) => r.split("-").some((w) => words.has(w)));
  if (sharing.length > 0) return sharing.sort(byDistance).slice(0, 3);
  return [closest(key, [...NARRATIVE_ROLES]) as NarrativeRole];
}

/** Characters of different films who share a narrative role, grouped by role. */
export async function parallels(db: Database, options: ParallelsOptions = {}): Promise<Parallels> {
  const role = options.role === undefined ? null : checkedRole(options.role);
  const limit = checkedInteger("limit", options.limit ?? DEFAULT_FILM_LIMIT, 1, MAX_FILM_LIMIT);
  const found = await runQuery<Parallel>(db, "parallels", {
    role,
    perFilm: neo4j.int(PER_FILM),
    limit: neo4j.int(limit),
  });
  return {
    role,
    limit,
    parallels: found.map(inOrder),
    truncated: found.some((p) => p.truncated),
  };
}

/** A parallel with its fields in a fixed, readable order (Cypher maps have none), for --json. */
function inOrder(p: Parallel): Parallel {
  return {
    role: p.role,
    films: p.films.map((f) => ({
      film: f.film,
      title: f.title,
      total: f.total,
      characters: f.characters.map((c) => ({
        id: c.id,
        name: c.name,
        unnamed: c.unnamed,
        occupation: c.occupation,
        fate: c.fate,
        acts: c.acts,
        sources: c.sources,
      })),
    })),
    truncated: p.truncated,
  };
}
