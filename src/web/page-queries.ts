// The GraphQL queries of the network page's first load, in one place: the page asks them
// (web/network/api.ts), and `serve` asks them once before it says it is serving, so that the
// first load finds their plans made (src/cli/commands/serve.ts).

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
