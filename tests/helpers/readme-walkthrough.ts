// The walkthrough of docs/authoring.md ("Your own story, step by step") is run too, in order,
// in a folder of its own, since each step uses the files the previous ones wrote. Its blocks:
//
//   ```console walkthrough              a `$ npx heistgraph ...` line, then what it prints
//   ```yaml walkthrough file=<name>     a file the user writes (the step writes it)
//
// tests/integration/walkthrough.test.ts runs them; with UPDATE_README=1 it writes the real
// outputs back into the page.
import { join } from "node:path";
import { PACKAGE_ROOT } from "../../src/db/local-neo4j/paths.ts";
import { splitArgs } from "./readme-examples.ts";

export const WALKTHROUGH = join(PACKAGE_ROOT, "docs", "authoring.md");

export interface WalkthroughStep {
  kind: "file" | "cli";
  /** For file: its name; for cli: the arguments after `npx heistgraph`. */
  name: string;
  args: string[];
  /** The file's content, or the output the README shows. */
  text: string;
  /** Offsets of the shown output in the README, to rewrite it. */
  outputStart: number;
  outputEnd: number;
}

const FENCE = /```([^\n]*)\n([\s\S]*?)```/g;

export function walkthroughSteps(readme: string): WalkthroughStep[] {
  const steps: WalkthroughStep[] = [];
  for (const m of readme.matchAll(FENCE)) {
    const info = (m[1] ?? "").trim();
    const body = m[2] ?? "";
    const bodyStart = (m.index ?? 0) + 3 + (m[1] ?? "").length + 1;
    const file = /^\w+ walkthrough file=(\S+)$/.exec(info);
    if (file?.[1]) {
      steps.push({
        kind: "file",
        name: file[1],
        args: [],
        text: body,
        outputStart: 0,
        outputEnd: 0,
      });
    } else if (info === "console walkthrough") {
      const [first = "", ...rest] = body.split("\n");
      const command = /^\$ npx heistgraph (.*)$/.exec(first);
      if (!command?.[1])
        throw new Error(
          `docs/authoring.md: a console walkthrough must start with "$ npx heistgraph": ${first}`,
        );
      steps.push({
        kind: "cli",
        name: command[1],
        args: splitArgs(command[1]),
        text: rest.join("\n"),
        outputStart: bodyStart + first.length + 1,
        outputEnd: bodyStart + body.length,
      });
    }
  }
  return steps;
}
