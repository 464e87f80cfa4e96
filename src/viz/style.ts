// How the static images draw things: the network's looks of the visual grammar
// (src/network/grammar.ts) in SVG terms, and the images' text colours.
import { NO_GROUP_COLOUR } from "../network/colours.ts";
import {
  EDGE_LOOKS,
  NETWORK_LOOKS,
  networkLookName,
  type LineEnd,
  type NetworkLookName,
} from "../network/grammar.ts";
import type { NetworkEdge } from "../network/index.ts";

export type EdgeStyleName = NetworkLookName;

export interface EdgeStyle {
  name: EdgeStyleName;
  /** What the legend calls it. */
  label: string;
  color: string;
  width: number;
  /** An SVG stroke-dasharray. */
  dash?: string;
  end: LineEnd;
  /** Drawing order: higher is drawn later, on top. */
  layer: number;
}

function svgStyle(name: EdgeStyleName): EdgeStyle {
  const look = EDGE_LOOKS[name];
  return {
    name,
    label: look.label,
    color: look.paint.hex,
    width: look.width,
    ...(look.dash ? { dash: look.dash.join(" ") } : {}),
    end: look.end,
    layer: look.layer,
  };
}

export const EDGE_STYLES = Object.fromEntries(
  NETWORK_LOOKS.map((name) => [name, svgStyle(name)]),
) as Record<EdgeStyleName, EdgeStyle>;

/** The legend's order. */
export const EDGE_STYLE_ORDER: readonly EdgeStyleName[] = NETWORK_LOOKS;

export function edgeStyle(edge: NetworkEdge): EdgeStyle {
  return EDGE_STYLES[networkLookName(edge)];
}

/** Characters in no group. */
export const NO_GROUP_FILL = NO_GROUP_COLOUR;
export const NODE_STROKE = "#333333";
export const TEXT_COLOR = "#1a1a1a";
export const MUTED_TEXT = "#555555";
