// A character's dossier: everything the graph holds about them, each fact with its sources.
import type { Database } from "../../db/connection.ts";
import type { ActType, LOYALTY_KINDS, NarrativeRole, TieType } from "../../dataset/vocabulary.ts";
import { HeistgraphError } from "../../errors.ts";
import { askAboutCharacter } from "../lookup.ts";

export interface DossierCharacter {
  id: string;
  name: string;
  /** Other names and spellings. */
  aliases: string[];
  role: NarrativeRole;
  occupation: string | null;
  fate: string;
  description: string;
  note: string | null;
  /** True for people the sources do not name. */
  unnamed: boolean;
  /** For an unnamed character standing for several people. */
  count: number | null;
  film: string;
  filmTitle: string;
  sources: string[];
}

export interface DossierMembership {
  groupId: string;
  group: string;
  kind: string;
  role: string;
  since: number | null;
  until: number | null;
  sources: string[];
}

export interface SecretKnower {
  id: string;
  name: string;
  /** The seq from which they know; null: from the start. */
  since: number | null;
  sources: string[];
}

export interface DossierLoyalty {
  toId: string;
  to: string;
  toIsGroup: boolean;
  kind: (typeof LOYALTY_KINDS)[number];
  /** True when the loyalty is hidden. */
  covert: boolean;
  since: number | null;
  until: number | null;
  note: string | null;
  sources: string[];
  /** Who knows a covert loyalty (empty for an open one). */
  knownBy: SecretKnower[];
}

export interface DossierLoyaltyFrom {
  fromId: string;
  from: string;
  fromIsGroup: boolean;
  kind: (typeof LOYALTY_KINDS)[number];
  covert: boolean;
  since: number | null;
  until: number | null;
  note: string | null;
  sources: string[];
}

/** Someone else's hidden loyalty that this character knows of. */
export interface DossierSecret {
  ofId: string;
  of: string;
  loyalToId: string;
  loyalTo: string | null;
  since: number | null;
  sources: string[];
}

export interface DossierAct {
  type: ActType | "ACTED_ON";
  /** The story's own word for the act (stored as ACTED_ON, or as a built-in type it counts as). */
  act: string | null;
  /** The other side: the target of an act done, the doer of an act suffered. */
  otherId: string;
  other: string;
  otherIsGroup: boolean;
  eventId: string;
  event: string | null;
  seq: number;
  how: string;
  /** BETRAYED only. */
  coerced: boolean | null;
  coercedBy: string | null;
  note: string | null;
  sources: string[];
}

export interface DossierTie {
  type: TieType | "TIED_TO";
  /** The story's own word for the tie (TIED_TO). */
  tie: string | null;
  /** "out": this character is the tie's start (e.g. the parent in PARENT_OF). */
  direction: "out" | "in";
  otherId: string;
  other: string;
  status: string | null;
  since: number | null;
  until: number | null;
  note: string | null;
  sources: string[];
}

export interface DossierEvent {
  seq: number;
  eventId: string;
  event: string;
  /** Their part in it. */
  role: string;
  placeId: string | null;
  place: string | null;
  /** Topics on which the sources disagree about the event. */
  disputed: string[];
  sources: string[];
}

export interface DossierDisagreement {
  id: string;
  topic: string;
  /** Each account with its citations. */
  accounts: string[];
  sources: string[];
}

export interface Dossier {
  character: DossierCharacter;
  groups: DossierMembership[];
  /** Their loyalties, covert ones first. */
  loyalties: DossierLoyalty[];
  /** Who is loyal to them. */
  loyalFrom: DossierLoyaltyFrom[];
  secretsKnown: DossierSecret[];
  actsDone: DossierAct[];
  actsSuffered: DossierAct[];
  ties: DossierTie[];
  /** The events they take part in, in story order. */
  events: DossierEvent[];
  disagreements: DossierDisagreement[];
}

/** Everything about one character, found by name or alias. */
export async function dossier(
  db: Database,
  name: string,
  options: { film?: string } = {},
): Promise<Dossier> {
  const {
    character: ref,
    rows: [row],
  } = await askAboutCharacter<Dossier>(db, name, options.film, {
    name: "dossier",
    bindings: { characterId: "found0.id" },
  });
  if (!row) {
    // Only if the character was deleted between the look-up and the query.
    throw new HeistgraphError({
      what: `${ref.name} (${ref.id}) is no longer in the graph.`,
      suggestion: "run the command again, or re-import with `npx heistgraph import`",
    });
  }
  return row;
}
