// The GraphQL queries of the network page's first load and the shapes they answer, in one
// place: the page asks them (web/network/api.ts), and the first-view route asks them
// in-process for the page's first request (first-view.ts).

export interface Film {
  id: string;
  title: string;
  year: number | null;
  director: string | null;
}

export interface SourceInfo {
  id: string;
  title: string;
}

/** What CATALOGUE_QUERY answers. */
export interface Catalogue {
  films: Film[];
  sources: SourceInfo[];
}

export interface StoryEvent {
  id: string;
  seq: number;
  name: string;
  summary?: string;
  sources?: string[];
}

/** Every film and source, for the film picker and the facts' citations. */
export const CATALOGUE_QUERY = `
  {
    films(sort: [{ title: ASC }]) {
      id
      title
      year
      director
    }
    sources {
      id
      title
    }
  }
`;

/** A film's events in story order ($film: its id), for the story-time slider. */
export const EVENTS_QUERY = `
  query Events($film: String!) {
    events(where: { film: { eq: $film } }, sort: [{ seq: ASC }]) {
      id
      seq
      name
      summary
      sources
    }
  }
`;
