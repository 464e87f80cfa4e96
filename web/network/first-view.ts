// The first view's requests, started by a small script of their own (index.html loads it
// before main.js) so that they run while the browser is still evaluating the page's bundle:
// the catalogue, then the first film's network and events. main.ts takes each answer once
// (takeFirstView); a failed one is simply asked again there.
import { fetchCatalogue, fetchEvents, fetchNetwork } from "./api.ts";
import type { Film, PositionedNetwork, SourceInfo, StoryEvent } from "./api.ts";
import { filmInAddress, firstFilm } from "./film-choice.ts";

export interface FirstView {
  catalogue: Promise<{ films: Film[]; sources: SourceInfo[] }>;
  /** The first film's network and events (no events for all films), once the catalogue says which. */
  film: Promise<{
    film: string | null;
    network: Promise<PositionedNetwork>;
    events: Promise<StoryEvent[]> | null;
  }>;
}

declare global {
  interface Window {
    heistgraphFirstView?: FirstView;
  }
}

function start(): FirstView {
  const catalogue = fetchCatalogue();
  const film = catalogue.then(({ films }) => {
    const { film } = firstFilm(films, filmInAddress(window.location.hash));
    const network = fetchNetwork(film);
    const events = film === null ? null : fetchEvents(film);
    // Handled by main.ts when it takes them; until then a failure must not be "unhandled".
    network.catch(() => {});
    events?.catch(() => {});
    return { film, network, events };
  });
  catalogue.catch(() => {});
  film.catch(() => {});
  return { catalogue, film };
}

window.heistgraphFirstView = start();
