// The static images, drawn from a small hand-made network: valid SVG, every node labelled,
// a legend, names escaped, the same picture every time, and a PNG of it.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import type { Network, NetworkEdge, NetworkNode } from "../network/index.ts";
import { groupColours, NO_GROUP_COLOUR } from "../network/colours.ts";
import { GROUP_PALETTE } from "../network/grammar.ts";
import {
  networkView,
  renderNetwork,
  renderNetworkPng,
  renderNetworkSvg,
  type ViewOptions,
} from "./index.ts";
import { filmLayout } from "./layout.ts";
import { escapeXml, wrapText } from "./text.ts";

const character = (id: string, name: string, extra: Partial<NetworkNode> = {}): NetworkNode => ({
  id,
  kind: "character",
  name,
  film: "test",
  role: "crew-member",
  fate: "alive",
  unnamed: false,
  groups: [],
  sources: ["test:1"],
  ...extra,
});

const group = (id: string, name: string): NetworkNode => ({
  ...character(id, name),
  kind: "group",
  role: "crew",
  fate: null,
});

let edgeCount = 0;
const edge = (
  type: NetworkEdge["type"],
  source: string,
  target: string,
  extra: Partial<NetworkEdge> = {},
): NetworkEdge => ({
  id: `${source} ${type} ${target} ${edgeCount++}`,
  type,
  source,
  target,
  seq: type === "LOYAL_TO" ? null : 1,
  since: null,
  until: null,
  covert: false,
  coerced: false,
  how: null,
  sources: ["test:1"],
  ...extra,
});

/** A crew, a fence, an informer and the police, with every kind of edge. */
const NETWORK: Network = {
  films: [{ id: "test", title: "Smith & Sons <Heist>" }],
  nodes: [
    character("boss", "Big Al", { role: "crew-leader", groups: ["crew"], fate: "killed" }),
    character("rat", 'Tommy "The Rat" <Tom> & Co', { groups: ["crew", "cops"] }),
    character("driver", "Dot", { groups: ["crew"] }),
    character("fence", "Fence who buys the jewels from the crew", { unnamed: true }),
    character("cop", "Detective Ng", { groups: ["cops"] }),
    character("guard", "A guard", { unnamed: true, fate: "killed" }),
    character("loner", "Nobody's friend"),
    group("crew", "Al's <crew>"),
    group("cops", "The police"),
  ],
  edges: [
    edge("LOYAL_TO", "driver", "crew", { since: 0, until: 6 }),
    edge("LOYAL_TO", "rat", "cops", { covert: true, since: 2 }),
    edge("KILLED", "boss", "guard", { seq: 2 }),
    edge("BETRAYED", "rat", "boss", { seq: 3, coerced: true }),
    edge("BETRAYED", "rat", "boss", { seq: 5 }),
    edge("BETRAYED", "fence", "crew", { seq: 4 }),
    edge("WOUNDED", "cop", "driver", { seq: 6 }),
    edge("BETRAYED", "driver", "crew", { seq: 6 }),
    edge("WOUNDED", "driver", "driver", { seq: 7 }),
    edge("KILLED", "cop", "boss", { seq: 8 }),
  ],
};

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  trimValues: false,
});

/** Every element called `tag`, with its attributes and children, in document order. */
function elements(
  tree: XmlNode[],
  tag: string,
): { attrs: Record<string, string>; kids: XmlNode[] }[] {
  const out: { attrs: Record<string, string>; kids: XmlNode[] }[] = [];
  for (const node of tree) {
    for (const [key, value] of Object.entries(node)) {
      if (key === ":@" || key === "#text" || !Array.isArray(value)) continue;
      if (key === tag)
        out.push({ attrs: (node[":@"] ?? {}) as Record<string, string>, kids: value });
      out.push(...elements(value as XmlNode[], tag));
    }
  }
  return out;
}

