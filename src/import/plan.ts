// Turns a validated dataset into a write plan, film by film: each film's nodes per label and
// relationships per (type, start label, end label), as rows. The importer diffs a film's plan
// against the film in the database and writes the difference; the Cypher export prints the
// plan as batched, parameterised MERGE statements with the rows inlined.
import { createHash } from "node:crypto";
import { normaliseName } from "../text/normalise.ts";
import {
  actRelationship,
  loyaltyKey,
  membershipKey,
  membershipSecretKey,
  secretKey,
  tieRelationship,
} from "../dataset/identity.ts";
import type { LoadedDataset } from "../dataset/load.ts";
import { parallelRole, vocabularyOf } from "../dataset/story-words.ts";
import type { DatasetIndex } from "../dataset/validate.ts";
import type { NodeLabel, RelationshipType } from "../dataset/vocabulary.ts";

export type Row = Record<string, unknown>;

export interface PlannedStatement {
  /** e.g. "Character nodes" or "KILLED (Character -> Group)" */
  name: string;
  kind: "node" | "relationship";
  label?: NodeLabel;
  type?: RelationshipType;
  cypher: string;
  rows: Row[];
}

export interface RelRow {
  from: string;
  to: string;
  /**
   * Unique among the relationships of its type (cypher/schema.cypher's `<type>_key`
   * constraints): the ends' ids, then the fact's identity between them (relKey).
   */
  key: string;
  props: Row;
}

export interface RelGroup {
  type: RelationshipType;
  from: NodeLabel;
  to: NodeLabel;
  rows: RelRow[];
}

/** One film's subgraph: every node carries `film`, every relationship stays inside the film. */
export interface FilmPlan {
  film: string;
  nodes: Map<NodeLabel, Row[]>;
  rels: Map<string, RelGroup>;
}

/**
 * A plan as JSON: [film, node rows by label, relationship groups by key]. Its hash is the
 * plan's hash (film-store.ts keeps it on the Film node to skip an unchanged film).
 */
export const encodePlan = (plan: FilmPlan): string =>
  JSON.stringify([plan.film, [...plan.nodes], [...plan.rels]]);

/** The hash of a plan from its encodePlan text. */
export const hashOfEncodedPlan = (json: string): string =>
  createHash("sha256").update(json).digest("base64url");

/**
 * A relationship's key: its ends' ids (unique across labels; no id holds a `|`), then the
 * fact's identity between those two (identity.ts). Unique per type across the whole graph,
 * so a uniqueness constraint per type keeps a duplicate from ever being committed.
 */
export const relKey = (from: string, to: string, between: string): string =>
  `${from}|${to}|${between}`;

/** Drops undefined fields: Neo4j stores no nulls in properties. (A loop: at M it runs 1.1M times.) */
function clean(row: Row): Row {
  let complete = true;
  for (const key in row) if (row[key] === undefined) complete = false;
  // Every row is made here, for this plan alone: one with no gap is kept as it is.
  if (complete) return row;
  const out: Row = {};
  for (const key in row) if (row[key] !== undefined) out[key] = row[key];
  return out;
}

function nodeStatement(label: NodeLabel, rows: Row[]): PlannedStatement {
  return {
    name: `${label} nodes`,
    kind: "node",
    label,
    // `SET n = row` replaces all properties, so a re-run leaves no stale ones.
    cypher: `UNWIND $rows AS row\nMERGE (n:${label} {id: row.id})\nSET n = row`,
    rows,
  };
}

function relStatement({ type, from, to, rows }: RelGroup): PlannedStatement {
  return {
    name: `${type} (${from} -> ${to})`,
    kind: "relationship",
    type,
    cypher:
      `UNWIND $rows AS row\n` +
      `MATCH (a:${from} {id: row.from})\n` +
      `MATCH (b:${to} {id: row.to})\n` +
      `MERGE (a)-[r:${type} {key: row.key}]->(b)\n` +
      `SET r = row.props, r.key = row.key`,
    rows: rows.map((r) => ({ ...r })),
  };
}

