// Checks what a schema cannot: ids unique across all files and labels, references that
// resolve to the right kind of item in the same film, story positions that exist, citations
// of real paragraphs of the film's own sources, the story's own words, facts stated twice
// (never merged silently) and containment cycles.
import { CITATION_PATTERN, type FilmFile } from "./schema.ts";
import {
  indexInFile,
  type LoadedDataset,
  type LoadedFilm,
  type ResolvedSource,
  type SourceInfo,
} from "./load.ts";
import { didYouMean, itemName, wellFormedId, type DatasetProblem } from "./problems.ts";
import { knownActWords, knownTieWords, resolveAct, resolveTie, storyWord } from "./story-words.ts";
import { relationshipIdentities, type FactIdentity } from "./identity.ts";
import { ACT_TYPES, NARRATIVE_ROLES, TIE_TYPES, type NodeLabel } from "./vocabulary.ts";

export interface IndexedNode {
  label: NodeLabel;
  film: string;
  file: string;
}

/** Every id of the dataset, with its label and film. */
export type DatasetIndex = Map<string, IndexedNode>;

type Where = Pick<DatasetProblem, "file" | "item">;

/** The name of a film's item as the author sees it: its index in the file, not among the kept. */
const namer =
  (film: Pick<LoadedFilm, "fileIndex">) =>
  (list: string, i: number, item: unknown): string =>
    itemName(list, indexInFile(film, list, i), item);

const LIST_LABELS = {
  places: "Place",
  groups: "Group",
  characters: "Character",
  events: "Event",
  disagreements: "Disagreement",
} as const satisfies Partial<Record<keyof FilmFile, NodeLabel>>;

/**
 * What checking one film needs of the whole dataset: every id, and every source.
 */
interface DatasetContext {
  index: DatasetIndex;
  /** Ids of items that failed their schema: references to them are not reported again. */
  broken: Set<string>;
  /**
   * Where each item that failed its schema is, by its id made well-formed (`Keung Tsui` ->
   * keung-tsui): a reference to that id, or to one close to it, depends on that item.
   */
  brokenItems: Map<string, Where>;
  sources: LoadedDataset["sources"];
  /** The same sources by id: every citation looks its source up. */
  sourcesById: Map<string, ResolvedSource>;
  sourceInfo: LoadedDataset["sourceInfo"];
  brokenSources: LoadedDataset["brokenSources"];
}

/** Checks every film; returns every id of the dataset. */
export function validateDataset(dataset: LoadedDataset, problems: DatasetProblem[]): DatasetIndex {
  const context = indexDataset(dataset, problems);
  for (const film of dataset.films) checkOneFilm(film, context, problems);
  return context.index;
}

/** The first pass: every id registered (so references can point forward and across lists). */
function indexDataset(dataset: LoadedDataset, problems: DatasetProblem[]): DatasetContext {
  const index: DatasetIndex = new Map();
  const broken = new Set<string>();
  const brokenItems = new Map<string, Where>();

  const register = (id: string, label: NodeLabel, film: string, where: Where) => {
    const existing = index.get(id);
    if (existing) {
      problems.push({
        ...where,
        field: "id",
        message: `duplicate id "${id}": already used by a ${existing.label} in ${existing.file}`,
        expected: "ids unique across the whole dataset (every label, every film)",
        suggestion: `rename one of them, e.g. "${film}-${id}"`,
      });
      return;
    }
    index.set(id, { label, film, file: where.file });
  };

  for (const source of dataset.sources.sources) {
    const info = dataset.sourceInfo.get(source.id);
    if (info) register(source.id, "Source", source.film, info);
  }
  for (const film of dataset.films) {
    const name = namer(film);
    const filmId = film.data.film.id;
    register(filmId, "Film", filmId, { file: film.file, item: "film" });
    for (const [list, label] of Object.entries(LIST_LABELS)) {
      (film.data[list as keyof typeof LIST_LABELS] as { id: string }[]).forEach((item, i) =>
        register(item.id, label, filmId, { file: film.file, item: name(list, i, item) }),
      );
    }
    for (const [id, item] of film.invalidIds) {
      broken.add(id);
      brokenItems.set(wellFormedId(id), { file: film.file, item });
    }
  }
  return {
    index,
    broken,
    brokenItems,
    sources: dataset.sources,
    sourcesById: new Map(dataset.sources.sources.map((s) => [s.id, s])),
    sourceInfo: dataset.sourceInfo,
    brokenSources: dataset.brokenSources,
  };
}

