// The GraphQL API over the films on a free port, for tests that check its answers (not its
// limits, which api-load.test.ts and api-protection.test.ts check): a cold query plan on a
// loaded machine can take longer than the default timeout.
import { DEFAULT_LOAD_LIMITS } from "../../src/api/load-limits.ts";
import { startApiServer, type ApiServer } from "../../src/api/server.ts";
import type { Database } from "../../src/db/connection.ts";
import { registerNetworkRoutes } from "../../src/web/network-route.ts";
import { withFilmsImported } from "./neo4j.ts";

/** The films freshly imported, and the API over them; with `routes`, the page's JSON routes too. */
export async function apiOverFilms(
  options: { routes?: boolean } = {},
): Promise<{ db: Database; server: ApiServer }> {
  const db = await withFilmsImported();
  const server = await startApiServer({
    db,
    port: 0,
    limits: { ...DEFAULT_LOAD_LIMITS, queryTimeoutMs: 120_000 },
    mount: options.routes
      ? (app, apiDb, context) => registerNetworkRoutes(app, apiDb, context)
      : undefined,
  });
  return { db, server };
}
