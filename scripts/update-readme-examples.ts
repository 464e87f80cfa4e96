// Runs the README's examples against the configured Neo4j (NEO4J_URI or the local one) and
// writes their real output into README.md. tests/integration/readme.test.ts checks them.
import { readFileSync, writeFileSync } from "node:fs";
import { resolveDatabase } from "../src/db/connection.ts";
import { README, readmeExamples, runExample } from "../tests/helpers/readme-examples.ts";

const settings = await resolveDatabase({ autoStart: true });
let text = readFileSync(README, "utf8");
const examples = readmeExamples(text);
const outputs = await Promise.all(examples.map((e, i) => runExample(e, settings, i)));
// From the end, so earlier offsets stay valid.
for (let i = examples.length - 1; i >= 0; i--) {
  const example = examples[i];
  if (!example) continue;
  text = `${text.slice(0, example.outputStart)}${(outputs[i] ?? "").trimEnd()}\n${text.slice(example.outputEnd)}`;
}
writeFileSync(README, text);
console.log(`updated ${examples.length} example outputs in README.md`);
