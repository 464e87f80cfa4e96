// A group's dossier: its members over time, what it did and what was done to it, each fact
// with its sources, as it stands at one moment of the story (--at) or over all of it. Its
// acts, loyalties and events have the character dossier's shapes.
import { z } from "zod";
import { defineQuestion } from "../define.ts";
import { DossierAct, DossierEvent, DossierLoyaltyFrom, SecretKnower } from "../dossier/question.ts";
import { flag, id, named, sources, text, whole, storyTime } from "../shape.ts";

export const DossierGroup = named(
  "DossierGroup",
  z.object({
    id: id(),
    name: text(),
    kind: text(),
    description: text(),
    film: id(),
    filmTitle: text(),
    sources: sources(),
  }),
);

export const GroupMember = named(
  "GroupMember",
  z.object({
    characterId: id(),
    character: text(),
    role: text().describe("Their part in the group."),
    covert: flag().describe("Joined under cover: the group does not know what they really are."),
    since: whole().nullable().describe("The seq from which they belong; null: from the start."),
    until: whole().nullable().describe("The seq at which they left; null: to the end."),
    note: text().nullable(),
    sources: sources(),
    knownBy: z.array(SecretKnower).describe("Who knows a covert member's secret."),
  }),
);

export const GroupDossier = named(
  "GroupDossier",
  z.object({
    group: DossierGroup,
    members: z.array(GroupMember).describe("Everyone who belonged to it, by when they joined."),
    loyalFrom: z.array(DossierLoyaltyFrom).describe("Who is loyal to the group itself."),
    actsDone: z.array(DossierAct),
    actsSuffered: z.array(DossierAct),
    events: z.array(DossierEvent).describe("The events it takes part in as a group."),
  }),
);

export default defineQuestion({
  name: "group-dossier",
  file: "group-dossier",
  summary: "everything about a group (members over time, its acts), as of a moment (--at)",
  subject: { kind: "group", param: "groupId" },
  options: z.object({
    at: storyTime(),
  }),
  row: GroupDossier,
  graphql: { field: "dossier", one: true },
});
