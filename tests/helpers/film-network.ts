// A film file (as written, or as the story generator makes it) as the betrayal network the
// page and the images draw, without a database: for layout tests and benchmarks of many
// stories, where importing each one would cost more than the layout itself. The integration
// tests draw the real films from network() as Neo4j answers it.
import type { FilmFile } from "../../src/dataset/schema.ts";
import type { Network, NetworkEdge, NetworkNode } from "../../src/network/index.ts";
import type { StorylineInput } from "../../src/viz/storyline.ts";

const EDGE_TYPES = new Set(["BETRAYED", "KILLED", "WOUNDED"]);

export function filmNetwork(file: FilmFile): Network {
  const film = file.film.id;
  const seqOf = new Map(file.events.map((e) => [e.id, e.seq]));
  const memberships = (id: string) => file.memberships.filter((m) => m.member === id);
  const nodes: NetworkNode[] = [
    ...file.characters.map((c): NetworkNode => ({
      id: c.id,
      kind: "character",
      name: c.name,
      film,
      role: c.role ?? "",
      fate: c.fate,
      unnamed: c.unnamed,
      groups: [...new Set(memberships(c.id).map((m) => m.group))].sort(),
      memberships: memberships(c.id)
        .map((m) => ({ group: m.group, since: m.since ?? null, until: m.until ?? null }))
        .sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0)),
      sources: c.sources,
    })),
    ...file.groups.map((g): NetworkNode => ({
      id: g.id,
      kind: "group",
      name: g.name,
      film,
      role: g.kind,
      fate: null,
      unnamed: false,
      groups: [],
      sources: g.sources,
    })),
  ];
  const base = { covert: false, coerced: false, how: null, since: null, until: null };
  const edges: NetworkEdge[] = [
    ...file.acts
      .filter((a) => EDGE_TYPES.has(a.type.toUpperCase()))
      .map((a, i): NetworkEdge => ({
        ...base,
        id: `${film}-act-${i}`,
        type: a.type.toUpperCase() as NetworkEdge["type"],
        source: a.by,
        target: a.to,
        seq: seqOf.get(a.event) ?? null,
        coerced: a.coerced ?? false,
        how: a.how,
        sources: a.sources,
      })),
    ...file.loyalties.map((l, i): NetworkEdge => ({
      ...base,
      id: `${film}-loyalty-${i}`,
      type: "LOYAL_TO",
      source: l.from,
      target: l.to,
      seq: null,
      since: l.since ?? null,
      until: l.until ?? null,
      covert: l.covert,
      sources: l.sources,
    })),
  ];
  return { films: [{ id: film, title: file.film.title }], nodes, edges };
}

/** A film file as what its storyline is drawn from (the timeline's rows and the nodes). */
export function filmStoryline(file: FilmFile): StorylineInput {
  const groups = new Set(file.groups.map((g) => g.id));
  const net = filmNetwork(file);
  return {
    title: file.film.title,
    nodes: net.nodes,
    events: file.events.map((e) => ({
      seq: e.seq,
      id: e.id,
      name: e.name,
      participants: e.participants.map((p) => ({ id: p.who, isGroup: groups.has(p.who) })),
      acts: file.acts
        .filter((a) => a.event === e.id)
        .map((a) => ({ type: a.type.toUpperCase(), byId: a.by, toId: a.to, how: a.how })),
    })),
  };
}
