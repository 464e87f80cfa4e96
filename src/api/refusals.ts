// Queries the API refuses before running them get HTTP 400 and a code, never a 500: a negative
// limit, offset or first would reach Neo4j as `LIMIT -1` and come back as an internal error,
// so it is refused here with the argument named. (The token limit is graphql-js's own parse
// option, see server.ts: graphql-armor checks it in a plugin hook, where Apollo answers 500.)
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Kind, visit, type ArgumentNode, type DocumentNode } from "graphql";

const refusal = (message: string, code: string, nodes?: ArgumentNode[]) =>
  new GraphQLError(message, { nodes, extensions: { code, http: { status: 400 } } });

/** Arguments that count or skip rows; @neo4j/graphql passes them to Cypher's LIMIT and SKIP. */
const COUNT_ARGUMENTS = new Set(["limit", "offset", "first"]);

/** The first negative limit, offset or first of the document, as a GraphQLError. */
export function negativeCountArgument(
  document: DocumentNode,
  variables: Record<string, unknown> = {},
): GraphQLError | undefined {
  let found: GraphQLError | undefined;
  let field = "";
  visit(document, {
    Field(node) {
      field = node.name.value;
    },
    Argument(node) {
      if (found || !COUNT_ARGUMENTS.has(node.name.value)) return;
      const value =
        node.value.kind === Kind.INT
          ? Number(node.value.value)
          : node.value.kind === Kind.VARIABLE
            ? variables[node.value.name.value]
            : undefined;
      if (typeof value === "number" && value < 0) {
        const name = node.name.value;
        found = refusal(
          `${name} must be 0 or more, not ${value} (${field}(${name}: ...)). ` +
            `Leave ${name} out for the default, or give a whole number of 0 or more.`,
          "BAD_USER_INPUT",
          [node],
        );
      }
    },
  });
  return found;
}

/** Refuses a request with a negative limit, offset or first (see negativeCountArgument). */
export const countArgumentsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, request }) {
        const error = negativeCountArgument(document, request.variables);
        if (error) throw error;
      },
    };
  },
};
