// The public import format: one YAML file per film, plus import/sources.yaml.
// These zod schemas are the single definition of that format; the JSON Schema that
// editors use (import/schema/*.json) is generated from them by `npm run schema`.
import { z } from "zod";
import {
  ACT_TYPES,
  FATES,
  GROUP_KINDS,
  LOYALTY_KINDS,
  NARRATIVE_ROLES,
  PLACE_KINDS,
  TIE_TYPES,
} from "./vocabulary.ts";

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const CITATION_PATTERN = /^([a-z0-9]+(?:-[a-z0-9]+)*):([1-9][0-9]*)$/;

const id = z
  .string()
  .regex(ID_PATTERN, "an id is lower-case words joined by hyphens, e.g. neil-mccauley")
  .describe("Stable id, unique among nodes of the same label across all films");
const ref = z.string().min(1).describe("The id of another item of this dataset");
const text = z.string().trim().min(1);
const seq = z.number().int().positive().describe("A position in the story: an event's seq");
const citation = z
  .string()
  .regex(CITATION_PATTERN, 'a citation is "<source id>:<paragraph>", e.g. heat-fr:12')
  .describe('Source id and 1-based paragraph, e.g. "heat-fr:12"');
const sources = z
  .array(citation)
  .min(1, "every fact cites at least one source paragraph")
  .describe("The paragraphs that state this fact");
const note = text.optional().describe("Free remarks: why it is modelled so, what is uncertain");

export const sourceSchema = z
  .object({
    id,
    title: text,
    film: id.describe("The film this summary tells"),
    language: z.string().regex(/^[a-z]{2}$/, "a two-letter language code, e.g. fr"),
    file: text.describe("The summary's file name in the seeds folder"),
    paragraphs: z.number().int().positive().describe("How many paragraphs (lines) it has"),
  })
  .strict();

export const sourcesFileSchema = z
  .object({ sources: z.array(sourceSchema).min(1) })
  .strict()
  .describe("heistgraph sources: the documents that every fact cites");

const film = z
  .object({
    id,
    title: text,
    year: z.number().int().min(1888).max(2100),
    director: text.optional(),
    sources,
  })
  .strict();

const place = z
  .object({
    id,
    name: text,
    kind: z.enum(PLACE_KINDS),
    in: ref.optional().describe("The place that contains this one (LOCATED_IN)"),
    description: text.optional(),
    sources,
  })
  .strict();

const group = z
  .object({
    id,
    name: text,
    kind: z.enum(GROUP_KINDS),
    description: text,
    sources,
  })
  .strict();

const character = z
  .object({
    id,
    name: text.describe("The name the sources use most, or a description for unnamed people"),
    aliases: z.array(text).default([]).describe("Other names and spellings found in the sources"),
    unnamed: z.boolean().default(false).describe("True for people the sources do not name"),
    count: z
      .number()
      .int()
      .min(2)
      .optional()
      .describe("For an unnamed character that stands for several people, how many"),
    role: z.enum(NARRATIVE_ROLES),
    occupation: text.optional(),
    fate: z.enum(FATES),
    description: text,
    sources,
    note,
  })
  .strict();

const participant = z
  .object({
    who: ref.describe("A character or group"),
    role: text.describe("What they did in this event"),
    sources: sources.optional().describe("Defaults to the event's sources"),
  })
  .strict();

const event = z
  .object({
    id,
    seq: seq.describe("Order in the story, unique within the film, starting at 1"),
    name: text,
    summary: text,
    place: ref.optional(),
    participants: z.array(participant).default([]),
    sources,
  })
  .strict();

const membership = z
  .object({
    member: ref.describe("A character"),
    group: ref,
    role: text,
    since: seq.optional(),
    until: seq.optional(),
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

const loyalty = z
  .object({
    from: ref.describe("The loyal character"),
    to: ref.describe("The character or group they are loyal to"),
    kind: z.enum(LOYALTY_KINDS),
    covert: z.boolean().default(false).describe("True when the loyalty is hidden from others"),
    since: seq.optional(),
    until: seq.optional(),
    knownBy: z
      .array(knower)
      .default([])
      .describe("For a covert loyalty: who knows the truth, and since when"),
    sources,
    note,
  })
  .strict();

const act = z
  .object({
    type: z.enum(ACT_TYPES),
    by: ref.describe("The character or group who acts"),
    to: ref.describe("The character or group acted upon"),
    event: ref.describe("The event in which it happens (gives its seq)"),
    how: text,
    coerced: z.boolean().optional().describe("BETRAYED only: was the traitor forced?"),
    coercedBy: ref.optional().describe("BETRAYED only: who forced the traitor"),
    sources,
    note,
  })
  .strict();

const tie = z
  .object({
    type: z.enum(TIE_TYPES),
    from: ref,
    to: ref,
    status: text.optional().describe("e.g. ended, engaged, affair, former"),
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
    topic: text,
    accounts: z.array(account).min(2, "a disagreement needs at least two accounts"),
  })
  .strict();

export const filmFileSchema = z
  .object({
    film,
    places: z.array(place).default([]),
    groups: z.array(group).default([]),
    characters: z.array(character).min(1),
    events: z.array(event).min(1),
    memberships: z.array(membership).default([]),
    loyalties: z.array(loyalty).default([]),
    acts: z.array(act).default([]),
    ties: z.array(tie).default([]),
    disagreements: z.array(disagreement).default([]),
  })
  .strict()
  .describe("heistgraph film: one film's characters, groups, events, places and what they did");

export type SourcesFile = z.output<typeof sourcesFileSchema>;
export type FilmFile = z.output<typeof filmFileSchema>;
export type Character = FilmFile["characters"][number];
export type StoryEvent = FilmFile["events"][number];
export type Act = FilmFile["acts"][number];
