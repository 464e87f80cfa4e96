// Reads the film files and the sources they cite, and checks each item against its schema
// on its own: a bad item is reported and left out, and the rest is still checked by
// validate.ts, so one pass reports every problem of every kind.
import { existsSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import type { z } from "zod";
import { PACKAGE_ROOT } from "../db/local-neo4j/paths.ts";
import {
  filmFileSchema,
  filmLists,
  filmSchema,
  LIMITS,
  sourceSchema,
  vocabularyLists,
  type FilmFile,
  type Source,
} from "./schema.ts";
import { exampleLine } from "./examples.ts";
import { didYouMean, itemName, wellFormedId, type DatasetProblem } from "./problems.ts";
import { storyWord, type StoryVocabulary } from "./story-words.ts";
import { pathInside } from "./safe-file.ts";
import { readUtf8, readYamlFile } from "./yaml-input.ts";

/** Where source texts are looked for after the folder of the file that declares them. */
export const SEEDS_DIR = join(PACKAGE_ROOT, "..", "shared", "seeds");

type ListName = keyof typeof filmLists;

export interface LoadedFilm {
  file: string;
  /** The items that passed their schema; the others are reported. */
  data: FilmFile;
  vocabulary: StoryVocabulary;
  /** Words of vocabulary entries that failed their schema: their uses are not reported too. */
  brokenWords: Set<string>;
  /**
   * Ids of items that failed their schema (with the item's name), so references to them are
   * not reported too, or are reported as depending on that item.
   */
  invalidIds: Map<string, string>;
  /** Seqs of events that failed their schema: they still exist for since/until. */
  brokenSeqs: number[];
  /**
   * For a list that lost items to the schema, the index in the file of each item kept, so
   * problems name the item the author sees (events[10], not the tenth valid event).
   */
  fileIndex: Record<string, number[]>;
}

/** The index in the file of the `i`th kept item of a list. */
export function indexInFile(film: Pick<LoadedFilm, "fileIndex">, list: string, i: number): number {
  return film.fileIndex[list]?.[i] ?? i;
}

/** Where a source was declared and what its text holds. */
export interface SourceInfo {
  file: string;
  item: string;
  paragraphs: number;
  /** Paragraph numbers (lines) of the text that are blank: nothing there to cite. */
  blank: Set<number>;
}

/** A source with its film and paragraph count settled, as its Source node stores it. */
export type ResolvedSource = Source & { film: string; paragraphs: number };

export interface LoadedDataset {
  /** Every source of every file. */
  sources: { sources: ResolvedSource[] };
  sourceInfo: Map<string, SourceInfo>;
  /** Ids of sources that are declared but invalid: citations of them are not reported too. */
  brokenSources: Set<string>;
  films: LoadedFilm[];
}

export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith("..") ? file : rel;
}

function fieldOf(path: readonly PropertyKey[]): string | undefined {
  return path.length
    ? path
        .map((p) => (typeof p === "number" ? `[${p}]` : String(p)))
        .join(".")
        .replace(/\.\[/g, "[")
    : undefined;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (v, key) => (v as Record<PropertyKey, unknown> | undefined)?.[key],
    raw,
  );
}

/** Words YAML 1.1 read as true or false, which YAML 1.2 (and this format) read as words. */
const OLD_BOOLEANS: Record<string, boolean> = {
  yes: true,
  no: false,
  on: true,
  off: false,
  y: true,
  n: false,
  true: true,
  false: false,
};

/** What was given, in words: "a number", "a list", "nothing". */
function kindOf(given: unknown): string {
  if (Array.isArray(given)) return "a list";
  if (given === null) return "nothing";
  if (typeof given === "object") return "a map (field: value)";
  return `a ${typeof given}`;
}

