// A film's timeline: its events in story order, with places, participants and acts.
import type { z } from "zod";
import type { Database } from "../../db/connection.ts";
import { HeistgraphError } from "../../errors.ts";
import { askQuestion } from "../../questions/ask-question.ts";
import timelineQuestion, {
  type TimelineAct as TimelineActShape,
  type TimelineEvent as TimelineEventShape,
  type TimelineParticipant as TimelineParticipantShape,
  type TimelinePlace as TimelinePlaceShape,
} from "../../questions/timeline/question.ts";
import { checkedInteger, type FilmRef } from "../lookup.ts";

export { MAX_SEQ } from "../../questions/timeline/question.ts";
import { MAX_SEQ } from "../../questions/timeline/question.ts";

export type TimelinePlace = z.infer<typeof TimelinePlaceShape>;
export type TimelineParticipant = z.infer<typeof TimelineParticipantShape>;
export type TimelineAct = z.infer<typeof TimelineActShape>;
export type TimelineEvent = z.infer<typeof TimelineEventShape>;

export interface Timeline {
  film: FilmRef;
  /** The seq range asked for; null at an open end. */
  from: number | null;
  to: number | null;
  events: TimelineEvent[];
}

export interface TimelineOptions {
  /** First seq to show (a whole number; strings from the command line are accepted). */
  from?: number | string;
  /** Last seq to show. */
  to?: number | string;
}

/** The film's events in story order, optionally only those from seq `from` to seq `to`. */
export async function timeline(
  db: Database,
  film: string,
  options: TimelineOptions = {},
): Promise<Timeline> {
  const from = options.from === undefined ? null : checkedInteger("from", options.from, 1, MAX_SEQ);
  const to = options.to === undefined ? null : checkedInteger("to", options.to, 1, MAX_SEQ);
  if (from !== null && to !== null && from > to) {
    throw new HeistgraphError({
      what: `from (${from}) comes after to (${to}).`,
      expected: "from <= to",
      suggestion: `swap them: --from ${to} --to ${from}`,
    });
  }
  const { film: filmRef, rows } = await askQuestion<TimelineEvent>(db, timelineQuestion, {
    film,
    options: { from, to },
  });
  if (!filmRef) throw new Error("no film found");
  return { film: filmRef, from, to, events: rows };
}
