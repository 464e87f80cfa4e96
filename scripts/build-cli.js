// The `heistgraph` command, bundled by esbuild into dist/ so it starts without compiling
// TypeScript at every run (docs/benchmarks.md, "CLI start-up"). Plain JavaScript: npm's
// `prepare` (run by `npm ci`) runs it before any TypeScript loader is installed.
//
//   npm run build     (node scripts/build-cli.js) builds dist/cli-<stamp>/ and points
//                     dist/cli.json at it
//
// dist/cli.json lists every file the bundle was built from; bin/cli-bundle.js trusts the bundle
// only while none of them is newer than the build (else the CLI runs its sources through tsx).
// Each build goes to its own folder and cli.json is replaced in one rename, so commands that
// run while a build is made never see half a bundle.
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { DIST, MANIFEST } from "../bin/cli-bundle.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ENTRY = join(ROOT, "src", "cli", "main.ts");
/** Loaded from node_modules, not bundled: native code, or big and needed by one command only. */
const EXTERNAL = [
  "@apollo/server",
  "@as-integrations/express5",
  "@escape.tech/graphql-armor",
  "@neo4j/graphql",
  "@resvg/resvg-js",
  "esbuild",
  "express",
  "graphql",
  "tsx",
];
/** Besides the sources: a change to the build or to the installed packages makes a new bundle. */
const BUILD_INPUTS = [
  "scripts/build-cli.js",
  "bin/cli-bundle.js",
  "package.json",
  "node_modules/.package-lock.json",
];
/** Older builds are removed once this old, so a command still running from one keeps it. */
const KEEP_OLD_BUILDS_MS = 10 * 60 * 1000;

/**
 * The sources compute paths from their own place (`new URL("../../cypher/", import.meta.url)`):
 * in the bundle, each `import.meta.url` of a source becomes that source's URL, found from the
 * bundle's own, so the paths still hold wherever the checkout is.
 */
function sourceUrlPlugin(outdir) {
  return {
    name: "source-import-meta-url",
    setup(build) {
      build.onLoad({ filter: /[/\\]src[/\\].*\.ts$/ }, (args) => {
        if (args.path.includes("node_modules")) return undefined;
        const text = readFileSync(args.path, "utf8");
        const path = relative(outdir, args.path).split("\\").join("/");
        const url = `new URL(${JSON.stringify(path)}, import.meta.url).href`;
        return { contents: text.replaceAll("import.meta.url", url), loader: "ts" };
      });
    },
  };
}

/** Builds a new bundle and returns its entry as a file URL. */
export async function buildCli() {
  const { build } = await import("esbuild");
  const builtAt = Date.now();
  const dir = `cli-${builtAt}-${process.pid}`;
  const outdir = join(DIST, dir);
  const result = await build({
    entryPoints: { main: ENTRY },
    outdir,
    absWorkingDir: ROOT,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // Smaller to parse at every start; identifiers are kept so stack traces still name things.
    minifyWhitespace: true,
    minifySyntax: true,
    metafile: true,
    logLevel: "silent",
    external: EXTERNAL,
    plugins: [sourceUrlPlugin(outdir)],
    // Bundled CommonJS packages call require(); an ES module has none of its own.
    banner: {
      js: 'import { createRequire as __hgRequire } from "node:module"; const require = __hgRequire(import.meta.url);',
    },
  });
  const sources = Object.keys(result.metafile.inputs).filter((p) => !p.includes("node_modules"));
  const inputs = [...sources, ...BUILD_INPUTS.filter((p) => existsIn(ROOT, p))];
  mkdirSync(DIST, { recursive: true });
  const temporary = `${MANIFEST}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ builtAt, dir, inputs }, null, 2)}\n`);
  renameSync(temporary, MANIFEST);
  removeOldBuilds(dir);
  return pathToFileURL(join(outdir, "main.js")).href;
}

function existsIn(root, path) {
  try {
    statSync(join(root, path));
    return true;
  } catch {
    return false;
  }
}

function removeOldBuilds(current) {
  for (const name of readdirSync(DIST)) {
    if (!name.startsWith("cli-") || name === current) continue;
    const path = join(DIST, name);
    if (Date.now() - statSync(path).mtimeMs > KEEP_OLD_BUILDS_MS)
      rmSync(path, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const entry = await buildCli();
  console.log(`built ${relative(ROOT, fileURLToPath(entry))}`);
}
