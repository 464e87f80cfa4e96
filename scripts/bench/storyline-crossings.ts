// How many times the storyline's lines cross: the narrative chart (src/viz/storyline.ts) against
// the band chart it replaced, for the films and a generated one.
//
//   npx tsx scripts/bench/storyline-crossings.ts [--png-dir /tmp/out]
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { filmFileSchema } from "../../src/dataset/schema.ts";
import { renderNetworkPng } from "../../src/viz/index.ts";
import { bandChartCrossings, renderStoryline } from "../../src/viz/storyline.ts";
import { filmStoryline } from "../../tests/helpers/film-network.ts";
import { generateFilm } from "./generate-story.ts";

const { values } = parseArgs({ options: { "png-dir": { type: "string" } } });
const read = (file: string) => filmFileSchema.parse(parse(readFileSync(file, "utf8")));
const films = [
  read("import/films/heat.yaml"),
  read("import/films/city-on-fire.yaml"),
  generateFilm({ films: 1, characters: 40 }, 0),
];
for (const film of films) {
  const input = filmStoryline(film);
  const drawn = renderStoryline(input, { width: 1100 });
  console.log(
    `${film.film.id}: narrative chart ${drawn.crossings} crossings, band chart ${bandChartCrossings(input)}`,
  );
  const dir = values["png-dir"];
  if (dir) {
    writeFileSync(join(dir, `${film.film.id}-storyline.svg`), drawn.svg);
    writeFileSync(
      join(dir, `${film.film.id}-storyline.png`),
      renderNetworkPng(drawn.svg, { width: 2200 }),
    );
  }
}
