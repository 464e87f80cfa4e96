// The GraphQL API over HTTP, with a real GraphQL client, against a server on a free port and
// the real Neo4j.
import { ClientError, GraphQLClient, gql } from "graphql-request";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_LIMITS, type ApiServer } from "../../src/api/server.ts";
import type { Database } from "../../src/db/connection.ts";
import { parallels } from "../../src/queries/parallels/index.ts";
import { apiOverFilms } from "../helpers/api-server.ts";

let server: ApiServer;
let client: GraphQLClient;
let db: Database;

beforeAll(async () => {
  ({ db, server } = await apiOverFilms());
  client = new GraphQLClient(server.graphqlUrl);
});
afterAll(async () => server?.stop());

/** The errors of a request that must fail. */
async function errorsOf(document: string, variables?: Record<string, unknown>) {
  try {
    await client.request(document, variables);
  } catch (error) {
    if (error instanceof ClientError)
      return { status: error.response.status, errors: error.response.errors ?? [] };
    throw error;
  }
  throw new Error("the request was expected to fail");
}

async function expectHealthy() {
  const response = await fetch(server.healthUrl);
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok" });
  const data = await client.request<{ films: { id: string }[] }>(gql`
    {
      films {
        id
      }
    }
  `);
  expect(data.films).toHaveLength(3);
}

