// Turns what a user types (a name, an alias, a film title) into ids, or into an error that
// names the closest matches.
import { closest, distance } from "fastest-levenshtein";
import type { Database } from "../db/connection.ts";
import { HeistgraphError } from "../errors.ts";
import { normaliseName } from "../text/normalise.ts";
import { characterSearch } from "../text/search-query.ts";
import { runQuery } from "./run-query.ts";

export interface CharacterRef {
  id: string;
  name: string;
  film: string;
  fate: string;
}

export interface FilmRef {
  id: string;
  title: string;
}

/** A film by id or title (case and accents ignored). */
export async function resolveFilm(db: Database, film: string): Promise<FilmRef> {
  // A film deleted while it is read may come back without a title.
  const films = (await runQuery<FilmRef>(db, "film-exists", {})).filter(
    (f) => typeof f.title === "string",
  );
  const key = normaliseName(film);
  const found = films.find(
    (f) => f.id === film || normaliseName(f.title) === key || f.id === key.replace(/ /g, "-"),
  );
  if (found) return found;
  const guess =
    films.length > 0
      ? closest(
          key,
          films.map((f) => normaliseName(f.title)),
        )
      : undefined;
  throw new HeistgraphError({
    what: `Unknown film "${film}".`,
    expected: `a film id or title: ${films.map((f) => `${f.id} (${f.title})`).join(", ") || "none loaded; run `npx heistgraph import`"}`,
    suggestion: guess
      ? `did you mean "${films.find((f) => normaliseName(f.title) === guess)?.id}"?`
      : undefined,
  });
}

/** How far a name is from the key: 0 when one holds the other, else edit distance / length. */
function nameDistance(keys: string[], key: string): number {
  return Math.min(
    ...keys.map((k) =>
      k.includes(key) || key.includes(k) ? 0 : distance(k, key) / Math.max(k.length, key.length),
    ),
  );
}

interface FoundCharacter extends CharacterRef {
  keys: (string | null)[] | null;
  exact: boolean;
  close: boolean;
}

/** A character by name or alias, in one film or all of them (one query, through an index). */
export async function resolveCharacter(
  db: Database,
  name: string,
  film?: string,
): Promise<CharacterRef> {
  const filmId = film === undefined ? null : (await resolveFilm(db, film)).id;
  const key = normaliseName(name);
  if (key === "") {
    throw new HeistgraphError({
      what: `"${name}" is not a name.`,
      expected: "a character's name or alias",
      suggestion: "give a name, e.g. Waingro",
    });
  }
  const found = await runQuery<FoundCharacter>(db, "find-character", {
    key,
    film: filmId,
    ...characterSearch(key, filmId),
  });
  const named = found.filter((m) => !m.close);
  // A full name or alias wins over a match on one word of a name ("hanna").
  const exact = named.filter((m) => m.exact);
  const matches = (exact.length > 0 ? exact : named).map(({ id, name, film, fate }) => ({
    id,
    name,
    film,
    fate,
  }));
  if (matches.length === 1 && matches[0]) return matches[0];
  if (matches.length > 1) {
    throw new HeistgraphError({
      what: `"${name}" names ${matches.length} characters.`,
      expected: "a name that picks one character",
      suggestion: `say which film: ${matches.map((m) => `${m.name} (--film ${m.film})`).join(", ")}`,
    });
  }
  // The index's close names, ranked by how far they are from what was typed.
  const scored = found
    .filter((m) => m.close && m.name !== null)
    .map((c) => {
      const keys = (c.keys ?? []).filter((k): k is string => typeof k === "string");
      return {
        c,
        score: nameDistance(keys, key),
        // Among names that hold the key, the one closest to it in length first.
        edits: Math.min(...keys.map((k) => distance(k, key))),
      };
    })
    .filter((s) => s.score < 0.5)
    .sort((a, b) => a.score - b.score || a.edits - b.edits || (a.c.id < b.c.id ? -1 : 1))
    .slice(0, 5);
  throw new HeistgraphError({
    what: `No character called "${name}"${filmId ? ` in ${filmId}` : ""}.`,
    expected: "a character's name or alias (case and accents do not matter)",
    suggestion: scored.length
      ? `closest: ${scored.map((s) => `${s.c.name} (${s.c.film})`).join(", ")}`
      : "list the characters with `npx heistgraph timeline <film>` or in Neo4j Browser: MATCH (c:Character) RETURN c.name",
  });
}

/** A whole number within bounds, for parameters such as depth. */
export function checkedInteger(name: string, value: unknown, min: number, max: number): number {
  const n = typeof value === "string" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isInteger(n) || n < min || n > max) {
    throw new HeistgraphError({
      what: `${name} must be a whole number from ${min} to ${max}, not ${JSON.stringify(value)}.`,
      expected: `${min}..${max}`,
      suggestion: `use a ${name} from ${min} to ${max}`,
    });
  }
  return n;
}
