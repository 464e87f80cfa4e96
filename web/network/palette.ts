// Colours and edge looks, shared by the graph's stylesheet and the legend.
import type { NetworkEdgeType, NetworkNode } from "./api.ts";

/** Fills for groups (and films): muted, so the edge colours stay the loudest thing. */
const FILLS = [
  "#4e79a7",
  "#f28e2b",
  "#76b7b2",
  "#edc948",
  "#b07aa1",
  "#ff9da7",
  "#9c755f",
  "#86bcb6",
  "#a0cbe8",
  "#ffbe7d",
  "#8cd17d",
  "#d4a6c8",
];
export const NO_GROUP = "#c3c9d2";
/** Fills for films: few, and far apart. */
const FILM_FILLS = ["#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948"];

export const EDGE_LOOK: Record<
  NetworkEdgeType | "COVERT",
  { label: string; colour: string; dash: string | null; width: number; arrow: string }
> = {
  BETRAYED: { label: "Betrayal", colour: "#d62839", dash: null, width: 3, arrow: "triangle" },
  KILLED: { label: "Killing", colour: "#111111", dash: null, width: 2.5, arrow: "triangle-cross" },
  WOUNDED: { label: "Wounding", colour: "#c26a1b", dash: "6 4", width: 2, arrow: "vee" },
  LOYAL_TO: { label: "Loyalty", colour: "#2e9e5b", dash: null, width: 1.4, arrow: "vee" },
  COVERT: { label: "Covert loyalty", colour: "#7b2cbf", dash: "1.5 3.5", width: 2, arrow: "vee" },
};

export type ColourBy = "group" | "film";

export interface Swatch {
  id: string;
  name: string;
  colour: string;
}

/** A colour for every group (by film, then name) and every film: stable for a network. */
export function colourKeys(
  nodes: NetworkNode[],
  films: { id: string; title: string }[],
): { groups: Map<string, Swatch>; films: Map<string, Swatch> } {
  const groups = new Map<string, Swatch>();
  nodes
    .filter((n) => n.kind === "group")
    .sort((a, b) => a.film.localeCompare(b.film) || a.name.localeCompare(b.name))
    .forEach((g, i) =>
      groups.set(g.id, { id: g.id, name: g.name, colour: FILLS[i % FILLS.length] ?? NO_GROUP }),
    );
  const filmSwatches = new Map<string, Swatch>();
  [...films]
    .sort((a, b) => a.id.localeCompare(b.id))
    .forEach((f, i) =>
      filmSwatches.set(f.id, {
        id: f.id,
        name: f.title,
        colour: FILM_FILLS[i % FILM_FILLS.length] ?? NO_GROUP,
      }),
    );
  return { groups, films: filmSwatches };
}
