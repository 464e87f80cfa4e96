// The query timeout on the API's side. Neo4j stops a transaction that runs past its timeout,
// but only notices every few seconds, and records it already sent still have to arrive and be
// decoded: a query of lists nested in lists was answered twice the timeout late. Every root
// field's answer therefore races the request's deadline; what Neo4j still sends afterwards
// is at most a small batch (FETCH_SIZE in neo4j-availability.ts). Nested fields, @cypher
// fields included, are part of their root field's one Cypher statement.
import type { GraphQLFieldResolver, GraphQLSchema } from "graphql";
import { DeadlineExceeded } from "./format-error.ts";

/** The part of the GraphQL context this module reads: when the request must be answered by. */
export interface DeadlineContext {
  /** performance.now() at which the request's time is up; absent: no deadline. */
  deadline?: number;
}

/** `work`, or a DeadlineExceeded rejection once `deadline` (performance.now()) has passed. */
export function beforeDeadline<T>(
  work: Promise<T>,
  deadline: number,
  timeoutMs: number,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new DeadlineExceeded(timeoutMs)),
      Math.max(0, deadline - performance.now()),
    );
  });
  // The work may still fail after the deadline answered: nobody waits for it then.
  work.catch(() => {});
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

/** Wraps the resolvers of the Query type's fields (in place) with the request's deadline. */
export function deadlineOnRootFields(schema: GraphQLSchema, timeoutMs: number): GraphQLSchema {
  const query = schema.getQueryType();
  if (!query || timeoutMs <= 0) return schema;
  for (const field of Object.values(query.getFields())) {
    const resolve = field.resolve as GraphQLFieldResolver<unknown, DeadlineContext> | undefined;
    if (!resolve) continue;
    field.resolve = (source, args, context, info) => {
      const value: unknown = resolve(source, args, context, info);
      if (!(value instanceof Promise) || context.deadline === undefined) return value;
      return beforeDeadline(value, context.deadline, timeoutMs);
    };
  }
  return schema;
}
