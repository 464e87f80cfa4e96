// `heistgraph import FILE --dry-run --watch`: a real process, a real file saved twice (once
// broken, once mended, the second time as editors often save: a new file renamed over it),
// and a check after each save. No database is touched.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { writeNewStory } from "../../src/dataset/new-story.ts";
import { HEISTGRAPH_BIN, runHeistgraph } from "../helpers/cli.ts";

const dir = mkdtempSync(join(tmpdir(), "heistgraph-watch-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("heistgraph import --dry-run --watch", () => {
  it("checks again each time the file is saved, until stopped", async () => {
    const { filmFile } = writeNewStory("The Watch", dir);
    const child = spawn(
      process.execPath,
      [HEISTGRAPH_BIN, "import", filmFile, "--dry-run", "--watch"],
      {
        cwd: dir,
        env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", COLUMNS: "80" },
      },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    const checks = () => output.split("Watching for changes (Ctrl-C stops).").length - 1;
    const waitForChecks = async (n: number) => {
      const deadline = Date.now() + 50_000;
      while (checks() < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(checks(), output).toBe(n);
      return output.split("Watching for changes (Ctrl-C stops).")[n - 1] ?? "";
    };

    try {
      expect(await waitForChecks(1)).toContain("Valid. Dry run: nothing was written.");

      const text = readFileSync(filmFile, "utf8");
      writeFileSync(filmFile, text.replace("name: Someone", "nmae: Someone"));
      const broken = await waitForChecks(2);
      expect(broken).toContain("error: The dataset has 1 problem in 1 file");
      expect(broken).toMatch(/line \d+, column 5: unknown field: nmae/);
      expect(broken).toContain('did you mean "name"?');

      const saved = join(dir, ".the-watch.yaml.tmp");
      writeFileSync(saved, text);
      renameSync(saved, filmFile);
      expect(await waitForChecks(3)).toContain("Valid. Dry run: nothing was written.");
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
    expect(checks()).toBe(3);
  });

  it("only checks: without --dry-run it refuses, exit 1, nothing written", async () => {
    const { filmFile } = writeNewStory("The Refusal", dir);
    const { code, stderr } = await runHeistgraph(inject("neo4j"), "import", filmFile, "--watch");
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: --watch only checks, it never writes\./);
    expect(stderr).toContain("--dry-run --watch");
  });
});
