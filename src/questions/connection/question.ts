// Connection: the shortest routes between two characters through the story's relationships.
import { z } from "zod";
import { ACT_TYPES, TIE_TYPES } from "../../dataset/vocabulary.ts";
import { defineQuestion } from "../define.ts";
import { bounded, flag, id, named, sources, storyTime, text, whole } from "../shape.ts";

/** The longest path searched when none is asked for: every connected pair in the films is closer. */
export const DEFAULT_MAX_LENGTH = 6;
/** The longest path one may ask for: shortest-path search grows fast with the bound. */
export const HARD_MAX_LENGTH = 10;

export const ConnectionNode = named(
  "ConnectionNode",
  z.object({
    id: id(),
    name: text(),
    isGroup: flag().describe('A route may go through a group, e.g. "The police".'),
    role: text().nullable().describe("The character's narrative role; null for a group."),
  }),
);

export const ConnectionRelationship = named(
  "ConnectionRelationship",
  z.object({
    type: z.enum([
      ...ACT_TYPES,
      "ACTED_ON",
      ...TIE_TYPES,
      "TIED_TO",
      "LOYAL_TO",
      "KNOWS_SECRET_OF",
      "MEMBER_OF",
    ]),
    direction: z
      .enum(["forward", "backward"])
      .describe("forward: from the step's first node to its second; backward: the other way."),
    seq: whole().nullable().describe("For an act, its event's seq."),
    since: whole().nullable(),
    until: whole().nullable(),
    covert: flag().nullable().describe("LOYAL_TO only: whether the loyalty is hidden."),
    detail: text()
      .nullable()
      .describe("An act's how, a loyalty's kind, a membership's role, a tie's status..."),
    sources: sources(),
  }),
);

export const ConnectionStep = named(
  "ConnectionStep",
  z.object({
    fromId: id(),
    toId: id(),
    relationships: z
      .array(ConnectionRelationship)
      .describe("Every followed relationship between the two nodes, in story order."),
  }),
);

export const ConnectionRoute = named(
  "ConnectionRoute",
  z.object({
    nodes: z.array(ConnectionNode),
    steps: z.array(ConnectionStep),
    strength: whole().describe("The number of relationships on the route; strongest first."),
  }),
);

export default defineQuestion({
  name: "connection",
  file: "connection",
  summary: "the shortest routes between two characters through the story's relationships",
  subject: { kind: "pair", param: "fromId", second: "toId" },
  options: z.object({
    maxLength: bounded("RouteLength", 1, HARD_MAX_LENGTH)
      .default(DEFAULT_MAX_LENGTH)
      .describe(`The longest route to look for, 1 to ${HARD_MAX_LENGTH}.`),
    at: storyTime(),
  }),
  row: ConnectionRoute,
  graphql: { field: "connection" },
});
