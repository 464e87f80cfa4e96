// Turns a validated dataset into a write plan: batched, parameterised UNWIND statements,
// one per node label and per (relationship type, start label, end label). The importer
// runs the plan over Bolt; the Cypher export prints the same plan with the rows inlined.
import { normaliseName } from "../text/normalise.ts";
import {
  actRelationship,
  loyaltyKey,
  membershipKey,
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

interface RelRow {
  from: string;
  to: string;
  /** Identity of the relationship between the same two nodes, for MERGE on re-import. */
  key: string;
  props: Row;
}

/** Drops undefined fields: Neo4j stores no nulls in properties. */
function clean(row: Row): Row {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined));
}

function nodeStatement(label: NodeLabel, rows: Row[]): PlannedStatement {
  return {
    name: `${label} nodes`,
    kind: "node",
    label,
    // `SET n = row` replaces all properties, so a re-import leaves no stale ones.
    cypher: `UNWIND $rows AS row\nMERGE (n:${label} {id: row.id})\nSET n = row`,
    rows: rows.map(clean),
  };
}

function relStatement(
  type: RelationshipType,
  fromLabel: NodeLabel,
  toLabel: NodeLabel,
  rows: RelRow[],
): PlannedStatement {
  return {
    name: `${type} (${fromLabel} -> ${toLabel})`,
    kind: "relationship",
    type,
    cypher:
      `UNWIND $rows AS row\n` +
      `MATCH (a:${fromLabel} {id: row.from})\n` +
      `MATCH (b:${toLabel} {id: row.to})\n` +
      `MERGE (a)-[r:${type} {key: row.key}]->(b)\n` +
      `SET r = row.props, r.key = row.key`,
    rows: rows.map((r) => ({ ...r, props: clean(r.props) })),
  };
}

export function planImport(dataset: LoadedDataset, index: DatasetIndex): PlannedStatement[] {
  const nodes = new Map<NodeLabel, Row[]>();
  const rels = new Map<
    string,
    { type: RelationshipType; from: NodeLabel; to: NodeLabel; rows: RelRow[] }
  >();
  const labelOf = (id: string): NodeLabel => {
    const found = index.get(id);
    if (!found) throw new Error(`planImport: "${id}" is not in the index; validate first`);
    return found.label;
  };
  const node = (label: NodeLabel, row: Row) => {
    const list = nodes.get(label) ?? [];
    list.push(row);
    nodes.set(label, list);
  };
  const rel = (
    type: RelationshipType,
    from: string,
    to: string,
    key: string,
    props: Row,
    fromLabel?: NodeLabel,
    toLabel?: NodeLabel,
  ) => {
    const [a, b] = [fromLabel ?? labelOf(from), toLabel ?? labelOf(to)];
    const group = `${type}|${a}|${b}`;
    const entry = rels.get(group) ?? { type, from: a, to: b, rows: [] };
    entry.rows.push({ from, to, key, props });
    rels.set(group, entry);
  };

  const loadedFilms = new Set(dataset.films.map((f) => f.data.film.id));
  for (const source of dataset.sources.sources) {
    if (!loadedFilms.has(source.film)) continue;
    node("Source", { ...source });
    rel("SUMMARISES", source.id, source.film, source.film, {}, "Source", "Film");
  }

  for (const { data } of dataset.films) {
    const film = data.film.id;
    const events = new Map(data.events.map((e) => [e.id, e]));
    const vocabulary = vocabularyOf(data);
    node("Film", { ...data.film });

    for (const place of data.places) {
      node("Place", {
        id: place.id,
        name: place.name,
        kind: place.kind,
        description: place.description,
        film,
        sources: place.sources,
      });
      if (place.in) rel("LOCATED_IN", place.id, place.in, "", { sources: place.sources });
    }
    for (const group of data.groups) {
      node("Group", { ...group, film });
      rel("APPEARS_IN", group.id, film, "", { sources: group.sources });
    }
    for (const c of data.characters) {
      node("Character", {
        ...c,
        film,
        parallelRole: parallelRole(c.role, vocabulary),
        // Lower-case, accent-free name and aliases, for look-ups by name.
        searchKeys: [...new Set([c.name, ...c.aliases].map(normaliseName))],
      });
      rel("APPEARS_IN", c.id, film, "", { sources: c.sources });
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
      rel("IN_FILM", event.id, film, "", { seq: event.seq, sources: event.sources });
      if (event.place)
        rel("TOOK_PLACE_AT", event.id, event.place, "", { seq: event.seq, sources: event.sources });
      for (const p of event.participants) {
        rel("PARTICIPATED_IN", p.who, event.id, "", {
          role: p.role,
          seq: event.seq,
          sources: p.sources ?? event.sources,
        });
      }
      const next = ordered[i + 1];
      if (next) {
        rel("NEXT", event.id, next.id, "", {
          sources: [...new Set([...event.sources, ...next.sources])],
        });
      }
    });

    for (const m of data.memberships) {
      rel("MEMBER_OF", m.member, m.group, membershipKey(m), {
        role: m.role,
        since: m.since,
        until: m.until,
        sources: m.sources,
      });
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
  }

  const statements: PlannedStatement[] = [];
  for (const [label, rows] of nodes) statements.push(nodeStatement(label, rows));
  for (const { type, from, to, rows } of rels.values())
    statements.push(relStatement(type, from, to, rows));
  return statements;
}
