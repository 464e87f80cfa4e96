// The betrayal network of a film (or of all films) as plain nodes and edges: what the web
// page, the static images and anything else that draws the network start from.
import type { Database } from "../db/connection.ts";
import { askAboutFilm, type FilmRef } from "../queries/lookup.ts";
import { runQuery } from "../queries/run-query.ts";
import type { StorylineEvent, StorylineInput } from "../viz/storyline.ts";
import type { Network, NetworkEdge, NetworkNode } from "./model.ts";

export * from "./model.ts";

/** The network of one film, or of every film when `film` is omitted. */
export async function network(db: Database, film?: string): Promise<Network> {
  if (film !== undefined) {
    const { film: ref, answers } = await askAboutFilm(db, film, [
      { name: "network-nodes", bindings: { films: "[foundFilm.id]" } },
      { name: "network-edges", bindings: { film: "foundFilm.id" } },
    ]);
    const [nodes, edges] = answers as [NetworkNode[], NetworkEdge[]];
    return { films: [ref], nodes, edges };
  }
  const [films, edges] = await Promise.all([
    runQuery<FilmRef>(db, "film-exists", {}),
    runQuery<NetworkEdge>(db, "network-edges", { film: null }),
  ]);
  const nodes = await runQuery<NetworkNode>(db, "network-nodes", { films: films.map((f) => f.id) });
  return { films, nodes, edges };
}

/** What a film's storyline is drawn from: its events (the timeline query) and its nodes. */
export async function storylineData(db: Database, film: string): Promise<StorylineInput> {
  const { film: ref, answers } = await askAboutFilm(
    db,
    film,
    [
      { name: "timeline", bindings: { film: "foundFilm.id" } },
      { name: "network-nodes", bindings: { films: "[foundFilm.id]" } },
    ],
    { from: null, to: null },
  );
  const [events, nodes] = answers as [StorylineEvent[], NetworkNode[]];
  return { title: ref.title, events, nodes };
}
