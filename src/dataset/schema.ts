// The public import format: one YAML file per film (with its own sources, or a
// `<film>.sources.yaml` beside it), plus any shared sources files.
// These zod schemas are the single definition of that format; the JSON Schema that
// editors use (import/schema/*.json) is generated from them by `npm run generate`.
import { z } from "zod";
import { ACT_TYPES, FATES, NARRATIVE_ROLES } from "./vocabulary.ts";

/**
 * Size limits, checked before anything is written. Ids and words are indexed by Neo4j, whose
 * index keys must stay under about 8 kB: 100 characters is at most 400 bytes.
 */
export const LIMITS = {
  id: 100,
  word: 60,
  line: 300,
  text: 10_000,
  list: 10_000,
  citations: 200,
} as const;

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const CITATION_PATTERN = /^([a-z0-9]+(?:-[a-z0-9]+)*):([1-9][0-9]*)$/;
// Control characters (C0, DEL, C1) and bidirectional overrides: invisible, and they can
// make a terminal or a page show something else than what is stored.
// eslint-disable-next-line no-control-regex
const NO_CONTROL = /^[^\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]*$/;
// Long text may span lines and hold tabs, nothing else invisible.
const NO_CONTROL_BUT_LINES =
  // eslint-disable-next-line no-control-regex
  /^[^\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]*$/;

const id = z
  .string()
  .max(LIMITS.id, `an id has at most ${LIMITS.id} characters`)
  .regex(ID_PATTERN, "an id is lower-case words joined by hyphens, e.g. neil-mccauley")
  .describe("Stable id, unique across all labels and films");
const ref = z
  .string()
  .min(1)
  .max(LIMITS.id, `an id has at most ${LIMITS.id} characters`)
  .describe("The id of another item of this dataset");
/** One line of text: a name, a title. */
const line = z
  .string()
  .trim()
  .min(1)
  .max(LIMITS.line, `at most ${LIMITS.line} characters`)
  .regex(NO_CONTROL, "no control characters or line breaks");
/** Prose: a summary, a description, a note. */
const text = z
  .string()
  .trim()
  .min(1)
  .max(LIMITS.text, `at most ${LIMITS.text} characters`)
  .regex(NO_CONTROL_BUT_LINES, "no control characters other than line breaks and tabs");
/** A word of the story's own: a kind, a role. */
const word = z
  .string()
  .trim()
  .min(1)
  .max(LIMITS.word, `a word has at most ${LIMITS.word} characters`)
  .regex(NO_CONTROL, "no control characters or line breaks");
const list = <T extends z.ZodType>(item: T) =>
  z.array(item).max(LIMITS.list, `at most ${LIMITS.list} items`);
const seq = z.number().int().positive().describe("A position in the story: an event's seq");
const citation = z
  .string()
  .max(LIMITS.id + 12, "a citation is a source id and a paragraph number")
  .regex(CITATION_PATTERN, 'a citation is "<source id>:<paragraph>", e.g. heat-fr:12')
  .describe('Source id and 1-based paragraph (line of the text), e.g. "heat-fr:12"');
const sources = z
  .array(citation)
  .min(1, "every fact cites at least one source paragraph")
  .max(LIMITS.citations, `at most ${LIMITS.citations} citations`)
  .describe("The paragraphs that state this fact");
const note = text.optional().describe("Free remarks: why it is modelled so, what is uncertain");

/** A document the facts cite: a plot summary, an episode guide, a chapter. */
export const sourceSchema = z
  .object({
    id,
    title: line,
    film: id
      .optional()
      .describe("The film this text tells; defaults to the film whose file declares it"),
    language: z
      .string()
      .regex(/^[a-z]{2}$/, "a two-letter language code, e.g. fr")
      .optional(),
    file: line
      .optional()
      .describe(
        "The text's file: a paragraph is a line. Looked for beside the file that declares the source, then in the seeds folder; when found, its paragraph count is read from it and every citation is checked against it",
      ),
    paragraphs: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("How many paragraphs (lines) the text has; needed only when its file is absent"),
  })
  .strict();

export const sourcesFileSchema = z
  .object({ sources: list(sourceSchema).min(1) })
  .strict()
  .describe("heistgraph sources: the documents that facts cite");

/** A built-in act type, or a word the story declares under `vocabulary.acts`. */
const actWord = word.describe(
  `A built-in act (${ACT_TYPES.join(", ")}) or a word declared under vocabulary.acts`,
);

/** The entries of `vocabulary:`, each checked on its own. */
export const vocabularyLists = {
  acts: z
    .object({
      word: word.describe("The story's word, e.g. tortured, lied to"),
      countsAs: z
        .enum(ACT_TYPES)
        .optional()
        .describe(
          "The built-in act the questions treat it as (e.g. executed counts as KILLED); without it, it is stored as ACTED_ON",
        ),
      description: text.optional(),
    })
    .strict(),
  ties: z.object({ word: word.describe("e.g. handler of"), description: text.optional() }).strict(),
  roles: z
    .object({
      word: word.describe("e.g. boss"),
      like: z
        .enum(NARRATIVE_ROLES)
        .optional()
        .describe("The built-in role `parallels` compares it with"),
      description: text.optional(),
    })
    .strict(),
} as const;

const vocabulary = z
  .object({
    acts: list(vocabularyLists.acts)
      .default([])
      .describe("Act words of this story beyond the built-in ones"),
    ties: list(vocabularyLists.ties)
      .default([])
      .describe("Tie words of this story beyond the built-in ones, stored as TIED_TO"),
    roles: list(vocabularyLists.roles)
      .default([])
      .describe("Roles of this story that parallels should compare with a built-in role"),
  })
  .strict()
  .describe("The story's own words: acts, ties and roles");

