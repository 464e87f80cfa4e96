// Custom scalars that check a GraphQL argument before any Cypher runs.
import { GraphQLError, GraphQLScalarType, Kind } from "graphql";
import type { z } from "zod";
import { QUESTIONS } from "../questions/registry.ts";
import { boundsOf } from "../questions/shape.ts";

function boundedInt(name: string, min: number, max: number): GraphQLScalarType<number, number> {
  const check = (value: unknown): number => {
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      throw new GraphQLError(
        `${name} must be a whole number from ${min} to ${max}, not ${JSON.stringify(value)}.`,
      );
    }
    return value;
  };
  return new GraphQLScalarType({
    name,
    serialize: check,
    parseValue: check,
    parseLiteral: (ast) => check(ast.kind === Kind.INT ? Number(ast.value) : undefined),
  });
}

/** A scalar for every bounded whole number the questions' options declare (shape.ts). */
export const scalarResolvers = Object.fromEntries(
  QUESTIONS.flatMap((q) =>
    Object.values(q.options.shape as Record<string, z.ZodType>).flatMap((schema) => {
      const bounds = boundsOf(schema);
      return bounds ? [[bounds.name, boundedInt(bounds.name, bounds.min, bounds.max)]] : [];
    }),
  ),
);
