#!/usr/bin/env node
// The `heistgraph` command. It runs the CLI as bundled by esbuild into dist/ (npm's `prepare`
// builds it; see scripts/build-cli.js), which starts several times faster than compiling the
// TypeScript sources at run time. A bundle older than any of its sources is rebuilt first, so
// an edit shows at once; where no bundle can be built (a read-only install, a syntax error),
// or with HEISTGRAPH_FROM_SOURCE=1, the sources run through tsx instead.
import { buildCli, freshCli } from "../scripts/build-cli.js";

async function bundledCli() {
  if (process.env.HEISTGRAPH_FROM_SOURCE === "1") return null;
  return freshCli() ?? (await buildCli().catch(() => null));
}

// A reader that stops early (`heistgraph deaths heat | head`) is no error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const bundle = await bundledCli();
let main;
if (bundle) {
  ({ main } = await import(bundle));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../src/cli/main.ts"));
}
process.exitCode = await main(process.argv);
