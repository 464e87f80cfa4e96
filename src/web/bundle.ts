// Builds the browser pages in web/<page>/ (index.html + main.ts or main.tsx) into
// .heistgraph/web/<page>/ with esbuild, from npm packages only: the pages load nothing from
// the internet. A page is rebuilt when any file under web/ is newer than its build.
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { PACKAGE_ROOT } from "../db/local-neo4j/paths.ts";

export const WEB_SOURCE_DIR = join(PACKAGE_ROOT, "web");
export const WEB_BUILD_DIR = join(PACKAGE_ROOT, ".heistgraph", "web");

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function webPages(): string[] {
  return readdirSync(WEB_SOURCE_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(WEB_SOURCE_DIR, e.name, "index.html")))
    .map((e) => e.name);
}

/** Bundles every page whose sources changed since its last build; returns the build folder. */
export async function bundleWebPages(options: { force?: boolean } = {}): Promise<string> {
  const sourcesChanged = newestChange(WEB_SOURCE_DIR);
  for (const page of webPages()) {
    const source = join(WEB_SOURCE_DIR, page);
    const out = join(WEB_BUILD_DIR, page);
    const stamp = join(out, "index.html");
    if (!options.force && existsSync(stamp) && statSync(stamp).mtimeMs >= sourcesChanged) continue;
    mkdirSync(out, { recursive: true });
    const entry = ["main.tsx", "main.ts"].map((f) => join(source, f)).find((f) => existsSync(f));
    if (entry) {
      await build({
        entryPoints: [entry],
        outfile: join(out, "main.js"),
        bundle: true,
        format: "esm",
        minify: true,
        sourcemap: true,
        target: "es2022",
        loader: {
          ".woff": "file",
          ".woff2": "file",
          ".ttf": "file",
          ".svg": "file",
          ".png": "file",
        },
        define: { "process.env.NODE_ENV": '"production"' },
        logLevel: "warning",
      });
    }
    // index.html last: its time stamp marks the build as complete.
    copyFileSync(join(source, "index.html"), stamp);
  }
  return WEB_BUILD_DIR;
}
