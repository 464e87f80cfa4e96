// Death-by-whom chains, kills by one character or group, and a film's ledger of deaths.
import type { z } from "zod";
import type { Database } from "../../db/connection.ts";
import { askQuestion } from "../../questions/ask-question.ts";
import deathByWhomQuestion, {
  type DeathChain as DeathChainShape,
  type KillStep as KillStepShape,
} from "../../questions/death-by-whom/question.ts";
import deathLedgerQuestion, {
  type Death as DeathShape,
} from "../../questions/death-ledger/question.ts";
import killsByQuestion, { type Kill as KillShape } from "../../questions/kills-by/question.ts";
import type { CharacterRef, FilmRef } from "../lookup.ts";

export type KillStep = z.infer<typeof KillStepShape>;
export type DeathChain = z.infer<typeof DeathChainShape>;
export type Kill = z.infer<typeof KillShape>;
export type Death = z.infer<typeof DeathShape>;

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
  const {
    subjects: [victim],
    rows: chains,
  } = await askQuestion<DeathChain>(db, deathByWhomQuestion, {
    subject: victimName,
    film: options.film,
  });
  if (!victim) throw new Error("no victim found");
  return { victim, chains, killerUnnamed: chains.length === 0 && DEAD.has(victim.fate) };
}

/** Everyone this character (or group) killed, in story order. */
export async function killsBy(
  db: Database,
  killerName: string,
  options: { film?: string } = {},
): Promise<{ killer: CharacterRef; kills: Kill[] }> {
  const {
    subjects: [killer],
    rows: kills,
  } = await askQuestion<Kill>(db, killsByQuestion, { subject: killerName, film: options.film });
  if (!killer) throw new Error("no killer found");
  return { killer, kills };
}

/** A film's deaths in story order. */
export async function deathLedger(
  db: Database,
  film: string,
): Promise<{ film: FilmRef; deaths: Death[] }> {
  const { film: filmRef, rows } = await askQuestion<Death>(db, deathLedgerQuestion, { film });
  if (!filmRef) throw new Error("no film found");
  return { film: filmRef, deaths: rows };
}
