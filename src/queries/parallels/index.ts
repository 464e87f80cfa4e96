// Parallels across films: characters of different films who hold the same narrative role.
import { closest, distance } from "fastest-levenshtein";
import type { z } from "zod";
import type { Database } from "../../db/connection.ts";
import { NARRATIVE_ROLES, type NarrativeRole } from "../../dataset/vocabulary.ts";
import { HeistgraphError } from "../../errors.ts";
import { askQuestion } from "../../questions/ask-question.ts";
import parallelsQuestion, {
  type Parallel as ParallelShape,
  type ParallelCharacter as ParallelCharacterShape,
  type ParallelFilm as ParallelFilmShape,
} from "../../questions/parallels/question.ts";

export {
  DEFAULT_FILM_LIMIT,
  MAX_FILM_LIMIT,
  PER_FILM,
} from "../../questions/parallels/question.ts";

export type ParallelCharacter = z.infer<typeof ParallelCharacterShape>;
export type ParallelFilm = z.infer<typeof ParallelFilmShape>;
export type Parallel = z.infer<typeof ParallelShape>;

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
  const { options: used, rows } = await askQuestion<Parallel>(db, parallelsQuestion, {
    options: { role, limit: options.limit },
  });
  return {
    role,
    limit: used.limit as number,
    parallels: rows.map(inOrder),
    truncated: rows.some((p) => p.truncated),
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
