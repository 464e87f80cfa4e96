// Death by whom: who killed this character, who killed the killer, and so on.
import { z } from "zod";
import { defineQuestion, noOptions } from "../define.ts";
import { flag, id, named, sources, text, whole } from "../shape.ts";

export const KillStep = named(
  "KillStep",
  z.object({
    victim: text(),
    victimId: id(),
    killer: text(),
    killerId: id(),
    killerIsGroup: flag(),
    event: text(),
    seq: whole().nullable(),
    how: text(),
    sources: sources(),
  }),
);

export const DeathChain = named(
  "DeathChain",
  z.object({
    steps: z.array(KillStep).describe("From the victim back to the last killer."),
    endsWith: z
      .enum(["survivor", "group", "suicide", "cycle", "limit"])
      .describe(
        "Why the chain stops: survivor (nobody killed the last killer), group (a collective), " +
          "suicide, cycle (the last killer killed someone already in the chain), limit (20 steps).",
      ),
  }),
);

export default defineQuestion({
  name: "death-by-whom",
  file: "death-by-whom",
  summary: "who killed them, who killed the killer, and so on",
  subject: { kind: "character", param: "victimId" },
  options: noOptions,
  row: DeathChain,
  graphql: { field: "deathByWhom" },
});
