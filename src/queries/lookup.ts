// Turns what a user types (a name, an alias, a film title) into ids, or into an error that
// names the closest matches.
import { closest, distance } from "fastest-levenshtein";
import type { Database } from "../db/connection.ts";
import { HeistgraphError } from "../errors.ts";
import { normaliseName } from "../text/normalise.ts";
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
  const films = await runQuery<FilmRef>(db, "film-exists", {});
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

/** A character by name or alias, in one film or all of them. */
export async function resolveCharacter(
  db: Database,
  name: string,
  film?: string,
): Promise<CharacterRef> {
  const filmId = film === undefined ? null : (await resolveFilm(db, film)).id;
  const key = normaliseName(name);
  const found = await runQuery<CharacterRef & { exact: boolean }>(db, "find-character", {
    key,
    film: filmId,
  });
  // A full name or alias wins over a match on one word of a name ("hanna").
  const exact = found.filter((m) => m.exact);
  const matches = (exact.length > 0 ? exact : found).map(({ exact: _exact, ...ref }) => ref);
  if (matches.length === 1 && matches[0]) return matches[0];
  if (matches.length > 1) {
    throw new HeistgraphError({
      what: `"${name}" names ${matches.length} characters.`,
      expected: "a name that picks one character",
      suggestion: `say which film: ${matches.map((m) => `${m.name} (--film ${m.film})`).join(", ")}`,
    });
  }
  const all = await runQuery<{ id: string; name: string; film: string; keys: string[] }>(
    db,
    "character-names",
    {
      film: filmId,
    },
  );
  const scored = all
    .map((c) => ({
      c,
      score: Math.min(
        ...c.keys.map((k) =>
          k.includes(key) || key.includes(k)
            ? 0
            : distance(k, key) / Math.max(k.length, key.length),
        ),
      ),
    }))
    .filter((s) => s.score < 0.5)
    .sort((a, b) => a.score - b.score)
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
