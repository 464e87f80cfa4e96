// Revenge: killings where the killer stood for someone the victim had wronged before.
// The exact rule is in the header of cypher/queries/revenge.cypher.
import type { Database } from "../../db/connection.ts";
import { askAboutFilm, type FilmRef } from "../lookup.ts";

/** What ties the killer to the party avenged at the time of the killing. */
export interface RevengeBond {
  /** "self": the killer avenges a wrong done to himself. */
  via: "self" | "loyalty" | "membership";
  /** The loyalty's kind, or the membership's role; null for "self". */
  kind: string | null;
  since: number | null;
  until: number | null;
  sources: string[];
}

/** The earlier wrong being avenged. */
export interface Wrong {
  type: "KILLED" | "BETRAYED";
  /** Who did it: the victim, or someone the victim forced to betray (forcedByVictim). */
  by: string;
  byId: string;
  forcedByVictim: boolean;
  event: string;
  seq: number;
  how: string;
  sources: string[];
}

export interface Killing {
  event: string;
  seq: number;
  how: string;
  sources: string[];
}

export interface Revenge {
  killer: string;
  killerId: string;
  killerIsGroup: boolean;
  victim: string;
  victimId: string;
  /** The character or group on whose behalf the killer acts (the killer himself included). */
  avenged: string;
  avengedId: string;
  avengedIsGroup: boolean;
  avengesSelf: boolean;
  bonds: RevengeBond[];
  wrong: Wrong;
  killing: Killing;
  /** The wrong happened in the same event as the killing. */
  sameEvent: boolean;
}

/**
 * A film's killings of revenge, one entry per killing, party avenged and earlier wrong, in
 * story order.
 */
export async function revenge(
  db: Database,
  film: string,
): Promise<{ film: FilmRef; revenges: Revenge[] }> {
  const { film: filmRef, answers } = await askAboutFilm(db, film, [
    { name: "revenge", bindings: { film: "foundFilm.id" } },
  ]);
  return { film: filmRef, revenges: answers[0] as Revenge[] };
}
