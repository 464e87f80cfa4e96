// Every betrayal chain of a film, without the chains that are part of longer ones.
import { BetrayalChains, chainOptions } from "../betrayal-chains/chain.ts";
import { defineQuestion } from "../define.ts";
import { id } from "../shape.ts";

export default defineQuestion({
  name: "film-betrayals",
  file: "film-betrayal-chains",
  summary: "every betrayal chain of a film, without those that are part of longer ones",
  subject: { kind: "film", param: "film" },
  options: chainOptions.extend({
    involving: id()
      .nullable()
      .default(null)
      .describe(
        "A character's or group's id: only the chains it takes part in, the limit counting those only.",
      ),
  }),
  row: BetrayalChains,
  graphql: { field: "betrayalChains", one: true },
});
