// The one way browser tests get a browser and a server: Debian's Chromium driven by
// playwright-core (no browser download), and the API with the pages on a free port.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { startApiServer, type ApiServer } from "../../src/api/server.ts";
import type { Database } from "../../src/db/connection.ts";
import { mountWebPages } from "../../src/web/mount.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Browser tests are skipped on a machine without Chromium, but never in CI (CI=true), where
 * .ci/run installs it: there a missing browser fails the run.
 */
export const noChromium = !existsSync(CHROMIUM) && !process.env.CI;

// Without the background-networking flags Chromium keeps calling home, which a closed network
// refuses (and a test of "no request leaves the server" would see).
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/** The API and every page of web/, as `heistgraph serve` runs them, on a free port. */
export function startServerWithPages(db: Database): Promise<ApiServer> {
  return startApiServer({
    db,
    port: 0,
    mount: async (app, apiDb, context) => {
      await mountWebPages(app, apiDb, context);
    },
  });
}
