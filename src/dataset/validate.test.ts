// Validation needs no database: each case writes a small story to a temporary folder, loads
// and validates it, and checks the problems reported (or the plan, for a valid story).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { planFilm, planStatements } from "../import/plan.ts";
import { loadDataset } from "./load.ts";
import { formatDatasetProblems, InvalidDatasetError, type DatasetProblem } from "./problems.ts";
import { validateDataset } from "./validate.ts";

const root = mkdtempSync(join(tmpdir(), "heistgraph-validate-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let cases = 0;

type Story = Record<string, unknown>;

/** A tiny valid story with its own source text (5 lines, the 4th blank). */
function story(): Story {
  return {
    film: { id: "tiny", title: "Tiny", sources: ["tiny-text:1"] },
    vocabulary: {
      acts: [{ word: "tortured" }, { word: "executed", countsAs: "KILLED" }],
      ties: [{ word: "handler of" }],
      roles: [{ word: "boss", like: "crew-leader" }],
    },
    sources: [{ id: "tiny-text", title: "Tiny, a summary", file: "tiny.txt" }],
    places: [
      { id: "tiny-town", name: "Town", kind: "city", sources: ["tiny-text:1"] },
      {
        id: "tiny-diner",
        name: "Diner",
        kind: "restaurant",
        in: "tiny-town",
        sources: ["tiny-text:2"],
      },
    ],
    groups: [
      {
        id: "tiny-house",
        name: "The House",
        kind: "house",
        description: "A family.",
        sources: ["tiny-text:1"],
      },
    ],
    characters: [
      {
        id: "tiny-al",
        name: "Al",
        role: "boss",
        description: "Runs the house.",
        sources: ["tiny-text:1"],
      },
      {
        id: "tiny-bo",
        name: "Bo",
        role: "hostage",
        fate: "killed",
        description: "Taken.",
        sources: ["tiny-text:2"],
      },
      { id: "tiny-cy", name: "Cy", description: "Watches.", sources: ["tiny-text:3"] },
    ],
    events: [
      {
        id: "tiny-taking",
        seq: 1,
        toldSeq: 2,
        episode: "S01E01",
        name: "Bo is taken",
        summary: "Al takes Bo.",
        place: "tiny-diner",
        participants: [{ who: "tiny-al", role: "taker" }],
        sources: ["tiny-text:2"],
      },
      {
        id: "tiny-end",
        seq: 2,
        toldSeq: 1,
        episode: "S01E01",
        name: "The end",
        summary: "Al kills Bo.",
        sources: ["tiny-text:5"],
      },
    ],
    memberships: [
      { member: "tiny-al", group: "tiny-house", role: "head", sources: ["tiny-text:1"] },
    ],
    loyalties: [{ from: "tiny-cy", to: "tiny-al", kind: "fealty", sources: ["tiny-text:3"] }],
    acts: [
      {
        type: "tortured",
        by: "tiny-al",
        to: "tiny-bo",
        event: "tiny-taking",
        how: "Hurts him.",
        sources: ["tiny-text:2"],
      },
      {
        type: "executed",
        by: "tiny-al",
        to: "tiny-bo",
        event: "tiny-end",
        how: "Shoots him.",
        sources: ["tiny-text:5"],
      },
    ],
    ties: [{ type: "HANDLER_OF", from: "tiny-cy", to: "tiny-bo", sources: ["tiny-text:3"] }],
  };
}

const TEXT = "Al runs the house.\nAl takes Bo at the diner.\nCy watches.\n\nAl kills Bo.\n";

interface Run {
  problems: DatasetProblem[];
  dir: string;
}

/** Writes the story (or raw text) and its source text, then loads and validates it. */
function check(content: Story | string | Buffer, extra: Record<string, string> = {}): Run {
  const dir = join(root, `case-${++cases}`);
  mkdirSync(dir);
  writeFileSync(join(dir, "tiny.txt"), TEXT);
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  const file = join(dir, "tiny.yaml");
  writeFileSync(
    file,
    typeof content === "string" || Buffer.isBuffer(content) ? content : stringify(content),
  );
  const problems: DatasetProblem[] = [];
  const dataset = loadDataset([], [file], problems);
  validateDataset(dataset, problems);
  return { problems, dir };
}

// The edits reach deep into untyped YAML data; `any` keeps each case one readable line.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Editable = Record<string, any>;

function edited(change: (s: Editable) => void): Story {
  const s = story();
  change(s as Editable);
  return s;
}

const messages = (run: Run) =>
  run.problems.map((p) => `${p.item} | ${p.field ?? ""} | ${p.message}`);

describe("a valid story in the open format", () => {
  it("has no problems, and the plan stores its own words as the contracts say", () => {
    const run = check(story());
    expect(run.problems).toEqual([]);
    const problems: DatasetProblem[] = [];
    const dataset = loadDataset([], [join(run.dir, "tiny.yaml")], problems);
    const index = validateDataset(dataset, problems);
    const plan = planStatements(
      dataset.films.map(({ data }) => planFilm(data, dataset.sources, index)),
    );
    const rows = (name: string) => plan.find((s) => s.name === name)?.rows ?? [];
    expect(rows("ACTED_ON (Character -> Character)")).toMatchObject([
      {
        from: "tiny-al",
        to: "tiny-bo",
        key: "tiny-al|tiny-bo|tiny-taking|tortured",
        props: { act: "tortured" },
      },
    ]);
    expect(rows("KILLED (Character -> Character)")).toMatchObject([
      {
        from: "tiny-al",
        to: "tiny-bo",
        key: "tiny-al|tiny-bo|tiny-end",
        props: { act: "executed", seq: 2 },
      },
    ]);
    expect(rows("TIED_TO (Character -> Character)")).toMatchObject([
      { from: "tiny-cy", to: "tiny-bo", props: { tie: "handler-of" } },
    ]);
    const characters = rows("Character nodes");
    expect(characters.map((c) => [c.id, c.role, c.parallelRole, c.fate])).toEqual([
      ["tiny-al", "boss", "crew-leader", "unknown"],
      ["tiny-bo", "hostage", "hostage", "killed"],
      ["tiny-cy", undefined, undefined, "unknown"],
    ]);
    expect(rows("Event nodes").map((e) => [e.id, e.seq, e.toldSeq, e.episode])).toEqual([
      ["tiny-taking", 1, 2, "S01E01"],
      ["tiny-end", 2, 1, "S01E01"],
    ]);
    expect(rows("Source nodes")).toEqual([
      { id: "tiny-text", title: "Tiny, a summary", file: "tiny.txt", film: "tiny", paragraphs: 5 },
    ]);
  });

  it("takes its sources from <film>.sources.yaml beside it", () => {
    const run = check(
      edited((s) => delete s.sources),
      {
        "tiny.sources.yaml": stringify({
          sources: [{ id: "tiny-text", title: "T", file: "tiny.txt" }],
        }),
      },
    );
    expect(run.problems).toEqual([]);
  });
});

describe("validation reports every problem of every kind in one pass", () => {
  it("schema, reference, citation, vocabulary and duplicate problems together, past 50", () => {
    const run = check(
      edited((s) => {
        s.characters[0].nickname = "Big Al"; // schema
        s.memberships[0].group = "tiny-hous"; // reference
        s.loyalties[0].sources = ["tiny-text:50"]; // citation beyond the text
        s.acts.push({ ...s.acts[0] }); // exact duplicate
        s.acts.push({ ...s.acts[1], how: "Hangs him." }); // conflicting duplicate
        s.acts.push({ ...s.acts[0], type: "lied to" }); // undeclared word
        s.places[0].in = "tiny-diner"; // containment cycle
        // 60 more citation problems: all of them are reported, no cap.
        s.groups[0].sources = Array.from({ length: 60 }, (_, i) => `tiny-text:${100 + i}`);
      }),
    );
    const all = messages(run);
    expect(all).toEqual(
      expect.arrayContaining([
        "characters[0] (tiny-al) |  | unknown field: nickname",
        'memberships[0] (tiny-al -> tiny-hous) | group | unknown id "tiny-hous"',
        "loyalties[0] (tiny-cy -> tiny-al) | sources[0] | cites paragraph 50 of tiny-text, which has 5",
        "acts[2] (tortured tiny-al -> tiny-bo) |  | states exactly the same fact as acts[0] (tortured tiny-al -> tiny-bo)",
        "acts[3] (executed tiny-al -> tiny-bo) |  | the same act (KILLED, executed, by, to, event) as acts[1] (executed tiny-al -> tiny-bo), with different details",
        'acts[4] (lied to tiny-al -> tiny-bo) | type | "lied to" is not a built-in act nor one this story declares',
        "places[1] (tiny-diner) | in | places contain each other in a circle: tiny-diner in tiny-town in tiny-diner",
      ]),
    );
    expect(all.filter((m) => m.startsWith("groups[0]"))).toHaveLength(60);
    const text = new InvalidDatasetError(run.problems).message;
    expect(text).toContain("sources[59]");
    expect(text).not.toMatch(/more$/m);
  });

  it("an invalid item still has its references checked elsewhere, without false unknown ids", () => {
    const run = check(
      edited((s) => {
        s.characters[1].fate = "dead"; // Bo fails the schema...
        s.acts[0].event = "tiny-takin"; // ...and acts to him are still checked
      }),
    );
    expect(messages(run)).toEqual([
      'characters[1] (tiny-bo) | fate | "dead" is not one of the accepted values',
      'acts[0] (tortured tiny-al -> tiny-bo) | event | unknown id "tiny-takin"',
    ]);
    expect(run.problems[0]?.suggestion).toBe('did you mean "died"?');
    expect(run.problems[0]?.expected).toMatch(/^one of: alive, killed, died/);
  });

  it("names a tie by its from and to (never 'undefined')", () => {
    const run = check(edited((s) => (s.ties[0].since = "early")));
    expect(run.problems[0]?.item).toBe("ties[0] (HANDLER_OF tiny-cy -> tiny-bo)");
  });

  it("groups problems by file, then by item in file order", () => {
    const run = check(
      edited((s) => {
        s.acts[0].to = "nobody";
        s.characters[0].sources = ["tiny-text:9"];
      }),
    );
    const text = formatDatasetProblems(run.problems);
    expect(text.indexOf("characters[0]")).toBeLessThan(text.indexOf("acts[0]"));
    expect(text.split("\n")[0]).toMatch(/tiny\.yaml$/);
  });
});

describe("the story's own words", () => {
  it("accepts any place kind, group kind, role and loyalty kind; role may be absent", () => {
    expect(check(story()).problems).toEqual([]);
  });

  it("refuses an act word it does not know, with did-you-mean and the accepted list", () => {
    const run = check(edited((s) => (s.acts[0].type = "tortued")));
    expect(run.problems).toMatchObject([
      {
        field: "type",
        expected: expect.stringContaining("KILLED, WOUNDED, BETRAYED"),
        suggestion: expect.stringMatching(/^did you mean "tortured"\? Or declare it/),
      },
    ]);
  });

  it("refuses declaring a built-in word, and a tie word it does not know", () => {
    const run = check(
      edited((s) => {
        s.vocabulary.acts.push({ word: "killed" });
        s.ties[0].type = "SPY_FOR";
      }),
    );
    expect(messages(run)).toEqual([
      'vocabulary.acts[2] (killed) | word | "killed" is already a built-in word',
      'ties[0] (SPY_FOR tiny-cy -> tiny-bo) | type | "SPY_FOR" is not a built-in tie nor one this story declares',
    ]);
  });

  it("refuses a role's like that is not a built-in role, with the list", () => {
    const run = check(edited((s) => (s.vocabulary.roles[0].like = "crew-lead")));
    expect(run.problems).toMatchObject([
      {
        item: "vocabulary.roles[0] (boss)",
        field: "like",
        expected: expect.stringMatching(/^one of: crew-leader, crew-member/),
        suggestion: 'did you mean "crew-leader"?',
      },
    ]);
  });

  it("refuses two events told at the same position", () => {
    const run = check(edited((s) => (s.events[1].toldSeq = 2)));
    expect(messages(run)).toEqual([
      "events[1] (tiny-end) | toldSeq | toldSeq 2 is used by another event (events[0] (tiny-taking))",
    ]);
  });
});

describe("sources and citations", () => {
  it("reads the paragraph count from the text, and checks declared counts and blank lines", () => {
    const run = check(
      edited((s) => {
        s.sources[0].paragraphs = 12;
        s.characters[2].sources = ["tiny-text:4"];
      }),
    );
    expect(messages(run)).toEqual([
      "sources[0] (tiny-text) | paragraphs | says 12 paragraphs, but " +
        `${run.problems[0]?.message.split("but ")[1]}`,
      "characters[2] (tiny-cy) | sources[0] | cites paragraph 4 of tiny-text, which is a blank line",
    ]);
    expect(run.problems[0]?.message).toMatch(/tiny\.txt has 5 lines$/);
  });

  it("asks for paragraphs when the text is missing, and does not report its citations again", () => {
    const run = check(edited((s) => (s.sources[0].file = "missing.txt")));
    expect(messages(run)).toEqual([
      expect.stringMatching(
        /^sources\[0\] \(tiny-text\) \| file \| cannot find the text missing\.txt/,
      ),
    ]);
    const declared = check(
      edited((s) => Object.assign(s.sources[0], { file: "missing.txt", paragraphs: 5 })),
    );
    expect(declared.problems).toEqual([]);
  });

  it("combines several shared sources files, each source checked against its text", () => {
    const dir = join(root, "shared");
    mkdirSync(dir);
    writeFileSync(join(dir, "tiny.txt"), TEXT);
    const a = join(dir, "a.sources.yaml");
    const b = join(dir, "b.sources.yaml");
    writeFileSync(
      a,
      stringify({ sources: [{ id: "tiny-text", title: "T", film: "tiny", file: "tiny.txt" }] }),
    );
    writeFileSync(
      b,
      stringify({ sources: [{ id: "tiny-notes", title: "N", film: "tiny", paragraphs: 2 }] }),
    );
    const film = join(dir, "tiny.yaml");
    writeFileSync(
      film,
      stringify(
        edited((s) => {
          delete s.sources;
          s.characters[2].sources = ["tiny-notes:2", "tiny-notes:3"];
        }),
      ),
    );
    const problems: DatasetProblem[] = [];
    const dataset = loadDataset([a, b], [film], problems);
    validateDataset(dataset, problems);
    expect(dataset.sources.sources.map((s) => [s.id, s.paragraphs])).toEqual([
      ["tiny-text", 5],
      ["tiny-notes", 2],
    ]);
    expect(problems.map((p) => `${p.item} ${p.field}: ${p.message}`)).toEqual([
      "characters[2] (tiny-cy) sources[1]: cites paragraph 3 of tiny-notes, which has 2",
    ]);
  });

  it("refuses a source declared twice across files", () => {
    const run = check(story(), {
      "tiny.sources.yaml": stringify({ sources: [{ id: "tiny-text", title: "T", paragraphs: 3 }] }),
    });
    expect(messages(run)).toEqual([
      expect.stringMatching(
        /sources\[0\] \(tiny-text\) \| id \| duplicate source id "tiny-text": already declared in/,
      ),
    ]);
  });
});

describe("bounds and hygiene: bad input is refused with a clear message", () => {
  const one = (run: Run) => {
    expect(run.problems.length, JSON.stringify(run.problems, null, 2)).toBeGreaterThan(0);
    return run.problems[0] as DatasetProblem;
  };

  it("an id of 10 kB", () => {
    const p = one(check(edited((s) => (s.characters[2].id = "a".repeat(10_000)))));
    expect(p).toMatchObject({
      field: "id",
      message: expect.stringMatching(/^an id has at most 100 characters/),
    });
  });

  it("a name of 1 MB", () => {
    const p = one(check(edited((s) => (s.characters[2].name = "x".repeat(1_000_000)))));
    expect(p.message).toMatch(/at most 300 characters \(it has 1000000\)/);
  });

  it("a YAML alias bomb", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x]",
      ...["b", "c", "d", "e", "f"].map(
        (k, i) => `${k}: &${k} [${Array(9).fill(`*${"abcde"[i]}`).join(", ")}]`,
      ),
    ].join("\n");
    expect(one(check(bomb)).message).toMatch(/too many YAML aliases/);
  });

  it("very deep nesting, too deep to parse and merely too deep", () => {
    expect(one(check(`film: ${"[".repeat(50_000)}${"]".repeat(50_000)}\n`)).message).toMatch(
      /nested too deeply/,
    );
    expect(one(check(`film: ${"[".repeat(40)}${"]".repeat(40)}\n`)).message).toMatch(
      /nested more than 12 levels deep/,
    );
  });

  it("invalid UTF-8", () => {
    const p = one(
      check(Buffer.concat([Buffer.from("film:\n  id: t\xff"), Buffer.from([0xff, 0xfe])])),
    );
    expect(p).toMatchObject({ item: "line 2", message: expect.stringMatching(/^not valid UTF-8/) });
  });

  it("a NUL byte and a raw ANSI escape in the file", () => {
    const run = check(`film:\n  id: tiny\u0000\n  title: "\u001b[31mred"\n`);
    expect(messages(run)).toEqual([
      "line 2, column 11 |  | a NUL character (invisible, and not allowed in a dataset file)",
      "line 3, column 11 |  | control character U+001B (invisible, and not allowed in a dataset file)",
    ]);
  });

  it("an ANSI escape written as a YAML escape", () => {
    const p = one(check(edited((s) => (s.characters[2].name = "Cy \u001b[31mred"))));
    expect(p).toMatchObject({
      item: "characters[2] (tiny-cy)",
      field: "name",
      message: expect.stringMatching(/invisible control character \(U\+001B, at character 4\)/),
    });
  });

  it("unknown YAML tags", () => {
    const run = check("film: !js/function 'function () {}'\ncharacters: !!binary aGVsbG8=\n");
    expect(messages(run)).toEqual([
      expect.stringMatching(/^line 1, column \d+ \| {2}\| YAML tag !js\/function is not accepted$/),
      expect.stringMatching(/^line 2, column \d+ \| {2}\| YAML tag !!binary is not accepted$/),
    ]);
  });

  it("an empty film file, and one with only comments", () => {
    for (const text of ["", "# a film, one day\n"]) {
      expect(messages(check(text))).toEqual([
        "(file) |  | the file holds no film: it is empty or has only comments",
      ]);
    }
  });

  it("more YAML aliases than a file may hold", () => {
    const text = `a: &x [1]\nb:\n${"  - *x\n".repeat(1001)}`;
    expect(one(check(text)).message).toBe(
      "1001 YAML aliases (*name), more than the 1000 a file may hold",
    );
  });

  it("someone who betrays themselves (a suicide, by contrast, is a fact)", () => {
    const run = check(
      edited((s) =>
        s.acts.push(
          {
            type: "BETRAYED",
            by: "tiny-bo",
            to: "tiny-bo",
            event: "tiny-end",
            how: "Sells himself out.",
            sources: ["tiny-text:5"],
          },
          {
            type: "KILLED",
            by: "tiny-al",
            to: "tiny-al",
            event: "tiny-end",
            how: "Shoots himself.",
            sources: ["tiny-text:5"],
          },
        ),
      ),
    );
    expect(messages(run)).toEqual([
      expect.stringMatching(
        /^acts\[\d+\] .* \| to \| tiny-bo betrays tiny-bo: a betrayal needs a traitor and someone else$/,
      ),
    ]);
  });

  it("a source text outside the film's folder: climbing out, absolute, or linked out", () => {
    for (const file of ["../../../../../../etc/passwd", "/etc/passwd"]) {
      const run = check(edited((s) => (s.sources[0].file = file)));
      expect(one(run)).toMatchObject({
        field: "file",
        message: `${file} is not inside the folder of ${join(run.dir, "tiny.yaml")}: a source's text is named relative to it, without ..`,
      });
    }
    const dir = join(root, `case-${++cases}`);
    mkdirSync(dir);
    symlinkSync("/etc/passwd", join(dir, "tiny.txt"));
    writeFileSync(join(dir, "tiny.yaml"), stringify(story()));
    const problems: DatasetProblem[] = [];
    validateDataset(loadDataset([], [join(dir, "tiny.yaml")], problems), problems);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^leads outside its folder \(.*\), to \/etc\/passwd$/),
    ]);
  });

  it("a film file or source text that is a device, a named pipe or a link to one", () => {
    const dir = join(root, `case-${++cases}`);
    mkdirSync(dir);
    execFileSync("mkfifo", [join(dir, "pipe.yaml"), join(dir, "tiny.txt")]);
    symlinkSync("/dev/zero", join(dir, "zero.yaml"));
    writeFileSync(join(dir, "tiny.yaml"), stringify(story()));
    const problems: DatasetProblem[] = [];
    const files = ["pipe.yaml", "zero.yaml", "tiny.yaml"].map((f) => join(dir, f));
    validateDataset(loadDataset([], [...files, "/dev/zero"], problems), problems);
    expect(problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
      `${files[0]}: is a named pipe, not a regular file`,
      expect.stringMatching(/zero\.yaml: leads outside its folder \(.*\), to \/dev\/zero$/),
      "/dev/zero: is a device, not a regular file",
      `${join(dir, "tiny.txt")}: is a named pipe, not a regular file`,
    ]);
  });

  it("a place that contains itself, directly", () => {
    const p = one(check(edited((s) => (s.places[0].in = "tiny-town"))));
    expect(p).toMatchObject({ field: "in", message: "a place cannot contain itself" });
  });

  it("someone who is their own ancestor", () => {
    const run = check(
      edited((s) =>
        s.ties.push(
          { type: "PARENT_OF", from: "tiny-al", to: "tiny-bo", sources: ["tiny-text:1"] },
          { type: "PARENT_OF", from: "tiny-bo", to: "tiny-al", sources: ["tiny-text:1"] },
        ),
      ),
    );
    expect(one(run).message).toMatch(/^PARENT_OF ties make someone their own ancestor/);
  });
});
