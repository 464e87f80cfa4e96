import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generatedFiles } from "./generated-files.ts";

describe("generated files", () => {
  it.each(Object.entries(generatedFiles()))(
    "%s is up to date (run `npm run generate`)",
    (path, content) => {
      expect(existsSync(path)).toBe(true);
      expect(readFileSync(path, "utf8")).toBe(content);
    },
  );
});
