/** A GraphQL error met by a route asking the API in-process (MountContext.graphql), with its code. */
export class GraphQLApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}
