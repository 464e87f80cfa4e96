// Revenge: killings where the killer stood for someone the victim had wronged before.
// The exact rule is in the header of cypher/queries/revenge.cypher.
import type { z } from "zod";
import type { Database } from "../../db/connection.ts";
import { askQuestion } from "../../questions/ask-question.ts";
import revengeQuestion, {
  type Killing as KillingShape,
  type Revenge as RevengeShape,
  type RevengeBond as RevengeBondShape,
  type Wrong as WrongShape,
} from "../../questions/revenge/question.ts";
import type { FilmRef } from "../lookup.ts";

export type RevengeBond = z.infer<typeof RevengeBondShape>;
export type Wrong = z.infer<typeof WrongShape>;
export type Killing = z.infer<typeof KillingShape>;
export type Revenge = z.infer<typeof RevengeShape>;

/**
 * A film's killings of revenge, one entry per killing, party avenged and earlier wrong, in
 * story order.
 */
export async function revenge(
  db: Database,
  film: string,
): Promise<{ film: FilmRef; revenges: Revenge[] }> {
  const { film: filmRef, rows } = await askQuestion<Revenge>(db, revengeQuestion, { film });
  if (!filmRef) throw new Error("no film found");
  return { film: filmRef, revenges: rows };
}
