// Turns what a user types (a name, an alias, a film title) into the film and characters
// meant, and asks the question about them in the same statement (one round trip); or into
// an error that names the closest matches.
import { closest, distance } from "fastest-levenshtein";
import type { Integer, Record as Neo4jRecord } from "neo4j-driver";
import type { Database } from "../db/connection.ts";
import { LIMITS } from "../dataset/schema.ts";
import { HeistgraphError } from "../errors.ts";
import { normaliseName } from "../text/normalise.ts";
import { characterSearch } from "../text/search-query.ts";
import { cypherFile, type QueryName } from "./cypher-file.ts";
import { toPlain } from "./plain.ts";
import { readStatement, runQuery } from "./run-query.ts";

/** A character or a group, as the look-up found it. */
export interface CharacterRef {
  id: string;
  name: string;
  film: string;
  /** A character's fate; null for a group. */
  fate: string;
  /** True for a group (e.g. "the police"). */
  isGroup: boolean;
}

export interface FilmRef {
  id: string;
  title: string;
}

/** What a question file's parameter takes from the look-up. */
export type Found =
  /** The id of the film found. */
  | "film"
  /** The film found, as a list of ids (for files that take several films). */
  | "films"
  /** The id of the subject named n-th (0 for the first). */
  | { subject: number };

/** A question file run on what the look-up found, in the same statement. */
export interface Question {
  name: QueryName;
  /** The file's RETURN columns, in order (declared with the question; a test compares). */
  columns: readonly string[];
  /** The file's parameters that take what the look-up found, e.g. {victimId: {subject: 0}}. */
  bindings: Record<string, Found>;
}

export interface Ask {
  /** A film as typed (id or title); the subjects are looked for in it. */
  film?: string;
  /** Subjects as typed (a name, alias, one word of a name, or an id), one each. */
  names?: string[];
  /** Whether the subjects may be groups as well as characters (default: characters only). */
  groups?: boolean;
  /** Groups only (e.g. GraphQL's group(name:)). */
  onlyGroups?: boolean;
  questions: Question[];
  /** The questions' other parameters, each question's own. */
  params?: Record<string, unknown>[];
  /** Ask the questions only when the subjects found are two different ones of one film. */
  distinctInOneFilm?: boolean;
}

export interface Answered {
  /** The film asked for; null when none was given. */
  film: FilmRef | null;
  /** One per name, in order. */
  characters: CharacterRef[];
  /** Each question's rows (as plain objects), in order; empty when the condition did not hold. */
  answers: unknown[][];
}

interface Candidate extends CharacterRef {
  keys: (string | null)[] | null;
  written: boolean;
  exact: boolean;
  close: boolean;
}

interface AskRow {
  foundFilm: FilmRef | null;
  [column: string]: unknown;
}

/** The `question` of the composed statement's record holding the look-up's columns. */
const LOOKUP_ROW = -1;
/** The `question` of its record holding the films' versions after the questions. */
const VERSIONS_ROW = -2;

/** Reads of a question while imports keep changing its film, before giving up. */
const READ_ATTEMPTS = 3;

/** A Cypher expression for what a parameter takes from the look-up. */
function foundExpression(found: Found): string {
  if (found === "film") return "foundFilm.id";
  if (found === "films") return "[foundFilm.id]";
  return `found${found.subject}.id`;
}

