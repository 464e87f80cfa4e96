// Betrayal chains: A betrayed B, then B betrayed C, and so on, from one character or
// across a film. The rule for groups (see cypher/queries/betrayal-chains.cypher):
// betraying a group counts as betraying everyone who was a member of it at that moment,
// except the traitor himself, and the chain may go on from any of them.
import neo4j from "neo4j-driver";
import type { Database } from "../../db/connection.ts";
import {
  askAboutCharacter,
  askAboutFilm,
  checkedInteger,
  type CharacterRef,
  type FilmRef,
} from "../lookup.ts";

/** Betrayals in a chain when no depth is given. */
export const DEFAULT_BETRAYAL_DEPTH = 4;
/** The most betrayals a chain may have: a larger depth is refused. */
export const MAX_BETRAYAL_DEPTH = 8;
/** Chains returned when no limit is given: the most relevant first. */
export const DEFAULT_CHAIN_LIMIT = 25;
/** The most chains one question may return. */
export const MAX_CHAIN_LIMIT = 1000;

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
  /** The most chains returned: 1 to MAX_CHAIN_LIMIT, DEFAULT_CHAIN_LIMIT if absent. */
  limit?: number;
}

export interface FilmBetrayalChainOptions extends BetrayalChainOptions {
  /**
   * A character's or group's id: only the chains it takes part in (traitor, betrayed, or
   * member of a betrayed group at that moment), the limit counting those only.
   */
  involving?: string;
}

export interface BetrayalChains {
  from: CharacterRef;
  maxDepth: number;
  timeRespecting: boolean;
  limit: number;
  /**
   * The `limit` most relevant maximal chains: longest first, then in story order of their
   * steps, then by ids; empty when the character betrayed nobody.
   */
  chains: BetrayalChain[];
  /** True when there were more than `limit` chains (the least relevant were left out). */
  truncated: boolean;
}

export interface FilmBetrayalChains {
  film: FilmRef;
  maxDepth: number;
  timeRespecting: boolean;
  limit: number;
  /** Maximal chains (no part of a longer one), ordered as in BetrayalChains. */
  chains: BetrayalChain[];
  /** True when there were more than `limit` chains. */
  truncated: boolean;
}

interface ChainsRow {
  chains: BetrayalChain[];
  truncated: boolean;
}

interface ChainSettings {
  maxDepth: number;
  timeRespecting: boolean;
  limit: number;
}

function checkedOptions(options: BetrayalChainOptions): ChainSettings {
  return {
    maxDepth: checkedInteger(
      "maxDepth",
      options.maxDepth ?? DEFAULT_BETRAYAL_DEPTH,
      1,
      MAX_BETRAYAL_DEPTH,
    ),
    timeRespecting: options.timeRespecting === true,
    limit: checkedInteger("limit", options.limit ?? DEFAULT_CHAIN_LIMIT, 1, MAX_CHAIN_LIMIT),
  };
}

/** The chain queries' parameters besides the start. */
function chainParams({ maxDepth, timeRespecting, limit }: ChainSettings): Record<string, unknown> {
  return { maxDepth: neo4j.int(maxDepth), timeRespecting, limit: neo4j.int(limit) };
}

/** The chains of a chain query's one row, steps in a fixed order. */
function chainsOf(row: ChainsRow | undefined): ChainsRow {
  if (!row) throw new Error("the betrayal chain query returned no row");
  return {
    chains: row.chains.map((chain) => ({
      steps: chain.steps.map(inOrder),
      truncated: chain.truncated,
    })),
    truncated: row.truncated,
  };
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
  const settings = checkedOptions(options);
  const {
    character: from,
    rows: [row],
  } = await askAboutCharacter<ChainsRow>(
    db,
    name,
    options.film,
    { name: "betrayal-chains", bindings: { characterId: "found0.id" } },
    chainParams(settings),
  );
  return { from, ...settings, ...chainsOf(row) };
}

/** Every betrayal chain of a film, without the chains that are part of longer ones. */
export async function filmBetrayalChains(
  db: Database,
  film: string,
  options: FilmBetrayalChainOptions = {},
): Promise<FilmBetrayalChains> {
  const settings = checkedOptions(options);
  const { film: filmRef, answers } = await askAboutFilm(
    db,
    film,
    [{ name: "film-betrayal-chains", bindings: { film: "foundFilm.id" } }],
    { ...chainParams(settings), involving: options.involving ?? null },
  );
  return { film: filmRef, ...settings, ...chainsOf(answers[0]?.[0] as ChainsRow | undefined) };
}
