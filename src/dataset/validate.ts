// Checks what a schema cannot: ids unique across all files, references that resolve to
// the right kind of item in the same film, story positions that exist, citations to real
// sources and paragraphs of the same film.
import { CITATION_PATTERN, type FilmFile } from "./schema.ts";
import type { LoadedDataset, LoadedFilm } from "./load.ts";
import { didYouMean, type DatasetProblem } from "./problems.ts";
import type { NodeLabel } from "./vocabulary.ts";

export interface IndexedNode {
  label: NodeLabel;
  film: string;
  file: string;
}

/** Every id of the dataset, with its label and film. */
export type DatasetIndex = Map<string, IndexedNode>;

type Where = Pick<DatasetProblem, "file" | "item">;

const LIST_LABELS = {
  places: "Place",
  groups: "Group",
  characters: "Character",
  events: "Event",
  disagreements: "Disagreement",
} as const satisfies Partial<Record<keyof FilmFile, NodeLabel>>;

function itemName(list: string, index: number, id?: string): string {
  return `${list}[${index}]${id ? ` (${id})` : ""}`;
}

export function validateDataset(dataset: LoadedDataset, problems: DatasetProblem[]): DatasetIndex {
  const index: DatasetIndex = new Map();
  const sources = new Map(dataset.sources.sources.map((s) => [s.id, s]));

  dataset.sources.sources.forEach((source, i) => {
    if (dataset.sources.sources.findIndex((s) => s.id === source.id) !== i) {
      problems.push({
        file: dataset.sourcesFile,
        item: itemName("sources", i, source.id),
        field: "id",
        message: `duplicate source id "${source.id}"`,
        suggestion: "give each source its own id",
      });
    }
  });

  // First pass: register every id so references can point forward and across lists.
  for (const film of dataset.films) {
    const register = (id: string, label: NodeLabel, where: Where) => {
      const existing = index.get(id);
      if (existing) {
        problems.push({
          ...where,
          field: "id",
          message: `duplicate id "${id}": already used by a ${existing.label} in ${existing.file}`,
          expected: "ids unique across the whole dataset",
          suggestion: `rename one of them, e.g. "${film.data.film.id}-${id}"`,
        });
        return;
      }
      index.set(id, { label, film: film.data.film.id, file: film.file });
    };
    register(film.data.film.id, "Film", { file: film.file, item: "film" });
    for (const [list, label] of Object.entries(LIST_LABELS)) {
      (film.data[list as keyof typeof LIST_LABELS] as { id: string }[]).forEach((item, i) =>
        register(item.id, label, { file: film.file, item: itemName(list, i, item.id) }),
      );
    }
  }

  for (const film of dataset.films) checkFilm(film, index, sources, problems);
  return index;
}

