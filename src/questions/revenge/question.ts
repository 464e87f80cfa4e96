// Revenge: killings where the killer stood for someone the victim had wronged before.
// The exact rule is in the header of cypher/queries/revenge.cypher.
import { z } from "zod";
import { defineQuestion, noOptions } from "../define.ts";
import { flag, id, named, sources, text, whole } from "../shape.ts";

export const RevengeBond = named(
  "RevengeBond",
  z.object({
    via: z.enum(["self", "loyalty", "membership"]).describe("self: the killer avenges himself."),
    kind: text().nullable().describe("The loyalty's kind, or the membership's role."),
    since: whole().nullable(),
    until: whole().nullable(),
    sources: sources(),
  }),
);

export const Wrong = named(
  "Wrong",
  z.object({
    type: z.enum(["KILLED", "BETRAYED"]),
    by: text().describe("Who did it: the victim, or someone the victim forced to betray."),
    byId: id(),
    forcedByVictim: flag(),
    event: text(),
    seq: whole(),
    how: text(),
    sources: sources(),
  }),
);

export const Killing = named(
  "Killing",
  z.object({ event: text(), seq: whole(), how: text(), sources: sources() }),
);

export const Revenge = named(
  "Revenge",
  z.object({
    killer: text(),
    killerId: id(),
    killerIsGroup: flag(),
    victim: text(),
    victimId: id(),
    avenged: text().describe("On whose behalf the killer acts (the killer himself included)."),
    avengedId: id(),
    avengedIsGroup: flag(),
    avengesSelf: flag(),
    bonds: z.array(RevengeBond),
    wrong: Wrong.describe("The earlier wrong being avenged."),
    killing: Killing,
    sameEvent: flag().describe("The wrong happened in the same event as the killing."),
  }),
);

export default defineQuestion({
  name: "revenge",
  file: "revenge",
  summary: "the film's killings of revenge: the killer stood for someone the victim had wronged",
  subject: { kind: "film", param: "film" },
  options: noOptions,
  row: Revenge,
  graphql: { field: "revenge" },
});
