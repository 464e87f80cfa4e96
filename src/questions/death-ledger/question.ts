// A film's ledger of deaths, in story order.
import { z } from "zod";
import { defineQuestion, noOptions } from "../define.ts";
import { flag, id, named, sources, text, whole } from "../shape.ts";

export const Death = named(
  "Death",
  z.object({
    seq: whole().nullable().describe("Story position; null for deaths given without an event."),
    victim: text(),
    victimId: id(),
    killer: text().nullable(),
    killerId: id().nullable(),
    killerIsGroup: flag().nullable(),
    event: text().nullable(),
    how: text().nullable(),
    place: text().nullable(),
    sources: sources(),
    certain: flag().describe("False when the sources leave it open whether the character died."),
  }),
);

export default defineQuestion({
  name: "deaths",
  file: "death-ledger",
  summary: "the film's ledger of deaths in story order",
  subject: { kind: "film", param: "film" },
  options: noOptions,
  row: Death,
  graphql: { field: "deathLedger" },
});
