// What `heistgraph import` reports: the films it read, the rows it planned, what it changed.
import type { LoadedDataset } from "../dataset/load.ts";
import { resolveAct, vocabularyOf } from "../dataset/story-words.ts";
import type { ChangeCounts } from "./film-diff.ts";
import type { FilmPlan } from "./plan.ts";

export interface FilmTally {
  id: string;
  title: string;
  file: string;
  characters: number;
  events: number;
  killings: number;
  betrayals: number;
}

export interface ImportReport {
  films: FilmTally[];
  /** Rows the plan holds, per node label and per relationship type. */
  planned: { nodes: Record<string, number>; relationships: Record<string, number> };
  /** What the import added, changed and removed, per node label and relationship type. */
  changes: ChangeCounts;
  /** Films --wipe took out because the import did not name them. */
  removedFilms: string[];
  /** Nodes of no film that --wipe took out. */
  strayNodesRemoved: number;
  dryRun: boolean;
  wiped: boolean;
  /** Films another import wrote while this one ran: this one's version was written after. */
  concurrentFilms: string[];
}

export const emptyCounts = (): ChangeCounts => ({ nodes: {}, relationships: {} });

export function tallyFilms(dataset: LoadedDataset): FilmTally[] {
  return dataset.films.map(({ file, data }) => ({
    id: data.film.id,
    title: data.film.title,
    file,
    characters: data.characters.length,
    events: data.events.length,
    // A story's own act word counts as the built-in type it declares (countsAs).
    killings: data.acts.filter((a) => resolveAct(a.type, vocabularyOf(data))?.type === "KILLED")
      .length,
    betrayals: data.acts.filter((a) => resolveAct(a.type, vocabularyOf(data))?.type === "BETRAYED")
      .length,
  }));
}

export function plannedCounts(films: FilmPlan[]): ImportReport["planned"] {
  const nodes: Record<string, number> = {};
  const relationships: Record<string, number> = {};
  for (const film of films) {
    for (const [label, rows] of film.nodes) nodes[label] = (nodes[label] ?? 0) + rows.length;
    for (const group of film.rels.values())
      relationships[group.type] = (relationships[group.type] ?? 0) + group.rows.length;
  }
  return { nodes, relationships };
}
