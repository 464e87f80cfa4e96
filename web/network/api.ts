// What the page asks the server: the network as JSON from /api/network, everything else
// (films, events, sources, dossiers, death-by-whom chains) from the GraphQL API at /graphql.
import type { NetworkEdgeType } from "../../src/network/model.ts";
import type { CharacterBetrayalChains, PositionedNetwork } from "../../src/web/network-route.ts";

export type {
  Network,
  NetworkEdge,
  NetworkEdgeType,
  NetworkNode,
} from "../../src/network/model.ts";
export type { CharacterBetrayalChains, PositionedNetwork } from "../../src/web/network-route.ts";
export type { BetrayalChain, BetrayalStep } from "../../src/queries/betrayals/index.ts";

export const EDGE_TYPES: NetworkEdgeType[] = ["BETRAYED", "KILLED", "WOUNDED", "LOYAL_TO"];

export interface Film {
  id: string;
  title: string;
  year: number | null;
  director: string | null;
}

export interface StoryEvent {
  id: string;
  seq: number;
  name: string;
  summary?: string;
  sources?: string[];
}

export interface SourceInfo {
  id: string;
  title: string;
}

/** A failed request, with the HTTP status (503: Neo4j is down, try again soon). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  const body = (await response.json().catch(() => null)) as T | { error?: string } | null;
  if (!response.ok) {
    // The routes answer {error}, GraphQL {errors: [{message}]}: either says what went wrong.
    const said = body as { error?: string; errors?: { message?: string }[] } | null;
    const error = said?.error ?? said?.errors?.[0]?.message;
    throw new ApiError(error ?? `${url} answered ${response.status}`, response.status);
  }
  return body as T;
}

export async function graphql<T>(
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const body = await getJson<{ data?: T; errors?: { message: string }[] }>("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join("; "));
  if (!body.data) throw new Error("the GraphQL API answered without data");
  return body.data;
}

/** The network of one film, or of every film (film null), with its layout. */
export function fetchNetwork(film: string | null): Promise<PositionedNetwork> {
  const query = film === null ? "" : `?film=${encodeURIComponent(film)}`;
  return getJson<PositionedNetwork>(`/api/network${query}`);
}

/** The film's storyline chart, drawn by the server (src/viz/storyline.ts) as SVG markup. */
export async function fetchStoryline(film: string): Promise<string> {
  const response = await fetch(`/api/storyline.svg?film=${encodeURIComponent(film)}`);
  if (!response.ok) throw new Error(`the storyline answered ${response.status}`);
  return response.text();
}

/** The betrayal chains (time-respecting, group rule of src/queries/betrayals) involving a character. */
export function fetchBetrayalChains(id: string): Promise<CharacterBetrayalChains> {
  return getJson<CharacterBetrayalChains>(
    `/api/betrayal-chains?character=${encodeURIComponent(id)}`,
  );
}

export async function fetchCatalogue(): Promise<{ films: Film[]; sources: SourceInfo[] }> {
  return graphql(`
    {
      films(sort: [{ title: ASC }]) {
        id
        title
        year
        director
      }
      sources {
        id
        title
      }
    }
  `);
}

export async function fetchEvents(film: string): Promise<StoryEvent[]> {
  const data = await graphql<{ events: StoryEvent[] }>(
    `
      query Events($film: String!) {
        events(where: { film: { eq: $film } }, sort: [{ seq: ASC }]) {
          id
          seq
          name
          summary
          sources
        }
      }
    `,
    { film },
  );
  return data.events;
}

/** Every character's aliases (one film, or every film for null), for the search box. */
export async function fetchAliases(
  film: string | null,
): Promise<{ id: string; aliases: string[] }[]> {
  const data = await graphql<{ characters: { id: string; aliases: string[] }[] }>(
    `
      query Aliases($where: CharacterWhere) {
        characters(where: $where, sort: [{ id: ASC }]) {
          id
          aliases
        }
      }
    `,
    { where: film === null ? {} : { film: { eq: film } } },
  );
  return data.characters;
}

// ---- Dossiers -------------------------------------------------------------------------------

export interface Ref {
  id: string;
  name: string;
}

export interface ActFact {
  properties: {
    event: string;
    seq: number | null;
    how: string;
    coerced: boolean | null;
    coercedBy: string | null;
    note: string | null;
    sources: string[];
  };
  node: Ref;
}

