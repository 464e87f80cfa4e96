// Which bundle of the CLI may run: the one dist/cli.json names, while none of the files it was
// built from is newer than the build, so an edited source never runs stale code. Only reads:
// building is scripts/build-cli.js's job (npm's `prepare`, `npm run build`, the test setup).
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const DIST = join(ROOT, "dist");
export const MANIFEST = join(DIST, "cli.json");

/** The bundle's entry as a file URL, if dist/ holds a bundle newer than all its inputs. */
export function freshCli() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(MANIFEST, "utf8"));
    statSync(join(DIST, manifest.dir, "main.js"));
    for (const input of manifest.inputs) {
      if (statSync(join(ROOT, input)).mtimeMs > manifest.builtAt) return null;
    }
  } catch {
    return null;
  }
  return pathToFileURL(join(DIST, manifest.dir, "main.js")).href;
}
