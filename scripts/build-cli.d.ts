// Types of scripts/build-cli.js (plain JavaScript: npm's `prepare` runs it before tsx exists).
/** Builds a new bundle of the CLI into dist/ and returns its entry as a file URL. */
export function buildCli(): Promise<string>;