/** A wrong type, with the YAML habit that usually causes it and the line to write instead. */
function typeProblem(p: DatasetProblem, expected: string, given: unknown, example?: string): void {
  const field = p.field?.replace(/^.*\./, "").replace(/\[\d+\]$/, "") ?? "";
  const shown = (v: unknown) => (typeof v === "string" ? v.slice(0, 60) : JSON.stringify(v));
  p.message = `${kindOf(given)} is not accepted here`;
  p.expected = example ? `${expected}, e.g. ${example}` : expected;
  if (expected === "boolean" && typeof given === "string" && given.toLowerCase() in OLD_BOOLEANS) {
    const meant = OLD_BOOLEANS[given.toLowerCase()];
    p.message = `"${given}" is a word here, not ${meant}`;
    p.suggestion = `write ${field}: ${meant} (YAML 1.2 reads only true and false as yes or no)`;
  } else if (expected === "string" && (typeof given === "number" || typeof given === "boolean")) {
    p.suggestion = `put it in quotes, so YAML reads it as text: ${field}: "${String(given)}"`;
  } else if (expected === "number" && typeof given === "string" && /^\s*\d+\s*$/.test(given)) {
    p.suggestion = `drop the quotes: ${field}: ${given.trim()}`;
  } else if (given === null) {
    p.message = "the field is empty";
    p.suggestion = example
      ? `write its value after the colon, e.g. ${example}, or remove the line`
      : "write its value after the colon, or remove the line";
  } else if (expected === "string" && given && typeof given === "object" && !Array.isArray(given)) {
    const [key, value] = Object.entries(given)[0] ?? [];
    p.suggestion = `"${key}: ${shown(value)}" was read as a field and its value, because a colon followed by a space starts one: write ${key}:${shown(value)} without the space, or put the whole text in quotes`;
  } else if (expected === "array" && typeof given === "string" && !example?.includes("{")) {
    p.suggestion = `a list, even of one: ${field}: [${given.slice(0, 60)}]`;
  } else if (expected === "array" || expected === "object") {
    p.suggestion = example ? `write it like ${example}` : undefined;
  }
}

function issueProblem(
  raw: unknown,
  issue: z.core.$ZodIssue,
  where: Pick<DatasetProblem, "file" | "item">,
  acceptedKeys: () => string[],
): DatasetProblem {
  const given = valueAt(raw, issue.path);
  const p: DatasetProblem = { ...where, field: fieldOf(issue.path), message: issue.message };
  const list = /^[a-z]+(?:\.[a-z]+)?/i.exec(where.item)?.[0] ?? "";
  // An item of a list field (participants[0]) is shown by the list field's example.
  const path = typeof issue.path.at(-1) === "number" ? issue.path.slice(0, -1) : issue.path;
  const example = exampleLine(list, path);
  if (issue.code === "invalid_value") {
    const allowed = issue.values.map(String);
    const guess = typeof given === "string" ? didYouMean(given, allowed) : undefined;
    if (typeof given === "string") p.message = `"${given}" is not one of the accepted values`;
    p.expected = `one of: ${allowed.join(", ")}`;
    if (guess) p.suggestion = `did you mean "${guess}"?`;
  } else if (issue.code === "invalid_type" && given === undefined) {
    p.message = "a required field is missing";
    p.expected = `${issue.expected} (the field is required)`;
    p.suggestion = `add a line  ${example ?? `${String(issue.path.at(-1))}: ...`}`;
  } else if (issue.code === "invalid_type") {
    typeProblem(p, issue.expected, given, example);
  } else if (issue.code === "invalid_format" && typeof given === "string") {
    // eslint-disable-next-line no-control-regex
    const hidden = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.exec(given);
    if (hidden) {
      const code = (hidden[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
      p.message = `holds an invisible control character (U+${code}, at character ${hidden.index + 1}): ${issue.message}`;
      p.suggestion =
        "delete it (a \\n line break is fine only in long text: summary, description, how, note)";
    } else if (given.length > 80) {
      p.message = `${issue.message} (it has ${given.length} characters)`;
    } else {
      p.message = `"${given}": ${issue.message}`;
      if (/^[A-Za-z]/.test(given) && /[A-Z ]/.test(given) && issue.path.at(-1) === "id") {
        p.suggestion = `write it as an id, e.g. ${wellFormedId(given)}, and use that id wherever the item is named`;
      }
    }
  } else if (issue.code === "too_big" && typeof given === "string") {
    p.message = `${issue.message} (it has ${given.length})`;
  } else if (issue.code === "unrecognized_keys") {
    const accepted = acceptedKeys();
    p.message = `unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}`;
    p.expected = `one of: ${accepted.join(", ")}`;
    const guesses = issue.keys
      .map((k) => [k, didYouMean(k, accepted)] as const)
      .filter(([, g]) => g !== undefined);
    if (guesses.length > 0)
      p.suggestion = guesses.map(([k, g]) => `for "${k}", did you mean "${g}"?`).join(" ");
    else if (issue.keys.some((k) => / /.test(k.trim())))
      p.suggestion =
        "this looks like the rest of a text cut at a comma: inside { } and [ ] a comma ends a value, so put the whole text in quotes";
  }
  return p;
}

/** The accepted keys of the object schema at a path inside `schema` (e.g. knownBy[0]). */
function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  type Node = { shape?: Record<string, unknown>; def?: { innerType?: Node; element?: Node } };
  const unwrap = (n: Node | undefined): Node | undefined => {
    let current = n;
    while (current?.def?.innerType) current = current.def.innerType;
    return current;
  };
  let node = unwrap(schema as unknown as Node);
  for (const key of path) {
    node = unwrap(
      typeof key === "number" ? node?.def?.element : (node?.shape?.[String(key)] as Node),
    );
  }
  return Object.keys(node?.shape ?? {});
}

/** Parses one item; a problem for each issue, the parsed item when it is valid. */
function checkItem<T>(
  schema: z.ZodType<T>,
  raw: unknown,
  where: Pick<DatasetProblem, "file" | "item">,
  problems: DatasetProblem[],
): T | undefined {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issues = result.error.issues;
  // A misspelt field is one mistake, not an unknown field and a missing one: the missing
  // field is left to the unknown field's "did you mean".
  const misspelt = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== "unrecognized_keys") continue;
    const accepted = keysAt(schema, issue.path);
    for (const key of issue.keys) {
      const guess = didYouMean(key, accepted);
      if (guess) misspelt.add(fieldOf([...issue.path, guess]) ?? guess);
    }
  }
  const seen = new Set<string>();
  // Items of one list wrong in the same way (participants: [a, b]) are one mistake.
  const alike = new Map<string, { problem: DatasetProblem; more: number }>();
  for (const issue of issues) {
    const field = fieldOf(issue.path) ?? "";
    // One problem per field: "" breaks both the minimum length and the pattern.
    if (issue.code !== "unrecognized_keys" && (seen.has(field) || misspelt.has(field))) continue;
    seen.add(field);
    const problem = issueProblem(raw, issue, where, () => keysAt(schema, issue.path));
    if (typeof issue.path.at(-1) === "number") {
      const key = `${fieldOf(issue.path.slice(0, -1))} ${problem.message} ${problem.expected}`;
      const first = alike.get(key);
      if (first) {
        first.more++;
        continue;
      }
      alike.set(key, { problem, more: 0 });
    }
    problems.push(problem);
  }
  for (const { problem, more } of alike.values()) {
    if (more > 0)
      problem.message += ` (and so ${more === 1 ? "is the next item" : `are ${more} more items`} of this list)`;
  }
  return undefined;
}

