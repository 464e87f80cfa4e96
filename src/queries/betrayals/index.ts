// Betrayal chains: A betrayed B, then B betrayed C, and so on, from one character or group or
// across a film. The rule for groups (see cypher/queries/betrayal-chains.cypher): betraying a
// group counts as betraying everyone who was a member of it at that moment, except the
// traitor himself, and the chain may go on from any of them. Chains follow story time unless
// asked not to (timeRespecting: false).
import type { z } from "zod";
import type { Database } from "../../db/connection.ts";
import { askQuestion } from "../../questions/ask-question.ts";
import betrayalsQuestion from "../../questions/betrayal-chains/question.ts";
import type {
  BetrayalChain as BetrayalChainShape,
  BetrayalStep as BetrayalStepShape,
} from "../../questions/betrayal-chains/chain.ts";
import filmBetrayalsQuestion from "../../questions/film-betrayal-chains/question.ts";
import type { CharacterRef, FilmRef } from "../lookup.ts";

export {
  DEFAULT_BETRAYAL_DEPTH,
  DEFAULT_CHAIN_LIMIT,
  MAX_BETRAYAL_DEPTH,
  MAX_CHAIN_LIMIT,
} from "../../questions/betrayal-chains/chain.ts";

export type BetrayalStep = z.infer<typeof BetrayalStepShape>;
export type BetrayalChain = z.infer<typeof BetrayalChainShape>;

export interface BetrayalChainOptions {
  /** The most betrayals in a chain: 1 to MAX_BETRAYAL_DEPTH, DEFAULT_BETRAYAL_DEPTH if absent. */
  maxDepth?: number;
  /**
   * Follow only betrayals strictly later in the story (greater seq) than the one before: the
   * default. false: in any story order.
   */
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

interface Settings {
  maxDepth: number;
  timeRespecting: boolean;
  limit: number;
}

export interface BetrayalChains extends Settings {
  from: CharacterRef;
  /**
   * The `limit` most relevant maximal chains: longest first, then in story order of their
   * steps, then by ids; empty when the character betrayed nobody.
   */
  chains: BetrayalChain[];
  /** True when there were more than `limit` chains (the least relevant were left out). */
  truncated: boolean;
}

export interface FilmBetrayalChains extends Settings {
  film: FilmRef;
  /** Maximal chains (no part of a longer one), ordered as in BetrayalChains. */
  chains: BetrayalChain[];
  /** True when there were more than `limit` chains. */
  truncated: boolean;
}

interface ChainsRow {
  chains: BetrayalChain[];
  truncated: boolean;
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

/** Who the character (or group) betrayed, who those betrayed in turn, and so on. */
export async function betrayalChains(
  db: Database,
  name: string,
  options: BetrayalChainOptions & { film?: string } = {},
): Promise<BetrayalChains> {
  const { film, ...chosen } = options;
  const {
    subjects: [from],
    options: used,
    rows: [row],
  } = await askQuestion<ChainsRow>(db, betrayalsQuestion, {
    subject: name,
    film,
    options: chosen,
  });
  if (!from) throw new Error("no traitor found");
  return { from, ...(used as unknown as Settings), ...chainsOf(row) };
}

/** Every betrayal chain of a film, without the chains that are part of longer ones. */
export async function filmBetrayalChains(
  db: Database,
  film: string,
  options: FilmBetrayalChainOptions = {},
): Promise<FilmBetrayalChains> {
  const {
    film: filmRef,
    options: used,
    rows: [row],
  } = await askQuestion<ChainsRow>(db, filmBetrayalsQuestion, { film, options: { ...options } });
  if (!filmRef) throw new Error("no film found");
  // The answer says the settings used; `involving` is part of the question, not of them.
  const { maxDepth, timeRespecting, limit } = used as unknown as Settings;
  return { film: filmRef, maxDepth, timeRespecting, limit, ...chainsOf(row) };
}
