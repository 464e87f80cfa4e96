// The first view in one request (/api/first-view: the catalogue, the film chosen, its network
// and events), started by first-view.ts while the browser is still evaluating main.js, and
// taken over by the page once each. If it fails, the page asks for each part itself (and
// says what went wrong then).
import type { FirstView } from "../../src/web/first-view.ts";
import type { Catalogue } from "./api.ts";
import { fetchFirstView } from "./api.ts";
import { filmInAddress } from "../../src/web/film-choice.ts";

/** The first film's network and events (null for all films, which have no one story order). */
export type EarlyFilm = Pick<FirstView, "network" | "events">;

/** Each part is taken (and its field emptied) once. */
export interface EarlyRequests {
  catalogue?: Promise<Catalogue | undefined>;
  /** The first film's network and events, with which film it is (null: all films). */
  film?: Promise<FirstView | undefined>;
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
    film: view,
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
export async function takeFilm(film: string | null): Promise<EarlyFilm | undefined> {
  const early = window.heistgraphEarlyRequests;
  const pending = early?.film;
  if (early) early.film = undefined;
  const requests = await pending;
  return requests && requests.film === film ? requests : undefined;
}
