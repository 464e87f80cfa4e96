// The network page's first request (GET /api/first-view): the film it chooses is the page's own
// choice (film-choice.ts), and each part is what the page would get asking for it alone: the
// catalogue and the events from /graphql, the network from /api/network.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiServer } from "../../src/api/server.ts";
import type { FirstView } from "../../src/web/first-view.ts";
import { CATALOGUE_QUERY, EVENTS_QUERY } from "../../src/web/page-queries.ts";
import { apiOverFilms } from "../helpers/api-server.ts";

let server: ApiServer;

beforeAll(async () => {
  ({ server } = await apiOverFilms({ routes: true }));
});
afterAll(async () => server?.stop());

async function get<T>(path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${path}`);
  return { status: response.status, body: (await response.json()) as T };
}

async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(server.graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return ((await response.json()) as { data: T }).data;
}

describe("the page's first view, in one request", () => {
  it("shows the newest film when the address names none, each part as asked alone", async () => {
    const { status, body } = await get<FirstView>("/api/first-view");
    expect(status).toBe(200);
    // Heat (1995) is newer than Reservoir Dogs (1992) and City on Fire (1987).
    expect(body.film).toBe("heat");
    expect(body.catalogue).toEqual(await graphql(CATALOGUE_QUERY));
    expect(body.network).toEqual((await get("/api/network?film=heat")).body);
    const { events } = await graphql<{ events: unknown[] }>(EVENTS_QUERY, { film: "heat" });
    expect(body.events).toEqual(events);
    expect(body.events?.length).toBe(42);
  });

  it("shows the film the address names, and the newest for a film it does not hold", async () => {
    const named = await get<FirstView>("/api/first-view?film=city-on-fire");
    expect(named.body.film).toBe("city-on-fire");
    expect(named.body.network).toEqual((await get("/api/network?film=city-on-fire")).body);
    expect(named.body.events?.map((e) => e.seq)).toEqual(
      Array.from({ length: 35 }, (_, i) => i + 1),
    );
    // The page says "There is no film ..." itself, from the catalogue (film-choice.ts).
    const unknown = await get<FirstView>("/api/first-view?film=no-such-film");
    expect(unknown.body.film).toBe("heat");
  });

  it("shows every film for film=all, with no one story order", async () => {
    const { body } = await get<FirstView>("/api/first-view?film=all");
    expect(body.film).toBeNull();
    expect(body.events).toBeNull();
    expect(body.network).toEqual((await get("/api/network")).body);
    expect(body.network.films.map((f) => f.id).sort()).toEqual(
      body.catalogue.films.map((f) => f.id).sort(),
    );
  });
});
