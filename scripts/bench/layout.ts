// How long the one layout of a film takes (src/viz/layout.ts filmLayout), and how legible the
// pictures drawn from it are (src/viz/geometry.ts): on the real films and on generated ones, in
// the views the geometry test checks, and on the page (every kind of edge shown).
//
//   npx tsx scripts/bench/layout.ts                       # the films, and a generated film of 40
//   npx tsx scripts/bench/layout.ts --characters 300      # a generated film of 300 characters
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { filmFileSchema } from "../../src/dataset/schema.ts";
import type { Network } from "../../src/network/index.ts";
import { legibility, pageLinesThroughNodes } from "../../src/viz/geometry.ts";
import { renderNetwork } from "../../src/viz/index.ts";
import { filmLayout } from "../../src/viz/layout.ts";
import { filmNetwork } from "../../tests/helpers/film-network.ts";
import { generateFilm } from "./generate-story.ts";

const { values } = parseArgs({
  options: { characters: { type: "string" }, films: { type: "boolean", default: false } },
});
const fromFile = (file: string): Network =>
  filmNetwork(filmFileSchema.parse(parse(readFileSync(file, "utf8"))));
const networks: [string, Network][] =
  values.characters === undefined
    ? [
        ["heat", fromFile("import/films/heat.yaml")],
        ["city-on-fire", fromFile("import/films/city-on-fire.yaml")],
        ["generated 40", filmNetwork(generateFilm({ films: 1, characters: 40 }, 0))],
      ]
    : [
        [
          `generated ${values.characters}`,
          filmNetwork(generateFilm({ films: 1, characters: Number(values.characters) }, 0)),
        ],
      ];
const ALL = ["killings", "woundings", "loyalties"] as const;
const VIEWS = [
  { name: "betrayals", view: { with: [] } },
  { name: "--with all", view: { with: [...ALL] } },
  { name: "--with all --at 20", view: { with: [...ALL], at: 20 } },
];
for (const [name, net] of networks) {
  const t0 = performance.now();
  const layout = filmLayout(net);
  const ms = performance.now() - t0;
  // The views and widths the geometry test checks (src/viz/geometry.test.ts).
  const counts = VIEWS.map(({ name, view }) => {
    const sums = new Map<string, number>();
    for (const width of [900, 1400]) {
      const { scene } = renderNetwork(net, { ...view, width, layout });
      for (const [k, v] of Object.entries(legibility(scene.placed, scene.shapes)))
        sums.set(k, (sums.get(k) ?? 0) + v.length);
    }
    return `${name} (900 + 1400 px): ${[...sums].map(([k, v]) => `${k} ${v}`).join(", ")}`;
  });
  counts.push(`page, every kind: edgeThroughNode ${pageLinesThroughNodes(net, layout).length}`);
  console.log(
    `${name}: ${net.nodes.length} nodes, ${net.edges.length} edges; filmLayout ${ms.toFixed(0)} ms (load ${loadavg()[0]?.toFixed(2)})`,
  );
  for (const c of counts) console.log(`  ${c}`);
}