const TOP_KEYS = Object.keys(filmFileSchema.shape);

function asList(
  raw: Record<string, unknown>,
  key: string,
  file: string,
  problems: DatasetProblem[],
): unknown[] {
  const value = raw[key];
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  problems.push({
    file,
    item: key,
    message: `"${key}" must be a list (items starting with "- ")`,
    expected: "a list",
  });
  return [];
}

function checkListSize(list: unknown[], key: string, file: string, problems: DatasetProblem[]) {
  const max = LIMITS.list;
  if (list.length > max) {
    problems.push({
      file,
      item: key,
      message: `${list.length} items, more than the ${max} a list may hold`,
      suggestion: "split the story into several films (series episodes, parts)",
    });
  }
}

/** The story's own words, entry by entry: a bad entry is reported and its word set aside. */
function checkVocabulary(
  raw: unknown,
  file: string,
  problems: DatasetProblem[],
  fileIndex: LoadedFilm["fileIndex"],
): { vocabulary: StoryVocabulary; brokenWords: Set<string> } {
  const vocabulary: StoryVocabulary = { acts: [], ties: [], roles: [] };
  const brokenWords = new Set<string>();
  if (raw === undefined || raw === null) return { vocabulary, brokenWords };
  const object = (typeof raw === "object" && !Array.isArray(raw) ? raw : {}) as Record<
    string,
    unknown
  >;
  const parts = Object.keys(vocabularyLists);
  for (const key of Object.keys(object).filter((k) => !parts.includes(k))) {
    const guess = didYouMean(key, parts);
    problems.push({
      file,
      item: "vocabulary",
      message: `unknown part "${key}"`,
      expected: `one of: ${parts.join(", ")}`,
      suggestion: guess ? `did you mean "${guess}"?` : undefined,
    });
  }
  for (const part of Object.keys(vocabularyLists) as (keyof StoryVocabulary)[]) {
    const entries = asList(object, part, file, problems);
    const kept: number[] = [];
    entries.forEach((entry, i) => {
      const item = itemName(`vocabulary.${part}`, i, entry);
      const parsed = checkItem(vocabularyLists[part] as z.ZodType, entry, { file, item }, problems);
      if (parsed) {
        (vocabulary[part] as unknown[]).push(parsed);
        kept.push(i);
      } else {
        const word = (entry as Record<string, unknown> | undefined)?.word;
        if (typeof word === "string") brokenWords.add(storyWord(word));
      }
    });
    if (kept.length < entries.length) fileIndex[`vocabulary.${part}`] = kept;
  }
  return { vocabulary, brokenWords };
}

