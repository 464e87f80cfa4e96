// What the network page shows first, in one answer: GET /api/first-view?film=<the film the
// address names, or "all"; nothing for the newest>. The page's own small script
// (web/network/first-view.ts) asks for it before main.js is even evaluated. Asked one by one,
// the catalogue had to come back, and main.js be evaluated, before the film's network and
// events could be asked for; here the server chooses the film by the page's own rule
// (film-choice.ts) and gathers the rest at once, through the same paths the page's later
// requests take (the GraphQL API in-process, the network route's own layout), so the answers
// are the same.
import { ALL_FILMS, firstFilm } from "./film-choice.ts";
import type { PositionedNetwork } from "./network-route.ts";
import { CATALOGUE_QUERY, EVENTS_QUERY, type Catalogue, type StoryEvent } from "./page-queries.ts";

export const FIRST_VIEW_ROUTE = "/api/first-view";

export interface FirstView {
  catalogue: Catalogue;
  /** The film shown (null: every film). */
  film: string | null;
  network: PositionedNetwork;
  /** The film's events in story order; null for every film, which have no one order. */
  events: StoryEvent[] | null;
}

export interface FirstViewSources {
  graphql<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** The network route's answer for a film (undefined: every film). */
  network(film: string | undefined): Promise<PositionedNetwork>;
}

/** `asked`: the address's film ("all" for every film), undefined when it names none. */
export async function firstView(
  sources: FirstViewSources,
  asked: string | undefined,
): Promise<FirstView> {
  const catalogue = await sources.graphql<Catalogue>(CATALOGUE_QUERY);
  const { film } = firstFilm(catalogue.films, asked === ALL_FILMS ? null : asked);
  const [network, events] = await Promise.all([
    sources.network(film ?? undefined),
    film === null
      ? null
      : sources
          .graphql<{ events: StoryEvent[] }>(EVENTS_QUERY, { film })
          .then((data) => data.events),
  ]);
  return { catalogue, film, network, events };
}
