// An independent answer to `parallels`, computed in TypeScript from film objects of the
// import format (no Cypher, no graph), for the property tests to compare the query with.
import type { FilmFile } from "../../src/dataset/schema.ts";
import { NARRATIVE_ROLES } from "../../src/dataset/vocabulary.ts";
import { compare } from "./story-reference.ts";

export interface ReferenceParallelFilm {
  film: string;
  title: string;
  total: number;
  characters: { id: string; acts: number }[];
}

export interface ReferenceParallel {
  role: string;
  films: ReferenceParallelFilm[];
  truncated: boolean;
}

/** A word as the importer stores it: lower-case, words joined by hyphens. */
const stored = (word: string) =>
  word
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");

/** The built-in role a character is compared by: its own, or the one its story's word is like. */
function comparedRole(story: FilmFile, role: string | undefined): string | undefined {
  if (role === undefined) return undefined;
  const declared = story.vocabulary?.roles.find((r) => stored(r.word) === stored(role));
  if (declared) return declared.like;
  return NARRATIVE_ROLES.find((r) => r === stored(role));
}

/**
 * Per built-in role (or the one asked for) held in at least two films: the films, smallest
 * ids first, at most `limit` of them (truncated when there were more); each with how many of
 * its characters hold the role and the `perFilm` with most acts (done or suffered, any act
 * type, a declared act word too), then by name, then id.
 */
export function referenceParallels(
  stories: FilmFile[],
  options: { role: string | null; perFilm: number; limit: number },
): ReferenceParallel[] {
  const roles = options.role === null ? [...NARRATIVE_ROLES] : [options.role];
  const result: ReferenceParallel[] = [];
  for (const role of roles.sort(compare)) {
    const films: ReferenceParallelFilm[] = [];
    for (const story of [...stories].sort((a, b) => compare(a.film.id, b.film.id))) {
      const holders = story.characters.filter((c) => comparedRole(story, c.role) === role);
      if (holders.length === 0) continue;
      const acts = (id: string) => story.acts.filter((a) => a.by === id || a.to === id).length;
      const ranked = holders
        .map((c) => ({ id: c.id, name: c.name, acts: acts(c.id) }))
        .sort((a, b) => b.acts - a.acts || compare(a.name, b.name) || compare(a.id, b.id));
      films.push({
        film: story.film.id,
        title: story.film.title,
        total: holders.length,
        characters: ranked.slice(0, options.perFilm).map(({ id, acts }) => ({ id, acts })),
      });
    }
    if (films.length < 2) continue;
    result.push({
      role,
      films: films.slice(0, options.limit),
      truncated: films.length > options.limit,
    });
  }
  return result;
}
