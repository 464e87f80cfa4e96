// What a picture of the network shows: which edges (betrayals, plus the kinds asked for, as the
// story stands after an event if asked), the characters and groups those edges touch, and the
// colour of each group.
import {
  edgeStandsAt,
  type Network,
  type NetworkEdge,
  type NetworkNode,
} from "../network/index.ts";
import { groupColours } from "../network/colours.ts";

/** Orders strings by code unit, the same on every machine (localeCompare depends on the locale). */
export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const EDGE_KINDS = ["betrayals", "killings", "woundings", "loyalties"] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

const EDGE_TYPE: Record<EdgeKind, NetworkEdge["type"]> = {
  betrayals: "BETRAYED",
  killings: "KILLED",
  woundings: "WOUNDED",
  loyalties: "LOYAL_TO",
};

export interface ViewOptions {
  /** Edge kinds besides betrayals, which are always shown. */
  with?: readonly EdgeKind[];
  /** Show the network as it stands after this event (story position). */
  at?: number;
}

export interface View {
  title: string;
  /** The kinds shown, betrayals first. */
  kinds: EdgeKind[];
  at?: number;
  /** The characters and groups the shown edges touch, by id. */
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** The colour of every group of the films, by group id. */
  groupColors: Map<string, string>;
  /** The groups whose colour the picture uses (members or the group itself shown), in order. */
  groupsShown: NetworkNode[];
  /** Characters dead by the end of the story, or by event `at`. */
  dead: Set<string>;
}

const listWords = (words: string[]): string =>
  words.length <= 1
    ? (words[0] ?? "")
    : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;

export function networkView(network: Network, options: ViewOptions = {}): View {
  const kinds = EDGE_KINDS.filter((k) => k === "betrayals" || options.with?.includes(k));
  const types = new Set(kinds.map((k) => EDGE_TYPE[k]));
  const byId = new Map(network.nodes.map((n) => [n.id, n]));
  const at = options.at;
  const stands = (e: NetworkEdge) => at === undefined || edgeStandsAt(e, at);

  // In story order, whatever order they came in, so the same network always draws the same.
  const edges = network.edges
    .filter((e) => types.has(e.type) && byId.has(e.source) && byId.has(e.target) && stands(e))
    .sort(
      (a, b) =>
        (a.seq ?? a.since ?? 0) - (b.seq ?? b.since ?? 0) ||
        compare(a.type, b.type) ||
        compare(a.source, b.source) ||
        compare(a.target, b.target) ||
        compare(a.id, b.id),
    );
  const touched = new Set(edges.flatMap((e) => [e.source, e.target]));
  const nodes = [...touched]
    .sort()
    .map((id) => byId.get(id))
    .filter((n): n is NetworkNode => n !== undefined);

  // Colours belong to the groups (from their ids), not the view: the page uses the same ones.
  const groups = network.nodes
    .filter((n) => n.kind === "group")
    .sort((a, b) => compare(a.film, b.film) || compare(a.name, b.name));
  const groupColors = groupColours(groups);
  const used = new Set(
    nodes.flatMap((n) =>
      n.kind === "group" ? [n.id] : n.groups.filter((g) => groupColors.has(g)),
    ),
  );
  const groupsShown = groups.filter((g) => used.has(g.id));

  const killedBy = network.edges.filter((e) => e.type === "KILLED" && stands(e));
  const dead = new Set(
    nodes
      .filter(
        (n) =>
          n.kind === "character" &&
          ((at === undefined && n.fate === "killed") || killedBy.some((e) => e.target === n.id)),
      )
      .map((n) => n.id),
  );

  const films = listWords(network.films.map((f) => f.title));
  const title = `${films ? `${films} — ` : ""}${listWords(kinds)}${at === undefined ? "" : ` after event ${at}`}`;
  return { title, kinds, at, nodes, edges, groupColors, groupsShown, dead };
}