describe("GraphQL API: the headline questions", () => {
  it("lists parallels across films, the lead investigators first asked by role, as the TS helper does", async () => {
    const document = gql`
      query ($role: NarrativeRole, $limit: FilmLimit) {
        parallels(role: $role, limit: $limit) {
          role
          films {
            film
            title
            total
            characters {
              id
              name
              unnamed
              occupation
              fate
              acts
              sources
            }
          }
          truncated
        }
      }
    `;
    type Answer = { parallels: Awaited<ReturnType<typeof parallels>>["parallels"] };
    const leads = await client.request<Answer>(document, { role: "LEAD_INVESTIGATOR" });
    expect(
      leads.parallels.map((p) => [p.role, p.films.map((f) => f.characters.map((c) => c.name))]),
    ).toEqual([["lead-investigator", [["John Chan"], ["Vincent Hanna"]]]]);

    const all = await client.request<Answer>(document, {});
    expect(all.parallels).toEqual((await parallels(db)).parallels);
    const one = await client.request<Answer>(document, { limit: 1 });
    expect(one.parallels).toEqual((await parallels(db, { limit: 1 })).parallels);
    expect(one.parallels.every((p) => p.truncated && p.films.length === 1)).toBe(true);
  });

  it("answers death by whom for Waingro", async () => {
    const data = await client.request<{
      characters: {
        deathByWhom: {
          endsWith: string;
          steps: { victim: string; killer: string; sources: string[] }[];
        }[];
      }[];
    }>(
      gql`
        query DeathByWhom($name: String!) {
          characters(where: { name: { eq: $name } }) {
            deathByWhom {
              endsWith
              steps {
                victim
                killer
                sources
              }
            }
          }
        }
      `,
      { name: "Waingro" },
    );
    const chain = data.characters[0]?.deathByWhom[0];
    expect(chain?.steps.map((s) => s.killer)).toEqual(["Neil McCauley", "Vincent Hanna"]);
    expect(chain?.endsWith).toBe("survivor");
    expect(chain?.steps[0]?.sources).toContain("heat-fr:18");
  });

  it("lists a film's deaths in story order", async () => {
    const data = await client.request<{
      films: { deathLedger: { seq: number | null; victim: string; killer: string | null }[] }[];
    }>(gql`
      {
        films(where: { id: { eq: "heat" } }) {
          deathLedger {
            seq
            victim
            killer
          }
        }
      }
    `);
    const ledger = data.films[0]?.deathLedger ?? [];
    // Deaths with a known moment come first, in story order; McCauley's is the last of them.
    const dated = ledger.filter((d) => d.seq !== null);
    expect(dated.at(-1)).toMatchObject({ victim: "Neil McCauley", killer: "Vincent Hanna" });
    expect(dated.map((d) => d.seq)).toEqual(
      [...dated.map((d) => d.seq)].sort((a, b) => Number(a) - Number(b)),
    );
    expect(ledger.find((d) => d.victim === "Michael Cheritto")?.killer).toBe("Vincent Hanna");
  });

  it("follows Waingro's betrayal chains, through the crew he betrayed", async () => {
    type Chains = {
      characters: {
        betrayalChains: {
          chains: {
            steps: { traitor: string; betrayed: string; viaGroup: string | null; seq: number }[];
          }[];
          truncated: boolean;
        };
      }[];
    };
    const query = gql`
      query Chains($time: Boolean!) {
        characters(where: { id: { eq: "heat-waingro" } }) {
          betrayalChains(maxDepth: 4, timeRespecting: $time) {
            chains {
              steps {
                traitor
                betrayed
                viaGroup
                seq
              }
            }
            truncated
          }
        }
      }
    `;
    const any = await client.request<Chains>(query, { time: false });
    expect(
      any.characters[0]?.betrayalChains.chains[0]?.steps.map((s) => [s.traitor, s.viaGroup, s.seq]),
    ).toEqual([
      ["Waingro", null, 25],
      ["Trejo", "McCauley's crew", 24],
      ["Donald Breedan", "McCauley's crew", 23],
    ]);
    // Later betrayals only: Trejo (24) and Breedan (23) came before Waingro's (25).
    const timed = await client.request<Chains>(query, { time: true });
    expect(timed.characters[0]?.betrayalChains.chains.map((c) => c.steps.length)).toEqual([1]);
    expect(timed.characters[0]?.betrayalChains.truncated).toBe(false);
  });

  it("refuses a betrayal depth out of range before running any Cypher", async () => {
    const { errors } = await errorsOf(gql`
      {
        characters {
          betrayalChains(maxDepth: 99) {
            truncated
          }
        }
      }
    `);
    expect(errors[0]?.message).toMatch(/BetrayalDepth must be a whole number from 1 to 8/);
  });

  it("keeps the most relevant betrayal chains up to the limit, and says more were left out", async () => {
    const data = await client.request<{
      characters: {
        betrayalChains: { chains: { steps: { seq: number }[] }[]; truncated: boolean };
      }[];
    }>(gql`
      {
        characters(where: { id: { eq: "heat-waingro" } }) {
          betrayalChains(limit: 1, timeRespecting: false) {
            chains {
              steps {
                seq
              }
            }
            truncated
          }
        }
      }
    `);
    const found = data.characters[0]?.betrayalChains;
    expect(found?.chains.map((c) => c.steps.map((s) => s.seq))).toEqual([[25, 24, 23]]);
    expect(found?.truncated).toBe(true);
    const { errors } = await errorsOf(gql`
      {
        characters {
          betrayalChains(limit: 0) {
            truncated
          }
        }
      }
    `);
    expect(errors[0]?.message).toMatch(/ChainLimit must be a whole number from 1 to 1000/);
  });

  it("gives a film's timeline in story order, with places and participants", async () => {
    const data = await client.request<{
      films: {
        timeline: {
          seq: number;
          name: string;
          place: { name: string } | null;
          participants: { name: string }[];
        }[];
      }[];
    }>(gql`
      {
        films(where: { id: { eq: "heat" } }) {
          timeline(from: 40) {
            seq
            name
            place {
              name
            }
            participants {
              name
            }
          }
        }
      }
    `);
    const events = data.films[0]?.timeline ?? [];
    expect(events.map((e) => e.seq)).toEqual([40, 41, 42]);
    expect(events.at(-1)?.participants.map((p) => p.name)).toEqual(
      expect.arrayContaining(["Neil McCauley", "Vincent Hanna"]),
    );
    expect(events.at(-1)?.place?.name).toMatch(/airport/i);
  });

  it("gives a killing's properties through the relationship connection", async () => {
    const data = await client.request<{
      characters: {
        killedByConnection: {
          edges: { properties: { seq: number; sources: string[] }; node: { name: string } }[];
        };
      }[];
    }>(gql`
      {
        characters(where: { id: { eq: "neil-mccauley" } }) {
          killedByConnection {
            edges {
              properties {
                seq
                sources
              }
              node {
                ... on Character {
                  name
                }
                ... on Group {
                  name
                }
              }
            }
          }
        }
      }
    `);
    const edge = data.characters[0]?.killedByConnection.edges[0];
    expect(edge?.node.name).toBe("Vincent Hanna");
    expect(edge?.properties.sources).toEqual(expect.arrayContaining(["heat-fr:20", "heat-de:12"]));
  });
});

