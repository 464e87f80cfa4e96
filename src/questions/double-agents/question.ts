// A film's covert loyalties, with the allegiances shown meanwhile (memberships, and loyalties
// other than personal ones) and who knows.
import { z } from "zod";
import { LOYALTY_KINDS, PERSONAL_LOYALTY_KINDS } from "../../dataset/vocabulary.ts";
import { defineQuestion } from "../define.ts";
import { flag, id, named, sources, text, whole, storyTime } from "../shape.ts";

export const SecretKeeper = named(
  "SecretKeeper",
  z.object({
    who: text(),
    whoId: id(),
    whoIsGroup: flag(),
    since: whole().nullable().describe("The seq from which they know; null: from the start."),
    sources: sources(),
  }),
);

export const RealLoyalty = named(
  "RealLoyalty",
  z.object({
    to: text(),
    toId: id(),
    toIsGroup: flag(),
    kind: z.enum(LOYALTY_KINDS),
    since: whole().nullable(),
    until: whole().nullable(),
    note: text().nullable(),
    sources: sources(),
  }),
);

export const OpenLoyalty = named(
  "OpenLoyalty",
  RealLoyalty.extend({
    via: z
      .enum(["loyalty", "membership"])
      .describe("An allegiance shown: a loyalty (not love, family or friendship) or a membership."),
    kind: text().describe("The loyalty's kind; membership for a membership."),
    covert: flag().describe("A membership under cover: the group takes him for one of its own."),
    role: text().nullable().describe("A membership's role; null for a loyalty."),
    overlapSince: whole()
      .nullable()
      .describe("When both loyalties hold, from (a seq); null: open."),
    overlapUntil: whole().nullable().describe("When both loyalties hold, to (a seq); null: open."),
  }),
);

export const DoubleAgent = named(
  "DoubleAgent",
  z.object({
    character: text(),
    characterId: id(),
    real: RealLoyalty.describe("The covert loyalty: whom the character really serves."),
    open: z
      .array(OpenLoyalty)
      .describe(
        "The allegiances to others held meanwhile (what the others see): memberships, and loyalties other than love, family and friendship.",
      ),
    knownBy: z.array(SecretKeeper).describe("Who knows the truth, and since when."),
  }),
);

export default defineQuestion({
  name: "double-agents",
  file: "double-agents",
  summary: "a film's covert loyalties, with the allegiances shown meanwhile and who knows",
  subject: { kind: "film", param: "film" },
  options: z.object({
    at: storyTime(),
  }),
  fixed: { personalKinds: PERSONAL_LOYALTY_KINDS },
  row: DoubleAgent,
  graphql: { field: "doubleAgents" },
});
