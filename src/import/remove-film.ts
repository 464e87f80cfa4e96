// `heistgraph remove FILM`: takes one film's subgraph (its nodes, their relationships and the
// film's own sources) out of the graph, in one transaction.
import type { Database } from "../db/connection.ts";
import { didYouMean } from "../dataset/problems.ts";
import { HeistgraphError } from "../errors.ts";
import type { ChangeCounts } from "./film-diff.ts";
import { removeFilmIn, storedFilms } from "./film-store.ts";

export interface RemoveReport {
  film: string;
  changes: ChangeCounts;
}

export async function removeFilm(database: Database, film: string): Promise<RemoveReport> {
  const session = database.driver.session({ database: database.database });
  try {
    return await session.executeWrite(async (tx) => {
      const films = await storedFilms(tx);
      if (!films.includes(film)) {
        const guess = didYouMean(film, films);
        throw new HeistgraphError({
          what: `The graph holds no film "${film}"; nothing was removed.`,
          expected:
            films.length > 0 ? `one of: ${films.join(", ")}` : "a film (the graph is empty)",
          suggestion: guess
            ? `did you mean "${guess}"?`
            : "give the id under `film:` in its YAML file",
        });
      }
      return { film, changes: (await removeFilmIn(tx, film)).counts };
    });
  } finally {
    await session.close();
  }
}