describe("GraphQL API: filtering and paging", () => {
  it("filters characters and sorts them", async () => {
    const data = await client.request<{ characters: { name: string; film: string }[] }>(gql`
      {
        characters(where: { role: { eq: "undercover-officer" } }, sort: [{ name: ASC }]) {
          name
          film
        }
      }
    `);
    expect(data.characters).toEqual([
      { name: "Chan Kam-wah", film: "city-on-fire" },
      { name: "Ko Chow", film: "city-on-fire" },
      { name: "Mr. Orange", film: "reservoir-dogs" },
    ]);
  });

  it("pages through a film's events with a cursor connection", async () => {
    const page = gql`
      query Events($after: String) {
        eventsConnection(
          where: { film: { eq: "heat" } }
          sort: [{ seq: ASC }]
          first: 5
          after: $after
        ) {
          edges {
            node {
              seq
              name
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    `;
    type Page = {
      eventsConnection: {
        edges: { node: { seq: number } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const first = await client.request<Page>(page);
    const second = await client.request<Page>(page, {
      after: first.eventsConnection.pageInfo.endCursor,
    });
    expect(first.eventsConnection.edges.map((e) => e.node.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(second.eventsConnection.edges.map((e) => e.node.seq)).toEqual([6, 7, 8, 9, 10]);
    expect(first.eventsConnection.pageInfo.hasNextPage).toBe(true);
  });
});

describe("GraphQL API: refusals and limits", () => {
  it("refuses a mutation, and stays healthy", async () => {
    const { status, errors } = await errorsOf(gql`
      mutation {
        createFilms(input: [{ id: "x", title: "X", sources: [] }]) {
          films {
            id
          }
        }
      }
    `);
    expect(status).toBe(400);
    expect(errors[0]?.message).toMatch(/read-only/);
    await expectHealthy();
  });

  it("answers a malformed query with a GraphQL error, and stays healthy", async () => {
    const { errors } = await errorsOf("{ characters { name ");
    expect(errors[0]?.message).toMatch(/Syntax Error/);
    expect(JSON.stringify(errors)).not.toMatch(/stacktrace|at .*\.js:/);
    await expectHealthy();
  });

  it("answers an over-deep query with a GraphQL error, and stays healthy", async () => {
    const deep = gql`
      {
        characters {
          memberOf {
            members {
              memberOf {
                members {
                  memberOf {
                    members {
                      memberOf {
                        members {
                          name
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    `;
    const { errors } = await errorsOf(deep);
    expect(errors[0]?.message).toMatch(
      new RegExp(`depth limit of ${API_LIMITS.maxDepth} exceeded`),
    );
    await expectHealthy();
  });

  it("refuses an unknown field without leaking internals", async () => {
    const { errors } = await errorsOf("{ characters { password } }");
    expect(errors[0]?.message).toMatch(/Cannot query field "password"/);
    expect(errors[0]?.extensions).not.toHaveProperty("stacktrace");
  });

  it("refuses a request body over the size limit", async () => {
    const response = await fetch(server.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ films { id } } # ${"x".repeat(40_000)}` }),
    });
    expect(response.status).toBe(413);
    await expectHealthy();
  });
});
