// The relationship types the Cypher files list, written from the vocabulary
// (src/dataset/vocabulary.ts) by `npm run generate`, so a new act or tie type reaches every
// file that follows acts or ties without a hand edit. A file asks for a list by ending the
// line of the pattern with its name, e.g. `MATCH (c)-[r:KILLED|...]->(other) // act types`;
// the pattern's type alternation on that line is rewritten. The key constraints of
// cypher/schema.cypher (one per type) are written the same way. A test checks the files
// (src/generated-files.test.ts), so a stale list fails with "run npm run generate".
import {
  ACT_TYPES,
  RELATIONSHIP_TYPES,
  STRUCTURAL_TYPES,
  TIE_TYPES,
} from "../dataset/vocabulary.ts";

/** The lists a file may ask for, by the name its line ends with. */
export const TYPE_LISTS: Record<string, readonly string[]> = {
  /** What characters and groups do to each other, and a story's own act words. */
  "act types": [...ACT_TYPES, "ACTED_ON"],
  /** Lasting personal ties, and a story's own tie words. */
  "tie types": [...TIE_TYPES, "TIED_TO"],
  /** Every relationship between two characters or groups: what a route may follow. */
  "followed types": [
    ...ACT_TYPES,
    "ACTED_ON",
    ...TIE_TYPES,
    "TIED_TO",
    ...STRUCTURAL_TYPES.filter((t) => ["LOYAL_TO", "KNOWS_SECRET_OF", "MEMBER_OF"].includes(t)),
  ],
};

const MARKED_LINE = /^(.*?\[\w*:)([A-Z_|]+)(.*\/\/\s*)([a-z]+ types)\s*$/;

/** A Cypher file's text with each marked line's type alternation written from its list. */
export function withTypeLists(text: string, file = "a Cypher file"): string {
  return text
    .split("\n")
    .map((line) => {
      const marked = MARKED_LINE.exec(line);
      if (!marked) return line;
      const [, before, , after, name] = marked as unknown as [
        string,
        string,
        string,
        string,
        string,
      ];
      const list = TYPE_LISTS[name];
      if (list === undefined)
        throw new Error(
          `${file}: no type list "${name}" (known: ${Object.keys(TYPE_LISTS).join(", ")})`,
        );
      return `${before}${list.join("|")}${after}${name}`;
    })
    .join("\n");
}

/** Whether a file asks for a type list anywhere. */
export const hasTypeLists = (text: string) =>
  text.split("\n").some((line) => MARKED_LINE.test(line));

const KEY_CONSTRAINT =
  /^CREATE CONSTRAINT \w+_key IF NOT EXISTS FOR \(\)-\[r:\w+\]-\(\) REQUIRE r\.key IS UNIQUE;$/;

/**
 * cypher/schema.cypher with one key constraint per relationship type of the vocabulary, where
 * the file's key constraints stand.
 */
export function withKeyConstraints(text: string): string {
  const lines = text.split("\n");
  const first = lines.findIndex((l) => KEY_CONSTRAINT.test(l));
  if (first < 0) throw new Error("cypher/schema.cypher holds no key constraint to rewrite");
  const constraints = RELATIONSHIP_TYPES.map(
    (type) =>
      `CREATE CONSTRAINT ${type.toLowerCase()}_key IF NOT EXISTS FOR ()-[r:${type}]-() REQUIRE r.key IS UNIQUE;`,
  );
  const rest = lines.filter((l, i) => i < first || !KEY_CONSTRAINT.test(l));
  rest.splice(first, 0, ...constraints);
  return rest.join("\n");
}
