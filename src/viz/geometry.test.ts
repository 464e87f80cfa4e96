// The network pictures are legible by geometry: for both films and for generated stories, in
// every view kind, no edge passes through a node it does not join, no label covers a node, a
// label or an edge's end, and no story-order number covers another, a node or a label; and
// on the page, drawn from the same layout with its own node sizes, no edge passes through a node.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { generateFilm } from "../../scripts/bench/generate-story.ts";
import { filmFileSchema } from "../dataset/schema.ts";
import type { Network } from "../network/index.ts";
import { filmNetwork } from "../../tests/helpers/film-network.ts";
import { storyArbitrary } from "../../tests/helpers/story-arbitrary.ts";
import { legibility, pageLinesThroughNodes, segmentDistance } from "./geometry.ts";
import { renderNetwork } from "./index.ts";
import { filmLayout } from "./layout.ts";

const film = (name: string): Network =>
  filmNetwork(filmFileSchema.parse(parse(readFileSync(`import/films/${name}.yaml`, "utf8"))));

const VIEWS = [
  { with: [] },
  { with: ["killings", "woundings", "loyalties"] as const },
  { with: ["killings", "woundings", "loyalties"] as const, at: 20 },
];

function problems(net: Network): Record<string, string[]> {
  const layout = filmLayout(net);
  const found: Record<string, string[]> = { page: pageLinesThroughNodes(net, layout) };
  for (const view of VIEWS)
    for (const width of [900, 1400]) {
      const { scene } = renderNetwork(net, { ...view, with: [...view.with], width, layout });
      const l = legibility(scene.placed, scene.shapes);
      const key = `${view.with.length ? "all" : "betrayals"}${view.at ? ` at ${view.at}` : ""} ${width}`;
      found[key] = [...l.edgeThroughNode, ...l.labelOverlap, ...l.endCovered, ...l.seqOverlap];
    }
  return found;
}

const none = (found: Record<string, string[]>) =>
  Object.fromEntries(Object.keys(found).map((k) => [k, []]));

describe("legible network pictures", () => {
  it("counts an edge through a node it does not join", () => {
    expect(segmentDistance({ x: 5, y: 1 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBe(1);
    expect(segmentDistance({ x: 15, y: 0 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBe(5);
  });

  it.each(["heat", "city-on-fire"])(
    "%s: nothing covers anything",
    (name) => {
      const found = problems(film(name));
      expect(found).toEqual(none(found));
    },
    120_000,
  );

  it("generated stories: nothing covers anything", () => {
    const stories = [
      ...fc.sample(storyArbitrary({ prefix: "gen" }), { numRuns: 6, seed: 20 }),
      generateFilm({ films: 1, characters: 30 }, 0),
    ];
    for (const story of stories) {
      const found = problems(filmNetwork(story));
      expect({ [story.film.id]: found }).toEqual({ [story.film.id]: none(found) });
    }
  }, 240_000);

  // Films the size a user might write or convert, denser than the two in the repository: the
  // layout has to draw them wider to keep every line off the nodes it does not join.
  it.each([60, 120])(
    "a generated film of %i characters: nothing covers anything",
    (characters) => {
      const found = problems(filmNetwork(generateFilm({ films: 1, characters }, 0)));
      expect(found).toEqual(none(found));
    },
    240_000,
  );
});