/** The refused item an unknown id probably means: the same id, or one word of it. */
function brokenItemFor(
  id: string,
  brokenItems: Map<string, Where>,
  fuzzy: boolean,
): Where | undefined {
  if (brokenItems.size === 0) return undefined;
  const exact = brokenItems.get(wellFormedId(id));
  if (exact) return exact;
  for (const [key, where] of brokenItems) {
    if (key.split("-").includes(id) || key.startsWith(`${id}-`)) return where;
  }
  const guess = fuzzy ? didYouMean(id, brokenItems.keys()) : undefined;
  return guess === undefined ? undefined : brokenItems.get(guess);
}

/** Everything checked of one film, against the whole dataset, in the order it is reported. */
function checkOneFilm(film: LoadedFilm, context: DatasetContext, problems: DatasetProblem[]): void {
  checkVocabulary(film, problems);
  checkFilm(film, context, problems);
  checkDuplicates(film, problems);
  checkCycles(film, problems);
}

function checkVocabulary(film: LoadedFilm, problems: DatasetProblem[]): void {
  const { file, vocabulary } = film;
  const name = namer(film);
  const lists = [
    ["acts", vocabulary.acts, [...ACT_TYPES, ...TIE_TYPES]],
    ["ties", vocabulary.ties, [...TIE_TYPES, ...ACT_TYPES]],
    ["roles", vocabulary.roles, NARRATIVE_ROLES],
  ] as const;
  for (const [part, entries, builtIns] of lists) {
    const seen = new Map<string, number>();
    entries.forEach((entry, i) => {
      const where = { file, item: name(`vocabulary.${part}`, i, entry) };
      const word = storyWord(entry.word);
      const upper = word.replace(/-/g, "_").toUpperCase();
      if ((builtIns as readonly string[]).some((b) => b === word || b === upper)) {
        problems.push({
          ...where,
          field: "word",
          message: `"${entry.word}" is already a built-in word`,
          suggestion: "use it directly, without declaring it",
        });
      }
      const first = seen.get(word);
      if (first !== undefined) {
        problems.push({
          ...where,
          field: "word",
          message: `"${entry.word}" is declared twice (also vocabulary.${part}[${indexInFile(film, `vocabulary.${part}`, first)}])`,
          suggestion: "keep one declaration",
        });
      } else seen.set(word, i);
    });
  }
}

