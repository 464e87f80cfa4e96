// Kills by: everyone a character or a group killed, in story order.
import { z } from "zod";
import { defineQuestion, noOptions } from "../define.ts";
import { flag, id, named, sources, text, whole } from "../shape.ts";

export const Kill = named(
  "Kill",
  z.object({
    victim: text(),
    victimId: id(),
    victimIsGroup: flag(),
    event: text(),
    seq: whole().nullable(),
    how: text(),
    place: text().nullable(),
    sources: sources(),
  }),
);

export default defineQuestion({
  name: "kills-by",
  file: "kills-by",
  summary: "everyone a character or group killed, in story order",
  subject: { kind: "subject", param: "killerId" },
  options: noOptions,
  row: Kill,
  graphql: { field: "kills" },
});
