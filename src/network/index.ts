// The betrayal network of a film (or of all films) as plain nodes and edges: what the web
// page, the static images and anything else that draws the network start from.
import type { Database } from "../db/connection.ts";
import { askAboutFilm, type FilmRef, type Question } from "../queries/lookup.ts";
import timelineQuestion from "../questions/timeline/question.ts";
import { runQuery } from "../queries/run-query.ts";
import type { StorylineEvent, StorylineInput } from "../viz/storyline.ts";
import { edgeStandsAt, type Network, type NetworkEdge, type NetworkNode } from "./model.ts";

export * from "./model.ts";

/** The page's two files, with their RETURN columns (model.ts declares their rows). */
export const NODES_COLUMNS = [
  "id",
  "kind",
  "name",
  "film",
  "role",
  "fate",
  "unnamed",
  "groups",
  "memberships",
  "sources",
];
export const EDGES_COLUMNS = [
  "id",
  "type",
  "source",
  "target",
  "seq",
  "since",
  "until",
  "covert",
  "coerced",
  "how",
  "sources",
];
const nodesOfFilm: Question = {
  name: "network-nodes",
  columns: NODES_COLUMNS,
  bindings: { films: "films" },
};

/**
 * The network of one film, or of every film when `film` is omitted; with `at` (an event's
 * seq), only the lines standing once that event had happened (edgeStandsAt: acts up to it,
 * loyalties holding then), the rule the page's slider and `heistgraph viz --at` draw by.
 */
export async function network(
  db: Database,
  film?: string,
  options: { at?: number | null } = {},
): Promise<Network> {
  const whole = await wholeNetwork(db, film);
  const { at } = options;
  if (at === undefined || at === null) return whole;
  return { ...whole, edges: whole.edges.filter((e) => edgeStandsAt(e, at)) };
}

async function wholeNetwork(db: Database, film?: string): Promise<Network> {
  if (film !== undefined) {
    const { film: ref, answers } = await askAboutFilm(db, film, [
      nodesOfFilm,
      { name: "network-edges", columns: EDGES_COLUMNS, bindings: { films: "films" } },
    ]);
    const [nodes, edges] = answers as [NetworkNode[], NetworkEdge[]];
    return { films: [ref], nodes, edges };
  }
  const films = await runQuery<FilmRef>(db, "film-exists", {});
  const ids = films.map((f) => f.id);
  const [nodes, edges] = await Promise.all([
    runQuery<NetworkNode>(db, "network-nodes", { films: ids }),
    runQuery<NetworkEdge>(db, "network-edges", { films: ids }),
  ]);
  return { films, nodes, edges };
}

/** What a film's storyline is drawn from: its events (the timeline query) and its nodes. */
export async function storylineData(db: Database, film: string): Promise<StorylineInput> {
  const { film: ref, answers } = await askAboutFilm(
    db,
    film,
    [
      { name: "timeline", columns: timelineQuestion.columns, bindings: { film: "film" } },
      nodesOfFilm,
    ],
    [{ from: null, to: null }, {}],
  );
  const [events, nodes] = answers as [StorylineEvent[], NetworkNode[]];
  return { title: ref.title, events, nodes };
}
