// betrayal-chains.cypher and film-betrayal-chains.cypher run the same search and shape the
// same answer; each file must stay runnable on its own in Neo4j Browser, so the common text
// is written in both, between `// >>>` and `// <<<` (or the end of the file), and this test
// keeps the copies equal.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { QUERIES_DIR } from "../cypher-file.ts";

/** The parts of a file from each `// >>>` line to the next `// <<<` line or the end. */
function sharedParts(text: string): string[] {
  const parts: string[] = [];
  let current: string[] | undefined;
  for (const line of text.split("\n")) {
    if (line.startsWith("// >>>")) {
      if (current) parts.push(current.join("\n"));
      current = [line];
    } else if (line.startsWith("// <<<")) {
      if (current) parts.push(current.join("\n"));
      current = undefined;
    } else current?.push(line);
  }
  if (current) parts.push(current.join("\n").trimEnd());
  return parts;
}

const read = (name: string) => readFileSync(`${QUERIES_DIR}${name}.cypher`, "utf8");

describe("the betrayal chains files", () => {
  it("share the search and the answer's shape word for word", () => {
    const one = sharedParts(read("betrayal-chains"));
    const film = sharedParts(read("film-betrayal-chains"));
    expect(one.length).toBe(2);
    expect(film).toEqual(one);
    // The search's steps and the answer's steps are in the shared text, not beside it.
    expect(one.join("\n")).toContain("binary search");
    expect(one.join("\n")).toMatch(/RETURN \[chain IN found/);
  });

  it("finds the parts between the marks", () => {
    const text = "a\n// >>> x\nb\n// <<< y\nc\n// >>> z\nd\n";
    expect(sharedParts(text)).toEqual(["// >>> x\nb", "// >>> z\nd"]);
  });
});
