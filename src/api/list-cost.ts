// A cost limit that grows with list sizes. graphql-armor's cost limit (server.ts) counts
// fields and depth, but not how many items each list may hold, so lists nested seven deep
// (characters { memberOf { members { memberOf ... } } }) cost it little while their records
// keep the event loop busy decoding until the deadline. Here a query's cost is the most
// objects its answer may hold: every list read from the graph counts as many items as its
// `limit`/`first` says, or as the row cap allows when none is given, and the items of a list
// nested in another multiply. A query over the limit is refused (HTTP 400) before it runs,
// with the costliest path and how to bound it.
import type { ApolloServerPlugin } from "@apollo/server";
import {
  GraphQLError,
  Kind,
  parse,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";

// Types are checked by shape, not with graphql's isObjectType & co. (instanceof): under a
// bundler (vitest) @neo4j/graphql's CommonJS graphql and this module's ESM graphql are two
// copies whose classes differ (as in row-caps.ts).
const namedType = (type: GraphQLOutputType): GraphQLNamedType => {
  let t: unknown = type;
  while (t && typeof t === "object" && "ofType" in t) t = (t as { ofType: unknown }).ofType;
  return t as GraphQLNamedType;
};
const isList = (type: GraphQLOutputType) => /^\[.*\]!?$/.test(String(type));
type WithFields = { name: string; getFields(): Record<string, GraphQLField<unknown, unknown>> };
const hasFields = (type: unknown): type is WithFields =>
  !!type && typeof type === "object" && "getFields" in type && !("getValues" in type);
const isComposite = (type: GraphQLNamedType | undefined | null): boolean =>
  !!type && ("getFields" in type || "getTypes" in type);

/** `where: { id: { eq: ... } }`: ids are unique (constraints), so at most one item. */
const byId = (given: readonly { name: { value: string }; value: ValueNode }[]): boolean => {
  const where = given.find((a) => a.name.value === "where")?.value;
  if (where?.kind !== Kind.OBJECT) return false;
  const id = where.fields.find((f) => f.name.value === "id")?.value;
  return id?.kind === Kind.OBJECT && id.fields.some((f) => f.name.value === "eq");
};

/** An Int literal's value; anything else (a variable is looked up by the caller) undefined. */
const intLiteral = (value: ValueNode | undefined): number | undefined =>
  value?.kind === Kind.INT ? Number(value.value) : undefined;

/** Arguments that bound how many items a field returns (@neo4j/graphql's and ours). */
const COUNT_ARGUMENTS = ["limit", "first"] as const;

export interface ListCostOptions {
  /** Items a list holds when its query gives no limit (the row cap). */
  defaultListSize: number;
  /**
   * Types whose list fields read from the graph (@node types; the root Query too). Lists
   * inside other objects (a chain's steps) come in their parent's row and count once, unless
   * their field takes a limit.
   */
  nodeTypes: ReadonlySet<string>;
}

export interface ListCost {
  /** The most objects the answer may hold. */
  cost: number;
  /** The costliest chain of lists, e.g. ["characters 1000", "memberOf 1000"]. */
  path: string[];
}

/** The names of the @node types of type definitions. */
export function nodeTypeNames(typeDefs: string): Set<string> {
  const names = new Set<string>();
  for (const definition of parse(typeDefs).definitions) {
    if (
      definition.kind === Kind.OBJECT_TYPE_DEFINITION &&
      definition.directives?.some((d) => d.name.value === "node")
    )
      names.add(definition.name.value);
  }
  return names;
}

/** The cost of one operation of `document` (the named one, else the first). */
export function listCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  options: ListCostOptions,
  variables: Record<string, unknown> = {},
  operationName?: string | null,
): ListCost {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const operation = document.definitions.find(
    (d) =>
      d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
  const root = schema.getQueryType();
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION || !root)
    return { cost: 0, path: [] };
  const variableDefaults = new Map(
    (operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, v.defaultValue]),
  );

  /** The count a field's limit or first asks for: given, from a variable, or its default. */
  const countOf = (
    field: GraphQLField<unknown, unknown>,
    given: readonly { name: { value: string }; value: ValueNode }[],
  ): number | undefined => {
    for (const name of COUNT_ARGUMENTS) {
      const definition = field.args.find((a) => a.name === name);
      if (!definition) continue;
      const argument = given.find((a) => a.name.value === name);
      let value: unknown = definition.defaultValue;
      if (argument?.value.kind === Kind.VARIABLE) {
        const variable = argument.value.name.value;
        value =
          variables[variable] ??
          intLiteral(variableDefaults.get(variable)) ??
          definition.defaultValue;
      } else if (argument) value = intLiteral(argument.value);
      if (typeof value === "number") return Math.max(0, value);
      return options.defaultListSize;
    }
    return undefined;
  };

  const seen: string[] = [];
  const walk = (
    selections: SelectionSetNode,
    parent: GraphQLNamedType,
    multiplier: number,
  ): ListCost => {
    let cost = 0;
    let path: string[] = [];
    let costliest = -1;
    const add = (part: ListCost, head: string[]) => {
      cost += part.cost;
      if (part.cost > costliest) {
        costliest = part.cost;
        path = [...head, ...part.path];
      }
    };
    for (const selection of selections.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT || selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment =
          selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
        if (
          !fragment ||
          (selection.kind === Kind.FRAGMENT_SPREAD && seen.includes(selection.name.value))
        )
          continue;
        const condition = fragment.typeCondition
          ? schema.getType(fragment.typeCondition.name.value)
          : parent;
        if (!isComposite(condition)) continue;
        if (selection.kind === Kind.FRAGMENT_SPREAD) seen.push(selection.name.value);
        add(walk(fragment.selectionSet, condition as GraphQLNamedType, multiplier), []);
        if (selection.kind === Kind.FRAGMENT_SPREAD) seen.pop();
        continue;
      }
      if (!selection.selectionSet) continue;
      if (!hasFields(parent)) continue;
      const field = parent.getFields()[selection.name.value];
      if (!field) continue;
      const type = namedType(field.type);
      if (!isComposite(type)) continue;
      const readsGraph = parent.name === root.name || options.nodeTypes.has(parent.name);
      const count = byId(selection.arguments ?? []) ? 1 : countOf(field, selection.arguments ?? []);
      const size =
        count !== undefined
          ? Math.min(count, options.defaultListSize > 0 ? options.defaultListSize : count)
          : isList(field.type) && readsGraph
            ? options.defaultListSize
            : 1;
      const items = multiplier * size;
      const inner = walk(selection.selectionSet, type, items);
      add(
        { cost: items + inner.cost, path: inner.path },
        size === 1 ? [] : [`${selection.name.value} ${size}`],
      );
    }
    return { cost, path };
  };
  return walk(operation.selectionSet, root, 1);
}

const formatCount = (n: number) =>
  n >= 1e15 ? n.toExponential(1).replace("e+", "e") : Math.round(n).toLocaleString("en-US");

/** Refuses (HTTP 400) an operation whose lists may hold more than `maxCost` objects. */
export function listCostPlugin(options: ListCostOptions & { maxCost: number }): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, schema, operationName }) {
          const { cost, path } = listCost(
            schema,
            document,
            options,
            request.variables ?? {},
            operationName,
          );
          if (cost <= options.maxCost) return;
          throw new GraphQLError(
            `This query could return up to ${formatCount(cost)} objects ` +
              `(${path.join(" × ")}); the API allows ${formatCount(options.maxCost)}. ` +
              `A list without limit counts as ${options.defaultListSize} items, and nested ` +
              `lists multiply: give the lists a limit, e.g. ` +
              `characters(limit: 10) { memberOf(limit: 5) { name } }, or ask for fewer levels.`,
            {
              extensions: {
                code: "COST_LIMIT_EXCEEDED",
                cost,
                maxCost: options.maxCost,
                http: { status: 400 },
              },
            },
          );
        },
      };
    },
  };
}
