// The shape and options shared by the two betrayal chain questions.
import { z } from "zod";
import { bounded, flag, id, named, sources, text, whole } from "../shape.ts";

/** Betrayals in a chain when no depth is given. */
export const DEFAULT_BETRAYAL_DEPTH = 4;
/** The most betrayals a chain may have: a larger depth is refused. */
export const MAX_BETRAYAL_DEPTH = 8;
/** Chains returned when no limit is given: the most relevant first. */
export const DEFAULT_CHAIN_LIMIT = 25;
/** The most chains one question may return. */
export const MAX_CHAIN_LIMIT = 1000;

export const Ref = named("Ref", z.object({ id: id(), name: text() }));

export const BetrayalStep = named(
  "BetrayalStep",
  z.object({
    traitor: text(),
    traitorId: id(),
    traitorIsGroup: flag(),
    viaGroup: text()
      .nullable()
      .describe(
        "The group betrayed in the step before, of which this traitor was a member then; null for the first step or a direct betrayal.",
      ),
    viaGroupId: id().nullable(),
    betrayed: text(),
    betrayedId: id(),
    betrayedIsGroup: flag(),
    members: z
      .array(Ref)
      .describe(
        "Whom betraying a group reaches: its members at that moment, without the traitor and its covert members.",
      ),
    event: text(),
    seq: whole(),
    how: text(),
    coerced: flag(),
    coercedBy: text()
      .nullable()
      .describe("Who forced the betrayal, when the sources name someone."),
    coercedById: id().nullable(),
    sources: sources(),
  }),
);

export const BetrayalChain = named(
  "BetrayalChain",
  z.object({
    steps: z
      .array(BetrayalStep)
      .describe(
        "In chain order: each traitor is the one betrayed before, or a member of that group.",
      ),
    truncated: flag().describe("True when the chain goes on beyond maxDepth."),
  }),
);

export const BetrayalChains = named(
  "BetrayalChains",
  z.object({
    chains: z
      .array(BetrayalChain)
      .describe(
        "The most relevant maximal chains: longest first, then in story order, then by ids.",
      ),
    truncated: flag().describe("True when there were more chains than the limit."),
  }),
);

export const chainOptions = z.object({
  maxDepth: bounded("BetrayalDepth", 1, MAX_BETRAYAL_DEPTH)
    .default(DEFAULT_BETRAYAL_DEPTH)
    .describe(`The most betrayals in a chain, 1 to ${MAX_BETRAYAL_DEPTH}.`),
  timeRespecting: flag()
    .default(true)
    .describe(
      "Follow only betrayals later in the story than the one before (the default); false: in any story order.",
    ),
  limit: bounded("ChainLimit", 1, MAX_CHAIN_LIMIT)
    .default(DEFAULT_CHAIN_LIMIT)
    .describe(`The most chains returned, 1 to ${MAX_CHAIN_LIMIT}: the most relevant first.`),
});
