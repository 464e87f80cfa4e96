// A Neo4j of a bench's own: a local instance under its own name, default settings, on free
// ports, so that a bench never measures (or disturbs) the one a developer works with.
import { openDatabase, type Database } from "../../src/db/connection.ts";
import {
  boltUri,
  freePort,
  startLocalNeo4j,
  stopLocalNeo4j,
  USERNAME,
} from "../../src/db/local-neo4j/server.ts";

export interface OwnNeo4j {
  uri: string;
  username: string;
  password: string;
  /** Starts it (again, after stop: the same ports and data). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** A driver to it, its `neo4j` database. */
  open(): Promise<Database>;
}

const PASSWORD = "heistgraph-bench";

/** The instance `name` on free ports, started. */
export async function ownNeo4j(name: string, log?: (line: string) => void): Promise<OwnNeo4j> {
  const ports = { boltPort: await freePort(), httpPort: await freePort() };
  const uri = boltUri(ports);
  const own: OwnNeo4j = {
    uri,
    username: USERNAME,
    password: PASSWORD,
    start: async () => {
      await startLocalNeo4j({ name, ...ports, password: PASSWORD, log });
    },
    stop: async () => {
      await stopLocalNeo4j(name);
    },
    open: () =>
      openDatabase({
        uri,
        username: USERNAME,
        password: PASSWORD,
        database: "neo4j",
        origin: "local",
      }),
  };
  await own.start();
  return own;
}
