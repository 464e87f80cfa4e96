// Static pictures of the betrayal network: an SVG laid out without a browser (cytoscape
// headless with a seeded fcose), and the same picture as a PNG.
import type { Network } from "../network/index.ts";
import { renderNetwork, type SvgOptions } from "./svg.ts";

export { renderNetworkPng, type PngOptions } from "./png.ts";
export { DEFAULT_WIDTH, renderNetwork, type Rendered, type SvgOptions } from "./svg.ts";
export { EDGE_KINDS, networkView, type EdgeKind, type View, type ViewOptions } from "./view.ts";

/** The network as an SVG document: betrayals, plus the edge kinds in `options.with`. */
export function renderNetworkSvg(network: Network, options: SvgOptions = {}): string {
  return renderNetwork(network, options).svg;
}
