// Builds the browser pages in web/<page>/ (index.html + main.ts or main.tsx) into
// .heistgraph/web/<page>/ with esbuild, from npm packages only: the pages load nothing from
// the internet. A page is rebuilt when any file under web/ is newer than its build.
// Bundles are named by their content (main-<hash>.js), so they can be cached for good
// (serve-static.ts), and saved gzip- and brotli-compressed beside themselves; index.html
// names the current ones.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
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
    // The old build goes: its hashed files would otherwise pile up.
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    let html = readFileSync(join(source, "index.html"), "utf8");
    const main = ["main.tsx", "main.ts"].map((f) => join(source, f)).find((f) => existsSync(f));
    // A page may start its first requests from a small script of its own, ahead of main.js.
    const early = join(source, "first-view.ts");
    if (main) {
      const result = await build({
        entryPoints: existsSync(early) ? [early, main] : [main],
        outdir: out,
        entryNames: "[name]-[hash]",
        assetNames: "[name]-[hash]",
        bundle: true,
        format: "esm",
        minify: true,
        sourcemap: true,
        metafile: true,
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
      for (const output of Object.keys(result.metafile.outputs)) {
        const name = basename(output);
        // index.html names ./main.js, ./main.css and ./first-view.js; the build's are
        // main-<hash>.js/.css and first-view-<hash>.js.
        const plain = name.replace(/-[A-Z0-9]{8}(\.(?:js|css))$/, "$1");
        if (plain !== name && /^(main|first-view)\.(js|css)$/.test(plain))
          html = html.replaceAll(`./${plain}"`, `./${name}"`);
        // Source maps stay uncompressed: only developer tools ask for them.
        if (/\.(js|css|svg)$/.test(name)) compressBeside(join(out, name));
      }
    }
    // index.html last: its time stamp marks the build as complete.
    writeFileSync(stamp, html);
    compressBeside(stamp);
  }
  return WEB_BUILD_DIR;
}

/** Saves `file`.gz and `file`.br, so that the server sends them without compressing. */
function compressBeside(file: string): void {
  const content = readFileSync(file);
  writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
  writeFileSync(
    `${file}.br`,
    brotliCompressSync(content, {
      params: {
        // Quality 9, not 11: nearly as small, and many times faster on a 1 MB bundle.
        [constants.BROTLI_PARAM_QUALITY]: 9,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    }),
  );
}
