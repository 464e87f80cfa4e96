// The network's looks of the visual grammar (src/network/grammar.ts) in cytoscape's terms,
// shared by the graph's stylesheet and the legend. Group and film colours come from
// src/network/colours.ts, which the static images and the Neo4j Browser style use too.
import { filmColours, groupColours } from "../../src/network/colours.ts";
import {
  EDGE_LOOKS,
  HIGHLIGHT as HIGHLIGHT_PAINT,
  NO_GROUP as NO_GROUP_PAINT,
  type LineEnd,
  type NetworkLookName,
} from "../../src/network/grammar.ts";
import type { NetworkEdgeType, NetworkNode } from "./api.ts";

export const NO_GROUP = NO_GROUP_PAINT.hex;
export const HIGHLIGHT = HIGHLIGHT_PAINT.hex;

/** An edge type, or its variant drawn apart: covert loyalties and betrayals under pressure. */
export type LookKey = NetworkEdgeType | "COVERT" | "COERCED";

export interface EdgeLook {
  label: string;
  colour: string;
  dash: readonly number[] | null;
  width: number;
  end: LineEnd;
  /** The arrowhead (cytoscape's names): betrayals a filled triangle, loyalties a hollow ring. */
  arrow: string;
  arrowFill: "filled" | "hollow";
}

const GRAMMAR_NAME: Record<LookKey, NetworkLookName> = {
  BETRAYED: "betrayal",
  COERCED: "coerced-betrayal",
  KILLED: "killing",
  WOUNDED: "wounding",
  LOYAL_TO: "loyalty",
  COVERT: "covert-loyalty",
};

const CYTOSCAPE_ARROW: Record<LineEnd, string> = {
  triangle: "triangle",
  "triangle-cross": "triangle-cross",
  vee: "vee",
  ring: "circle",
  none: "none",
};

function cytoscapeLook(key: LookKey): EdgeLook {
  const look = EDGE_LOOKS[GRAMMAR_NAME[key]];
  return {
    label: look.label.charAt(0).toUpperCase() + look.label.slice(1),
    colour: look.paint.hex,
    dash: look.dash,
    width: look.width,
    end: look.end,
    arrow: CYTOSCAPE_ARROW[look.end],
    arrowFill: look.end === "ring" ? "hollow" : "filled",
  };
}

export const EDGE_LOOK = Object.fromEntries(
  (Object.keys(GRAMMAR_NAME) as LookKey[]).map((key) => [key, cytoscapeLook(key)]),
) as Record<LookKey, EdgeLook>;

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

/** Which look an edge is drawn with. */
export function lookKeyOf(edge: {
  type: NetworkEdgeType;
  covert?: boolean | null;
  coerced?: boolean | null;
}): LookKey {
  if (edge.type === "LOYAL_TO" && edge.covert) return "COVERT";
  if (edge.type === "BETRAYED" && edge.coerced) return "COERCED";
  return edge.type;
}
