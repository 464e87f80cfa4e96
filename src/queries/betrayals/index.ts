// Betrayal chains: A betrayed B, then B betrayed C, and so on, from one character or
// across a film. The rule for groups (see cypher/queries/betrayal-chains.cypher):
// betraying a group counts as betraying everyone who was a member of it at that moment,
// except the traitor himself, and the chain may go on from any of them.
import neo4j, { routing } from "neo4j-driver";
import type { Database } from "../../db/connection.ts";
import { cypherFile } from "../cypher-file.ts";
import {
  checkedInteger,
  resolveCharacter,
  resolveFilm,
  type CharacterRef,
  type FilmRef,
} from "../lookup.ts";
import { toPlain } from "../plain.ts";

/** Betrayals in a chain when no depth is given. */
export const DEFAULT_BETRAYAL_DEPTH = 4;
/** The most betrayals a chain may have: a larger depth is refused. */
export const MAX_BETRAYAL_DEPTH = 8;

export interface BetrayalStep {
  traitor: string;
  traitorId: string;
  traitorIsGroup: boolean;
  /**
   * The group the step before betrayed, of which this step's traitor was a member then
   * (the chain reached him through it); null for the first step or a direct betrayal.
   */
  viaGroup: string | null;
  viaGroupId: string | null;
  betrayed: string;
  betrayedId: string;
  betrayedIsGroup: boolean;
  /** A betrayed group's members at that moment, without the traitor; empty for a character. */
  members: { id: string; name: string }[];
  event: string;
  seq: number;
  how: string;
  coerced: boolean;
  /** Who forced the betrayal, when the sources name someone. */
  coercedBy: string | null;
  coercedById: string | null;
  sources: string[];
}

export interface BetrayalChain {
  /** In chain order: each step's traitor is the one betrayed before, or a member of that group. */
  steps: BetrayalStep[];
  /** True when the chain goes on beyond maxDepth. */
  truncated: boolean;
}

export interface BetrayalChainOptions {
  /** The most betrayals in a chain: 1 to MAX_BETRAYAL_DEPTH, DEFAULT_BETRAYAL_DEPTH if absent. */
  maxDepth?: number;
  /** Follow only betrayals strictly later in the story (greater seq) than the one before. */
  timeRespecting?: boolean;
}

export interface BetrayalChains {
  from: CharacterRef;
  maxDepth: number;
  timeRespecting: boolean;
  /** Maximal chains, longest first; empty when the character betrayed nobody. */
  chains: BetrayalChain[];
}

export interface FilmBetrayalChains {
  film: FilmRef;
  maxDepth: number;
  timeRespecting: boolean;
  /** Maximal chains (no part of a longer one), longest first, then in story order. */
  chains: BetrayalChain[];
}

type ChainQuery = "betrayal-chains" | "film-betrayal-chains";

/** The path bound for a depth: a betrayal per link, plus a step into a betrayed group's member. */
const hopBound = (depth: number) => `{1,${2 * depth - 1}}`;

/**
 * A chain query's Cypher for a depth. Cypher takes no parameter for a path's length, so the
 * bound written in the .cypher file (the default) is replaced by the checked depth's.
 */
export function chainCypher(name: ChainQuery, maxDepth: number): string {
  const depth = checkedInteger("maxDepth", maxDepth, 1, MAX_BETRAYAL_DEPTH);
  const parts = cypherFile(name).cypher.split(hopBound(DEFAULT_BETRAYAL_DEPTH));
  if (parts.length !== 2) {
    throw new Error(
      `${name}.cypher must hold the path bound ${hopBound(DEFAULT_BETRAYAL_DEPTH)} exactly once`,
    );
  }
  return parts.join(hopBound(depth));
}

function checkedOptions(options: BetrayalChainOptions): {
  maxDepth: number;
  timeRespecting: boolean;
} {
  return {
    maxDepth: checkedInteger(
      "maxDepth",
      options.maxDepth ?? DEFAULT_BETRAYAL_DEPTH,
      1,
      MAX_BETRAYAL_DEPTH,
    ),
    timeRespecting: options.timeRespecting === true,
  };
}

async function runChains(
  db: Database,
  name: ChainQuery,
  params: Record<string, unknown>,
  maxDepth: number,
  timeRespecting: boolean,
): Promise<BetrayalChain[]> {
  const { records } = await db.driver.executeQuery(
    chainCypher(name, maxDepth),
    { ...params, maxDepth: neo4j.int(maxDepth), timeRespecting },
    { database: db.database, routing: routing.READ },
  );
  return records.map((record) => {
    const chain = toPlain(record.toObject()) as BetrayalChain;
    return { steps: chain.steps.map(inOrder), truncated: chain.truncated };
  });
}

/** A step with its fields in a fixed, readable order (Cypher maps have none), for --json. */
function inOrder(s: BetrayalStep): BetrayalStep {
  return {
    traitor: s.traitor,
    traitorId: s.traitorId,
    traitorIsGroup: s.traitorIsGroup,
    viaGroup: s.viaGroup,
    viaGroupId: s.viaGroupId,
    betrayed: s.betrayed,
    betrayedId: s.betrayedId,
    betrayedIsGroup: s.betrayedIsGroup,
    members: s.members.map((m) => ({ id: m.id, name: m.name })),
    event: s.event,
    seq: s.seq,
    how: s.how,
    coerced: s.coerced,
    coercedBy: s.coercedBy,
    coercedById: s.coercedById,
    sources: s.sources,
  };
}

/** Who the character betrayed, who those betrayed in turn, and so on. */
export async function betrayalChains(
  db: Database,
  name: string,
  options: BetrayalChainOptions & { film?: string } = {},
): Promise<BetrayalChains> {
  const { maxDepth, timeRespecting } = checkedOptions(options);
  const from = await resolveCharacter(db, name, options.film);
  const chains = await runChains(
    db,
    "betrayal-chains",
    { characterId: from.id },
    maxDepth,
    timeRespecting,
  );
  return { from, maxDepth, timeRespecting, chains };
}

/** Every betrayal chain of a film, without the chains that are part of longer ones. */
export async function filmBetrayalChains(
  db: Database,
  film: string,
  options: BetrayalChainOptions = {},
): Promise<FilmBetrayalChains> {
  const { maxDepth, timeRespecting } = checkedOptions(options);
  const filmRef = await resolveFilm(db, film);
  const chains = await runChains(
    db,
    "film-betrayal-chains",
    { film: filmRef.id },
    maxDepth,
    timeRespecting,
  );
  return { film: filmRef, maxDepth, timeRespecting, chains };
}