/** The text inside some nodes, lines (tspans) joined by a space. */
function textOf(tree: XmlNode[]): string {
  const parts: string[] = [];
  for (const node of tree) {
    for (const [key, value] of Object.entries(node)) {
      if (key === "#text") parts.push(String(value));
      else if (key !== ":@" && key !== "title" && Array.isArray(value))
        parts.push(textOf(value as XmlNode[]));
    }
  }
  return parts.filter(Boolean).join(" ");
}

function parse(svg: string) {
  expect(XMLValidator.validate(svg)).toBe(true);
  const tree = parser.parse(svg) as XmlNode[];
  const [root] = elements(tree, "svg");
  expect(root?.attrs.xmlns).toBe("http://www.w3.org/2000/svg");
  const nodes = elements(tree, "g")
    .filter((g) => g.attrs.class?.startsWith("node "))
    .map((g) => ({
      id: g.attrs["data-id"],
      kind: g.attrs.class?.split(" ")[1],
      label: textOf(elements(g.kids, "text").flatMap((t) => t.kids)),
    }));
  const legend = elements(tree, "g").find((g) => g.attrs.class === "legend");
  return { tree, nodes, legend: legend ? textOf(legend.kids) : undefined };
}

describe("renderNetworkSvg", () => {
  it("draws valid SVG with the betrayals and every node they touch, labelled", () => {
    const { nodes, legend } = parse(renderNetworkSvg(NETWORK));
    // Betrayals only: rat, boss, fence, driver and the crew; not the cop, guard or loner.
    expect(nodes.map((n) => n.id).sort()).toEqual(["boss", "crew", "driver", "fence", "rat"]);
    expect(nodes.find((n) => n.id === "rat")?.label).toBe('Tommy "The Rat" <Tom> & Co');
    expect(nodes.find((n) => n.id === "boss")?.label).toBe("Big Al †");
    expect(nodes.find((n) => n.id === "fence")?.label).toBe(
      "Fence who buys the jewels from the crew",
    );
    expect(nodes.find((n) => n.id === "crew")).toMatchObject({
      kind: "group",
      label: "Al's <crew>",
    });
    expect(legend).toContain("betrayal");
    expect(legend).toContain("betrayal under pressure");
    expect(legend).not.toContain("killing");
    expect(legend).toContain("Al's <crew>");
    expect(legend).toContain("The police");
  });

  it("adds the kinds asked for, and their nodes", () => {
    const svg = renderNetworkSvg(NETWORK, { with: ["killings", "woundings", "loyalties"] });
    const { nodes, legend } = parse(svg);
    expect(nodes.map((n) => n.id).sort()).toEqual(
      ["boss", "cop", "cops", "crew", "driver", "fence", "guard", "rat"].sort(),
    );
    for (const kind of [
      "betrayal",
      "betrayal under pressure",
      "killing",
      "wounding",
      "loyalty",
      "covert loyalty",
    ])
      expect(legend).toContain(kind);
    expect(legend).toContain("unnamed in the film");
    // One line per edge, the wounding the driver gives himself included, and one end with its
    // arrowhead per edge, drawn over the labels.
    expect(svg.match(/<path d="[^"]*" [^>]*data-source=/g)).toHaveLength(NETWORK.edges.length);
    expect(svg.match(/<path class="end" [^>]*marker-end="url\(#arrow-[a-z-]+\)"/g)).toHaveLength(
      NETWORK.edges.length,
    );
  });

  it("escapes &, <, > and quotes in names and titles", () => {
    const svg = renderNetworkSvg(NETWORK);
    expect(svg).toContain("Tommy &quot;The Rat&quot; &lt;Tom&gt; &amp; Co");
    expect(svg).toContain("Al&apos;s &lt;crew&gt;");
    expect(svg).toContain("<title>Smith &amp; Sons &lt;Heist&gt; — betrayals</title>");
    expect(svg).not.toMatch(/<Tom>|<Heist>|<crew>/);
    expect(escapeXml(`a&b<c>"d'`)).toBe("a&amp;b&lt;c&gt;&quot;d&apos;");
  });

  it("shows the network as it stands after an event", () => {
    const view = networkView(NETWORK, { with: ["killings", "loyalties"], at: 4 });
    expect(view.title).toBe(
      "Smith & Sons <Heist> — betrayals, killings and loyalties after event 4",
    );
    expect(view.edges.map((e) => [e.type, e.source, e.target, e.seq])).toEqual([
      ["LOYAL_TO", "driver", "crew", null],
      ["KILLED", "boss", "guard", 2],
      ["LOYAL_TO", "rat", "cops", null],
      ["BETRAYED", "rat", "boss", 3],
      ["BETRAYED", "fence", "crew", 4],
    ]);
    // The boss dies at event 8, the guard at 2.
    expect([...view.dead]).toEqual(["guard"]);
    const { nodes } = parse(renderNetworkSvg(NETWORK, { with: ["killings"], at: 4 }));
    expect(nodes.find((n) => n.id === "boss")?.label).toBe("Big Al");
    expect(nodes.find((n) => n.id === "guard")?.label).toBe("A guard †");
  });

  it("says so when there is nothing to draw", () => {
    const svg = renderNetworkSvg(NETWORK, { at: 0 });
    const { nodes, tree } = parse(svg);
    expect(nodes).toEqual([]);
    expect(textOf(tree)).toContain("No betrayals by event 0.");
  });

  it("draws the same picture every time, whatever order the network comes in", () => {
    const options = { with: ["killings", "loyalties"] as const };
    const first = renderNetworkSvg(NETWORK, { with: [...options.with] });
    const shuffled: Network = {
      ...NETWORK,
      nodes: [...NETWORK.nodes].reverse(),
      edges: [...NETWORK.edges].reverse(),
    };
    expect(renderNetworkSvg(NETWORK, { with: [...options.with] })).toBe(first);
    expect(renderNetworkSvg(shuffled, { with: [...options.with] })).toBe(first);
  });

  it("takes the width asked for, the drawing scaled to it", () => {
    const { svg, viewBox } = renderNetwork(NETWORK, { width: 1200 });
    expect(svg).toMatch(/<svg [^>]*width="1200"/);
    const height = Number(/<svg [^>]*height="(\d+)"/.exec(svg)?.[1]);
    expect(height).toBe(Math.round((viewBox.height * 1200) / viewBox.width));
  });

  it("keeps labels from covering one another", () => {
    const { svg } = renderNetwork(NETWORK, { with: ["killings", "woundings", "loyalties"] });
    const { tree } = parse(svg);
    // Each label's first line: its anchor point; labels of different nodes are apart.
    const anchors = elements(tree, "tspan")
      .filter((t) => t.attrs.y !== undefined)
      .map((t) => ({ x: Number(t.attrs.x), y: Number(t.attrs.y) }));
    expect(anchors.length).toBeGreaterThan(5);
    for (const [i, a] of anchors.entries())
      for (const b of anchors.slice(i + 1))
        expect(Math.abs(a.x - b.x) > 20 || Math.abs(a.y - b.y) > 12).toBe(true);
  });
});

describe("one layout per film", () => {
  it("gives the same positions on every run and whatever order the network comes in", () => {
    const shuffled: Network = {
      ...NETWORK,
      nodes: [...NETWORK.nodes].reverse(),
      edges: [...NETWORK.edges].reverse(),
    };
    const first = filmLayout(NETWORK);
    expect(first.size).toBe(NETWORK.nodes.length);
    expect([...filmLayout(shuffled)].sort()).toEqual([...first].sort());
  });

  it("draws every view and story time of a film where the layout puts each node", () => {
    const layout = filmLayout(NETWORK);
    const views: ViewOptions[] = [{}, { with: ["killings", "loyalties"], at: 4 }];
    for (const options of views) {
      const { positions, squeeze } = renderNetwork(NETWORK, options);
      const ids = [...positions.keys()];
      expect(ids.length).toBeGreaterThan(2);
      const [a] = ids;
      const pa = positions.get(a ?? "");
      const la = layout.get(a ?? "");
      // Drawn = layout scaled by the squeeze and moved: differences scale, nothing else moves.
      for (const id of ids) {
        const p = positions.get(id);
        const l = layout.get(id);
        if (!p || !l || !pa || !la) throw new Error(`no position for ${id}`);
        expect(p.x - pa.x).toBeCloseTo((l.x - la.x) * squeeze, 0);
        expect(p.y - pa.y).toBeCloseTo((l.y - la.y) * squeeze, 0);
      }
    }
  });
});

describe("group colours", () => {
  it("come from the group's id: the same alone or beside another film's groups", () => {
    const alone = groupColours([
      { id: "crew", film: "test" },
      { id: "cops", film: "test" },
    ]);
    const together = groupColours([
      { id: "other-gang", film: "other" },
      { id: "cops", film: "test" },
      { id: "other-cops", film: "other" },
      { id: "crew", film: "test" },
    ]);
    expect(together.get("crew")).toBe(alone.get("crew"));
    expect(together.get("cops")).toBe(alone.get("cops"));
    expect(alone.get("crew")).not.toBe(alone.get("cops"));
  });

  it("never give two groups of a film one colour while the palette lasts", () => {
    const groups = Array.from({ length: GROUP_PALETTE.length }, (_, i) => ({
      id: `g${i}`,
      film: "f",
    }));
    expect(new Set(groupColours(groups).values()).size).toBe(GROUP_PALETTE.length);
  });

  it("are the ones the image fills groups with", () => {
    const svg = renderNetworkSvg(NETWORK);
    const colour = groupColours([
      { id: "crew", film: "test" },
      { id: "cops", film: "test" },
    ]).get("crew");
    expect(svg).toMatch(
      new RegExp(`data-id="crew"[\\s\\S]*?<polygon [^>]*fill="${colour ?? "none"}"`),
    );
  });
  it("tell the legend's shape samples from the grey of characters in no group", () => {
    const svg = renderNetworkSvg(NETWORK, { with: ["killings", "woundings", "loyalties"] });
    const legend = svg.slice(svg.indexOf('<g class="legend">'));
    // Each row is its sample's markup, then its text.
    const sampleFill = (text: string) =>
      [...legend.matchAll(/fill="(#[0-9a-fA-F]{6})"[^\n]*\n<text[^>]*>([^<]*)</g)]
        .filter((m) => m[2] === text)
        .map((m) => m[1]?.toLowerCase());
    const [noGroup] = sampleFill("in no group");
    expect(noGroup).toBe(NO_GROUP_COLOUR.toLowerCase());
    for (const row of ["character, in its group&apos;s colour", "group, in its colour"]) {
      const [fill] = sampleFill(row);
      expect(fill).not.toBe(noGroup);
      expect(GROUP_PALETTE.map((p) => p.hex.toLowerCase())).toContain(fill);
    }
  });
});

describe("wrapText", () => {
  it("breaks long labels between words and keeps short ones whole", () => {
    expect(wrapText("Dot", 12, 150)).toEqual(["Dot"]);
    const lines = wrapText("Go-betweens who place Waingro with Van Zant", 12, 150);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe("Go-betweens who place Waingro with Van Zant");
  });
});

describe("renderNetworkPng", () => {
  it("renders the SVG to a PNG of the SVG's width", () => {
    const svg = renderNetworkSvg(NETWORK, { width: 640 });
    const png = renderNetworkPng(svg);
    expect(png.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(png.readUInt32BE(16)).toBe(640);
    const height = Number(/<svg [^>]*height="(\d+)"/.exec(svg)?.[1]);
    expect(Math.abs(png.readUInt32BE(20) - height)).toBeLessThanOrEqual(1);
    expect(renderNetworkPng(svg, { width: 320 }).readUInt32BE(16)).toBe(320);
  });
});