/** Checks a parsed film file item by item. */
function checkFilmFile(raw: unknown, file: string, problems: DatasetProblem[]): LoadedFilm {
  const fallbackId = basename(file).replace(/\.ya?ml$/, "");
  const object =
    raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  if (object !== raw) {
    problems.push({
      file,
      item: "(file)",
      message: "a film file is a map with film:, characters:, events: ...",
      expected: "a YAML map at the top level",
      suggestion: 'start from `npx heistgraph new "Title"`',
    });
  }
  for (const key of Object.keys(object)) {
    if (!TOP_KEYS.includes(key)) {
      const guess = didYouMean(key, TOP_KEYS);
      problems.push({
        file,
        item: key,
        message: `unknown top-level part "${key}"`,
        expected: `one of: ${TOP_KEYS.join(", ")}`,
        suggestion: guess ? `did you mean "${guess}"?` : undefined,
      });
    }
  }

  const film = checkItem(filmSchema, object.film, { file, item: "film" }, problems);
  const rawFilmId = (object.film as Record<string, unknown> | undefined)?.id;
  const fileIndex: LoadedFilm["fileIndex"] = {};
  const { vocabulary, brokenWords } = checkVocabulary(object.vocabulary, file, problems, fileIndex);
  const invalidIds = new Map<string, string>();
  const brokenSeqs: number[] = [];
  const lists = {} as { [K in ListName]: FilmFile[K] };
  for (const key of Object.keys(filmLists) as ListName[]) {
    const items = asList(object, key, file, problems);
    checkListSize(items, key, file, problems);
    const valid: unknown[] = [];
    const kept: number[] = [];
    items.forEach((item, i) => {
      const name = itemName(key, i, item);
      const parsed = checkItem(filmLists[key] as z.ZodType, item, { file, item: name }, problems);
      if (parsed !== undefined) {
        valid.push(parsed);
        kept.push(i);
        return;
      }
      // Refused, but still known by its id and seq: nothing that names them is reported too.
      const { id, seq } = (item ?? {}) as Record<string, unknown>;
      if (typeof id === "string") invalidIds.set(id, name);
      if (key === "events" && typeof seq === "number") brokenSeqs.push(seq);
    });
    if (kept.length < items.length) fileIndex[key] = kept;
    (lists as Record<string, unknown[]>)[key] = valid;
    if ((key === "characters" || key === "events") && items.length === 0) {
      problems.push({
        file,
        item: key,
        message: `a film needs at least one ${key === "characters" ? "character" : "event"}`,
        suggestion: `add a "${key}:" list`,
      });
    }
  }
  const sources: Source[] = [];
  const keptSources: number[] = [];
  const rawSources = asList(object, "sources", file, problems);
  rawSources.forEach((item, i) => {
    const parsed = checkItem(
      sourceSchema,
      item,
      { file, item: itemName("sources", i, item) },
      problems,
    );
    if (parsed) {
      sources.push(parsed);
      keptSources.push(i);
    }
  });
  if (keptSources.length < rawSources.length) fileIndex.sources = keptSources;

  const data: FilmFile = {
    film: film ?? {
      id: typeof rawFilmId === "string" ? rawFilmId : fallbackId,
      title: "",
      sources: [],
    },
    vocabulary,
    sources,
    ...lists,
  };
  return { file, data, vocabulary, brokenWords, invalidIds, brokenSeqs, fileIndex };
}

/** A source text's paragraphs: its lines, numbered from 1 (a final line break adds none). */
function countParagraphs(text: string): { paragraphs: number; blank: Set<number> } {
  const lines = text.replace(/\r\n/g, "\n").replace(/\n$/, "").split("\n");
  const blank = new Set<number>();
  lines.forEach((l, i) => {
    if (l.trim() === "") blank.add(i + 1);
  });
  return { paragraphs: text === "" ? 0 : lines.length, blank };
}

