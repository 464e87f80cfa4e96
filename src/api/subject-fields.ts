// Query.character(name:, film:) and Query.group(name:, film:): a character or group found as
// the CLI finds it (an id, a name as written, an alias, one word of a name; case and accents
// ignored; the film narrowing it), then read like any node, its relationships and question
// fields included. The look-up is the one resolver every surface uses (src/queries/lookup.ts);
// the node is read by handing the same selection to the generated `characters`/`groups`
// field, by id.
import {
  execute,
  GraphQLError,
  Kind,
  type DocumentNode,
  type FieldNode,
  type GraphQLResolveInfo,
} from "graphql";
import type { Database } from "../db/connection.ts";
import { HeistgraphError } from "../errors.ts";
import { ask } from "../queries/lookup.ts";

export const SUBJECT_TYPE_DEFS = /* GraphQL */ `
  extend type Query {
    "A character found by id, name, alias or one word of a name, as the CLI finds it; the film narrows the search."
    character(name: String!, film: String): Character
    "A group found by id or name, as the CLI finds it; the film narrows the search."
    group(name: String!, film: String): Group
  }
`;

/** The same selection, asked of the generated list field by id. */
function byId(info: GraphQLResolveInfo, list: "characters" | "groups"): DocumentNode {
  const field = info.fieldNodes[0] as FieldNode;
  const idVariable = "__heistgraphSubjectId";
  return {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: info.operation.operation,
        variableDefinitions: [
          ...(info.operation.variableDefinitions ?? []),
          {
            kind: Kind.VARIABLE_DEFINITION,
            variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: idVariable } },
            type: {
              kind: Kind.NON_NULL_TYPE,
              type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: "ID" } },
            },
          },
        ],
        selectionSet: {
          kind: Kind.SELECTION_SET,
          selections: [
            {
              ...field,
              alias: undefined,
              name: { kind: Kind.NAME, value: list },
              arguments: [
                {
                  kind: Kind.ARGUMENT,
                  name: { kind: Kind.NAME, value: "where" },
                  value: {
                    kind: Kind.OBJECT,
                    fields: [
                      {
                        kind: Kind.OBJECT_FIELD,
                        name: { kind: Kind.NAME, value: "id" },
                        value: {
                          kind: Kind.OBJECT,
                          fields: [
                            {
                              kind: Kind.OBJECT_FIELD,
                              name: { kind: Kind.NAME, value: "eq" },
                              value: {
                                kind: Kind.VARIABLE,
                                name: { kind: Kind.NAME, value: idVariable },
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          ],
        },
      },
      ...Object.values(info.fragments),
    ],
  };
}

export function subjectResolvers(db: () => Database) {
  const resolve =
    (groups: boolean, list: "characters" | "groups") =>
    async (
      _parent: unknown,
      args: { name: string; film?: string | null },
      context: unknown,
      info: GraphQLResolveInfo,
    ) => {
      let id: string;
      try {
        const { characters } = await ask(db(), {
          film: args.film ?? undefined,
          names: [args.name],
          onlyGroups: groups,
          questions: [],
        });
        const found = characters[0];
        if (!found) return null;
        id = found.id;
      } catch (error) {
        if (!(error instanceof HeistgraphError)) throw error;
        const { what, where, expected, suggestion } = error.problem;
        throw new GraphQLError(what, {
          extensions: { code: "BAD_USER_INPUT", where, expected, suggestion },
        });
      }
      const result = await execute({
        schema: info.schema,
        document: byId(info, list),
        contextValue: context,
        variableValues: { ...info.variableValues, __heistgraphSubjectId: id },
      });
      if (result.errors?.length) throw result.errors[0];
      const rows = (result.data?.[list] ?? []) as unknown[];
      return rows[0] ?? null;
    };
  return {
    Query: {
      character: resolve(false, "characters"),
      group: resolve(true, "groups"),
    },
  };
}
