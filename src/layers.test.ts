// The layers point one way (docs/tour.md): the database layer imports nothing above it, the
// production code imports neither the tests (and Testcontainers with them) nor the build
// scripts, and the `heistgraph` command only reads the bundle, never builds it.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "./db/local-neo4j/paths.ts";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mts|js|mjs)$/.test(e.name) && !/\.test\.ts$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** What a file imports: static and dynamic `import`s' specifiers. */
function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1] ?? "");
}

function offenders(files: string[], forbidden: RegExp): string[] {
  return files.flatMap((file) =>
    imports(file)
      .filter((specifier) => forbidden.test(specifier))
      .map((specifier) => `${relative(PACKAGE_ROOT, file)} imports ${specifier}`),
  );
}

describe("layers", () => {
  it("src/db imports nothing of the layers above it", () => {
    const files = sourceFiles(join(PACKAGE_ROOT, "src", "db"));
    expect(files.length).toBeGreaterThan(5);
    // From src/db/x.ts, `../` leaves the layer; from src/db/local-neo4j/, `../../` does.
    const above = files.flatMap((file) => {
      const depth = relative(join(PACKAGE_ROOT, "src", "db"), file).split("/").length - 1;
      const up = `${"../".repeat(depth + 1)}`;
      return imports(file)
        .filter((s) => s.startsWith(up) && !s.startsWith(`${up}errors.ts`))
        .map((s) => `${relative(PACKAGE_ROOT, file)} imports ${s}`);
    });
    expect(above).toEqual([]);
  });

  it("src/ imports neither the tests, Testcontainers nor the build scripts", () => {
    const files = sourceFiles(join(PACKAGE_ROOT, "src"));
    expect(offenders(files, /(^|\/)(tests|scripts)\/|testcontainers/)).toEqual([]);
  });

  it("the heistgraph command imports no build script", () => {
    const files = sourceFiles(join(PACKAGE_ROOT, "bin"));
    expect(offenders(files, /scripts\/|esbuild/)).toEqual([]);
  });
});
