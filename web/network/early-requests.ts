// The first view's requests (the catalogue, then the first film's network and events),
// started by first-view.ts while the browser is still evaluating main.js, and taken over by
// the page once each (a failed one is simply asked again there).
import { fetchCatalogue, fetchEvents, fetchNetwork } from "./api.ts";
import type { Film, PositionedNetwork, SourceInfo, StoryEvent } from "./api.ts";
import { filmInAddress, firstFilm } from "./film-choice.ts";

interface FilmRequests {
  network: Promise<PositionedNetwork>;
  /** Null for all films, which have no one story order. */
  events: Promise<StoryEvent[]> | null;
}

/** Each request is taken (and its field emptied) once. */
export interface EarlyRequests {
  catalogue?: Promise<{ films: Film[]; sources: SourceInfo[] }>;
  /** The first film's (null: all films), once the catalogue says which. */
  film?: Promise<FilmRequests & { film: string | null }>;
}

declare global {
  interface Window {
    heistgraphEarlyRequests?: EarlyRequests;
  }
}

/** Asks for the first view now; the page takes the answers with takeCatalogue and takeFilm. */
export function startEarlyRequests(): void {
  const catalogue = fetchCatalogue();
  const film = catalogue.then(({ films }) => {
    const { film } = firstFilm(films, filmInAddress(window.location.hash));
    const network = fetchNetwork(film);
    const events = film === null ? null : fetchEvents(film);
    // Handled where the page takes them; until then a failure must not be "unhandled".
    network.catch(() => {});
    events?.catch(() => {});
    return { film, network, events };
  });
  catalogue.catch(() => {});
  film.catch(() => {});
  window.heistgraphEarlyRequests = { catalogue, film };
}

/** The early catalogue request, once; undefined when there was none or it was taken. */
export function takeCatalogue(): EarlyRequests["catalogue"] {
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
  const requests = await pending?.catch(() => undefined);
  return requests && requests.film === film ? requests : undefined;
}
