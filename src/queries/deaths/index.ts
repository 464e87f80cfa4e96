// Death-by-whom chains, kills by one character, and a film's ledger of deaths.
import type { Database } from "../../db/connection.ts";
import { askAboutCharacter, askAboutFilm, type CharacterRef, type FilmRef } from "../lookup.ts";

export interface KillStep {
  victim: string;
  victimId: string;
  killer: string;
  killerId: string;
  killerIsGroup: boolean;
  event: string;
  seq: number;
  how: string;
  sources: string[];
}

export interface DeathChain {
  /** From the victim back to the last killer. */
  steps: KillStep[];
  /**
   * Why the chain stops: "survivor", nobody killed the last killer; "group", the last killer is
   * a collective; "suicide", the last killer killed themselves; "cycle", the last killer killed
   * someone met earlier in the chain; "limit", 20 steps and still going.
   */
  endsWith: "survivor" | "group" | "suicide" | "cycle" | "limit";
}

export interface DeathByWhom {
  victim: CharacterRef;
  /** One per killer (and killer's killer...); empty when the sources name no killer. */
  chains: DeathChain[];
  /** The character died (fate killed or died) but the sources name no killer. */
  killerUnnamed: boolean;
}

/** Fates that say the character died. */
const DEAD = new Set(["killed", "died"]);

/** Who killed this character, who killed the killer, and so on. */
export async function deathByWhom(
  db: Database,
  victimName: string,
  options: { film?: string } = {},
): Promise<DeathByWhom> {
  const { character: victim, rows: chains } = await askAboutCharacter<DeathChain>(
    db,
    victimName,
    options.film,
    { name: "death-by-whom", bindings: { victimId: "found0.id" } },
  );
  return { victim, chains, killerUnnamed: chains.length === 0 && DEAD.has(victim.fate) };
}

export interface Kill {
  victim: string;
  victimId: string;
  victimIsGroup: boolean;
  event: string;
  seq: number;
  how: string;
  place: string | null;
  sources: string[];
}

/** Everyone this character killed, in story order. */
export async function killsBy(
  db: Database,
  killerName: string,
  options: { film?: string } = {},
): Promise<{ killer: CharacterRef; kills: Kill[] }> {
  const { character: killer, rows: kills } = await askAboutCharacter<Kill>(
    db,
    killerName,
    options.film,
    { name: "kills-by", bindings: { killerId: "found0.id" } },
  );
  return { killer, kills };
}

export interface Death {
  /** Story position; null for deaths the sources give without an event. */
  seq: number | null;
  victim: string;
  victimId: string;
  killer: string | null;
  killerId: string | null;
  killerIsGroup: boolean | null;
  event: string | null;
  how: string | null;
  place: string | null;
  sources: string[];
  /** False when the sources leave it open whether the character died. */
  certain: boolean;
}

/** A film's deaths in story order. */
export async function deathLedger(
  db: Database,
  film: string,
): Promise<{ film: FilmRef; deaths: Death[] }> {
  const { film: filmRef, answers } = await askAboutFilm(db, film, [
    { name: "death-ledger", bindings: { film: "foundFilm.id" } },
  ]);
  return { film: filmRef, deaths: answers[0] as Death[] };
}
