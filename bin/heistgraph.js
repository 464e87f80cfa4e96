#!/usr/bin/env node
// The `heistgraph` command. It runs the CLI as bundled by esbuild into dist/ (npm's `prepare`
// and `npm run build` build it: scripts/build-cli.js), which starts several times faster than
// compiling the TypeScript sources at run time. Where the bundle is older than any of its
// sources (an edit since the last build) or missing, or with HEISTGRAPH_FROM_SOURCE=1, the
// sources run through tsx instead, so an edit shows at once. Building is no job of this command.
import { freshCli } from "./cli-bundle.js";

// A reader that stops early (`heistgraph deaths heat | head`) is no error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const bundle = process.env.HEISTGRAPH_FROM_SOURCE === "1" ? null : freshCli();
let main;
if (bundle) {
  ({ main } = await import(bundle));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../src/cli/main.ts"));
}
process.exitCode = await main(process.argv);
