// What the page shows (film, edge types, story time, colours, selection, view) and how it is
// written to and read from the address, so that a view can be linked to.
import { EDGE_TYPES, type NetworkEdgeType } from "./api.ts";
import type { HighlightKind, HighlightNote } from "./dossier-panel.ts";
import { ALL_FILMS, filmInAddress } from "../../src/web/film-choice.ts";
import type { ColourBy } from "./palette.ts";

export interface ViewState {
  /** The network, or the film's storyline chart. */
  view: "network" | "storyline";
  film: string | null;
  types: Set<NetworkEdgeType>;
  seq: number | null;
  colourBy: ColourBy;
  hideUnconnected: boolean;
  selected: string | null;
  highlight: HighlightKind | null;
  highlightNote: HighlightNote | null;
}

/** The view of a page opened without an address. */
export function firstViewState(): ViewState {
  return {
    view: "network",
    film: null,
    types: new Set(["BETRAYED"]),
    seq: null,
    colourBy: "group",
    // Bystanders no shown tie touches stay out of the way unless asked for.
    hideUnconnected: true,
    selected: null,
    highlight: null,
    highlightNote: null,
  };
}

/** Sets in `state` what the address (its #hash) says; leaves the rest as it is. */
export function readAddress(state: ViewState, hash: string): void {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const film = filmInAddress(hash);
  if (film !== undefined) state.film = film;
  const show = params.get("show");
  if (show !== null) state.types = new Set(EDGE_TYPES.filter((t) => show.split(",").includes(t)));
  const seq = params.get("seq");
  if (seq !== null && /^\d+$/.test(seq)) state.seq = Number(seq);
  if (params.get("colour") === "film") state.colourBy = "film";
  if (params.get("hide") === "0") state.hideUnconnected = false;
  state.selected = params.get("select");
  if (params.get("view") === "storyline") state.view = "storyline";
}

/** The address's #hash for `state` (what readAddress reads back). */
export function addressOf(state: ViewState): string {
  const params = new URLSearchParams();
  params.set("film", state.film ?? ALL_FILMS);
  params.set("show", EDGE_TYPES.filter((t) => state.types.has(t)).join(","));
  if (state.seq !== null) params.set("seq", String(state.seq));
  if (state.colourBy === "film") params.set("colour", "film");
  if (!state.hideUnconnected) params.set("hide", "0");
  if (state.selected) params.set("select", state.selected);
  if (state.view === "storyline") params.set("view", "storyline");
  return `#${params.toString()}`;
}
