import { describe, expect, it } from "vitest";
import { schemaName, schemaStatements } from "./schema-statements.ts";

describe("the schema statements", () => {
  it("each name what they create, once (so an import skips what the database has)", () => {
    const names = schemaStatements().map(schemaName);
    expect(names).not.toContain(undefined);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain("subject_search");
  });
});
