// A film's covert loyalties, with the open loyalties that overlap them and who knows.
import { z } from "zod";
import { LOYALTY_KINDS } from "../../dataset/vocabulary.ts";
import { defineQuestion, noOptions } from "../define.ts";
import { flag, id, named, sources, text, whole } from "../shape.ts";

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
      .describe("The open loyalties to others held meanwhile (what the others see)."),
    knownBy: z.array(SecretKeeper).describe("Who knows the truth, and since when."),
  }),
);

export default defineQuestion({
  name: "double-agents",
  file: "double-agents",
  summary: "a film's covert loyalties, with the open ones held meanwhile and who knows",
  subject: { kind: "film", param: "film" },
  options: noOptions,
  row: DoubleAgent,
  graphql: { field: "doubleAgents" },
});
