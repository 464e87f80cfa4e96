// What the page asks the server: the network as JSON from /api/network, everything else
// (films, events, sources, dossiers, death-by-whom chains) from the GraphQL API at /graphql.
import type { NetworkEdgeType } from "../../src/network/model.ts";
import { CATALOGUE_QUERY, EVENTS_QUERY } from "../../src/web/page-queries.ts";
import type { Catalogue, StoryEvent } from "../../src/web/page-queries.ts";
import { ALL_FILMS } from "../../src/web/film-choice.ts";
import { FIRST_VIEW_ROUTE, type FirstView } from "../../src/web/first-view.ts";
import type { CharacterBetrayalChains, PositionedNetwork } from "../../src/web/network-route.ts";

export type {
  Network,
  NetworkEdge,
  NetworkEdgeType,
  NetworkNode,
} from "../../src/network/model.ts";
export type { CharacterBetrayalChains, PositionedNetwork } from "../../src/web/network-route.ts";
export type { Catalogue, Film, SourceInfo, StoryEvent } from "../../src/web/page-queries.ts";
export type { BetrayalChain, BetrayalStep } from "../../src/queries/betrayals/index.ts";

export const EDGE_TYPES: NetworkEdgeType[] = ["BETRAYED", "KILLED", "WOUNDED", "LOYAL_TO"];

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

/** The first view in one answer; `film` as the address names it (null: all films). */
export function fetchFirstView(film: string | null | undefined): Promise<FirstView> {
  const query = film === undefined ? "" : `?film=${encodeURIComponent(film ?? ALL_FILMS)}`;
  return getJson<FirstView>(`${FIRST_VIEW_ROUTE}${query}`);
}

export async function fetchCatalogue(): Promise<Catalogue> {
  return graphql(CATALOGUE_QUERY);
}

export async function fetchEvents(film: string): Promise<StoryEvent[]> {
  const data = await graphql<{ events: StoryEvent[] }>(EVENTS_QUERY, { film });
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

// ---- Questions ------------------------------------------------------------------------------

// The page asks the registry's questions (src/questions) through /api/questions/<name>, which
// answers with askQuestion as the CLI and the TS helpers do: one answer everywhere, and the
// rows' types come from the declarations (types only, so no server code is bundled).
import type { RowOf } from "../../src/questions/define.ts";
import type deathByWhomQuestion from "../../src/questions/death-by-whom/question.ts";
import type dossierQuestion from "../../src/questions/dossier/question.ts";
import type groupDossierQuestion from "../../src/questions/group-dossier/question.ts";
import type { DeathChain, KillStep } from "../../src/queries/deaths/index.ts";

export type { DeathChain, KillStep };
export type CharacterDossierRow = RowOf<typeof dossierQuestion>;
export type GroupDossierRow = RowOf<typeof groupDossierQuestion>;
export type DossierAct = CharacterDossierRow["actsDone"][number];
export type DossierLoyaltyFrom = CharacterDossierRow["loyalFrom"][number];

/** A question of the registry, asked about a subject (an id works) and options. */
export async function ask<Row>(
  name: string,
  request: { subject?: string; film?: string; options?: Record<string, unknown> },
): Promise<Row[]> {
  const params = new URLSearchParams();
  if (request.subject !== undefined) params.set("subject", request.subject);
  if (request.film !== undefined) params.set("film", request.film);
  for (const [key, value] of Object.entries(request.options ?? {}))
    if (value !== null && value !== undefined) params.set(key, String(value));
  const answer = await getJson<{ rows: Row[] }>(
    `/api/questions/${encodeURIComponent(name)}?${params.toString()}`,
  );
  return answer.rows;
}

export interface CharacterDossier extends CharacterDossierRow {
  kind: "character";
  id: string;
  name: string;
  /** How they die, as far as the story has gone. */
  deathByWhom: DeathChain[];
}

export interface GroupDossier extends GroupDossierRow {
  kind: "group";
  id: string;
  name: string;
}

export type Dossier = CharacterDossier | GroupDossier;

/** The dossier of a character or group as it stands after event `at` (null: the whole story). */
export async function fetchDossier(
  id: string,
  kind: "character" | "group",
  at: number | null,
): Promise<Dossier> {
  if (kind === "group") {
    const [row] = await ask<GroupDossierRow>("group-dossier", { subject: id, options: { at } });
    if (!row) throw new Error(`no group with id ${id}`);
    return { kind: "group", id: row.group.id, name: row.group.name, ...row };
  }
  const [[row], deathByWhom] = await Promise.all([
    ask<CharacterDossierRow>("dossier", { subject: id, options: { at } }),
    ask<RowOf<typeof deathByWhomQuestion>>("death-by-whom", { subject: id }),
  ]);
  if (!row) throw new Error(`no character with id ${id}`);
  return { kind: "character", id: row.character.id, name: row.character.name, ...row, deathByWhom };
}
