// Caps on the rows a response may hold. Every list field may return at most `maxRows` items:
// Neo4j is asked for one more than that (so it does not produce what nobody will see), and a
// list that comes back longer than the cap is an error naming the field, never a silently
// shortened answer.
//   - @node types get @limit(default: maxRows + 1, max: maxRows + 1), which @neo4j/graphql
//     applies to top-level lists, relationship fields and connections (not to fields whose
//     target is a union, e.g. Character.killed: those are checked when they come back);
//   - @cypher list fields get `LIMIT maxRows + 1` after their statement;
//   - every list field's resolver checks the length.
import {
  defaultFieldResolver,
  GraphQLError,
  Kind,
  parse,
  print,
  visit,
  type ConstArgumentNode,
  type ConstDirectiveNode,
  type GraphQLFieldResolver,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type StringValueNode,
} from "graphql";
import { LOAD_LIMIT_SETTINGS } from "./load-limits.ts";

const intArg = (name: string, value: number): ConstArgumentNode => ({
  kind: Kind.ARGUMENT,
  name: { kind: Kind.NAME, value: name },
  value: { kind: Kind.INT, value: String(value) },
});

const isListTypeNode = (type: { kind: Kind; type?: unknown }): boolean =>
  type.kind === Kind.LIST_TYPE ||
  (type.kind === Kind.NON_NULL_TYPE && (type.type as { kind: Kind }).kind === Kind.LIST_TYPE);

/** The type definitions with Neo4j-side row limits of maxRows + 1 on every list. */
export function capTypeDefs(typeDefs: string, maxRows: number): string {
  const fetch = maxRows + 1;
  const limit: ConstDirectiveNode = {
    kind: Kind.DIRECTIVE,
    name: { kind: Kind.NAME, value: "limit" },
    arguments: [intArg("default", fetch), intArg("max", fetch)],
  };
  const document = visit(parse(typeDefs), {
    ObjectTypeDefinition(node) {
      const directives = node.directives ?? [];
      const names = directives.map((d) => d.name.value);
      if (!names.includes("node") || names.includes("limit")) return undefined;
      return { ...node, directives: [...directives, limit] };
    },
    FieldDefinition(node) {
      if (!isListTypeNode(node.type)) return undefined;
      const directives = node.directives?.map((directive) => {
        if (directive.name.value !== "cypher") return directive;
        return {
          ...directive,
          arguments: directive.arguments?.map((arg) => {
            if (arg.name.value !== "statement") return arg;
            const statement = (arg.value as StringValueNode).value;
            return { ...arg, value: { ...arg.value, value: `${statement}\nLIMIT ${fetch}` } };
          }),
        };
      });
      return { ...node, directives };
    },
  });
  return print(document);
}

/**
 * The error for a list over the cap. `narrowing`: the arguments that ask for fewer of its
 * items (see narrowingArguments); when none does, only a higher cap gets the whole list.
 */
export function rowLimitError(where: string, maxRows: number, narrowing: string[]): GraphQLError {
  const setting = LOAD_LIMIT_SETTINGS.maxRows;
  const fewer =
    narrowing.length > 0
      ? `Ask for fewer with ${narrowing.join(", ")}, or raise the cap.`
      : `No argument narrows it: raise the cap to get it whole.`;
  return new GraphQLError(
    `${where} has more than ${maxRows} items, the most a list may return ` +
      `(${setting.env}, serve --${setting.flag}). ${fewer}`,
    { extensions: { code: "ROW_LIMIT_EXCEEDED", maxRows } },
  );
}

const isObjectType = (type: GraphQLNamedType): type is GraphQLObjectType =>
  "getFields" in type && "isTypeOf" in type;

/**
 * Whether an argument chooses what is asked about rather than how much of it comes back: the
 * film, and a subject as typed (`subject`, a pair's `to`: the only required strings).
 */
const choosesSubject = (arg: { name: string; type: unknown }) =>
  arg.name === "film" || String(arg.type) === "String!";

/** A field's arguments that can make its lists shorter (not `sort`, not the subject). */
const narrowersOf = (field: { args: readonly { name: string; type: unknown }[] }) =>
  field.args.filter((a) => a.name !== "sort" && !choosesSubject(a)).map((a) => a.name);

/**
 * For each list field (`Type.field`), the arguments that narrow it: its own (a node list's
 * where, limit, offset; a question's options) and those of the fields that return its type
 * as one object (`TimelineAnswer.rows`: `Query.timeline`'s from and to;
 * `EventsConnection.edges`: `Query.eventsConnection`'s first, after, where;
 * `BetrayalChains.chains`: `betrayalChains`' maxDepth, limit, ...).
 */
function narrowingArguments(schema: GraphQLSchema): Map<string, string[]> {
  const objectTypes = Object.values(schema.getTypeMap()).filter(
    (type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith("__"),
  );
  // A question's answer, a connection or a chains' answer holds its lists one level down,
  // and is made by the field that returns it (one object, not a list of nodes): what narrows
  // those lists are that field's arguments.
  const askedBy = new Map<string, string[]>();
  for (const type of objectTypes)
    for (const field of Object.values(type.getFields())) {
      const returned = String(field.type);
      if (returned.startsWith("[")) continue;
      const name = returned.replace(/!$/, "");
      askedBy.set(name, [...new Set([...(askedBy.get(name) ?? []), ...narrowersOf(field)])]);
    }
  const narrowing = new Map<string, string[]>();
  for (const type of objectTypes)
    for (const field of Object.values(type.getFields())) {
      narrowing.set(`${type.name}.${field.name}`, [
        ...narrowersOf(field),
        ...(askedBy.get(type.name) ?? []),
      ]);
    }
  return narrowing;
}

/** Wraps every list field's resolver of the schema (in place) with the length check. */
export function capListFields(schema: GraphQLSchema, maxRows: number): GraphQLSchema {
  // Checked by shape, not instanceof: under a bundler (vitest) @neo4j/graphql's CommonJS
  // graphql and this module's ESM graphql are two copies whose classes differ.
  const narrowing = narrowingArguments(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (!/^\[.*\]!?$/.test(String(field.type))) continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      const check = (value: unknown) => {
        if (Array.isArray(value) && value.length > maxRows)
          throw rowLimitError(
            `${type.name}.${field.name}`,
            maxRows,
            narrowing.get(`${type.name}.${field.name}`) ?? [],
          );
        return value;
      };
      field.resolve = (source, args, context, info) => {
        const value = resolve(source, args, context, info);
        return value instanceof Promise ? value.then(check) : check(value);
      };
    }
  }
  return schema;
}