function checkFilm(
  film: LoadedFilm,
  index: DatasetIndex,
  sources: Map<string, { id: string; film: string; paragraphs: number }>,
  problems: DatasetProblem[],
): void {
  const { data, file } = film;
  const filmId = data.film.id;
  const seqs = new Set<number>();
  const eventSeq = new Map<string, number>();

  const ref = (where: Where, field: string, id: string | undefined, allowed: NodeLabel[]) => {
    if (id === undefined) return;
    const found = index.get(id);
    if (!found) {
      const sameKind = [...index].filter(([, n]) => allowed.includes(n.label) && n.film === filmId);
      const guess = didYouMean(
        id,
        sameKind.map(([known]) => known),
      );
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
      const [, sourceId = "", paragraph = "0"] = CITATION_PATTERN.exec(citation) ?? [];
      const source = sources.get(sourceId);
      const at = { ...where, field: `${field}[${i}]` };
      if (!source) {
        const guess = didYouMean(sourceId, sources.keys());
        problems.push({
          ...at,
          message: `cites an unknown source "${sourceId}"`,
          expected: `one of: ${[...sources.keys()].join(", ")}`,
          suggestion: guess
            ? `did you mean "${guess}:${paragraph}"?`
            : "add the source to the sources file",
        });
      } else if (Number(paragraph) > source.paragraphs) {
        problems.push({
          ...at,
          message: `cites paragraph ${paragraph} of ${sourceId}, which has ${source.paragraphs}`,
          expected: `a paragraph from 1 to ${source.paragraphs}`,
        });
      } else if (source.film !== filmId) {
        problems.push({
          ...at,
          message: `cites ${sourceId}, a summary of ${source.film}, not of ${filmId}`,
          suggestion: `cite a source of ${filmId}`,
        });
      }
    });
  };

  const span = (where: Where, since?: number, until?: number) => {
    for (const [field, value] of [
      ["since", since],
      ["until", until],
    ] as const) {
      if (value !== undefined && !seqs.has(value)) {
        problems.push({
          ...where,
          field,
          message: `no event of ${filmId} has seq ${value}`,
          expected: `one of the film's event seqs (1 to ${Math.max(...seqs)})`,
        });
      }
    }
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

  data.events.forEach((event, i) => {
    const where = { file, item: itemName("events", i, event.id) };
    if (seqs.has(event.seq)) {
      problems.push({
        ...where,
        field: "seq",
        message: `seq ${event.seq} is used by another event of ${filmId}`,
        expected: "each event its own position in the story",
      });
    }
    seqs.add(event.seq);
    eventSeq.set(event.id, event.seq);
    ref(where, "place", event.place, ["Place"]);
    cite(where, "sources", event.sources);
    event.participants.forEach((p, j) => {
      ref(where, `participants[${j}].who`, p.who, actors);
      cite(where, `participants[${j}].sources`, p.sources);
    });
  });

  data.places.forEach((place, i) => {
    const where = { file, item: itemName("places", i, place.id) };
    ref(where, "in", place.in, ["Place"]);
    if (place.in === place.id)
      problems.push({ ...where, field: "in", message: "a place cannot contain itself" });
    cite(where, "sources", place.sources);
  });
  data.groups.forEach((group, i) =>
    cite({ file, item: itemName("groups", i, group.id) }, "sources", group.sources),
  );
  data.characters.forEach((c, i) => {
    const where = { file, item: itemName("characters", i, c.id) };
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
    const where = { file, item: itemName("memberships", i, `${m.member} -> ${m.group}`) };
    ref(where, "member", m.member, ["Character"]);
    ref(where, "group", m.group, ["Group"]);
    span(where, m.since, m.until);
    cite(where, "sources", m.sources);
  });

  data.loyalties.forEach((l, i) => {
    const where = { file, item: itemName("loyalties", i, `${l.from} -> ${l.to}`) };
    ref(where, "from", l.from, ["Character"]);
    ref(where, "to", l.to, actors);
    span(where, l.since, l.until);
    cite(where, "sources", l.sources);
    if (l.knownBy.length > 0 && !l.covert) {
      problems.push({
        ...where,
        field: "knownBy",
        message: "knownBy is for covert loyalties",
        suggestion: "set covert: true or drop knownBy",
      });
    }
    l.knownBy.forEach((k, j) => {
      ref(where, `knownBy[${j}].who`, k.who, actors);
      span({ ...where, item: `${where.item} knownBy[${j}]` }, k.since);
      cite(where, `knownBy[${j}].sources`, k.sources);
    });
  });

  data.acts.forEach((act, i) => {
    const where = { file, item: itemName("acts", i, `${act.type} ${act.by} -> ${act.to}`) };
    ref(where, "by", act.by, actors);
    ref(where, "to", act.to, actors);
    ref(where, "event", act.event, ["Event"]);
    ref(where, "coercedBy", act.coercedBy, actors);
    cite(where, "sources", act.sources);
    if (act.type !== "BETRAYED" && (act.coerced !== undefined || act.coercedBy !== undefined)) {
      problems.push({
        ...where,
        field: act.coerced !== undefined ? "coerced" : "coercedBy",
        message: `only BETRAYED acts say whether they were coerced, not ${act.type}`,
        suggestion: "remove the field, or use a COERCED act",
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
    const where = { file, item: itemName("ties", i, `${tie.type} ${tie.from} -> ${tie.to}`) };
    ref(where, "from", tie.from, ["Character"]);
    ref(where, "to", tie.to, ["Character"]);
    if (tie.from === tie.to)
      problems.push({ ...where, field: "to", message: "a tie needs two different characters" });
    span(where, tie.since, tie.until);
    cite(where, "sources", tie.sources);
  });

  data.disagreements.forEach((d, i) => {
    const where = { file, item: itemName("disagreements", i, d.id) };
    ref(where, "about", d.about, ["Character", "Group", "Event", "Place", "Film"]);
    d.accounts.forEach((a, j) => cite(where, `accounts[${j}].sources`, a.sources));
  });
}
