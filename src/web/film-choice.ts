// Which film the network page shows first, decided in one place for the server's first-view
// answer (first-view.ts) and the page itself (web/network/main.ts): the film the address
// names, all films for "all", else the newest film.
import type { Film } from "./page-queries.ts";

/** The address's word for every film at once (#film=all). */
export const ALL_FILMS = "all";

/** The films, newest first (then by title), as the film picker lists them. */
export function newestFirst(films: Film[]): Film[] {
  return [...films].sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || a.title.localeCompare(b.title));
}

/** The film the address names: undefined when it names none, null for all films. */
export function filmInAddress(hash: string): string | null | undefined {
  const film = new URLSearchParams(hash.replace(/^#/, "")).get("film");
  if (!film) return undefined;
  return film === ALL_FILMS ? null : film;
}

/**
 * The film to show (null: all films), and the film the address asked for when the database
 * does not hold it (the newest is shown instead).
 */
export function firstFilm(
  films: Film[],
  asked: string | null | undefined,
): { film: string | null; unknown: string | null } {
  const newest = newestFirst(films)[0]?.id ?? null;
  if (asked === undefined) return { film: newest, unknown: null };
  if (asked === null || films.some((f) => f.id === asked)) return { film: asked, unknown: null };
  return { film: newest, unknown: asked };
}