export interface DeclaredSource {
  source: Source;
  /** The file that declares it (shown), and its folder on disk. */
  file: string;
  dir: string;
  item: string;
  /** The film of the file that declares it, when it is a film's own. */
  ownerFilm?: string;
}

function resolveSource(
  declared: DeclaredSource,
  problems: DatasetProblem[],
): { source: ResolvedSource; info: SourceInfo } | undefined {
  const { source, file, item, ownerFilm } = declared;
  const where = { file, item };
  const film = source.film ?? ownerFilm;
  let ok = true;
  if (!film) {
    problems.push({
      ...where,
      field: "film",
      message: "a source in a shared sources file must say which film it tells",
      suggestion: "add film: <film id>, or declare the source in the film's own file",
    });
    ok = false;
  } else if (ownerFilm && source.film && source.film !== ownerFilm) {
    problems.push({
      ...where,
      field: "film",
      message: `declared with film ${ownerFilm} but says film: ${source.film}`,
      suggestion: "drop film: (it defaults to the film of the file), or move the source",
    });
    ok = false;
  }
  let paragraphs = source.paragraphs;
  let blank = new Set<number>();
  if (source.file !== undefined) {
    // The text lives beside the declaring file, or among the seeds, and never outside them.
    const folders = [declared.dir, SEEDS_DIR];
    const candidates = folders.flatMap((folder) => {
      const path = pathInside(folder, source.file as string);
      return path ? [{ path, folder }] : [];
    });
    const found = candidates.find((c) => existsSync(c.path));
    if (candidates.length === 0) {
      problems.push({
        ...where,
        field: "file",
        message: `${source.file} is not inside the folder of ${file}: a source's text is named relative to it, without ..`,
        expected: "a file name such as heat-fr.txt, or a path below that folder",
        suggestion: `copy the text beside ${file} and name it by its file name`,
      });
      ok = false;
    } else if (found) {
      const text = readUtf8(found.path, displayPath(found.path), problems, found.folder);
      if (text === undefined) ok = false;
      else {
        const counted = countParagraphs(text);
        if (paragraphs !== undefined && paragraphs !== counted.paragraphs) {
          problems.push({
            ...where,
            field: "paragraphs",
            message: `says ${paragraphs} paragraphs, but ${displayPath(found.path)} has ${counted.paragraphs} lines`,
            expected: `${counted.paragraphs} (a paragraph is a line of the text)`,
            suggestion: "drop paragraphs: it is read from the file",
          });
          // Citations are still checked, against the text itself.
        }
        paragraphs = counted.paragraphs;
        blank = counted.blank;
      }
    } else if (paragraphs === undefined) {
      problems.push({
        ...where,
        field: "file",
        message: `cannot find the text ${source.file} (looked in ${candidates.map((c) => displayPath(c.path)).join(" and ")})`,
        suggestion: `put ${source.file} beside ${file}, or give paragraphs: <number of lines>`,
      });
      ok = false;
    }
  } else if (paragraphs === undefined) {
    problems.push({
      ...where,
      message: "a source needs its text (file:) or its paragraph count (paragraphs:)",
      suggestion: "add file: <the text file, one paragraph per line> beside this file",
    });
    ok = false;
  }
  if (!ok || !film || paragraphs === undefined) return undefined;
  return {
    source: { ...source, film, paragraphs },
    info: { file, item, paragraphs, blank },
  };
}

/** Adds the id of a source that failed its schema (if it has one): its citations are not reported too. */
function addBrokenId(raw: unknown, brokenSources: string[]): void {
  const id = (raw as Record<string, unknown> | undefined)?.id;
  if (typeof id === "string") brokenSources.push(id);
}

function sourcesOfFile(
  path: string,
  ownerFilm: string | undefined,
  problems: DatasetProblem[],
  brokenSources: string[],
): DeclaredSource[] {
  const file = displayPath(path);
  const raw = readYamlFile(path, file, problems);
  if (raw === undefined) return [];
  const object = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const extra = Object.keys(object).filter((k) => k !== "sources");
  if (extra.length > 0 || !Array.isArray(object.sources)) {
    problems.push({
      file,
      item: "(file)",
      message: `a sources file holds one list, sources:${extra.length ? `; found ${extra.join(", ")}` : ""}`,
      expected: "sources: [{id, title, file}, ...]",
      suggestion: extra.includes("film")
        ? "this looks like a film file: pass it as a file to import, not with --sources"
        : "see import/schema/sources.schema.json",
    });
  }
  const list = Array.isArray(object.sources) ? object.sources : [];
  const declared: DeclaredSource[] = [];
  list.forEach((item, i) => {
    const where = { file, item: itemName("sources", i, item) };
    const source = checkItem(sourceSchema, item, where, problems);
    if (source) declared.push({ source, file, dir: dirname(path), item: where.item, ownerFilm });
    else addBrokenId(item, brokenSources);
  });
  return declared;
}

