// The fixed vocabulary of the graph. Every label and relationship type that heistgraph
// writes or reads comes from these lists, so Cypher never interpolates user text.
// Lists are closed only where a question depends on the value (relationship types, fates);
// elsewhere (roles, group and place kinds, loyalty kinds) they are the built-in words, and a
// story may use its own (see src/dataset/story-words.ts).

export const NODE_LABELS = [
  "Film",
  "Character",
  "Group",
  "Event",
  "Place",
  "Source",
  "Disagreement",
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/**
 * The built-in narrative roles, chosen so characters of different films can be compared:
 * a robbery crew's leader is a crew-leader whether the film calls it a crew or a gang.
 * A story may use other words; one it declares `like` a built-in role is compared as that role.
 */
export const NARRATIVE_ROLES = [
  "crew-leader",
  "crew-member",
  "recruit",
  "getaway-driver",
  "lead-investigator",
  "investigator",
  "police-officer",
  "police-superior",
  "undercover-officer",
  "traitor",
  "informant",
  "fence",
  "financier",
  "middleman",
  "hired-killer",
  "love-interest",
  "spouse",
  "family-member",
  "victim",
  "bystander",
] as const;
export type NarrativeRole = (typeof NARRATIVE_ROLES)[number];

/** How a character's story ends, as far as the sources say (closed: the death ledger reads it). */
export const FATES = [
  "alive",
  "killed",
  "died",
  "arrested",
  "wounded",
  "killed-or-wounded",
  "unknown",
] as const;

/** Group kinds the films use; any other word is accepted. */
export const GROUP_KINDS = [
  "crew",
  "gang",
  "police",
  "police-unit",
  "hired-guns",
  "company",
  "other",
] as const;

/** Place kinds the films use; any other word is accepted. */
export const PLACE_KINDS = [
  "country",
  "region",
  "city",
  "district",
  "street",
  "building",
  "business",
  "home",
  "hotel",
  "airport",
  "port",
  "road",
  "vehicle",
  "other",
] as const;

/** What holds a loyalty together: the films' words; any other word is accepted. */
export const LOYALTY_KINDS = [
  "crew",
  "duty",
  "employment",
  "love",
  "family",
  "friendship",
  "coerced",
  "cover",
] as const;

/**
 * Loyalty kinds that bind a person to a person, not a side: double agents do not count them
 * among the allegiances shown (lower-case; a story's own kinds are compared lower-cased).
 */
export const PERSONAL_LOYALTY_KINDS = ["love", "family", "friendship"] as const;

/**
 * Things characters and groups do to each other at one moment of the story, each its own
 * relationship type. A story's own act word is stored as ACTED_ON {act: word}, or as the
 * built-in type it declares it `countsAs` {act: word}.
 */
export const ACT_TYPES = [
  "KILLED",
  "WOUNDED",
  "BETRAYED",
  "ARRESTED",
  "SAVED",
  "SPARED",
  "THREATENED",
  "SUSPECTED",
  "ORDERED",
  "RECRUITED",
  "ABANDONED",
  "COERCED",
] as const;
export type ActType = (typeof ACT_TYPES)[number];

/** Lasting personal ties between two characters; a story's own tie word is TIED_TO {tie: word}. */
export const TIE_TYPES = [
  "MARRIED_TO",
  "ROMANCE_WITH",
  "PARENT_OF",
  "STEP_PARENT_OF",
  "SIBLING_OF",
  "INFORMANT_FOR",
  "EMPLOYED_BY",
  "SUPERIOR_OF",
  "FENCE_FOR",
  "FORMER_CELLMATE_OF",
  "FRIEND_OF",
  "RIVAL_OF",
] as const;
export type TieType = (typeof TIE_TYPES)[number];

/**
 * A tie read from its other end (the GraphQL field on that end, the dossier's words): X
 * PARENT_OF Y reads "Y childOf X". `null` for a tie that reads the same both ways (a marriage,
 * a friendship), asked in either direction. Typed so that a new tie type must say which.
 */
export const TIE_INVERSES: Record<TieType, string | null> = {
  MARRIED_TO: null,
  ROMANCE_WITH: null,
  PARENT_OF: "childOf",
  STEP_PARENT_OF: "stepChildOf",
  SIBLING_OF: null,
  INFORMANT_FOR: "informedBy",
  EMPLOYED_BY: "employs",
  SUPERIOR_OF: "subordinateOf",
  FENCE_FOR: "fencedBy",
  FORMER_CELLMATE_OF: null,
  FRIEND_OF: null,
  RIVAL_OF: null,
};

/** Structural relationships the importer derives from the dataset's shape. */
export const STRUCTURAL_TYPES = [
  "APPEARS_IN",
  "IN_FILM",
  "MEMBER_OF",
  "LOYAL_TO",
  "KNOWS_SECRET_OF",
  "PARTICIPATED_IN",
  "TOOK_PLACE_AT",
  "LOCATED_IN",
  "NEXT",
  "ABOUT",
  "SUMMARISES",
] as const;

/** The relationship types of a story's own act and tie words. */
export const STORY_WORD_TYPES = ["ACTED_ON", "TIED_TO"] as const;

export const RELATIONSHIP_TYPES = [
  ...STRUCTURAL_TYPES,
  ...ACT_TYPES,
  ...TIE_TYPES,
  ...STORY_WORD_TYPES,
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];