function checkFilm(film: LoadedFilm, context: DatasetContext, problems: DatasetProblem[]): void {
  const { index, broken, brokenItems, sourcesById, sourceInfo, brokenSources } = context;
  const { data, file, vocabulary } = film;
  const name = namer(film);
  const filmId = data.film.id;
  // Events refused by the schema still hold their seq: since/until may name it.
  const seqs = new Set([...data.events.map((e) => e.seq), ...film.brokenSeqs]);
  const filmSources = context.sources.sources.filter((s) => s.film === filmId).map((s) => s.id);

  const ref = (where: Where, field: string, id: string | undefined, allowed: NodeLabel[]) => {
    if (id === undefined || broken.has(id)) return;
    const found = index.get(id);
    if (!found) {
      const sameKind = [...index].filter(([, n]) => allowed.includes(n.label) && n.film === filmId);
      const guess = didYouMean(
        id,
        sameKind.map(([known]) => known),
      );
      const root = brokenItemFor(id, brokenItems, guess === undefined);
      if (root) {
        // Not a mistake of its own: it names an item whose id was refused.
        problems.push({
          ...where,
          field,
          message: `"${id}"`,
          dependsOn: `${root.file} ${root.item}`,
        });
        return;
      }
      problems.push({
        ...where,
        field,
        message: `unknown id "${id}"`,
        expected: `the id of a ${allowed.join(" or ")} of ${filmId}`,
        suggestion: guess ? `did you mean "${guess}"?` : `add a ${allowed[0]} with id "${id}"`,
      });
    } else if (!allowed.includes(found.label)) {
      problems.push({
        ...where,
        field,
        message: `"${id}" is a ${found.label}`,
        expected: `a ${allowed.join(" or ")}`,
      });
    } else if (found.film !== filmId) {
      problems.push({
        ...where,
        field,
        message: `"${id}" belongs to another film (${found.film})`,
        expected: `an item of ${filmId}`,
        suggestion: "references stay within their film",
      });
    }
  };

  const cite = (where: Where, field: string, citations: string[] | undefined) => {
    citations?.forEach((citation, i) => {
      const [, sourceId = "", text = "0"] = CITATION_PATTERN.exec(citation) ?? [];
      const paragraph = Number(text);
      const source = sourcesById.get(sourceId);
      const info: SourceInfo | undefined = sourceInfo.get(sourceId);
      if (brokenSources.has(sourceId)) return;
      // The usual case, said first: a large film cites some 100k times.
      const fine =
        source?.film === filmId &&
        info !== undefined &&
        paragraph <= info.paragraphs &&
        !info.blank.has(paragraph);
      if (fine) return;
      const at = { ...where, field: `${field}[${i}]` };
      if (!source || !info) {
        const guess = didYouMean(sourceId, filmSources);
        problems.push({
          ...at,
          message: `cites an unknown source "${sourceId}"`,
          expected: filmSources.length
            ? `a source of ${filmId}: ${filmSources.join(", ")}`
            : `a source of ${filmId}; it declares none`,
          suggestion: guess
            ? `did you mean "${guess}:${paragraph}"?`
            : `declare it under sources: in ${file}, or pass its sources file with --sources`,
        });
      } else if (source.film !== filmId) {
        problems.push({
          ...at,
          message: `cites ${sourceId}, a text of ${source.film}, not of ${filmId}`,
          expected: `a source of ${filmId}: ${filmSources.join(", ")}`,
        });
      } else if (paragraph > info.paragraphs) {
        problems.push({
          ...at,
          message: `cites paragraph ${paragraph} of ${sourceId}, which has ${info.paragraphs}`,
          expected: `a paragraph from 1 to ${info.paragraphs} (a paragraph is a line of the text)`,
        });
      } else if (info.blank.has(paragraph)) {
        problems.push({
          ...at,
          message: `cites paragraph ${paragraph} of ${sourceId}, which is a blank line`,
          expected: "a line of the text that says the fact",
        });
      }
    });
  };

  const seqExists = (where: Where, field: "since" | "until", value: number | undefined) => {
    if (value !== undefined && !seqs.has(value)) {
      problems.push({
        ...where,
        field,
        message: `no event of ${filmId} has seq ${value}`,
        expected: seqs.size
          ? `one of the film's event seqs (${Math.min(...seqs)} to ${Math.max(...seqs)})`
          : "the seq of one of the film's events",
      });
    }
  };
  const span = (where: Where, since?: number, until?: number) => {
    seqExists(where, "since", since);
    seqExists(where, "until", until);
    if (since !== undefined && until !== undefined && since > until) {
      problems.push({
        ...where,
        field: "until",
        message: `ends (${until}) before it starts (${since})`,
      });
    }
  };

  const actors: NodeLabel[] = ["Character", "Group"];
  cite({ file, item: "film" }, "sources", data.film.sources);

  /** Who knows a covert membership's or loyalty's truth: only for a covert one. */
  const knowers = (
    where: Where,
    covert: boolean,
    knownBy: { who: string; since?: number; sources: string[] }[],
    list: "memberships" | "loyalties",
  ) => {
    if (knownBy.length > 0 && !covert) {
      problems.push({
        ...where,
        field: "knownBy",
        message: `knownBy is for covert ${list}`,
        suggestion: "set covert: true or drop knownBy",
      });
    }
    knownBy.forEach((k, j) => {
      ref(where, `knownBy[${j}].who`, k.who, actors);
      span({ ...where, item: `${where.item} knownBy[${j}]` }, k.since);
      cite(where, `knownBy[${j}].sources`, k.sources);
    });
  };

  const firstAt = new Map<string, string>();
  const unique = (where: Where, field: string, key: string, what: string) => {
    const first = firstAt.get(key);
    if (first)
      problems.push({ ...where, field, message: `${what} is used by another event (${first})` });
    else firstAt.set(key, where.item);
  };
  data.events.forEach((event, i) => {
    const where = { file, item: name("events", i, event) };
    unique(where, "seq", `seq ${event.seq}`, `seq ${event.seq}`);
    if (event.toldSeq !== undefined)
      unique(where, "toldSeq", `told ${event.toldSeq}`, `toldSeq ${event.toldSeq}`);
    ref(where, "place", event.place, ["Place"]);
    cite(where, "sources", event.sources);
    event.participants.forEach((p, j) => {
      ref(where, `participants[${j}].who`, p.who, actors);
      cite(where, `participants[${j}].sources`, p.sources);
    });
  });

  data.places.forEach((place, i) => {
    const where = { file, item: name("places", i, place) };
    ref(where, "in", place.in, ["Place"]);
    cite(where, "sources", place.sources);
  });
  data.groups.forEach((group, i) =>
    cite({ file, item: name("groups", i, group) }, "sources", group.sources),
  );
  data.characters.forEach((c, i) => {
    const where = { file, item: name("characters", i, c) };
    cite(where, "sources", c.sources);
    if (c.count !== undefined && !c.unnamed) {
      problems.push({
        ...where,
        field: "count",
        message: "count is for unnamed characters",
        suggestion: "set unnamed: true or drop count",
      });
    }
  });

  data.memberships.forEach((m, i) => {
    const where = { file, item: name("memberships", i, m) };
    ref(where, "member", m.member, ["Character"]);
    ref(where, "group", m.group, ["Group"]);
    span(where, m.since, m.until);
    cite(where, "sources", m.sources);
    knowers(where, m.covert, m.knownBy, "memberships");
  });

  data.loyalties.forEach((l, i) => {
    const where = { file, item: name("loyalties", i, l) };
    ref(where, "from", l.from, ["Character"]);
    ref(where, "to", l.to, actors);
    span(where, l.since, l.until);
    cite(where, "sources", l.sources);
    knowers(where, l.covert, l.knownBy, "loyalties");
  });

  data.acts.forEach((act, i) => {
    const where = { file, item: name("acts", i, act) };
    const resolved = resolveAct(act.type, vocabulary);
    if (!resolved && !film.brokenWords.has(storyWord(act.type)))
      unknownWord(where, act.type, "acts", knownActWords(vocabulary), problems);
    ref(where, "by", act.by, actors);
    ref(where, "to", act.to, actors);
    ref(where, "event", act.event, ["Event"]);
    ref(where, "coercedBy", act.coercedBy, actors);
    cite(where, "sources", act.sources);
    if (
      resolved &&
      resolved.type !== "BETRAYED" &&
      (act.coerced !== undefined || act.coercedBy !== undefined)
    ) {
      problems.push({
        ...where,
        field: act.coerced !== undefined ? "coerced" : "coercedBy",
        message: `only betrayals say whether they were coerced, not ${act.type}`,
        suggestion: "remove the field, or use a COERCED act",
      });
    }
    // Killing oneself is a suicide, a story fact; betraying oneself is no betrayal, and a
    // chain through it would loop on one character.
    if (resolved?.type === "BETRAYED" && act.by === act.to) {
      problems.push({
        ...where,
        field: "to",
        message: `${act.by} betrays ${act.by}: a betrayal needs a traitor and someone else`,
        expected: "a character or group other than the one in by:",
        suggestion: "name who was betrayed, or use another act word (vocabulary.acts)",
      });
    }
    if (act.coercedBy !== undefined && act.coerced === false) {
      problems.push({
        ...where,
        field: "coercedBy",
        message: "coercedBy is set but coerced is false",
        suggestion: "set coerced: true",
      });
    }
  });

  data.ties.forEach((tie, i) => {
    const where = { file, item: name("ties", i, tie) };
    if (!resolveTie(tie.type, vocabulary) && !film.brokenWords.has(storyWord(tie.type)))
      unknownWord(where, tie.type, "ties", knownTieWords(vocabulary), problems);
    ref(where, "from", tie.from, ["Character"]);
    ref(where, "to", tie.to, ["Character"]);
    if (tie.from === tie.to)
      problems.push({ ...where, field: "to", message: "a tie needs two different characters" });
    span(where, tie.since, tie.until);
    cite(where, "sources", tie.sources);
  });

  data.disagreements.forEach((d, i) => {
    const where = { file, item: name("disagreements", i, d) };
    ref(where, "about", d.about, ["Character", "Group", "Event", "Place", "Film"]);
    d.accounts.forEach((a, j) => cite(where, `accounts[${j}].sources`, a.sources));
  });
}

