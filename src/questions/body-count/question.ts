// Body count: how many people each character and group of a film killed.
import { z } from "zod";
import { defineQuestion, noOptions } from "../define.ts";
import { flag, id, named, text, whole } from "../shape.ts";

export const Victim = named(
  "Victim",
  z.object({
    id: id(),
    name: text(),
    isGroup: flag(),
    count: whole().describe("The people the victim stands for (an unnamed character's count)."),
    seq: whole().nullable(),
  }),
);

export const BodyCount = named(
  "BodyCount",
  z.object({
    id: id(),
    name: text(),
    isGroup: flag(),
    bodyCount: whole().describe("People killed: every victim of an act, a group killed as one."),
    killings: whole().describe("The events in which they killed."),
    victims: z.array(Victim).describe("In story order."),
  }),
);

export default defineQuestion({
  name: "body-count",
  file: "body-count",
  summary: "how many people each character and group of a film killed",
  subject: { kind: "film", param: "film" },
  options: noOptions,
  row: BodyCount,
  graphql: { field: "bodyCount" },
});
