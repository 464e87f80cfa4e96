// `heistgraph viz` against the real films: the SVG is valid and holds every character and
// group of the view (as network() gives them), the PNG is a PNG of a sensible size, and
// mistakes in the options are answered clearly. `viz --storyline` draws a line per character who
// takes part in an event, ending where the timeline says they are killed.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/connection.ts";
import { edgeStandsAt, network, storylineData, type Network } from "../../src/network/index.ts";
import { renderStoryline } from "../../src/viz/storyline.ts";
import { runHeistgraph } from "../helpers/cli.ts";
import { withFilmsImported } from "../helpers/neo4j.ts";

let db: Database;
let out: string;
beforeAll(async () => {
  db = await withFilmsImported();
  out = mkdtempSync(join(tmpdir(), "heistgraph-viz-"));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Runs the CLI against the test run's Neo4j. */
const heistgraph = (...args: string[]) => runHeistgraph(db.settings, ...args);

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  trimValues: false,
});

function groups(tree: XmlNode[]): { attrs: Record<string, string>; kids: XmlNode[] }[] {
  const found: { attrs: Record<string, string>; kids: XmlNode[] }[] = [];
  for (const node of tree) {
    for (const [key, value] of Object.entries(node)) {
      if (key === ":@" || !Array.isArray(value)) continue;
      if (key === "g")
        found.push({ attrs: (node[":@"] ?? {}) as Record<string, string>, kids: value });
      found.push(...groups(value as XmlNode[]));
    }
  }
  return found;
}

function text(tree: XmlNode[]): string {
  return tree
    .flatMap((node) =>
      Object.entries(node).map(([key, value]) =>
        key === "#text"
          ? String(value).trim()
          : key !== ":@" && key !== "title" && Array.isArray(value)
            ? text(value as XmlNode[])
            : "",
      ),
    )
    .filter(Boolean)
    .join(" ");
}