/** The films' plans as MERGE statements (one per label and relationship group), for the export. */
export function planStatements(films: FilmPlan[]): PlannedStatement[] {
  const nodes = new Map<NodeLabel, Row[]>();
  const rels = new Map<string, RelGroup>();
  for (const plan of films) {
    for (const [label, rows] of plan.nodes)
      nodes.set(label, [...(nodes.get(label) ?? []), ...rows]);
    for (const [group, entry] of plan.rels) {
      const into = rels.get(group) ?? { ...entry, rows: [] };
      into.rows.push(...entry.rows);
      rels.set(group, into);
    }
  }
  return [
    ...[...nodes].map(([label, rows]) => nodeStatement(label, rows)),
    ...[...rels.values()].map(relStatement),
  ];
}

/** One film's plan: it needs of the rest of the dataset only the sources and every id's label. */
export function planFilm(
  data: LoadedDataset["films"][number]["data"],
  sources: LoadedDataset["sources"],
  index: DatasetIndex,
): FilmPlan {
  const film = data.film.id;
  const nodes = new Map<NodeLabel, Row[]>();
  const rels = new Map<string, RelGroup>();
  // The same groups by type, start label and end label, found without building their key.
  const groups = new Map<string, Map<string, Map<string, RelGroup>>>();
  /** Keys used per type: a second fact between the same nodes gets its own key. */
  const usedKeys = new Map<string, Set<string>>();
  const labelOf = (id: string): NodeLabel => {
    const found = index.get(id);
    if (!found) throw new Error(`planImport: "${id}" is not in the index; validate first`);
    return found.label;
  };
  const node = (label: NodeLabel, row: Row) => {
    const list = nodes.get(label) ?? [];
    list.push(clean(row));
    nodes.set(label, list);
  };
  const groupOf = (type: RelationshipType, from: NodeLabel, to: NodeLabel): RelGroup => {
    let byFrom = groups.get(type);
    if (!byFrom) groups.set(type, (byFrom = new Map()));
    let byTo = byFrom.get(from);
    if (!byTo) byFrom.set(from, (byTo = new Map()));
    let group = byTo.get(to);
    if (!group) {
      group = { type, from, to, rows: [] };
      byTo.set(to, group);
      rels.set(`${type}|${from}|${to}`, group);
    }
    return group;
  };
  const rel = (
    type: RelationshipType,
    from: string,
    to: string,
    baseKey: string,
    props: Row,
    // Given where the check has settled them (an event's id is an Event's), else looked up.
    fromLabel?: NodeLabel,
    toLabel?: NodeLabel,
  ) => {
    let used = usedKeys.get(type);
    if (!used) usedKeys.set(type, (used = new Set()));
    let key = relKey(from, to, baseKey);
    for (let n = 2; used.has(key); n++) key = relKey(from, to, `${baseKey}#${n}`);
    used.add(key);
    const group = groupOf(type, fromLabel ?? labelOf(from), toLabel ?? labelOf(to));
    group.rows.push({ from, to, key, props: clean(props) });
  };

  for (const source of sources.sources) {
    if (source.film !== film) continue;
    node("Source", { ...source });
    rel("SUMMARISES", source.id, source.film, source.film, {}, "Source", "Film");
  }

  const events = new Map(data.events.map((e) => [e.id, e]));
  const vocabulary = vocabularyOf(data);
  // titleKey: the title as find-film looks it up (lower-case, no accents), through an index.
  node("Film", { ...data.film, film, titleKey: normaliseName(data.film.title) });

  for (const place of data.places) {
    node("Place", {
      id: place.id,
      name: place.name,
      kind: place.kind,
      description: place.description,
      film,
      sources: place.sources,
    });
    if (place.in)
      rel("LOCATED_IN", place.id, place.in, "", { sources: place.sources }, "Place", "Place");
  }
  for (const group of data.groups) {
    // Looked up by name like characters (find-subject.cypher).
    node("Group", { ...group, film, searchKeys: [normaliseName(group.name)] });
    rel("APPEARS_IN", group.id, film, "", { sources: group.sources }, "Group", "Film");
  }
  for (const c of data.characters) {
    node("Character", {
      ...c,
      film,
      parallelRole: parallelRole(c.role, vocabulary),
      // Lower-case, accent-free name and aliases, for look-ups by name.
      searchKeys: [...new Set([c.name, ...c.aliases].map(normaliseName))],
    });
    rel("APPEARS_IN", c.id, film, "", { sources: c.sources }, "Character", "Film");
  }

  const ordered = [...data.events].sort((x, y) => x.seq - y.seq);
  ordered.forEach((event, i) => {
    node("Event", {
      id: event.id,
      seq: event.seq,
      toldSeq: event.toldSeq,
      episode: event.episode,
      name: event.name,
      summary: event.summary,
      film,
      sources: event.sources,
    });
    rel("IN_FILM", event.id, film, "", { seq: event.seq, sources: event.sources }, "Event", "Film");
    if (event.place)
      rel(
        "TOOK_PLACE_AT",
        event.id,
        event.place,
        "",
        { seq: event.seq, sources: event.sources },
        "Event",
        "Place",
      );
    for (const p of event.participants) {
      const props = { role: p.role, seq: event.seq, sources: p.sources ?? event.sources };
      rel("PARTICIPATED_IN", p.who, event.id, "", props, undefined, "Event");
    }
    const next = ordered[i + 1];
    if (next) {
      const sources = [...new Set([...event.sources, ...next.sources])];
      rel("NEXT", event.id, next.id, "", { sources }, "Event", "Event");
    }
  });

  for (const m of data.memberships) {
    rel("MEMBER_OF", m.member, m.group, membershipKey(m), {
      role: m.role,
      covert: m.covert,
      since: m.since,
      until: m.until,
      knownBy: m.knownBy.map((k) => k.who),
      note: m.note,
      sources: m.sources,
    });
    // The same secret as a covert loyalty's, told apart by memberOf (a loyalty's has loyalTo).
    for (const k of m.knownBy) {
      rel("KNOWS_SECRET_OF", k.who, m.member, membershipSecretKey(m), {
        memberOf: m.group,
        since: k.since,
        sources: k.sources,
      });
    }
  }
  for (const l of data.loyalties) {
    rel("LOYAL_TO", l.from, l.to, loyaltyKey(l), {
      kind: l.kind,
      covert: l.covert,
      since: l.since,
      until: l.until,
      knownBy: l.knownBy.map((k) => k.who),
      note: l.note,
      sources: l.sources,
    });
    for (const k of l.knownBy) {
      rel("KNOWS_SECRET_OF", k.who, l.from, secretKey(l), {
        loyalTo: l.to,
        since: k.since,
        sources: k.sources,
      });
    }
  }
  for (const act of data.acts) {
    const seq = events.get(act.event)?.seq;
    const r = actRelationship(act, vocabulary);
    if (!r) throw new Error(`planImport: unknown act "${act.type}"; validate first`);
    rel(r.type, act.by, act.to, r.key, {
      act: r.act,
      event: act.event,
      seq,
      how: act.how,
      coerced: r.type === "BETRAYED" ? (act.coerced ?? false) : undefined,
      coercedBy: act.coercedBy,
      note: act.note,
      sources: act.sources,
    });
  }
  for (const tie of data.ties) {
    const r = tieRelationship(tie, vocabulary);
    if (!r) throw new Error(`planImport: unknown tie "${tie.type}"; validate first`);
    rel(r.type, tie.from, tie.to, r.key, {
      tie: r.tie,
      status: tie.status,
      since: tie.since,
      until: tie.until,
      note: tie.note,
      sources: tie.sources,
    });
  }
  for (const d of data.disagreements) {
    const sources = [...new Set(d.accounts.flatMap((a) => a.sources))];
    node("Disagreement", {
      id: d.id,
      topic: d.topic,
      accounts: d.accounts.map((a) => `${a.claim} (${a.sources.join(", ")})`),
      film,
      sources,
    });
    rel("ABOUT", d.id, d.about, "", { sources });
  }

  return { film, nodes, rels };
}
