// `heistgraph new "Title"`: a commented skeleton film file and its source text, valid as
// written, so a user starts from something that imports and fills it in; and the JSON
// Schemas beside them, named relatively, so the editor's help survives moving the folder
// or the checkout (`heistgraph schema` refreshes them after an upgrade).
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { HeistgraphError } from "../errors.ts";
import { jsonSchemas } from "./json-schema.ts";
import { displayPath } from "./load.ts";
import { wellFormedId } from "./problems.ts";
import { LIMITS } from "./schema.ts";

/** "The Getaway!" -> "the-getaway": an id made of the title's letters and digits. */
export function slugOf(title: string): string {
  return wellFormedId(title).slice(0, 40).replace(/-+$/, "");
}

/** Quotes a title for YAML (double quotes, escaped). */
const quoted = (text: string) => JSON.stringify(text);

/** The JSON Schema editors check a film with, written beside it (writeSchemas). */
export const FILM_SCHEMA = "film.schema.json";

/** Writes (or refreshes) the JSON Schemas into `dir`; returns the files written. */
export function writeSchemas(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return Object.entries(jsonSchemas()).map(([name, content]) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    return file;
  });
}

export function skeletonFilm(title: string, id: string): string {
  return `# yaml-language-server: $schema=./${FILM_SCHEMA}
# ${title}: a heistgraph story. Every fact cites the paragraph of a source that states it,
# as "<source id>:<paragraph>"; a paragraph is a line of the source's text file.
# Check it with:  npx heistgraph import ${id}.yaml --dry-run   (add --watch to re-check on save)
# ${FILM_SCHEMA} beside it lets editors check and complete it: refresh it with
# npx heistgraph schema . after upgrading heistgraph.
# The format, every field and the vocabulary: docs/model.md.

film:
  id: ${id}
  title: ${quoted(title)}
  # year: 1995
  # director: ...
  sources: [${id}-text:1]

# The texts this story cites. ${id}.txt sits beside this file, one paragraph per line.
sources:
  - id: ${id}-text
    title: ${quoted(`${title}, plot summary`)}
    file: ${id}.txt
    # language: en

# Words of this story beyond the built-in ones (see docs/model.md), e.g.:
# vocabulary:
#   acts: [{ word: double-crossed, countsAs: BETRAYED }, { word: tortured }]
#   ties: [{ word: handler of }]
#   roles: [{ word: boss, like: crew-leader }]

# places:  [{ id, name, kind: any word, in: a place id, sources }]
# groups:  [{ id, name, kind: any word, description, sources }]

characters:
  - id: ${id}-someone
    name: Someone
    # role: any word; fate: alive, killed, died, arrested, wounded, killed-or-wounded, unknown
    description: Replace with who they are.
    sources: [${id}-text:1]

events:
  - id: ${id}-opening
    seq: 1 # order in the story's time; toldSeq: order of telling, for flashbacks
    name: Opening
    summary: Replace with what happens.
    participants: [{ who: ${id}-someone, role: what they do here }]
    sources: [${id}-text:1]

# memberships: [{ member, group, role, since, until, sources }]
# loyalties:   [{ from, to, kind: any word, covert, knownBy, since, until, sources }]
# acts:        [{ type: KILLED, by, to, event, how, sources }]
# ties:        [{ type: MARRIED_TO, from, to, sources }]
`;
}

export const SKELETON_TEXT =
  "Replace this line with the first paragraph of the story's summary, in your own words; one paragraph per line.\n";

export interface NewStory {
  id: string;
  filmFile: string;
  textFile: string;
  schemaFiles: string[];
}

/** Writes the skeleton into `dir`; refuses to overwrite anything. */
export function writeNewStory(title: string, dir: string, id = slugOf(title)): NewStory {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) || id.length > LIMITS.id - 20) {
    throw new HeistgraphError({
      what: `Cannot make an id from the title ${quoted(title)}.`,
      expected: "a title with letters or digits",
      suggestion: "give the id yourself: --id my-story (lower-case words joined by hyphens)",
    });
  }
  const filmFile = join(dir, `${id}.yaml`);
  const textFile = join(dir, `${id}.txt`);
  const existing = [filmFile, textFile].filter((f) => existsSync(f));
  if (existing.length > 0) {
    throw new HeistgraphError({
      what: `${existing.map(displayPath).join(" and ")} already exist${existing.length === 1 ? "s" : ""}; nothing was written.`,
      suggestion: "pick another folder (--dir) or id (--id), or move the file away",
    });
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(filmFile, skeletonFilm(title, id), { flag: "wx" });
  writeFileSync(textFile, SKELETON_TEXT, { flag: "wx" });
  return { id, filmFile, textFile, schemaFiles: writeSchemas(dir) };
}
