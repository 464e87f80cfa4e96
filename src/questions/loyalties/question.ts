// A character's loyalties, overt and covert, at one moment of the story or over all of it.
import { z } from "zod";
import { LOYALTY_KINDS } from "../../dataset/vocabulary.ts";
import { defineQuestion } from "../define.ts";
import { flag, id, named, sources, text, whole, storyTime } from "../shape.ts";

export const Knower = named(
  "Knower",
  z.object({
    who: text(),
    whoId: id(),
    whoIsGroup: flag(),
    since: whole().nullable().describe("The seq from which they know; null: from the start."),
    knows: flag().describe(
      "Whether they know it at the moment asked for (always, for the whole story).",
    ),
    sources: sources(),
  }),
);

export const Loyalty = named(
  "LoyaltyHeld",
  z.object({
    to: text(),
    toId: id(),
    toIsGroup: flag(),
    kind: z.enum(LOYALTY_KINDS),
    covert: flag().describe("True when the loyalty is hidden."),
    since: whole().nullable().describe("First seq the loyalty holds; null: from the start."),
    until: whole().nullable().describe("Last seq the loyalty holds; null: to the end."),
    note: text().nullable(),
    sources: sources(),
    knownBy: z
      .array(Knower)
      .describe("For a covert loyalty, everyone who knows the truth; empty for an open one."),
  }),
);

export const StoryPoint = named("StoryPoint", z.object({ seq: whole(), id: id(), name: text() }));

export const CharacterLoyalties = named(
  "CharacterLoyalties",
  z.object({
    film: id(),
    filmTitle: text(),
    atEvent: StoryPoint.nullable().describe("The moment asked for; null for the whole story."),
    firstSeq: whole().nullable(),
    lastSeq: whole().nullable(),
    loyalties: z
      .array(Loyalty)
      .describe(
        "The loyalties holding at that moment (all of them for the whole story), covert first.",
      ),
  }),
);

export default defineQuestion({
  name: "loyalties",
  file: "loyalties",
  summary:
    "a character's loyalties, overt and covert, at one moment (--at) or over the whole story",
  subject: { kind: "character", param: "characterId" },
  options: z.object({
    at: storyTime(),
  }),
  row: CharacterLoyalties,
  graphql: { field: "loyalties", one: true },
});
