// Custom scalars that check a GraphQL argument before any Cypher runs.
import { GraphQLError, GraphQLScalarType, Kind } from "graphql";
import { MAX_BETRAYAL_DEPTH, MAX_CHAIN_LIMIT } from "../queries/betrayals/index.ts";
import { MAX_FILM_LIMIT } from "../queries/parallels/index.ts";

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

export const scalarResolvers = {
  BetrayalDepth: boundedInt("BetrayalDepth", 1, MAX_BETRAYAL_DEPTH),
  ChainLimit: boundedInt("ChainLimit", 1, MAX_CHAIN_LIMIT),
  FilmLimit: boundedInt("FilmLimit", 1, MAX_FILM_LIMIT),
};
