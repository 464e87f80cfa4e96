// Runs the examples of README.md and docs/*.md against the configured Neo4j (NEO4J_URI or the
// local one) and writes their real output into the files. tests/integration/readme.test.ts
// checks them.
import { readFileSync, writeFileSync } from "node:fs";
import { browserNeo4jSettings } from "../src/browser-guide/post-connect.ts";
import { resolveDatabase } from "../src/db/connection.ts";
import {
  exampleFiles,
  readmeExamples,
  runExample,
  shortPath,
} from "../tests/helpers/readme-examples.ts";

const settings = await resolveDatabase({ autoStart: true, neo4jSettings: browserNeo4jSettings });
for (const file of exampleFiles()) {
  let text = readFileSync(file, "utf8");
  const examples = readmeExamples(text, shortPath(file));
  if (examples.length === 0) continue;
  const outputs = await Promise.all(
    examples.map((e, i) => runExample(e, settings, `${shortPath(file)}-${i + 1}`)),
  );
  // From the end, so earlier offsets stay valid.
  for (let i = examples.length - 1; i >= 0; i--) {
    const example = examples[i];
    if (!example) continue;
    text = `${text.slice(0, example.outputStart)}${(outputs[i] ?? "").trimEnd()}\n${text.slice(example.outputEnd)}`;
  }
  writeFileSync(file, text);
  console.log(`updated ${examples.length} example outputs in ${shortPath(file)}`);
}
