import { buildSchema, graphql } from "graphql";
import { describe, expect, it } from "vitest";
import { capListFields, capTypeDefs } from "./row-caps.ts";

describe("capTypeDefs", () => {
  const capped = capTypeDefs(
    `type Film @node {
      id: ID!
      sources: [String!]!
      deaths: [Death!]! @cypher(statement: "MATCH (d) RETURN d AS result", columnName: "result")
      first: Death @cypher(statement: "MATCH (d) RETURN d AS result LIMIT 1", columnName: "result")
    }
    type Death { victim: String! }`,
    10,
  );

  it("limits every @node type to one row more than the cap", () => {
    expect(capped).toMatch(/type Film @node @limit\(default: 11, max: 11\)/);
    expect(capped).toMatch(/type Death \{/);
  });

  it("limits @cypher list fields, not single ones", () => {
    expect(capped).toContain(
      String.raw`deaths: [Death!]! @cypher(statement: "MATCH (d) RETURN d AS result\nLIMIT 11"`,
    );
    expect(capped).toContain('RETURN d AS result LIMIT 1", columnName');
  });
});

describe("capListFields", () => {
  // The shapes of the API's schema: a question's answer, node lists, a connection, chains.
  const schema = capListFields(
    buildSchema(`
      type Query {
        timeline(film: String!, from: Int, to: Int): TimelineAnswer!
        connection(subject: String!, to: String!, film: String, maxLength: Int): ConnectionAnswer!
        films(where: FilmWhere, limit: Int, offset: Int, sort: [FilmSort!]): [Film!]!
        eventsConnection(where: FilmWhere, first: Int, after: String, sort: [FilmSort!]): EventsConnection!
      }
      input FilmWhere { id: String }
      input FilmSort { id: Int }
      type TimelineAnswer { rows: [Int!]! }
      type ConnectionAnswer { rows: [Int!]! }
      type EventsConnection { edges: [Int!]! }
      type Film {
        deathLedger: [Int!]!
        betrayalChains(maxDepth: Int, limit: Int): BetrayalChains!
      }
      type BetrayalChains { chains: [Int!]! }
    `),
    2,
  );
  const three = [1, 2, 3];
  const rootValue = {
    timeline: { rows: three },
    connection: { rows: three },
    films: [{ deathLedger: three, betrayalChains: { chains: three } }],
    eventsConnection: { edges: three },
  };
  const messageOf = async (source: string) =>
    (await graphql({ schema, source, rootValue })).errors?.[0]?.message;

  it("names the arguments that narrow the list over the cap", async () => {
    expect(await messageOf(`{ timeline(film: "heat") { rows } }`)).toBe(
      "TimelineAnswer.rows has more than 2 items, the most a list may return " +
        "(HEISTGRAPH_API_MAX_ROWS, serve --max-rows). Ask for fewer with from, to, or raise the cap.",
    );
    // The subject, a pair's second character and the film choose what is asked about.
    expect(await messageOf(`{ connection(subject: "a", to: "b") { rows } }`)).toMatch(
      /Ask for fewer with maxLength, or raise the cap\.$/,
    );
    expect(await messageOf(`{ eventsConnection { edges } }`)).toMatch(
      /Ask for fewer with where, first, after, or raise the cap\.$/,
    );
    expect(await messageOf(`{ films { betrayalChains { chains } } }`)).toMatch(
      /^BetrayalChains\.chains .* Ask for fewer with maxDepth, limit, or raise the cap\.$/,
    );
  });

  it("says when only a higher cap gets the list whole", async () => {
    expect(await messageOf(`{ films(limit: 1) { deathLedger } }`)).toMatch(
      /^Film\.deathLedger has more than 2 items.* No argument narrows it: raise the cap to get it whole\.$/,
    );
  });
});
