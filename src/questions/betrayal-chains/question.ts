// Betrayal chains from one character or group: A betrayed B, then B betrayed C, and so on.
import { defineQuestion } from "../define.ts";
import { BetrayalChains, chainOptions } from "./chain.ts";

export default defineQuestion({
  name: "betrayals",
  file: "betrayal-chains",
  summary:
    "betrayal chains starting with them: A betrayed B, then B betrayed C...; betraying a group counts as betraying its members at that moment",
  subject: { kind: "subject", param: "characterId" },
  options: chainOptions,
  row: BetrayalChains,
  graphql: { field: "betrayalChains", one: true },
});
