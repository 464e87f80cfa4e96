// Death-by-whom chains, kills by one character, and a film's ledger of deaths.
import type { Database } from "../../db/connection.ts";
import { resolveCharacter, resolveFilm, type CharacterRef, type FilmRef } from "../lookup.ts";
import { runQuery } from "../run-query.ts";

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
  const victim = await resolveCharacter(db, victimName, options.film);
  const chains = await runQuery<DeathChain>(db, "death-by-whom", { victimId: victim.id });
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
  const killer = await resolveCharacter(db, killerName, options.film);
  return { killer, kills: await runQuery<Kill>(db, "kills-by", { killerId: killer.id }) };
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
  const filmRef = await resolveFilm(db, film);
  return { film: filmRef, deaths: await runQuery<Death>(db, "death-ledger", { film: filmRef.id }) };
}
