// The storyline as a narrative chart, on the films as written: one line per character who is
// seen in two events or more (the rest folded into their event), an event's lines drawn
// together, Ko Chow's line moving into the gang's band when he joins it and out when he is
// exposed, fewer crossings than the band chart it replaced, no text under 11 px, and no two
// texts overlapping (names, moves, counts, bands, legend), on the films and on generated stories.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { filmFileSchema } from "../dataset/schema.ts";
import { generateFilm } from "../../scripts/bench/generate-story.ts";
import { filmStoryline } from "../../tests/helpers/film-network.ts";
import { storyArbitrary } from "../../tests/helpers/story-arbitrary.ts";
import { textBox, textOverlaps } from "./storyline-labels.ts";
import { bandChartCrossings, renderStoryline, type StorylineInput } from "./storyline.ts";

const input = (name: string) =>
  filmStoryline(filmFileSchema.parse(parse(readFileSync(`import/films/${name}.yaml`, "utf8"))));

describe("the narrative chart", () => {
  it.each(["heat", "city-on-fire"])("%s: an event's characters are drawn together", (name) => {
    const data = input(name);
    const drawn = renderStoryline(data, { width: 1100 });
    drawn.columns.forEach((seq, i) => {
      const event = data.events.find((e) => e.seq === seq);
      const ys = (event?.participants ?? [])
        .map((p) => drawn.positions.get(p.id)?.get(i))
        .filter((y): y is number => y !== undefined);
      if (ys.length < 2) return;
      const inside = [...drawn.positions]
        .filter(([id]) => !event?.participants.some((p) => p.id === id))
        .map(([, at]) => at.get(i))
        .filter((y): y is number => y !== undefined && y > Math.min(...ys) && y < Math.max(...ys));
      expect({ seq, inside }).toEqual({ seq, inside: [] });
    });
  });

  it.each(["heat", "city-on-fire"])("%s: one-off characters fold into their event", (name) => {
    const data = input(name);
    const drawn = renderStoryline(data);
    const seen = new Map<string, number>();
    for (const e of data.events)
      for (const p of new Set(e.participants.map((q) => q.id)))
        if (data.nodes.find((n) => n.id === p)?.kind === "character")
          seen.set(p, (seen.get(p) ?? 0) + 1);
    const once = [...seen].filter(([, n]) => n === 1).map(([id]) => id);
    expect(new Set(drawn.rows)).toEqual(
      new Set([...seen.keys()].filter((id) => !once.includes(id))),
    );
    expect(new Set([...drawn.extras.values()].flat())).toEqual(new Set(once));
  });

  it("moves Ko Chow into the gang's band when he joins it (16), out after his exposure (33)", () => {
    const drawn = renderStoryline(input("city-on-fire"));
    const band = (seq: number) => drawn.bandAt.get("ko-chow")?.get(drawn.columns.indexOf(seq));
    expect([15, 16, 22, 33, 34].map(band)).toEqual([
      "cof-police",
      "cof-gang",
      "cof-gang",
      "cof-gang",
      "cof-police",
    ]);
  });

  it.each(["heat", "city-on-fire"])("%s: fewer crossings than the band chart", (name) => {
    const data = input(name);
    expect(renderStoryline(data).crossings).toBeLessThan(bandChartCrossings(data));
  });

  it("writes no text smaller than 11 px", () => {
    const { svg } = renderStoryline(input("heat"));
    const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
  });
});

describe("the narrative chart's words", () => {
  const stories: [string, StorylineInput][] = [
    ["heat", input("heat")],
    ["city-on-fire", input("city-on-fire")],
    ...[30, 60].map((characters): [string, StorylineInput] => [
      `a generated film of ${characters}`,
      filmStoryline(generateFilm({ films: 1, characters }, 0)),
    ]),
    ...fc
      .sample(storyArbitrary({ prefix: "gen" }), { numRuns: 3, seed: 27 })
      .map((story): [string, StorylineInput] => [story.film.id, filmStoryline(story)]),
  ];

  it("counts texts that overlap", () => {
    const a = textBox("Ko Chow", 100, 50, 11.5, "end", { middle: true });
    const b = textBox("Fu", 95, 58, 11.5, "start");
    const c = textBox("Fu", 95, 68, 11.5, "start");
    expect(textOverlaps([a, b])).toEqual(["Ko Chow / Fu"]);
    expect(textOverlaps([a, c])).toEqual([]);
  });

  it.each(stories)("%s: no two texts overlap, and every line has its name", (_, data) => {
    // The CLI's default, the page's (src/web/network-route.ts) and a wide one.
    for (const width of [900, 1100, 1400]) {
      const drawn = renderStoryline(data, { width });
      expect({ width, overlaps: textOverlaps(drawn.texts) }).toEqual({ width, overlaps: [] });
      const names = [...drawn.svg.matchAll(/<text class="name"/g)];
      expect(names).toHaveLength(drawn.rows.length);
    }
  });
});
