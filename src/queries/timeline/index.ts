// A film's timeline: its events in story order, with places, participants and acts.
import type { Database } from "../../db/connection.ts";
import type { ActType } from "../../dataset/vocabulary.ts";
import { HeistgraphError } from "../../errors.ts";
import { askAboutFilm, checkedInteger, type FilmRef } from "../lookup.ts";

/** The highest seq accepted for `from` and `to`. */
export const MAX_SEQ = 100_000;

export interface TimelinePlace {
  id: string;
  name: string;
  kind: string;
  /** The places it lies in, nearest first (e.g. ["Busy downtown district", "Los Angeles"]). */
  within: string[];
  /** The sources that put the event there. */
  sources: string[];
}

export interface TimelineParticipant {
  id: string;
  name: string;
  isGroup: boolean;
  /** Their part in the event, e.g. "shoots McCauley". */
  role: string;
  sources: string[];
}

/** Something one character or group does to another during the event. */
export interface TimelineAct {
  /** A built-in act type, or ACTED_ON for an act the story names in its own word (`act`). */
  type: ActType | "ACTED_ON";
  /** The story's own word for the act, when it has one (always for ACTED_ON). */
  act: string | null;
  byId: string;
  by: string;
  toId: string;
  to: string;
  how: string;
  /** BETRAYED only: whether the traitor was forced; null for other acts. */
  coerced: boolean | null;
  sources: string[];
}

export interface TimelineEvent {
  seq: number;
  id: string;
  name: string;
  summary: string;
  sources: string[];
  /** The episode the event belongs to, when the story is told in episodes. */
  episode: string | null;
  /** Its position in the order of telling, when that differs from story order. */
  toldSeq: number | null;
  /** Null when the sources do not say where. */
  place: TimelinePlace | null;
  /** Characters first, then groups, each by name. */
  participants: TimelineParticipant[];
  acts: TimelineAct[];
  /** Topics on which the sources disagree about this event. */
  disagreements: { id: string; topic: string }[];
}

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
  const { film: filmRef, answers } = await askAboutFilm(
    db,
    film,
    [{ name: "timeline", bindings: { film: "foundFilm.id" } }],
    { from, to },
  );
  return { film: filmRef, from, to, events: answers[0] as TimelineEvent[] };
}
