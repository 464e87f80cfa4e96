// A film's events in story order, with places, participants and acts.
import { z } from "zod";
import { ACT_TYPES } from "../../dataset/vocabulary.ts";
import { defineQuestion } from "../define.ts";
import { flag, id, named, sources, text, texts, whole } from "../shape.ts";

/** The highest seq accepted for `from` and `to`. */
export const MAX_SEQ = 100_000;

export const TimelinePlace = named(
  "TimelinePlace",
  z.object({
    id: id(),
    name: text(),
    kind: text(),
    within: texts().describe("The places it lies in, nearest first."),
    sources: sources(),
  }),
);

export const TimelineParticipant = named(
  "TimelineParticipant",
  z.object({
    id: id(),
    name: text(),
    isGroup: flag(),
    role: text().describe('Their part in the event, e.g. "shoots McCauley".'),
    sources: sources(),
  }),
);

export const TimelineAct = named(
  "TimelineAct",
  z.object({
    type: z
      .enum([...ACT_TYPES, "ACTED_ON"])
      .describe("A built-in act type, or ACTED_ON for an act the story names in its own word."),
    act: text().nullable().describe("The story's own word for the act, when it has one."),
    byId: id(),
    by: text(),
    toId: id(),
    to: text(),
    how: text(),
    coerced: flag().nullable().describe("BETRAYED only: whether the traitor was forced."),
    sources: sources(),
  }),
);

export const TimelineDisagreement = named(
  "TimelineDisagreement",
  z.object({ id: id(), topic: text() }),
);

export const TimelineEvent = named(
  "TimelineEntry",
  z.object({
    seq: whole(),
    id: id(),
    name: text(),
    summary: text(),
    sources: sources(),
    episode: text().nullable().describe("For a series: the episode that tells it."),
    toldSeq: whole().nullable().describe("Position in the telling, when it differs from seq."),
    place: TimelinePlace.nullable().describe("Null when the sources do not say where."),
    participants: z.array(TimelineParticipant).describe("Characters first, then groups, by name."),
    acts: z.array(TimelineAct),
    disagreements: z
      .array(TimelineDisagreement)
      .describe("Topics on which the sources disagree about this event."),
  }),
);

const seqBound = (end: string) =>
  whole().min(1).max(MAX_SEQ).nullable().default(null).describe(`${end} seq to show.`);

export default defineQuestion({
  name: "timeline",
  file: "timeline",
  summary: "the film's events in story order, with places, participants and acts",
  subject: { kind: "film", param: "film" },
  options: z.object({ from: seqBound("First"), to: seqBound("Last") }),
  row: TimelineEvent,
  graphql: { field: "timeline" },
});