/** `<film>.sources.yaml` beside a film file: that film's own sources. */
function besideSourcesFile(filmFile: string): string {
  return filmFile.replace(/\.ya?ml$/, "") + ".sources.yaml";
}

/**
 * What one film file gives: its film (unless it could not be read), the sources it declares
 * (in it and beside it), the ids of its sources that failed their schema, and its problems.
 */
interface LoadedFilmFile {
  film?: LoadedFilm;
  declared: DeclaredSource[];
  brokenSources: string[];
  problems: DatasetProblem[];
}

/** Reads one film file and its own sources, and checks each item against its schema. */
function loadFilmFile(path: string): LoadedFilmFile {
  const problems: DatasetProblem[] = [];
  const brokenSources: string[] = [];
  const file = displayPath(path);
  const raw = readYamlFile(path, file, problems);
  if (raw === undefined) return { declared: [], brokenSources, problems };
  if (raw === null) {
    // Empty, or nothing but comments: say what a film file needs, not what its parts lack.
    problems.push({
      file,
      item: "(file)",
      message: "the file holds no film: it is empty or has only comments",
      expected: "a film file needs at least film: (id and title), characters: and events:",
      suggestion: 'start from `npx heistgraph new "Title"`, which writes a commented skeleton',
    });
    return { declared: [], brokenSources, problems };
  }
  const film = checkFilmFile(raw, file, problems);
  const object = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  for (const item of asList(object, "sources", file, [])) {
    if (!sourceSchema.safeParse(item).success) addBrokenId(item, brokenSources);
  }
  const owner = film.data.film.id;
  const declared: DeclaredSource[] = film.data.sources.map((source, i) => ({
    source,
    file,
    dir: dirname(path),
    item: itemName("sources", indexInFile(film, "sources", i), source),
    ownerFilm: owner,
  }));
  const beside = besideSourcesFile(path);
  if (existsSync(beside)) declared.push(...sourcesOfFile(beside, owner, problems, brokenSources));
  return { film, declared, brokenSources, problems };
}

/**
 * Loads the film files, their own sources (in the file or beside it) and the shared sources
 * files. Every problem goes to `problems`; the result holds what passed, for validate.ts.
 */
export function loadDataset(
  sourcesFiles: string | string[],
  filmFiles: string[],
  problems: DatasetProblem[],
): LoadedDataset {
  return assembleDataset(sourcesFiles, filmFiles.map(loadFilmFile), problems);
}

/**
 * The dataset of the film files as loaded (in the order given) and the shared sources files,
 * which are read here: problems come in the order a file-by-file read gives them.
 */
function assembleDataset(
  sourcesFiles: string | string[],
  files: LoadedFilmFile[],
  problems: DatasetProblem[],
): LoadedDataset {
  const declared: DeclaredSource[] = [];
  const sharedBroken: string[] = [];
  for (const path of typeof sourcesFiles === "string" ? [sourcesFiles] : sourcesFiles) {
    declared.push(...sourcesOfFile(path, undefined, problems, sharedBroken));
  }
  const brokenSources = new Set(sharedBroken);
  const films: LoadedFilm[] = [];
  for (const loaded of files) {
    for (const problem of loaded.problems) problems.push(problem);
    for (const id of loaded.brokenSources) brokenSources.add(id);
    if (loaded.film) films.push(loaded.film);
    declared.push(...loaded.declared);
  }

  const sources: LoadedDataset["sources"] = { sources: [] };
  const sourceInfo = new Map<string, SourceInfo>();
  for (const d of declared) {
    const first = sourceInfo.get(d.source.id);
    if (first) {
      problems.push({
        file: d.file,
        item: d.item,
        field: "id",
        message: `duplicate source id "${d.source.id}": already declared in ${first.file}, ${first.item}`,
        expected: "each source declared once",
        suggestion: "remove one of them, or give this text its own id",
      });
      continue;
    }
    const resolved = resolveSource(d, problems);
    if (!resolved) {
      brokenSources.add(d.source.id);
      continue;
    }
    sources.sources.push(resolved.source);
    sourceInfo.set(d.source.id, resolved.info);
  }
  return { sources, sourceInfo, brokenSources, films };
}
