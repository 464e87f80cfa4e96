// A character's dossier: everything the graph holds about them, each fact with its sources,
// as it stands at one moment of the story (--at) or over all of it.
import { z } from "zod";
import { ACT_TYPES, LOYALTY_KINDS, TIE_TYPES } from "../../dataset/vocabulary.ts";
import { defineQuestion } from "../define.ts";
import { flag, id, named, sources, text, texts, whole, storyTime } from "../shape.ts";

export const DossierCharacter = named(
  "DossierCharacter",
  z.object({
    id: id(),
    name: text(),
    aliases: texts().describe("Other names and spellings."),
    role: text().nullable(),
    occupation: text().nullable(),
    fate: text(),
    description: text(),
    note: text().nullable(),
    unnamed: flag().describe("True for people the sources do not name."),
    count: whole().nullable().describe("For an unnamed character standing for several people."),
    film: id(),
    filmTitle: text(),
    sources: sources(),
  }),
);

export const SecretKnower = named(
  "SecretKnower",
  z.object({
    id: id(),
    name: text(),
    since: whole().nullable().describe("The seq from which they know; null: from the start."),
    sources: sources(),
  }),
);

export const DossierMembership = named(
  "DossierMembership",
  z.object({
    groupId: id(),
    group: text(),
    kind: text(),
    role: text(),
    covert: flag().describe("Joined under cover: the group takes them for one of its own."),
    since: whole().nullable(),
    until: whole().nullable(),
    note: text().nullable(),
    sources: sources(),
    knownBy: z.array(SecretKnower).describe("Who knows a covert membership (empty otherwise)."),
  }),
);

export const DossierLoyalty = named(
  "DossierLoyalty",
  z.object({
    toId: id(),
    to: text(),
    toIsGroup: flag(),
    kind: z.enum(LOYALTY_KINDS),
    covert: flag(),
    since: whole().nullable(),
    until: whole().nullable(),
    note: text().nullable(),
    sources: sources(),
    knownBy: z.array(SecretKnower).describe("Who knows a covert loyalty (empty for an open one)."),
  }),
);

export const DossierLoyaltyFrom = named(
  "DossierLoyaltyFrom",
  z.object({
    fromId: id(),
    from: text(),
    fromIsGroup: flag(),
    kind: z.enum(LOYALTY_KINDS),
    covert: flag(),
    since: whole().nullable(),
    until: whole().nullable(),
    note: text().nullable(),
    sources: sources(),
  }),
);

export const DossierSecret = named(
  "DossierSecret",
  z.object({
    ofId: id(),
    of: text(),
    loyalToId: id().nullable().describe("A hidden loyalty's object; null for a membership."),
    loyalTo: text().nullable(),
    memberOfId: id().nullable().describe("The group of a covert membership; null for a loyalty."),
    memberOf: text().nullable(),
    since: whole().nullable(),
    sources: sources(),
  }),
);

export const DossierAct = named(
  "DossierAct",
  z.object({
    type: z.enum([...ACT_TYPES, "ACTED_ON"]),
    act: text().nullable().describe("The story's own word for the act."),
    otherId: id().describe("The other side: the target of an act done, the doer of one suffered."),
    other: text(),
    otherIsGroup: flag(),
    eventId: id(),
    event: text().nullable(),
    seq: whole(),
    how: text(),
    coerced: flag().nullable().describe("BETRAYED only."),
    coercedBy: text().nullable(),
    note: text().nullable(),
    sources: sources(),
  }),
);

export const DossierTie = named(
  "DossierTie",
  z.object({
    type: z.enum([...TIE_TYPES, "TIED_TO"]),
    tie: text().nullable().describe("The story's own word for the tie (TIED_TO)."),
    direction: z
      .enum(["out", "in"])
      .describe("out: this character is the tie's start (e.g. the parent in PARENT_OF)."),
    otherId: id(),
    other: text(),
    status: text().nullable(),
    since: whole().nullable(),
    until: whole().nullable(),
    note: text().nullable(),
    sources: sources(),
  }),
);

export const DossierEvent = named(
  "DossierEvent",
  z.object({
    seq: whole(),
    eventId: id(),
    event: text(),
    role: text().describe("Their part in it."),
    placeId: id().nullable(),
    place: text().nullable(),
    disputed: texts().describe("Topics on which the sources disagree about the event."),
    sources: sources(),
  }),
);

export const DossierDisagreement = named(
  "DossierDisagreement",
  z.object({
    id: id(),
    topic: text(),
    accounts: texts().describe("Each account with its citations."),
    sources: sources(),
  }),
);

export const Dossier = named(
  "Dossier",
  z.object({
    character: DossierCharacter,
    groups: z.array(DossierMembership),
    loyalties: z.array(DossierLoyalty).describe("Their loyalties, covert ones first."),
    loyalFrom: z.array(DossierLoyaltyFrom).describe("Who is loyal to them."),
    secretsKnown: z.array(DossierSecret),
    actsDone: z.array(DossierAct),
    actsSuffered: z.array(DossierAct),
    ties: z.array(DossierTie),
    events: z.array(DossierEvent).describe("The events they take part in, in story order."),
    disagreements: z.array(DossierDisagreement),
  }),
);

export default defineQuestion({
  name: "dossier",
  file: "dossier",
  summary: "everything about a character, each fact with its sources, as of a moment (--at)",
  subject: { kind: "character", param: "characterId" },
  options: z.object({
    at: storyTime(),
  }),
  row: Dossier,
  graphql: { field: "dossier", one: true },
});
