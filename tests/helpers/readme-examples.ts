// The examples of the README and of docs/ are run, not just shown. Two kinds of fenced blocks
// take part, in README.md and in every docs/*.md:
//
//   ```console example          a `$ npx heistgraph ...` line, then the output it prints
//   ```ts example + ```text     a TypeScript program importing "heistgraph", then its output
//
// tests/integration/readme.test.ts runs each one against the test Neo4j and compares the
// output; `npm run docs:examples` runs them against the configured Neo4j and writes the
// outputs back into the files.
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { DatabaseSettings } from "../../src/db/connection.ts";
import { PACKAGE_ROOT } from "../../src/db/local-neo4j/paths.ts";
import { runHeistgraph, runNode, type RunResult } from "./cli.ts";

export const README = join(PACKAGE_ROOT, "README.md");

/** The files whose examples are run: the README and the pages of docs/. */
export function exampleFiles(): string[] {
  const docs = join(PACKAGE_ROOT, "docs");
  const pages = readdirSync(docs)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => join(docs, name));
  return [README, ...pages];
}

/** A file's path from the package root, for test names and messages. */
export function shortPath(file: string): string {
  return relative(PACKAGE_ROOT, file);
}

export interface Example {
  kind: "cli" | "ts";
  /** For cli: the arguments after `npx heistgraph`; for ts: the program. */
  code: string;
  /** The output the README shows. */
  expected: string;
  /** Character offsets of the expected output in the README, to rewrite it. */
  outputStart: number;
  outputEnd: number;
}

const FENCE = /```([^\n]*)\n([\s\S]*?)```/g;

export function readmeExamples(text: string, name = "README"): Example[] {
  const blocks = [...text.matchAll(FENCE)].map((m) => ({
    info: (m[1] ?? "").trim(),
    body: m[2] ?? "",
    bodyStart: (m.index ?? 0) + 3 + (m[1] ?? "").length + 1,
  }));
  const examples: Example[] = [];
  blocks.forEach((block, i) => {
    if (block.info === "console example") {
      const [first = "", ...rest] = block.body.split("\n");
      const command = /^\$ npx heistgraph (.*)$/.exec(first);
      if (!command?.[1])
        throw new Error(`${name}: a console example must start with "$ npx heistgraph": ${first}`);
      const outputStart = block.bodyStart + first.length + 1;
      examples.push({
        kind: "cli",
        code: command[1],
        expected: rest.join("\n"),
        outputStart,
        outputEnd: block.bodyStart + block.body.length,
      });
    } else if (block.info === "ts example") {
      const output = blocks[i + 1];
      if (output?.info !== "text")
        throw new Error(`${name}: a ts example must be followed by a text block with its output`);
      examples.push({
        kind: "ts",
        code: block.body,
        expected: output.body,
        outputStart: output.bodyStart,
        outputEnd: output.bodyStart + output.body.length,
      });
    }
  });
  return examples;
}

/** Splits a command line the way a shell would for plain words and quoted strings. */
export function splitArgs(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? "");
}

/** What a program printed; a failure is an error with its output. */
async function printed(result: Promise<RunResult>): Promise<string> {
  const { code, stdout, stderr } = await result;
  if (code !== 0) throw new Error(`exit ${code}: ${stderr}${stdout}`);
  return stdout;
}

/** Runs one example against the given database and returns what it printed. */
export async function runExample(
  example: Example,
  settings: DatabaseSettings,
  /** Names the example's program file: unique among the examples run at once. */
  name: string,
): Promise<string> {
  if (example.kind === "cli") {
    return printed(runHeistgraph(settings, ...splitArgs(example.code)));
  }
  // Inside the package folder, so `import ... from "heistgraph"` resolves to this checkout.
  const dir = join(PACKAGE_ROOT, ".heistgraph", "readme-examples");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name.replace(/[^\w-]+/g, "-")}.mts`);
  writeFileSync(file, example.code);
  return printed(runNode(["--import", "tsx", file], settings));
}