/** A Cypher map key: the parameter names of the files are plain identifiers. */
function mapKey(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not a parameter name: ${name}`);
  return name;
}

/** What find-subject.cypher returns per character or group, as the look-up reads it. */
const FIND_SUBJECT_COLUMNS = [
  "id",
  "name",
  "film",
  "fate",
  "isGroup",
  "keys",
  "written",
  "exact",
  "close",
] as const satisfies readonly (keyof Candidate)[];

/**
 * The statement's parameters for the n-th name: the first one's are find-subject.cypher's own
 * names, so that its text runs in the statement as written.
 */
function subjectParams(n: number): { name: string; key: string; search: string; fuzzy: string } {
  const suffix = n === 0 ? "" : String(n);
  return {
    name: `name${suffix}`,
    key: `key${suffix}`,
    search: `search${suffix}`,
    fuzzy: `fuzzy${suffix}`,
  };
}

/**
 * One statement that finds the film (find-film.cypher) and each subject (find-subject.cypher,
 * the film narrowing it) and, when every one is found, asks the questions. Nothing of a file
 * is rewritten: a file whose parameters are the statement's own runs as its text in the
 * statement (find-film always; the first subject's find-subject when the film is none or
 * given by its id; a film's questions when the film is given by its id, see inlinable), any
 * other through apoc.cypher.run, with its text and its parameters as parameters of this
 * statement. The statement's text depends only on how many names and questions there are and
 * which parameters take what was found.
 */
export function askCypher(
  names: number,
  questions: Pick<Question, "bindings">[],
  distinctInOneFilm = false,
  inline: Inline[] = [],
): string {
  // find-film.cypher's parameters are the statement's own (the film as typed): its text runs
  // in the statement. Not indented: a string of a file may span lines.
  const parts = [
    `OPTIONAL CALL () {\n${cypherFile("find-film").cypher}\n}`,
    "WITH CASE WHEN id IS NULL THEN null ELSE {id: id, title: title} END AS foundFilm",
  ];
  const found = ["foundFilm"];
  for (let n = 0; n < names; n++) {
    const p = subjectParams(n);
    // The first subject's look-up runs find-subject.cypher's text in the statement, its
    // parameters the statement's own, when the film it narrows to is the film as typed (none,
    // or an id); otherwise, and for a second subject, through apoc.cypher.run.
    const inlined =
      n === 0
        ? `    WITH foundFilm WHERE $film IS NULL OR foundFilm.id = $film\n` +
          `    CALL () {\n${cypherFile("find-subject").cypher}\n    }\n` +
          `    RETURN {${FIND_SUBJECT_COLUMNS.map((c) => `${c}: ${c}`).join(", ")}} AS value\n` +
          `    UNION ALL\n` +
          `    WITH foundFilm WHERE NOT ($film IS NULL OR foundFilm.id = $film)\n`
        : "";
    // An id or the name as written wins over names that only normalise the same
    // ("Kings Landing" for "King's Landing"), which win over a match on one word of a name
    // ("hanna"); the index's close names are kept for the message when none matches.
    parts.push(
      `CALL (foundFilm) {\n  CALL (foundFilm) {\n${inlined}` +
        `    CALL apoc.cypher.run($findSubject, {name: $${p.name}, key: $${p.key}, ` +
        `search: $${p.search}, fuzzy: $${p.fuzzy}, film: foundFilm.id}) YIELD value\n` +
        `    RETURN value\n  }\n` +
        `  WITH value WHERE ($groups OR NOT value.isGroup) AND (NOT $onlyGroups OR value.isGroup)\n` +
        `  RETURN collect(value) AS candidates${n}\n}`,
      `WITH ${found.join(", ")}, candidates${n}, [m IN candidates${n} WHERE NOT m.close] AS named`,
      `WITH ${found.join(", ")}, candidates${n},\n  CASE\n` +
        `    WHEN any(m IN named WHERE m.written) THEN [m IN named WHERE m.written]\n` +
        `    WHEN any(m IN named WHERE m.exact) THEN [m IN named WHERE m.exact]\n` +
        `    ELSE named\n  END AS matches${n}`,
      `WITH ${found.join(", ")}, candidates${n}, matches${n},\n` +
        `  CASE WHEN size(matches${n}) = 1 THEN matches${n}[0] END AS found${n}`,
    );
    found.push(`candidates${n}`, `matches${n}`, `found${n}`);
  }
  const subjects = Array.from({ length: names }, (_, n) => `found${n}`);
  const asked = subjects.length > 0 ? subjects : ["foundFilm"];
  // The films asked about, as they stand before and after the questions are read (their
  // import hashes): an import that commits in between may have been read half-applied (Neo4j
  // reads are read-committed, not snapshots), and the caller asks again (see ask).
  const filmIds = `[x IN [foundFilm.id${subjects.map((c) => `, ${c}.film`).join("")}] WHERE x IS NOT NULL]`;
  const versions = (name: string) =>
    `CALL (${found.join(", ")}) {\n  UNWIND ${filmIds} AS filmId\n` +
    `  OPTIONAL MATCH (f:Film {id: filmId}) USING INDEX SEEK f:Film(id)\n` +
    `  WITH filmId, f.importHash AS hash ORDER BY filmId\n` +
    `  RETURN collect([filmId, hash]) AS ${name}\n}`;
  parts.push(versions("versionsBefore"));
  found.push("versionsBefore");
  const condition = asked.map((v) => `${v} IS NOT NULL`);
  // Films share no story relationships: a question about two subjects of different films
  // (or twice the same) has nothing to search.
  if (distinctInOneFilm) condition.push("found0.id <> found1.id AND found0.film = found1.film");
  const imports = asked.join(", ");
  // The answers stream out as they come, a record per row of a question (its number in
  // `question`, its values in column order in `answer`: a map would send its keys again in
  // every row), with no collect and unwind on the way (a 2,000-row answer was held, copied
  // and sent again as rows). The branches of a UNION ALL run one after the other, so the
  // look-up's own record comes first and the films' versions after the questions are read
  // come last, in the record of their own (ask reads both by their kind, not by place).
  const branches = [`  RETURN ${LOOKUP_ROW} AS question, null AS answer, null AS versionsAfter`];
  questions.forEach((q, n) => {
    const bound = Object.entries(q.bindings)
      .map(([param, what]) => `${mapKey(param)}: ${foundExpression(what)}`)
      .join(", ");
    // The film as typed is its id (the usual case): the file's text runs in the statement
    // itself, its parameters this statement's (see inlinable); else through apoc.cypher.run,
    // which copies every value of every row into Java and back (a tenth of a 2,000-row
    // answer's time). Only one of the two branches has a row to run on.
    const inlined = inline.find((q) => q.question === n);
    const viaApoc = inlined ? ["foundFilm.id <> $film"] : [];
    if (inlined) {
      branches.push(
        `  WITH ${imports}\n  WHERE ${[...condition, "foundFilm.id = $film"].join(" AND ")}\n` +
          // Not indented: a string of the file may span lines.
          `  CALL () {\n${inlined.cypher}\n  }\n` +
          `  RETURN ${n} AS question, [${inlined.columns.join(", ")}] AS answer, null AS versionsAfter`,
      );
    }
    branches.push(
      `  WITH ${imports}\n  WHERE ${[...condition, ...viaApoc].join(" AND ")}\n` +
        `  CALL apoc.cypher.run($question${n}, apoc.map.merge($params${n}, {${bound}})) YIELD value\n` +
        `  RETURN ${n} AS question, [c IN $columns${n} | value[c]] AS answer, null AS versionsAfter`,
    );
  });
  branches.push(
    versions("versionsAfter").replace(/^/gm, "  ") +
      `\n  RETURN ${VERSIONS_ROW} AS question, null AS answer, versionsAfter`,
  );
  parts.push(`CALL (${found.join(", ")}) {\n${branches.join("\n  UNION ALL\n")}\n}`);
  parts.push(
    `RETURN ${[
      ...found.map((c) => `CASE WHEN question = ${LOOKUP_ROW} THEN ${c} END AS ${c}`),
      "versionsAfter",
      "question",
      "answer",
    ].join(", ")}`,
  );
  return parts.join("\n");
}

/** The statement and parameters that answer a request (see askCypher). */
export function askStatement(request: Ask): { cypher: string; params: Record<string, unknown> } {
  const names = request.names ?? [];
  if (request.film !== undefined) checkLength("film", request.film);
  for (const name of names) checkLength("name", name);
  const params: Record<string, unknown> = {
    findSubject: cypherFile("find-subject").cypher,
    film: request.film ?? null,
    filmKey: request.film === undefined ? null : normaliseName(request.film),
    groups: request.groups === true || request.onlyGroups === true,
    onlyGroups: request.onlyGroups === true,
  };
  names.forEach((name, n) => {
    const key = normaliseName(name);
    if (key === "") {
      throw new HeistgraphError({
        what: `"${name}" is not a name.`,
        expected: "a character's name, alias or id",
        suggestion: "give a name, e.g. Waingro",
      });
    }
    const { search, fuzzy } = characterSearch(key);
    const p = subjectParams(n);
    Object.assign(params, {
      [p.name]: name.trim(),
      [p.key]: key,
      [p.search]: search,
      [p.fuzzy]: fuzzy,
    });
  });
  request.questions.forEach((question, n) => {
    params[`question${n}`] = cypherFile(question.name).cypher;
    params[`columns${n}`] = question.columns;
    params[`params${n}`] = request.params?.[n] ?? {};
  });
  const inline = inlinable(request, Object.keys(params));
  for (const question of inline) Object.assign(params, question.params);
  const cypher = cachedAskCypher(
    names.length,
    request.questions,
    request.distinctInOneFilm,
    inline,
  );
  return { cypher, params };
}

/** A question whose file runs in the composed statement itself (see inlinable). */
export interface Inline {
  /** Its number among the request's questions. */
  question: number;
  name: QueryName;
  cypher: string;
  columns: readonly string[];
  /** The file's parameters, as parameters of the statement. */
  params: Record<string, unknown>;
}

/**
 * The questions of a film that can run in the statement as their files are written, with
 * their parameters as the statement's: only the film is looked up, and each such question has
 * every parameter of its file given (each one the film binds takes the film as typed, which
 * the statement checks is the id found: `film` as typed, `films` as a list of it), with the
 * same value wherever two files share a parameter's name, and no name of them or of its
 * columns is one the statement uses itself. The others run through apoc.cypher.run.
 */
function inlinable(request: Ask, statementParams: string[]): Inline[] {
  if (request.film === undefined || (request.names ?? []).length > 0) return [];
  const inline: Inline[] = [];
  const taken = new Map<string, string>();
  request.questions.forEach((question, n) => {
    const file = cypherFile(question.name);
    const given = request.params?.[n] ?? {};
    const params: Record<string, unknown> = {};
    for (const name of Object.keys(file.params)) {
      const bound = question.bindings[name];
      if (bound === "film") params[name] = request.film;
      else if (bound === "films") params[name] = [request.film];
      else if (bound !== undefined || !(name in given)) return;
      else params[name] = given[name];
    }
    // A binding of a parameter the file does not have (the loop above saw only the file's).
    if (Object.keys(question.bindings).some((name) => !(name in params))) return;
    // `film` may be both: the file's parameter and the statement's typed film are the same value.
    const clash = (name: string) => name !== "film" && statementParams.includes(name);
    if (Object.keys(params).some(clash)) return;
    const same = Object.entries(params).every(
      ([name, value]) => (taken.get(name) ?? JSON.stringify(value)) === JSON.stringify(value),
    );
    if (!same) return;
    if (question.columns.some((c) => c === "foundFilm" || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(c)))
      return;
    for (const [name, value] of Object.entries(params)) taken.set(name, JSON.stringify(value));
    inline.push({
      question: n,
      name: question.name,
      cypher: file.cypher,
      columns: question.columns,
      params,
    });
  });
  return inline;
}

/**
 * What a user types is looked up in Neo4j's full-text index, which refuses a query past about
 * a thousand characters with an error of its own; no name, alias or title is longer than the
 * dataset allows (LIMITS.line), so a longer one is refused here, in words.
 */
function checkLength(what: "name" | "film", typed: string): void {
  if (typed.length <= LIMITS.line) return;
  throw new HeistgraphError({
    what: `The ${what} given is ${typed.length} characters long; no ${what === "film" ? "film id or title" : "name or alias"} is longer than ${LIMITS.line}.`,
    expected:
      what === "film"
        ? "a film id or title, e.g. heat"
        : "a character's name or alias, e.g. Waingro",
    suggestion: `give a shorter ${what}: a word of it is enough`,
  });
}

/**
 * askCypher's statements by their shape: the helpers ask a fixed set of shapes, so the cache
 * stays small, and Neo4j plans each statement once.
 */
const statements = new Map<string, string>();
function cachedAskCypher(
  names: number,
  questions: Pick<Question, "bindings">[],
  distinctInOneFilm = false,
  inline: Inline[] = [],
): string {
  const key = JSON.stringify([
    names,
    questions.map((q) => q.bindings),
    distinctInOneFilm,
    inline.map((q) => [q.question, q.name, q.columns]),
  ]);
  let cypher = statements.get(key);
  if (cypher === undefined) {
    cypher = askCypher(names, questions, distinctInOneFilm, inline);
    statements.set(key, cypher);
  }
  return cypher;
}

/** One answer row, from its list of values in column order, with plain values. */
function answerRow(values: unknown[], columns: readonly string[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (let i = 0; i < columns.length; i++) row[columns[i] as string] = toPlain(values[i]);
  return row;
}

/**
 * A database imported by an older heistgraph may lack an index the look-up reads (indexes are
 * created by `import`): say so, and how to add it, rather than Neo4j's procedure error.
 */
function missingIndex(error: unknown): never {
  const index = /no such fulltext schema index: (\w+)/.exec(String((error as Error)?.message))?.[1];
  if (index === undefined) throw error;
  throw new HeistgraphError(
    {
      what: `The database has no "${index}" index, which the name look-up reads.`,
      expected: "the indexes of cypher/schema.cypher, which `heistgraph import` creates",
      suggestion:
        "Run `npx heistgraph import` once: it adds the missing indexes (films that did not change are left as they are).",
    },
    { cause: error },
  );
}

/**
 * Finds the film and the characters named and answers the questions about them: one round
 * trip when they are found. When not, the error names the closest films or characters (a
 * second query only for an unknown film, to list the films).
 */
export async function ask(db: Database, request: Ask): Promise<Answered> {
  const names = request.names ?? [];
  const { cypher, params } = askStatement(request);
  let row: AskRow | undefined;
  let answers: Neo4jRecord[][];
  for (let attempt = 1; ; attempt++) {
    const records = await readStatement(db, cypher, params).catch(missingIndex);
    let lookup: Neo4jRecord | undefined;
    let after: Neo4jRecord | undefined;
    answers = request.questions.map(() => []);
    for (const record of records) {
      const question = (record.get("question") as Integer).toNumber();
      if (question === LOOKUP_ROW) lookup = record;
      else if (question === VERSIONS_ROW) after = record;
      else answers[question]?.push(record);
    }
    row = toPlain(lookup?.toObject()) as AskRow | undefined;
    if (!row || !after) throw new Error("the look-up returned no row");
    // The same film versions before and after the questions: a consistent answer.
    const versionsAfter = toPlain(after.get("versionsAfter"));
    if (JSON.stringify(row.versionsBefore) === JSON.stringify(versionsAfter)) break;
    if (attempt === READ_ATTEMPTS) {
      throw Object.assign(
        new HeistgraphError({
          what: "The film changed while it was being read (an import was writing it).",
          suggestion: "ask again",
        }),
        { retriable: true },
      );
    }
  }
  if (request.film !== undefined && row.foundFilm === null) await unknownFilm(db, request.film);
  const characters = names.map((name, n) =>
    chosenCharacter(
      name,
      normaliseName(name),
      row.foundFilm?.id ?? null,
      row[`matches${n}`] as Candidate[],
      row[`candidates${n}`] as Candidate[],
      request.onlyGroups === true
        ? "group"
        : request.groups === true
          ? "character or group"
          : "character",
    ),
  );
  return {
    film: row.foundFilm,
    characters,
    // A record per row of a question, in its order.
    answers: request.questions.map((question, n) =>
      (answers[n] ?? []).map((record) =>
        answerRow(record.get("answer") as unknown[], question.columns),
      ),
    ),
  };
}

/** The error for a film that is neither an id nor a title, with every film to choose from. */
async function unknownFilm(db: Database, film: string): Promise<never> {
  // A film deleted while it is read may come back without a title.
  const films = (await runQuery<FilmRef>(db, "film-exists", {})).filter(
    (f) => typeof f.title === "string",
  );
  const key = normaliseName(film);
  const guess =
    films.length > 0
      ? closest(
          key,
          films.map((f) => normaliseName(f.title)),
        )
      : undefined;
  throw new HeistgraphError({
    what: `Unknown film "${film}".`,
    expected: `a film id or title: ${films.map((f) => `${f.id} (${f.title})`).join(", ") || "none loaded; run `npx heistgraph import`"}`,
    suggestion: guess
      ? `did you mean "${films.find((f) => normaliseName(f.title) === guess)?.id}"?`
      : undefined,
  });
}

/** How far a name is from the key: 0 when one holds the other, else edit distance / length. */
function nameDistance(keys: string[], key: string): number {
  return Math.min(
    ...keys.map((k) =>
      k.includes(key) || key.includes(k) ? 0 : distance(k, key) / Math.max(k.length, key.length),
    ),
  );
}

/** The one character the look-up chose, or the error that says why there is none. */
function chosenCharacter(
  name: string,
  key: string,
  filmId: string | null,
  matches: Candidate[],
  candidates: Candidate[],
  kind: "character" | "group" | "character or group",
): CharacterRef {
  const kinds = {
    character: "characters",
    group: "groups",
    "character or group": "characters or groups",
  }[kind];
  const whose = {
    character: "character's",
    group: "group's",
    "character or group": "character's or group's",
  }[kind];
  const refs = matches.map(({ id, name, film, fate, isGroup }) => ({
    id,
    name,
    film,
    fate,
    isGroup,
  }));
  if (refs.length === 1 && refs[0]) return refs[0];
  if (refs.length > 1) {
    // Within one film only the id tells them apart; across films, the film does.
    const films = new Set(refs.map((m) => m.film));
    throw new HeistgraphError({
      what: `"${name}" names ${refs.length} ${kinds}${filmId ? ` in ${filmId}` : ""}.`,
      expected: `a name that picks one, or an id`,
      suggestion:
        films.size === refs.length
          ? `say which film: ${refs.map((m) => `${m.name} (--film ${m.film})`).join(", ")}`
          : `give the id: ${refs.map((m) => `${m.id} (${m.name}, ${m.film})`).join(", ")}`,
    });
  }
  // The index's close names, ranked by how far they are from what was typed.
  const scored = candidates
    .filter((m) => m.close && m.name !== null)
    .map((c) => {
      const keys = (c.keys ?? []).filter((k): k is string => typeof k === "string");
      return {
        c,
        score: nameDistance(keys, key),
        // Among names that hold the key, the one closest to it in length first.
        edits: Math.min(...keys.map((k) => distance(k, key))),
      };
    })
    .filter((s) => s.score < 0.5)
    .sort((a, b) => a.score - b.score || a.edits - b.edits || (a.c.id < b.c.id ? -1 : 1))
    .slice(0, 5);
  throw new HeistgraphError({
    what: `No ${kind} called "${name}"${filmId ? ` in ${filmId}` : ""}.`,
    expected: `a ${whose} name, alias or id (case and accents do not matter)`,
    suggestion: scored.length
      ? `closest: ${scored.map((s) => `${s.c.name} (${s.c.film})`).join(", ")}`
      : kind === "group"
        ? "list the groups in Neo4j Browser: MATCH (g:Group) RETURN g.film, g.name ORDER BY g.film, g.name"
        : "list the characters with `npx heistgraph timeline <film>` or in Neo4j Browser: MATCH (c:Character) RETURN c.name",
  });
}

/** A film question: the film found, and each question's rows. */
export async function askAboutFilm(
  db: Database,
  film: string,
  questions: Question[],
  params: Record<string, unknown>[] = [],
): Promise<{ film: FilmRef; answers: unknown[][] }> {
  const { film: found, answers } = await ask(db, { film, questions, params });
  if (!found) throw new Error(`find-film.cypher found no film for "${film}"`);
  return { film: found, answers };
}

/** A whole number within bounds, for parameters such as depth. */
export function checkedInteger(name: string, value: unknown, min: number, max: number): number {
  const n = typeof value === "string" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isInteger(n) || n < min || n > max) {
    throw new HeistgraphError({
      what: `${name} must be a whole number from ${min} to ${max}, not ${JSON.stringify(value)}.`,
      expected: `${min}..${max}`,
      suggestion: `use a ${name} from ${min} to ${max}`,
    });
  }
  return n;
}
