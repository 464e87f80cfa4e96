// What the page exposes as window.heistgraph, for tests and for poking at it in the console.
import type { Core } from "cytoscape";
import type { Network, NetworkEdgeType } from "./api.ts";
import type { HighlightKind } from "./dossier-panel.ts";
import type { ColourBy } from "./palette.ts";

export interface ViewSnapshot {
  /** The film shown; null for all films. */
  film: string | null;
  types: NetworkEdgeType[];
  /** Story time: the network as it stands after this event; null for the whole story. */
  seq: number | null;
  colourBy: ColourBy;
  hideUnconnected: boolean;
  selected: string | null;
  highlight: HighlightKind | null;
}

export interface HeistgraphHook {
  cy: Core;
  /** "loading" while the network or a dossier is on its way. */
  status: "loading" | "ready" | "error";
  view(): ViewSnapshot;
  /** The network the picture was drawn from (the /api/network answer). */
  network(): Network;
  /** Ids of the nodes and edges visible in the picture. */
  shown(): { nodes: string[]; edges: string[] };
  /** Ids of the highlighted nodes and edges. */
  highlighted(): { nodes: string[]; edges: string[] };
}

declare global {
  interface Window {
    heistgraph?: HeistgraphHook;
  }
}
