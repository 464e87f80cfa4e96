// How long the one layout of a film takes (src/viz/layout.ts filmLayout), and how legible the
// pictures drawn from it are (src/viz/geometry.ts): on the real films and on generated ones.
//
//   npx tsx scripts/bench/layout.ts                       # the films, and a generated film of 40
//   npx tsx scripts/bench/layout.ts --characters 300      # a generated film of 300 characters
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { filmFileSchema } from "../../src/dataset/schema.ts";
import type { Network } from "../../src/network/index.ts";
import { legibility } from "../../src/viz/geometry.ts";
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
for (const [name, net] of networks) {
  const t0 = performance.now();
  const layout = filmLayout(net);
  const ms = performance.now() - t0;
  const counts = (["none", "all"] as const).map((w) => {
    const { scene } = renderNetwork(net, {
      layout,
      with: w === "all" ? ["killings", "woundings", "loyalties"] : [],
    });
    const l = legibility(scene.placed, scene.shapes);
    return `${w === "all" ? "--with all" : "betrayals"}: ${Object.entries(l)
      .map(([k, v]) => `${k} ${v.length}`)
      .join(", ")}`;
  });
  console.log(
    `${name}: ${net.nodes.length} nodes, ${net.edges.length} edges; filmLayout ${ms.toFixed(0)} ms (load ${loadavg()[0]?.toFixed(2)})`,
  );
  for (const c of counts) console.log(`  ${c}`);
}
