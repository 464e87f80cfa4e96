// Kills by: everyone a character or a group killed, in story order, each victim counted as the
// people it stands for (as body-count counts them).
import { z } from "zod";
import { defineQuestion, noOptions } from "../define.ts";
import { flag, id, named, sources, text, whole } from "../shape.ts";

export const Kill = named(
  "Kill",
  z.object({
    victim: text(),
    victimId: id(),
    victimIsGroup: flag(),
    count: whole().describe(
      "The people this victim stands for: an unnamed character's count, else 1 (a group killed as a whole counts once). The sum is the body count.",
    ),
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
