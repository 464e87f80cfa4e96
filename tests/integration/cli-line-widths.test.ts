// Every line the command line prints fits the terminal: every question of the registry and the
// other commands, run as a user runs them at COLUMNS=80 (tables, prose, headings, errors, help).
// Also: an empty answer says so in words, and --json errors are JSON on stderr with exit code 1.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pMap from "p-map";
import stringWidth from "string-width";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandLine } from "../../src/cli/commands/questions.ts";
import { COMMAND_MODULES } from "../../src/cli/main.ts";
import type { Database } from "../../src/db/connection.ts";
import { QUESTIONS } from "../../src/questions/registry.ts";
import { HEISTGRAPH_BIN, runNode, type RunResult } from "../helpers/cli.ts";
import { withFilmsImported } from "../helpers/neo4j.ts";

const WIDTH = 80; // What runNode sets COLUMNS to.

let db: Database;
const out = mkdtempSync(join(tmpdir(), "heistgraph-widths-"));
beforeAll(async () => {
  db = await withFilmsImported();
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Who each film's questions are asked about: the characters with the longest answers. */
const SUBJECTS = [
  { film: "heat", subject: "Neil McCauley", second: "Waingro" },
  { film: "city-on-fire", subject: "Ko Chow", second: "Fu" },
];

const questionLines = QUESTIONS.flatMap((question) =>
  SUBJECTS.map((s) => commandLine(question, s)),
).filter((line, i, all) => all.findIndex((l) => l.join(" ") === line.join(" ")) === i);

const otherLines: string[][] = [
  ["--help"],
  ...COMMAND_MODULES.flatMap((m) => m.names).map((name) => [name, "--help"]),
  ["betrayals", "Waingro", "--any-order", "--depth", "5"],
  ["betrayals", "--film", "heat", "--any-order"],
  ["dossier", "Ko Chow", "--at", "20"],
  ["loyalties", "Ko Chow", "--at", "20"],
  ["timeline", "heat", "--from", "99"],
  ["dossier", "Nobody Of That Name"],
  ["timeline", "no-such-film"],
  ["deaths"],
  ["db", "status"],
  ["import", "--dry-run"],
  ["viz", "--film", "heat", "--with", "all", "--out", join(out, "heat.png")],
  ["viz", "--film", "city-on-fire", "--storyline", "--out", join(out, "cof.svg")],
];

const tooWide = (run: RunResult): string[] =>
  `${run.stdout}\n${run.stderr}`.split("\n").filter((line) => stringWidth(line) > WIDTH);

describe(`every command at COLUMNS=${WIDTH}`, () => {
  it("prints no line wider than the terminal", async () => {
    const lines = [...questionLines, ...otherLines];
    const runs = await pMap(lines, (args) => runNode([HEISTGRAPH_BIN, ...args], db.settings), {
      concurrency: 2,
    });
    const wide = runs.flatMap((run, i) =>
      tooWide(run).map((line) => `${lines[i]?.join(" ")}: ${stringWidth(line)}: ${line}`),
    );
    expect(wide).toEqual([]);
    // They ran: no crash among them (exit 2 is an unexpected error).
    const crashed = runs
      .map((run, i) => ({ run, args: lines[i]?.join(" ") }))
      .filter(({ run }) => run.code !== 0 && run.code !== 1);
    expect(crashed.map(({ args, run }) => `${args}: ${run.code} ${run.stderr}`)).toEqual([]);
  }, 600_000);
});

describe("answers in words", () => {
  it("an empty stretch of the timeline says so, and exits 0", async () => {
    const run = await runNode([HEISTGRAPH_BIN, "timeline", "heat", "--from", "99"], db.settings);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe("No events in Heat from seq 99 on.");
  }, 120_000);

  it("a betrayal chain's heading tells the chain in order", async () => {
    const run = await runNode(
      [HEISTGRAPH_BIN, "betrayals", "--film", "city-on-fire", "--limit", "1"],
      db.settings,
    );
    expect(run.code).toBe(0);
    const heading = run.stdout.split("\n\n")[1] ?? "";
    expect(heading).toMatch(/^Chain 1 of 1, \d betrayals?: /);
    expect(heading.replace(/\s+/g, " ")).toMatch(/ betrays .+ \(seq \d+\)(; then .+)?\./);
  }, 120_000);
});

describe("--json errors", () => {
  it("are JSON on stderr, exit code 1, nothing on stdout", async () => {
    for (const args of [
      ["dossier", "Nobody Of That Name", "--json"],
      ["timeline", "heat", "--from", "x", "--json"],
      ["deaths", "--json"],
    ]) {
      const run = await runNode([HEISTGRAPH_BIN, ...args], db.settings);
      expect(run.code, args.join(" ")).toBe(1);
      expect(run.stdout, args.join(" ")).toBe("");
      const parsed = JSON.parse(run.stderr) as { error: { what: string } };
      expect(parsed.error.what, args.join(" ")).toMatch(/\w/);
    }
  }, 120_000);
});