/** The nodes an SVG draws: id and label, after checking the SVG is well-formed. */
function drawnNodes(svg: string): Map<string, string> {
  expect(XMLValidator.validate(svg)).toBe(true);
  const tree = parser.parse(svg) as XmlNode[];
  expect(svg).toMatch(/<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(groups(tree).some((g) => g.attrs.class === "legend")).toBe(true);
  return new Map(
    groups(tree)
      .filter((g) => g.attrs.class?.startsWith("node "))
      .map((g) => [g.attrs["data-id"] ?? "", text(g.kids)]),
  );
}

/** What the view should hold, worked out from network() itself. */
function expectedNodes(net: Network, types: string[], at?: number) {
  const edges = net.edges.filter(
    (e) => types.includes(e.type) && (at === undefined || edgeStandsAt(e, at)),
  );
  const ids = new Set(edges.flatMap((e) => [e.source, e.target]));
  return net.nodes.filter((n) => ids.has(n.id));
}

function expectEveryNode(drawn: Map<string, string>, expected: Network["nodes"]) {
  expect([...drawn.keys()].sort()).toEqual(expected.map((n) => n.id).sort());
  for (const n of expected)
    expect(drawn.get(n.id)).toMatch(new RegExp(`^${escapeRe(n.name)}( †)?$`));
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("heistgraph viz", () => {
  it.each(["heat", "city-on-fire", "reservoir-dogs"])(
    "draws %s's betrayals as valid SVG with every character they touch",
    async (film) => {
      const file = join(out, `${film}.svg`);
      const result = await heistgraph("viz", "--film", film, "--out", file);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Wrote ${escapeRe(file)}: .+ — betrayals`));

      const net = await network(db, film);
      const expected = expectedNodes(net, ["BETRAYED"]);
      expect(expected.filter((n) => n.kind === "character").length).toBeGreaterThan(3);
      const svg = readFileSync(file, "utf8");
      expectEveryNode(drawnNodes(svg), expected);
      expect(svg).toContain(`<title>${net.films[0]?.title} — betrayals</title>`);
    },
  );

  it("adds killings, woundings and loyalties, as the story stands after an event", async () => {
    const file = join(out, "heat-30.svg");
    const result = await heistgraph(
      "viz",
      "--film",
      "Heat",
      "--out",
      file,
      "--with",
      "killings,woundings,loyalties",
      "--at",
      "30",
    );
    expect(result.code).toBe(0);
    const net = await network(db, "heat");
    const expected = expectedNodes(net, ["BETRAYED", "KILLED", "WOUNDED", "LOYAL_TO"], 30);
    const drawn = drawnNodes(readFileSync(file, "utf8"));
    expectEveryNode(drawn, expected);
    // Van Zant is shot at event 30, McCauley not until 42.
    expect(drawn.get("roger-van-zant")).toBe("Roger Van Zant †");
    expect(drawn.get("neil-mccauley")).toBe("Neil McCauley");
  });

  it("gives the TS network as it stood after an event, by the rule the picture draws by", async () => {
    const whole = await network(db, "heat");
    const at30 = await network(db, "heat", { at: 30 });
    expect(at30.nodes).toEqual(whole.nodes);
    const killedAt = (net: typeof whole, victim: string) =>
      net.edges.filter((e) => e.type === "KILLED" && e.target === victim).map((e) => e.seq);
    // Van Zant is shot at event 30, McCauley at 42.
    expect(killedAt(at30, "roger-van-zant")).toEqual([30]);
    expect(killedAt(at30, "neil-mccauley")).toEqual([]);
    expect(killedAt(whole, "neil-mccauley")).toEqual([42]);
    for (const e of at30.edges) {
      if (e.type === "LOYAL_TO") expect(e.until === null || e.until >= 30, e.id).toBe(true);
      else expect(e.seq ?? 0, e.id).toBeLessThanOrEqual(30);
    }
  });

  it("writes the same picture as a PNG of the width asked for", async () => {
    const file = join(out, "city-on-fire.png");
    const result = await heistgraph(
      "viz",
      "--film",
      "city-on-fire",
      "--out",
      file,
      "--width",
      "1000",
    );
    expect(result.code).toBe(0);
    const png = readFileSync(file);
    expect(png.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(width).toBe(1000);
    expect(height).toBeGreaterThan(300);
    expect(height).toBeLessThan(2000);
    // Not a blank page: a picture with a legend and a network compresses to some size.
    expect(png.length).toBeGreaterThan(20_000);
  });

  it("answers an unknown film with the films there are", async () => {
    const result = await heistgraph("viz", "--film", "Point Break", "--out", join(out, "x.svg"));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Unknown film "Point Break"/);
    expect(result.stderr).toMatch(/city-on-fire \(City on Fire\), heat \(Heat\)/);
  });

  it("refuses an output file that is neither .svg nor .png", async () => {
    const result = await heistgraph("viz", "--film", "heat", "--out", join(out, "x.jpg"));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Cannot tell what image to write[\s\S]*\.svg or \.png/);
  });

  it("refuses an unknown edge kind", async () => {
    const result = await heistgraph(
      "viz",
      "--film",
      "heat",
      "--out",
      join(out, "x.svg"),
      "--with",
      "hugs",
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Unknown edge kind: hugs[\s\S]*killings, woundings, loyalties/);
  });

  it("draws Heat's storyline: a line per character who takes part, ending where they are killed", async () => {
    const file = join(out, "heat-storyline.svg");
    const { stdout } = await heistgraph("viz", "--storyline", "--film", "Heat", "--out", file);
    const data = await storylineData(db, "heat");
    const drawn = renderStoryline(data);
    // One sentence, wrapped to the terminal's width.
    expect(stdout.replace(/\s+/g, " ").trim()).toBe(
      `Wrote ${file}: Heat — storyline (${drawn.rows.length} characters, ${drawn.columns.length} events).`,
    );
    const svg = readFileSync(file, "utf8");
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toBe(drawn.svg);
    // Everyone who takes part in an event has a line, or is folded into their one event.
    const takingPart = new Set(
      data.events.flatMap((e) => e.participants.filter((p) => !p.isGroup).map((p) => p.id)),
    );
    expect(new Set([...drawn.rows, ...[...drawn.extras.values()].flat()])).toEqual(takingPart);
    // Waingro is killed at event 40 (by McCauley): a cross on that column, in his row.
    const tree = parser.parse(svg) as XmlNode[];
    const at40 = groups(tree).find(
      (g) => g.attrs.class === "event" && g.attrs["data-seq"] === "40",
    );
    expect(at40).toBeDefined();
    expect(JSON.stringify(at40?.kids)).toContain("killing: Neil McCauley → Waingro");
    expect(drawn.columns).toEqual([...drawn.columns].sort((a, b) => a - b));
  });
});
