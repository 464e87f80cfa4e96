// Neo4j Browser's guide and style, served by `heistgraph serve` for `:play` and `:style`:
//   /browser/guide.html        the guide, built from cypher/queries/*.cypher on each request
//   /browser/heistgraph.grass  the style (the local Neo4j also applies it on connect, inline)
// Browser runs on Neo4j's own port and fetches these cross-origin, with Pragma and
// Cache-Control headers (so a preflight first): both are public, so any origin may read them.
// Browser only fetches from hosts in browser.remote_content_hostname_whitelist; the local
// Neo4j allows 127.0.0.1 and localhost (src/browser-guide/post-connect.ts).
import type { Express, NextFunction, Request, Response } from "express";
import { buildGuide } from "../browser-guide/build-guide.ts";
import { heistgraphGrass } from "../browser-guide/grass.ts";

export const GUIDE_PATH = "/browser/guide.html";
export const GRASS_PATH = "/browser/heistgraph.grass";

function allowAnyOrigin(req: Request, res: Response, next: NextFunction): void {
  res.set("Access-Control-Allow-Origin", "*");
  res.set("Cache-Control", "no-cache");
  if (req.method === "OPTIONS") {
    res.set("Access-Control-Allow-Methods", "GET, OPTIONS");
    res.set("Access-Control-Allow-Headers", req.get("Access-Control-Request-Headers") ?? "");
    res.set("Access-Control-Max-Age", "600");
    res.status(204).end();
    return;
  }
  next();
}

const origin = (req: Request) => `${req.protocol}://${req.get("host")}`;

export function registerBrowserRoutes(app: Express): void {
  app.use([GUIDE_PATH, GRASS_PATH], allowAnyOrigin);
  app.get(GUIDE_PATH, (req, res) => {
    res.type("html").send(buildGuide({ grassUrl: `${origin(req)}${GRASS_PATH}` }));
  });
  app.get(GRASS_PATH, (_req, res) => {
    res.type("text/plain").send(heistgraphGrass().text);
  });
}
