// A character's dossier: everything the graph holds about them, each fact with its sources.
import type { z } from "zod";
import type { Database } from "../../db/connection.ts";
import { HeistgraphError } from "../../errors.ts";
import { askQuestion } from "../../questions/ask-question.ts";
import dossierQuestion, {
  type Dossier as DossierShape,
  type DossierAct as DossierActShape,
  type DossierCharacter as DossierCharacterShape,
  type DossierDisagreement as DossierDisagreementShape,
  type DossierEvent as DossierEventShape,
  type DossierLoyalty as DossierLoyaltyShape,
  type DossierLoyaltyFrom as DossierLoyaltyFromShape,
  type DossierMembership as DossierMembershipShape,
  type DossierSecret as DossierSecretShape,
  type DossierTie as DossierTieShape,
  type SecretKnower as SecretKnowerShape,
} from "../../questions/dossier/question.ts";

export type DossierCharacter = z.infer<typeof DossierCharacterShape>;
export type DossierMembership = z.infer<typeof DossierMembershipShape>;
export type SecretKnower = z.infer<typeof SecretKnowerShape>;
export type DossierLoyalty = z.infer<typeof DossierLoyaltyShape>;
export type DossierLoyaltyFrom = z.infer<typeof DossierLoyaltyFromShape>;
/** Someone else's hidden loyalty that this character knows of. */
export type DossierSecret = z.infer<typeof DossierSecretShape>;
export type DossierAct = z.infer<typeof DossierActShape>;
export type DossierTie = z.infer<typeof DossierTieShape>;
export type DossierEvent = z.infer<typeof DossierEventShape>;
export type DossierDisagreement = z.infer<typeof DossierDisagreementShape>;
export type Dossier = z.infer<typeof DossierShape>;

/**
 * Everything about one character, found by name, alias or id: as of the moment `at` (an
 * event's seq: what has begun by then), or over the whole story.
 */
export async function dossier(
  db: Database,
  name: string,
  options: { film?: string; at?: number | null } = {},
): Promise<Dossier> {
  const {
    subjects: [ref],
    rows: [row],
  } = await askQuestion<Dossier>(db, dossierQuestion, {
    subject: name,
    film: options.film,
    options: { at: options.at ?? null },
  });
  if (!ref) throw new Error("no character found");
  if (!row) {
    // Only if the character was deleted between the look-up and the query.
    throw new HeistgraphError({
      what: `${ref.name} (${ref.id}) is no longer in the graph.`,
      suggestion: "run the command again, or re-import with `npx heistgraph import`",
    });
  }
  return row;
}
