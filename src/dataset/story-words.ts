// A story's own words: the act, tie and role words it uses beyond the built-in ones, and
// how each is stored. Shared by validation (is the word known?) and the import plan (which
// relationship type, which key), so the two never disagree.
import {
  ACT_TYPES,
  NARRATIVE_ROLES,
  TIE_TYPES,
  type ActType,
  type NarrativeRole,
  type TieType,
} from "./vocabulary.ts";

/** What a story declares under `vocabulary:` (see schema.ts). */
export interface StoryVocabulary {
  acts: { word: string; countsAs?: ActType }[];
  ties: { word: string }[];
  roles: { word: string; like?: NarrativeRole }[];
}

const NO_WORDS: StoryVocabulary = { acts: [], ties: [], roles: [] };

/** The words a film file declares (none when it has no `vocabulary:`). */
export function vocabularyOf(data: { vocabulary?: StoryVocabulary }): StoryVocabulary {
  return data.vocabulary ?? NO_WORDS;
}

/** A word as stored: lower-case, words joined by hyphens ("Lied to" -> "lied-to"). */
export function storyWord(word: string): string {
  return word
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
}

/**
 * Each list's words looked up so far: a film's acts and ties use a few words many times, and
 * each is resolved by the check and again by the plan.
 */
const builtInsSeen = new WeakMap<readonly string[], Map<string, string | undefined>>();

/** The built-in type a word names, if any ("killed", "KILLED" -> KILLED). */
function builtIn<T extends string>(word: string, types: readonly T[]): T | undefined {
  let seen = builtInsSeen.get(types);
  if (!seen) builtInsSeen.set(types, (seen = new Map()));
  if (seen.has(word)) return seen.get(word) as T | undefined;
  const upper = storyWord(word).replace(/-/g, "_").toUpperCase();
  const type = types.find((t) => t === upper);
  seen.set(word, type);
  return type;
}

export interface ResolvedAct {
  type: ActType | "ACTED_ON";
  /** The story's word, absent for a built-in type used as such. */
  act?: string;
}

/** How an act's `type` is stored; undefined when the word is neither built in nor declared. */
export function resolveAct(word: string, vocabulary: StoryVocabulary): ResolvedAct | undefined {
  const type = builtIn(word, ACT_TYPES);
  if (type) return { type };
  const own = vocabulary.acts.find((a) => storyWord(a.word) === storyWord(word));
  if (!own) return undefined;
  return { type: own.countsAs ?? "ACTED_ON", act: storyWord(own.word) };
}

export interface ResolvedTie {
  type: TieType | "TIED_TO";
  tie?: string;
}

export function resolveTie(word: string, vocabulary: StoryVocabulary): ResolvedTie | undefined {
  const type = builtIn(word, TIE_TYPES);
  if (type) return { type };
  const own = vocabulary.ties.find((t) => storyWord(t.word) === storyWord(word));
  return own ? { type: "TIED_TO", tie: storyWord(own.word) } : undefined;
}

/** The act and tie words a story may use: the built-in types, then its own words. */
export function knownActWords(vocabulary: StoryVocabulary): string[] {
  return [...ACT_TYPES, ...vocabulary.acts.map((a) => storyWord(a.word))];
}

export function knownTieWords(vocabulary: StoryVocabulary): string[] {
  return [...TIE_TYPES, ...vocabulary.ties.map((t) => storyWord(t.word))];
}

/**
 * The role `parallels` compares a character by: a built-in role is itself, a declared role
 * the built-in role it is `like`, any other word itself (normalised).
 */
export function parallelRole(
  role: string | undefined,
  vocabulary: StoryVocabulary,
): string | undefined {
  if (role === undefined) return undefined;
  const word = storyWord(role);
  const own = vocabulary.roles.find((r) => storyWord(r.word) === word);
  if (own?.like) return own.like;
  return NARRATIVE_ROLES.find((r) => r === word) ?? word;
}
