// Draws two films side by side with the characters `parallels` pairs across them, and each
// film's confrontation (its crew leader threatening its undercover officer), as an SVG, and a
// PNG beside it. Asks the graph heistgraph is configured for (NEO4J_URI, or the local Neo4j).
//   npx tsx scripts/parallels-picture.ts city-on-fire reservoir-dogs \
//     --out docs/images/parallels-city-on-fire-reservoir-dogs.svg
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { connect, parallels, timeline } from "../src/index.ts";
import { renderNetworkPng } from "../src/viz/png.ts";
import {
  confrontation,
  renderParallelsSvg,
  rolePairs,
  type ParallelsPicture,
} from "../src/viz/parallels.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: "string" } },
});
if (positionals.length !== 2) {
  console.error("usage: tsx scripts/parallels-picture.ts <film> <film> [--out picture.svg]");
  process.exit(1);
}
const [leftFilm, rightFilm] = positionals as [string, string];
const out = values.out ?? `parallels-${leftFilm}-${rightFilm}.svg`;

const db = await connect();
try {
  const [answer, left, right] = [
    await parallels(db),
    await timeline(db, leftFilm),
    await timeline(db, rightFilm),
  ];
  const pairs = rolePairs(answer, left.film.id, right.film.id);
  const idsOf = (role: string, side: "left" | "right") =>
    pairs.find((p) => p.role === role)?.[side].map((c) => c.id) ?? [];
  const scene = (side: "left" | "right", events: typeof left.events) =>
    confrontation(events, idsOf("crew-leader", side), idsOf("undercover-officer", side));
  const leftScene = scene("left", left.events);
  const rightScene = scene("right", right.events);
  const picture: ParallelsPicture = {
    left: left.film,
    right: right.film,
    pairs,
    scene: leftScene && rightScene ? { left: leftScene, right: rightScene } : null,
  };
  const svg = renderParallelsSvg(picture);
  writeFileSync(out, svg);
  const png = out.replace(/\.svg$/, ".png");
  if (png !== out) writeFileSync(png, renderNetworkPng(svg));
  console.log(
    `Wrote ${out}${png !== out ? ` and ${png}` : ""}: ${pairs.length} shared roles${
      picture.scene
        ? `; confrontations ${picture.scene.left.seq} (${picture.scene.left.name}) and ${picture.scene.right.seq} (${picture.scene.right.name})`
        : ""
    }.`,
  );
} finally {
  await db.close();
}
