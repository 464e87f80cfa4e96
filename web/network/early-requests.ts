// The first view in one request (/api/first-view: the catalogue, the film chosen, its network
// and events), started by first-view.ts while the browser is still evaluating main.js, and
// taken over by the page once each. If it fails, the page asks for each part itself (and
// says what went wrong then).
import type { Catalogue, PositionedNetwork, StoryEvent } from "./api.ts";
import { fetchFirstView } from "./api.ts";
import { filmInAddress } from "../../src/web/film-choice.ts";

interface FilmRequests {
  network: Promise<PositionedNetwork>;
  /** Null for all films, which have no one story order. */
  events: Promise<StoryEvent[]> | null;
}

/** Each part is taken (and its field emptied) once. */
export interface EarlyRequests {
  catalogue?: Promise<Catalogue | undefined>;
  /** The first film's (null: all films). */
  film?: Promise<(FilmRequests & { film: string | null }) | undefined>;
}

declare global {
  interface Window {
    heistgraphEarlyRequests?: EarlyRequests;
  }
}

/** Asks for the first view now; the page takes the answers with takeCatalogue and takeFilm. */
export function startEarlyRequests(): void {
  // A failure is the page's to meet when it asks for the part itself.
  const view = fetchFirstView(filmInAddress(window.location.hash)).catch(() => undefined);
  window.heistgraphEarlyRequests = {
    catalogue: view.then((v) => v?.catalogue),
    film: view.then(
      (v) =>
        v && {
          film: v.film,
          network: Promise.resolve(v.network),
          events: v.events ? Promise.resolve(v.events) : null,
        },
    ),
  };
}

/** The early catalogue, once; undefined when there was none, it failed, or it was taken. */
export async function takeCatalogue(): Promise<Catalogue | undefined> {
  const early = window.heistgraphEarlyRequests;
  const catalogue = early?.catalogue;
  if (early) early.catalogue = undefined;
  return catalogue;
}

/** The early network and events when they are of `film`, once; undefined otherwise. */
export async function takeFilm(film: string | null): Promise<FilmRequests | undefined> {
  const early = window.heistgraphEarlyRequests;
  const pending = early?.film;
  if (early) early.film = undefined;
  const requests = await pending;
  return requests && requests.film === film ? requests : undefined;
}