function unknownWord(
  where: Where,
  word: string,
  list: "acts" | "ties",
  known: string[],
  problems: DatasetProblem[],
): void {
  const guess = didYouMean(word, known) ?? didYouMean(word.toUpperCase(), known);
  const declare = `declare it: vocabulary: { ${list}: [{ word: ${storyWord(word)}${list === "acts" ? ", countsAs: <a built-in act, optional>" : ""} }] }`;
  problems.push({
    ...where,
    field: "type",
    message: `"${word}" is not a built-in ${list === "acts" ? "act" : "tie"} nor one this story declares`,
    expected: `one of: ${known.join(", ")}`,
    suggestion: guess ? `did you mean "${guess}"? Or ${declare}` : declare,
  });
}

/** The same fact twice would become one relationship: report it, exact or conflicting. */
function checkDuplicates(film: LoadedFilm, problems: DatasetProblem[]): void {
  const seen = new Map<string, FactIdentity>();
  for (const fact of relationshipIdentities(film.data, film.vocabulary, (list, i) =>
    indexInFile(film, list, i),
  )) {
    const first = seen.get(fact.identity);
    if (!first) {
      seen.set(fact.identity, fact);
      continue;
    }
    const where = { file: film.file, item: fact.item() };
    if (first.value() === fact.value()) {
      problems.push({
        ...where,
        message: `states exactly the same fact as ${first.item()}`,
        expected: "each fact once",
        suggestion: "delete one of the two",
      });
    } else {
      problems.push({
        ...where,
        message: `the same ${fact.what} as ${first.item()}, with different details`,
        expected: `one entry per ${fact.what}`,
        suggestion: fact.hint,
      });
    }
  }
}