const film = z
  .object({
    id,
    title: line,
    year: z.number().int().min(-5000).max(2200).optional(),
    director: line.optional().describe("Or author, creator"),
    kind: word.optional().describe("film, series, novel, play..."),
    sources,
  })
  .strict();

const place = z
  .object({
    id,
    name: line,
    kind: word.describe("Any word: city, building, restaurant, warehouse..."),
    in: ref.optional().describe("The place that contains this one (LOCATED_IN)"),
    description: text.optional(),
    sources,
  })
  .strict();

const group = z
  .object({
    id,
    name: line,
    kind: word.describe("Any word: crew, gang, police, house, family, army..."),
    description: text,
    sources,
  })
  .strict();

const character = z
  .object({
    id,
    name: line.describe("The name the sources use most, or a description for unnamed people"),
    aliases: list(line).default([]).describe("Other names and spellings found in the sources"),
    unnamed: z.boolean().default(false).describe("True for people the sources do not name"),
    count: z
      .number()
      .int()
      .min(2)
      .optional()
      .describe("For an unnamed character that stands for several people, how many"),
    role: word
      .optional()
      .describe(
        `Narrative role, any word; the built-in ones compare across films: ${NARRATIVE_ROLES.join(", ")}`,
      ),
    occupation: line.optional(),
    fate: z.enum(FATES).default("unknown"),
    description: text,
    sources,
    note,
  })
  .strict();

const participant = z
  .object({
    who: ref.describe("A character or group"),
    role: line.describe("What they did in this event"),
    sources: sources.optional().describe("Defaults to the event's sources"),
  })
  .strict();

const event = z
  .object({
    id,
    seq: seq.describe("Order in the story's own time, unique within the film, starting at 1"),
    toldSeq: z
      .number()
      .int()
      .positive()
      .optional()
      .describe(
        "Order of telling, when it differs from seq (a flashback is told late but happens early)",
      ),
    episode: line.optional().describe("For a series: the episode that tells it, e.g. S01E03"),
    name: line,
    summary: text,
    place: ref.optional(),
    participants: list(participant).default([]),
    sources,
  })
  .strict();

const knower = z
  .object({
    who: ref.describe("A character or group who knows the truth"),
    since: seq.optional().describe("From which event on; absent means from the start"),
    sources,
  })
  .strict();

const membership = z
  .object({
    member: ref.describe("A character"),
    group: ref,
    role: line,
    covert: z
      .boolean()
      .default(false)
      .describe(
        "True when the member joined under cover (an undercover officer, a mole): the group takes him for one of its own, his allegiance lies elsewhere. A betrayal of the group does not reach him; his betrayals of it are betrayals",
      ),
    since: seq.optional(),
    until: seq.optional(),
    knownBy: list(knower)
      .default([])
      .describe("For a covert membership: who knows the truth, and since when"),
    sources,
    note,
  })
  .strict();

const loyalty = z
  .object({
    from: ref.describe("The loyal character"),
    to: ref.describe("The character or group they are loyal to"),
    kind: word.describe("Any word: crew, duty, employment, love, family, friendship, fealty..."),
    covert: z.boolean().default(false).describe("True when the loyalty is hidden from others"),
    since: seq.optional(),
    until: seq.optional(),
    knownBy: list(knower)
      .default([])
      .describe("For a covert loyalty: who knows the truth, and since when"),
    sources,
    note,
  })
  .strict();

const act = z
  .object({
    type: actWord,
    by: ref.describe("The character or group who acts"),
    to: ref.describe("The character or group acted upon"),
    event: ref.describe("The event in which it happens (gives its seq)"),
    how: text,
    coerced: z.boolean().optional().describe("Betrayals only: was the traitor forced?"),
    coercedBy: ref.optional().describe("Betrayals only: who forced the traitor"),
    sources,
    note,
  })
  .strict();

const tie = z
  .object({
    type: word.describe("A built-in tie or a word declared under vocabulary.ties"),
    from: ref,
    to: ref,
    status: line.optional().describe("e.g. ended, engaged, affair, former"),
    since: seq.optional(),
    until: seq.optional(),
    sources,
    note,
  })
  .strict();

const account = z.object({ claim: text, sources }).strict();

const disagreement = z
  .object({
    id,
    about: ref.describe("The node the sources disagree about"),
    topic: line,
    accounts: list(account).min(2, "a disagreement needs at least two accounts"),
  })
  .strict();

/** The lists of a film file, each item checked on its own so one bad item hides nothing. */
export const filmLists = {
  places: place,
  groups: group,
  characters: character,
  events: event,
  memberships: membership,
  loyalties: loyalty,
  acts: act,
  ties: tie,
  disagreements: disagreement,
} as const;

export const filmFileSchema = z
  .object({
    film,
    vocabulary: vocabulary.optional(),
    sources: list(sourceSchema)
      .default([])
      .describe("The texts this film cites (or put them in <film>.sources.yaml beside it)"),
    places: list(place).default([]),
    groups: list(group).default([]),
    characters: list(character).min(1, "a film needs at least one character"),
    events: list(event).min(1, "a film needs at least one event"),
    memberships: list(membership).default([]),
    loyalties: list(loyalty).default([]),
    acts: list(act).default([]),
    ties: list(tie).default([]),
    disagreements: list(disagreement).default([]),
  })
  .strict()
  .describe("heistgraph film: one story's characters, groups, events, places and what they did");

export const filmSchema = film;

export type Source = z.output<typeof sourceSchema>;
export type SourcesFile = z.output<typeof sourcesFileSchema>;
export type FilmFile = z.output<typeof filmFileSchema>;
export type Character = FilmFile["characters"][number];
export type StoryEvent = FilmFile["events"][number];
export type Act = FilmFile["acts"][number];
