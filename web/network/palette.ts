// Colours and edge looks, shared by the graph's stylesheet and the legend. Group and film colours
// come from src/network/colours.ts, which the static images and Neo4j Browser style use too.
import {
  EDGE_COLOURS,
  filmColours,
  groupColours,
  HIGHLIGHT_COLOUR,
  NO_GROUP_COLOUR,
} from "../../src/network/colours.ts";
import type { NetworkEdgeType, NetworkNode } from "./api.ts";

export const NO_GROUP = NO_GROUP_COLOUR;
export const HIGHLIGHT = HIGHLIGHT_COLOUR;

export interface EdgeLook {
  label: string;
  colour: string;
  dash: string | null;
  width: number;
  /** The arrowhead (cytoscape's names): betrayals a filled triangle, loyalties a hollow ring. */
  arrow: string;
  arrowFill: "filled" | "hollow";
}

export const EDGE_LOOK: Record<NetworkEdgeType | "COVERT", EdgeLook> = {
  BETRAYED: {
    label: "Betrayal",
    colour: EDGE_COLOURS.betrayal,
    dash: null,
    width: 3,
    arrow: "triangle",
    arrowFill: "filled",
  },
  KILLED: {
    label: "Killing",
    colour: EDGE_COLOURS.killing,
    dash: null,
    width: 2.5,
    arrow: "triangle-cross",
    arrowFill: "filled",
  },
  WOUNDED: {
    label: "Wounding",
    colour: EDGE_COLOURS.wounding,
    dash: "6 4",
    width: 2,
    arrow: "vee",
    arrowFill: "filled",
  },
  LOYAL_TO: {
    label: "Loyalty",
    colour: EDGE_COLOURS.loyalty,
    dash: null,
    width: 1.4,
    arrow: "circle",
    arrowFill: "hollow",
  },
  COVERT: {
    label: "Covert loyalty",
    colour: EDGE_COLOURS.covertLoyalty,
    dash: "1.5 3.5",
    width: 2,
    arrow: "circle",
    arrowFill: "hollow",
  },
};

export type ColourBy = "group" | "film";

export interface Swatch {
  id: string;
  name: string;
  colour: string;
}

/** A colour for every group and every film, from their ids: the same in every view and image. */
export function colourKeys(
  nodes: NetworkNode[],
  films: { id: string; title: string }[],
): { groups: Map<string, Swatch>; films: Map<string, Swatch> } {
  const groupNodes = nodes
    .filter((n) => n.kind === "group")
    .sort((a, b) => a.film.localeCompare(b.film) || a.name.localeCompare(b.name));
  const groupColour = groupColours(groupNodes);
  const groups = new Map(
    groupNodes.map((g) => [
      g.id,
      { id: g.id, name: g.name, colour: groupColour.get(g.id) ?? NO_GROUP },
    ]),
  );
  const filmColour = filmColours(films);
  const filmSwatches = new Map(
    [...films]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((f) => [f.id, { id: f.id, name: f.title, colour: filmColour.get(f.id) ?? NO_GROUP }]),
  );
  return { groups, films: filmSwatches };
}
