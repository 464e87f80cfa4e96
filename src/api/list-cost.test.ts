import { Neo4jGraphQL } from "@neo4j/graphql";
import { parse, type GraphQLSchema } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { listCost, nodeTypeNames } from "./list-cost.ts";
import { capTypeDefs } from "./row-caps.ts";
import { API_LIMITS } from "./server.ts";
import { typeDefs } from "./type-defs.ts";

// The API's own schema, as the server builds it (no database needed to build it).
let schema: GraphQLSchema;
const options = { defaultListSize: 1000, nodeTypes: nodeTypeNames(typeDefs()) };
const cost = (query: string, variables?: Record<string, unknown>) =>
  listCost(schema, parse(query), options, variables);

beforeAll(async () => {
  schema = await new Neo4jGraphQL({ typeDefs: capTypeDefs(typeDefs(), 1000) }).getSchema();
});

describe("listCost", () => {
  it("counts a list without limit as the row cap, and multiplies nested lists", () => {
    expect(cost("{ films { id } }")).toEqual({ cost: 1000, path: ["films 1000"] });
    expect(cost("{ films { characters { name } } }")).toEqual({
      cost: 1000 + 1000 * 1000,
      path: ["films 1000", "characters 1000"],
    });
  });

  it("prices lists nested seven deep far over the limit, naming the path", () => {
    const deep = cost(
      `{ characters(where: { film: { eq: "x" } }) { memberOf { members { memberOf { members { memberOf { members { id } } } } } } } }`,
    );
    expect(deep.cost).toBeGreaterThan(1e20);
    expect(deep.path).toEqual([
      "characters 1000",
      "memberOf 1000",
      "members 1000",
      "memberOf 1000",
      "members 1000",
      "memberOf 1000",
      "members 1000",
    ]);
  });

  it("takes limit and first from literals, variables and their defaults, capped", () => {
    expect(
      cost("{ characters(limit: 10) { memberOf(limit: 5) { members(limit: 20) { name } } } }").cost,
    ).toBe(10 + 10 * 5 + 10 * 5 * 20);
    expect(cost("query ($n: Int) { characters(limit: $n) { name } }", { n: 3 }).cost).toBe(3);
    expect(cost("query ($n: Int = 7) { characters(limit: $n) { name } }").cost).toBe(7);
    expect(cost("{ characters(limit: 5000) { name } }").cost).toBe(1000);
    expect(cost("{ charactersConnection(first: 5) { edges { node { id } } } }").cost).toBe(
      5 + 5 + 5,
    );
  });

  it("counts the lists inside a computed answer once, and an answer's own limit", () => {
    // characters × chains; each chain's steps come in its row.
    expect(
      cost(
        '{ characters(where: {name: {eq: "Waingro"}}) { deathByWhom { steps { killer seq sources } } } }',
      ).path,
    ).toEqual(["characters 1000", "deathByWhom 1000"]);
    expect(cost("{ parallels(role: LEAD_INVESTIGATOR) { films { title } } }").path).toEqual([
      "parallels 10",
    ]);
  });

  it("lets the README's and the tests' queries through, and refuses three nested lists", () => {
    const max = API_LIMITS.maxListCost;
    for (const query of [
      '{ characters(where: {name: {eq: "Waingro"}}) { deathByWhom { steps { killer seq sources } } } }',
      '{ films(where: { id: { eq: "heat" } }) { characters { name } } }',
      '{ films(where: { id: { eq: "heat" } }) { deathLedger { victim } } }',
      "{ characters { betrayalChains(limit: 10) { chains { steps { seq } } } } }",
    ])
      expect(cost(query).cost, query).toBeLessThanOrEqual(max);
    expect(cost("{ films { characters { memberOf { name } } } }").cost).toBeGreaterThan(max);
  });

  it("counts a list asked by id as one item (ids are unique)", () => {
    expect(
      cost(
        "query ($id: ID!) { characters(where: { id: { eq: $id } }) { memberOfConnection { edges { node { id } } } deathByWhom { endsWith } } }",
      ).path,
    ).toEqual(["memberOfConnection 1000"]);
  });

  it("follows fragments", () => {
    expect(
      cost(
        "query { films { ...F } } fragment F on Film { characters { ... on Character { memberOf { name } } } }",
      ).cost,
    ).toBe(1000 + 1e6 + 1e9);
  });
});
