// Starts page-worker.ts in a worker thread through tsx (a dependency), so the worker runs
// from its TypeScript source alike under the bundled CLI, tsx and the tests.
import { register } from "tsx/esm/api";

register();
await import("./page-worker.ts");
