// Connection: the shortest routes between two characters through the story's relationships.
import type { z } from "zod";
import type { Database } from "../../db/connection.ts";
import { HeistgraphError } from "../../errors.ts";
import { askQuestion } from "../../questions/ask-question.ts";
import connectionQuestion, {
  type ConnectionNode as ConnectionNodeShape,
  type ConnectionRelationship as ConnectionRelationshipShape,
  type ConnectionRoute as ConnectionRouteShape,
  type ConnectionStep as ConnectionStepShape,
} from "../../questions/connection/question.ts";
import type { CharacterRef } from "../lookup.ts";

export { DEFAULT_MAX_LENGTH, HARD_MAX_LENGTH } from "../../questions/connection/question.ts";

export type ConnectionNode = z.infer<typeof ConnectionNodeShape>;
export type ConnectionRelationship = z.infer<typeof ConnectionRelationshipShape>;
/** The relationship types connection.cypher follows (see its header for why). */
export type ConnectionType = ConnectionRelationship["type"];
export type ConnectionStep = z.infer<typeof ConnectionStepShape>;
/** One shortest route: a sequence of nodes, and all the relationships along each hop. */
export type ConnectionRoute = z.infer<typeof ConnectionRouteShape>;

export interface Connection {
  from: CharacterRef;
  to: CharacterRef;
  maxLength: number;
  /** The length (hops) of the shortest routes; null when none was found. */
  length: number | null;
  /** Empty when no route of at most maxLength hops exists (always so across films). */
  routes: ConnectionRoute[];
}

export interface ConnectionOptions {
  /** The longest route to look for, 1..HARD_MAX_LENGTH (default DEFAULT_MAX_LENGTH). */
  maxLength?: number | string;
  /** The film, when a name is in several; applies to both names. */
  film?: string;
  /** A moment of the story (an event's seq): only relationships begun by then. */
  at?: number | string | null;
}

/** The shortest routes from one character to another, by name or alias. */
export async function connection(
  db: Database,
  fromName: string,
  toName: string,
  options: ConnectionOptions = {},
): Promise<Connection> {
  const {
    subjects: [from, to],
    options: { maxLength },
    rows: routes,
  } = await askQuestion<ConnectionRoute>(db, connectionQuestion, {
    subject: fromName,
    second: toName,
    film: options.film,
    options: { maxLength: options.maxLength, at: options.at },
  });
  if (!from || !to) throw new Error("find-subject.cypher found no characters");
  if (from.id === to.id) {
    throw new HeistgraphError({
      what: `"${fromName}" and "${toName}" are the same character, ${from.name}.`,
      expected: "two different characters",
      suggestion: `see everything about ${from.name} with \`npx heistgraph dossier "${from.name}"\``,
    });
  }
  return {
    from,
    to,
    maxLength: maxLength as number,
    length: routes[0]?.steps.length ?? null,
    routes,
  };
}
