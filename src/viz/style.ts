// How the static images draw things: the look of each kind of edge and the group colours.
import { EDGE_COLOURS, NO_GROUP_COLOUR } from "../network/colours.ts";
import type { NetworkEdge } from "../network/index.ts";

export type EdgeStyleName =
  "betrayal" | "coerced-betrayal" | "killing" | "wounding" | "loyalty" | "covert-loyalty";

export interface EdgeStyle {
  name: EdgeStyleName;
  /** What the legend calls it. */
  label: string;
  color: string;
  width: number;
  dash?: string;
  /** Killings carry a cross on the line. */
  cross?: boolean;
  /** Loyalties end in a hollow circle, not an arrowhead. */
  ring?: boolean;
  /** Drawing order: higher is drawn later, on top. */
  layer: number;
}

export const EDGE_STYLES: Record<EdgeStyleName, EdgeStyle> = {
  betrayal: {
    name: "betrayal",
    label: "betrayal",
    color: EDGE_COLOURS.betrayal,
    width: 2.6,
    layer: 4,
  },
  "coerced-betrayal": {
    name: "coerced-betrayal",
    label: "betrayal under pressure",
    color: EDGE_COLOURS.betrayal,
    width: 2.6,
    dash: "7 4",
    layer: 4,
  },
  killing: {
    name: "killing",
    label: "killing",
    color: EDGE_COLOURS.killing,
    width: 3.2,
    cross: true,
    layer: 3,
  },
  wounding: {
    name: "wounding",
    label: "wounding",
    color: EDGE_COLOURS.wounding,
    width: 2.2,
    dash: "6 3",
    layer: 2,
  },
  loyalty: {
    name: "loyalty",
    label: "loyalty",
    color: EDGE_COLOURS.loyalty,
    width: 1.3,
    ring: true,
    layer: 1,
  },
  "covert-loyalty": {
    name: "covert-loyalty",
    label: "covert loyalty",
    color: EDGE_COLOURS.covertLoyalty,
    width: 1.8,
    dash: "1.5 3.5",
    ring: true,
    layer: 1,
  },
};

/** The legend's order. */
export const EDGE_STYLE_ORDER: EdgeStyleName[] = [
  "betrayal",
  "coerced-betrayal",
  "killing",
  "wounding",
  "loyalty",
  "covert-loyalty",
];

export function edgeStyle(edge: NetworkEdge): EdgeStyle {
  switch (edge.type) {
    case "BETRAYED":
      return EDGE_STYLES[edge.coerced ? "coerced-betrayal" : "betrayal"];
    case "KILLED":
      return EDGE_STYLES.killing;
    case "WOUNDED":
      return EDGE_STYLES.wounding;
    case "LOYAL_TO":
      return EDGE_STYLES[edge.covert ? "covert-loyalty" : "loyalty"];
  }
}

/** Characters in no group. */
export const NO_GROUP_FILL = NO_GROUP_COLOUR;
export const NODE_STROKE = "#333333";
export const TEXT_COLOR = "#1a1a1a";
export const MUTED_TEXT = "#555555";
