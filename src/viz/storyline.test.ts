// The storyline as a narrative chart, on the films as written: one line per character who is
// seen in two events or more (the rest folded into their event), an event's lines drawn
// together, Ko Chow's line moving into the gang's band when he joins it and out when he is
// exposed, fewer crossings than the band chart it replaced, no text under 11 px.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { filmFileSchema } from "../dataset/schema.ts";
import { filmStoryline } from "../../tests/helpers/film-network.ts";
import { bandChartCrossings, renderStoryline } from "./storyline.ts";

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
