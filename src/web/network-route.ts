// The JSON the network page draws from:
//   GET /api/network?film=<id or title>         network(db, film) of src/network/index.ts
//                                               (every film when `film` is left out), with
//                                               `positions`: the films' one layout (filmLayout
//                                               of src/viz/layout.ts, the images' too)
//   GET /api/storyline.svg?film=<id or title>   the film's storyline chart (src/viz/storyline.ts)
//   GET /api/betrayal-chains?character=<id>     the betrayal chains of the character's film
//                                               that involve the character (see below)
import type { Express, Request, Response } from "express";
import type { Database } from "../db/connection.ts";
import { HeistgraphError } from "../errors.ts";
import { network, storylineData, type Network } from "../network/index.ts";
import { renderStoryline } from "../viz/storyline.ts";
import { filmLayout, type Point } from "../viz/layout.ts";
import { filmBetrayalChains, type BetrayalChain } from "../queries/betrayals/index.ts";
import type { CharacterRef } from "../queries/lookup.ts";
import { runQuery } from "../queries/run-query.ts";

export const NETWORK_ROUTE = "/api/network";
export const BETRAYAL_CHAINS_ROUTE = "/api/betrayal-chains";
export const STORYLINE_ROUTE = "/api/storyline.svg";

export interface CharacterBetrayalChains {
  character: { id: string; name: string; film: string };
  /**
   * The film's maximal, time-respecting chains (src/queries/betrayals) in which the character
   * betrays, is betrayed, or belongs to a betrayed group at that moment.
   */
  chains: BetrayalChain[];
  /** True when the character takes part in more chains than were sent. */
  truncated: boolean;
}

/** A request the routes cannot answer as asked (400). */
class BadRequest extends Error {}

/** A query parameter given at most once, or undefined. */
function single(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined || value === "") return undefined;
  if (typeof value !== "string") throw new BadRequest(`give ${name} at most once`);
  return value;
}

/** Answers with what `work` gives (as JSON unless `send` says otherwise), or a clear error. */
async function answer<T>(
  res: Response,
  work: () => Promise<T>,
  send: (value: T) => void = (value) => res.json(value),
): Promise<void> {
  try {
    res.set("cache-control", "no-store");
    send(await work());
  } catch (error) {
    if (error instanceof BadRequest) {
      res.status(400).json({ error: error.message });
      return;
    }
    // What a user can get wrong (an unknown film or character) is a HeistgraphError.
    if (error instanceof HeistgraphError) {
      res.status(404).json({
        error: error.problem.what,
        expected: error.problem.expected,
        suggestion: error.problem.suggestion,
      });
      return;
    }
    res.status(500).json({ error: "Internal server error" });
  }
}

/** The network with where each node stands: the same layout the images draw from. */
export type PositionedNetwork = Network & { positions: Record<string, Point> };

/** Layouts by the network they were made for: the same data always gets the same layout. */
const layouts = new Map<string, Record<string, Point>>();

export function withPositions(net: Network): PositionedNetwork {
  const key = JSON.stringify(net);
  let positions = layouts.get(key);
  if (!positions) {
    positions = Object.fromEntries(filmLayout(net));
    // A few films and their union: keep the last handful, not every import ever served.
    if (layouts.size >= 16) layouts.delete(layouts.keys().next().value ?? "");
    layouts.set(key, positions);
  }
  return { ...net, positions };
}

export async function characterBetrayalChains(
  db: Database,
  id: string,
): Promise<CharacterBetrayalChains> {
  const [found] = await runQuery<CharacterRef>(db, "character-by-id", { id });
  if (!found) throw new HeistgraphError({ what: `No character has the id "${id}".` });
  // The film's chains the character takes part in, the limit counting those only.
  const { chains, truncated } = await filmBetrayalChains(db, found.film, {
    timeRespecting: true,
    involving: id,
  });
  return { character: { id: found.id, name: found.name, film: found.film }, chains, truncated };
}

export function registerNetworkRoutes(app: Express, db: Database): void {
  app.get(NETWORK_ROUTE, (req, res) =>
    answer(res, async () => withPositions(await network(db, single(req, "film")))),
  );
  // The picture as SVG; errors as JSON, like every other route.
  app.get(STORYLINE_ROUTE, (req, res) =>
    answer(
      res,
      async () => {
        const film = single(req, "film");
        if (film === undefined) throw new BadRequest("give film=<id or title>");
        return renderStoryline(await storylineData(db, film), { width: 1100 }).svg;
      },
      (svg) => res.type("image/svg+xml").send(svg),
    ),
  );
  app.get(BETRAYAL_CHAINS_ROUTE, (req, res) =>
    answer(res, async () => {
      const id = single(req, "character");
      if (id === undefined) throw new BadRequest("give character=<id>");
      return characterBetrayalChains(db, id);
    }),
  );
}
