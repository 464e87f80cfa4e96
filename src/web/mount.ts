// Serves the bundled pages from `heistgraph serve`: the network page at /, every other page
// of web/ at /<page>/, and the JSON the network page draws from (/api/network and
// /api/betrayal-chains, see network-route.ts).
import type { Express } from "express";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { MountContext } from "../api/server.ts";
import type { Database } from "../db/connection.ts";
import { bundleWebPages, webPages } from "./bundle.ts";
import { registerBrowserRoutes } from "./browser-routes.ts";
import { registerNetworkRoutes } from "./network-route.ts";
import { servePage } from "./serve-static.ts";

export const HOME_PAGE = "network";

export interface MountedPage {
  path: string;
  /** The page's <title>, shown when `serve` lists where things are. */
  title: string;
}

function pageTitle(buildDir: string, page: string): string {
  const html = readFileSync(join(buildDir, page, "index.html"), "utf8");
  return /<title>(?:heistgraph: )?([^<]*)<\/title>/.exec(html)?.[1] ?? page;
}

export async function mountWebPages(
  app: Express,
  db: Database,
  context?: MountContext,
): Promise<MountedPage[]> {
  registerNetworkRoutes(app, db, context);
  registerBrowserRoutes(app);
  const buildDir = await bundleWebPages();
  const pages = webPages();
  for (const page of pages) {
    app.use(page === HOME_PAGE ? "/" : `/${page}`, servePage(join(buildDir, page)));
  }
  // A browser opening /graphql is sent here (src/api/server.ts).
  if (pages.includes("console")) app.locals.consolePath = "/console/";
  return [HOME_PAGE, ...pages.filter((p) => p !== HOME_PAGE)]
    .filter((page) => pages.includes(page))
    .map((page) => ({
      path: page === HOME_PAGE ? "/" : `/${page}/`,
      title: pageTitle(buildDir, page),
    }));
}