/** A place inside itself (directly or through others), or someone their own ancestor. */
function checkCycles(film: LoadedFilm, problems: DatasetProblem[]): void {
  const { data, file } = film;
  const name = namer(film);
  const containers = new Map<string, string[]>();
  const itemOf = new Map<string, string>();
  data.places.forEach((p, i) => {
    if (p.in) containers.set(p.id, [p.in]);
    itemOf.set(`Place ${p.id}`, name("places", i, p));
  });
  reportCycles(containers, (cycle) => {
    const first = cycle[0] ?? "";
    problems.push({
      file,
      item: itemOf.get(`Place ${first}`) ?? `places (${first})`,
      field: "in",
      message:
        cycle.length === 1
          ? "a place cannot contain itself"
          : `places contain each other in a circle: ${[...cycle, first].join(" in ")}`,
      suggestion: "one of them must be the outermost: remove its in:",
    });
  });

  const parents = new Map<string, string[]>();
  const parentTie = new Map<string, string>();
  data.ties.forEach((t, i) => {
    if (resolveTie(t.type, film.vocabulary)?.type !== "PARENT_OF") return;
    parents.set(t.to, [...(parents.get(t.to) ?? []), t.from]);
    parentTie.set(t.to, name("ties", i, t));
  });
  reportCycles(parents, (cycle) => {
    if (cycle.length === 1) return; // a tie to oneself is reported with the tie
    problems.push({
      file,
      item: parentTie.get(cycle[0] ?? "") ?? "ties",
      message: `PARENT_OF ties make someone their own ancestor: ${[...cycle, cycle[0]].join(" child of ")}`,
      suggestion: "check the direction of these ties: from the parent to the child",
    });
  });
}

/** Each cycle of a graph (node -> nodes it points to) once, smallest id first. */
function reportCycles(edges: Map<string, string[]>, report: (cycle: string[]) => void): void {
  const done = new Set<string>();
  const reported = new Set<string>();
  for (const start of [...edges.keys()].sort()) {
    if (done.has(start)) continue;
    // Iterative depth-first search, so a long chain cannot overflow the stack.
    const path: string[] = [];
    const onPath = new Set<string>();
    const stack: { node: string; next: number }[] = [{ node: start, next: 0 }];
    path.push(start);
    onPath.add(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { node: string; next: number };
      const targets = edges.get(top.node) ?? [];
      if (top.next >= targets.length) {
        stack.pop();
        path.pop();
        onPath.delete(top.node);
        done.add(top.node);
        continue;
      }
      const target = targets[top.next++] as string;
      if (onPath.has(target)) {
        const cycle = path.slice(path.indexOf(target));
        const lowest = cycle.indexOf([...cycle].sort()[0] as string);
        const rotated = [...cycle.slice(lowest), ...cycle.slice(0, lowest)];
        const key = rotated.join(" ");
        if (!reported.has(key)) {
          reported.add(key);
          report(rotated);
        }
      } else if (!done.has(target)) {
        stack.push({ node: target, next: 0 });
        path.push(target);
        onPath.add(target);
      }
    }
  }
}
