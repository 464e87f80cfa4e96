// Serves the bundled pages from `heistgraph serve`: the network page at /, every other page
// of web/ at /<page>/, and the JSON the network page draws from (/api/network and
// /api/betrayal-chains, see network-route.ts).
import express, { type Express } from "express";
import { join } from "node:path";
import type { Database } from "../db/connection.ts";
import { bundleWebPages, webPages } from "./bundle.ts";
import { registerBrowserRoutes } from "./browser-routes.ts";
import { registerNetworkRoutes } from "./network-route.ts";

export const HOME_PAGE = "network";

export async function mountWebPages(app: Express, db: Database): Promise<string[]> {
  registerNetworkRoutes(app, db);
  registerBrowserRoutes(app);
  const buildDir = await bundleWebPages();
  const pages = webPages();
  for (const page of pages) {
    app.use(
      page === HOME_PAGE ? "/" : `/${page}`,
      express.static(join(buildDir, page), { index: "index.html" }),
    );
  }
  return pages.map((page) => (page === HOME_PAGE ? "/" : `/${page}/`));
}
