// Serves the bundled pages from `heistgraph serve`: the network page at /, and every other
// page of web/ at /<page>/.
import express, { type Express } from "express";
import { join } from "node:path";
import { bundleWebPages, webPages } from "./bundle.ts";

export const HOME_PAGE = "network";

export async function mountWebPages(app: Express): Promise<string[]> {
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