export interface LoyaltyFact {
  properties: {
    kind: string;
    covert: boolean;
    since: number | null;
    until: number | null;
    knownBy: string[];
    note: string | null;
    sources: string[];
  };
  node: Ref;
}

export interface MembershipFact {
  properties: { role: string; since: number | null; until: number | null; sources: string[] };
  node: Ref;
}

// The API answers with the TS helpers' shapes; types only, so no server code is bundled.
import type { DeathChain, KillStep } from "../../src/queries/deaths/index.ts";

export type { DeathChain, KillStep };

type Edges<T> = { edges: T[] };

export interface CharacterDossier {
  kind: "character";
  id: string;
  name: string;
  aliases: string[];
  unnamed: boolean;
  role: string;
  occupation: string | null;
  fate: string;
  description: string;
  note: string | null;
  film: string;
  sources: string[];
  memberOfConnection: Edges<MembershipFact>;
  betrayedConnection: Edges<ActFact>;
  betrayedByConnection: Edges<ActFact>;
  killedConnection: Edges<ActFact>;
  killedByConnection: Edges<ActFact>;
  woundedConnection: Edges<ActFact>;
  woundedByConnection: Edges<ActFact>;
  loyalToConnection: Edges<LoyaltyFact>;
  loyaltyOfConnection: Edges<LoyaltyFact>;
  deathByWhom: DeathChain[];
}

export interface GroupDossier {
  kind: "group";
  id: string;
  name: string;
  groupKind: string;
  description: string;
  film: string;
  sources: string[];
  membersConnection: Edges<MembershipFact>;
  killedConnection: Edges<ActFact>;
  betrayedByConnection: Edges<ActFact>;
}

export type Dossier = CharacterDossier | GroupDossier;

const ACTOR = "node { ... on Character { id name } ... on Group { id name } }";
const ACT = `edges { properties { event seq how coerced coercedBy note sources } ${ACTOR} }`;
const LOYALTY = "properties { kind covert since until knownBy note sources }";
const MEMBERSHIP = "edges { properties { role since until sources } node { id name } }";

const CHARACTER_DOSSIER = `
  query CharacterDossier($id: ID!) {
    characters(where: { id: { eq: $id } }) {
      id name aliases unnamed role occupation fate description note film sources
      memberOfConnection { ${MEMBERSHIP} }
      betrayedConnection { ${ACT} }
      betrayedByConnection { ${ACT} }
      killedConnection { ${ACT} }
      killedByConnection { ${ACT} }
      woundedConnection { ${ACT} }
      woundedByConnection { ${ACT} }
      loyalToConnection { edges { ${LOYALTY} ${ACTOR} } }
      loyaltyOfConnection { edges { ${LOYALTY} node { id name } } }
      deathByWhom { endsWith steps { victim victimId killer killerId killerIsGroup event seq how sources } }
    }
  }
`;

const GROUP_DOSSIER = `
  query GroupDossier($id: ID!) {
    groups(where: { id: { eq: $id } }) {
      id name groupKind: kind description film sources
      membersConnection { ${MEMBERSHIP} }
      killedConnection { ${ACT} }
      betrayedByConnection { ${ACT} }
    }
  }
`;

export async function fetchDossier(id: string, kind: "character" | "group"): Promise<Dossier> {
  if (kind === "group") {
    const data = await graphql<{ groups: Omit<GroupDossier, "kind">[] }>(GROUP_DOSSIER, { id });
    const group = data.groups[0];
    if (!group) throw new Error(`no group with id ${id}`);
    return { kind: "group", ...group };
  }
  const data = await graphql<{ characters: Omit<CharacterDossier, "kind">[] }>(CHARACTER_DOSSIER, {
    id,
  });
  const character = data.characters[0];
  if (!character) throw new Error(`no character with id ${id}`);
  return { kind: "character", ...character };
}

export async function fetchDeathByWhom(id: string): Promise<DeathChain[]> {
  const data = await graphql<{ characters: { deathByWhom: DeathChain[] }[] }>(
    `
      query DeathByWhom($id: ID!) {
        characters(where: { id: { eq: $id } }) {
          deathByWhom {
            endsWith
            steps {
              victim
              victimId
              killer
              killerId
              killerIsGroup
              event
              seq
              how
              sources
            }
          }
        }
      }
    `,
    { id },
  );
  return data.characters[0]?.deathByWhom ?? [];
}
