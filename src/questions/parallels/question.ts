// Parallels across films: characters of different films who hold the same narrative role.
import { z } from "zod";
import { NARRATIVE_ROLES } from "../../dataset/vocabulary.ts";
import { defineQuestion } from "../define.ts";
import { bounded, flag, id, named, sources, text, whole } from "../shape.ts";

/** How many characters of one role each film lists (see `total` for the rest). */
export const PER_FILM = 10;
/** Films listed per role when no limit is given. */
export const DEFAULT_FILM_LIMIT = 10;
/** The most films per role one question may list. */
export const MAX_FILM_LIMIT = 1000;

export const ParallelCharacter = named(
  "ParallelCharacter",
  z.object({
    id: id(),
    name: text(),
    unnamed: flag(),
    occupation: text().nullable(),
    fate: text(),
    acts: whole().describe(
      "How many acts the story gives them, done or suffered: the first ranking.",
    ),
    sources: sources(),
  }),
);

export const ParallelFilm = named(
  "ParallelFilm",
  z.object({
    film: id(),
    title: text(),
    total: whole().describe("How many of the film's characters hold the role."),
    characters: z
      .array(ParallelCharacter)
      .describe(`At most ${PER_FILM}: those with most acts first, then by name.`),
  }),
);

export const Parallel = named(
  "Parallel",
  z.object({
    role: z.enum(NARRATIVE_ROLES),
    films: z.array(ParallelFilm).describe("At least two films, by film id."),
    truncated: flag().describe(
      "True when more than limit films hold the role (those with the largest ids were left out).",
    ),
  }),
);

export default defineQuestion({
  name: "parallels",
  file: "parallels",
  summary: "characters of different films who hold the same narrative role",
  subject: { kind: "none" },
  options: z.object({
    role: named("NarrativeRole", z.enum(NARRATIVE_ROLES))
      .nullable()
      .default(null)
      .describe("One built-in role; every role when absent."),
    limit: bounded("FilmLimit", 1, MAX_FILM_LIMIT)
      .default(DEFAULT_FILM_LIMIT)
      .describe(`How many films to list per role, 1 to ${MAX_FILM_LIMIT}.`),
  }),
  fixed: { perFilm: PER_FILM },
  row: Parallel,
  graphql: { field: "parallels" },
});
