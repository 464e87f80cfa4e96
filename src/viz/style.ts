// How the static images draw things: the look of each kind of edge and the group colours.
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
  /** Drawing order: higher is drawn later, on top. */
  layer: number;
}

export const EDGE_STYLES: Record<EdgeStyleName, EdgeStyle> = {
  betrayal: { name: "betrayal", label: "betrayal", color: "#d62728", width: 2.4, layer: 4 },
  "coerced-betrayal": {
    name: "coerced-betrayal",
    label: "betrayal under pressure",
    color: "#d62728",
    width: 2.4,
    dash: "7 4",
    layer: 4,
  },
  killing: {
    name: "killing",
    label: "killing",
    color: "#111111",
    width: 3.2,
    cross: true,
    layer: 3,
  },
  wounding: {
    name: "wounding",
    label: "wounding",
    color: "#ef7d00",
    width: 2.2,
    dash: "6 3",
    layer: 2,
  },
  loyalty: { name: "loyalty", label: "loyalty", color: "#2e9e44", width: 1.4, layer: 1 },
  "covert-loyalty": {
    name: "covert-loyalty",
    label: "covert loyalty",
    color: "#8e44ad",
    width: 2,
    dash: "1.5 3.5",
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

/** Group colours, in the order groups are given them; none is an edge colour. */
export const GROUP_PALETTE = [
  "#4e79a7",
  "#edc948",
  "#76b7b2",
  "#ff9da7",
  "#9c755f",
  "#a0cbe8",
  "#b6992d",
  "#d4a6c8",
  "#86bcb6",
  "#f1ce63",
];

/** Characters in no group. */
export const NO_GROUP_FILL = "#ffffff";
export const NODE_STROKE = "#333333";
export const TEXT_COLOR = "#1a1a1a";
export const MUTED_TEXT = "#555555";
