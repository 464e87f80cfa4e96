// A TCP proxy to put between the API and the test Neo4j: closing it is Neo4j going away
// (new connections refused, open ones cut), opening it again is Neo4j coming back, on the
// same port. No mock: the API's real driver talks real Bolt through it.
import { createConnection, createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import type { Database } from "../../src/db/connection.ts";

export class TcpProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  /** Starts listening (on a free port the first time, on the same port afterwards). */
  async open(): Promise<void> {
    const server = createServer((client) => {
      const upstream = createConnection(this.targetPort, this.targetHost);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
        socket.on("error", () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", resolve);
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening and cuts every connection through it. */
  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/**
 * A proxy, open, in front of the Neo4j at `boltUri`, and the database `db` reached through it:
 * close the proxy and that database is gone, for whatever was given it.
 */
export async function throughProxy(
  db: Database,
  boltUri: string,
): Promise<{ proxy: TcpProxy; database: Database }> {
  const target = new URL(boltUri);
  const proxy = new TcpProxy(target.hostname, Number(target.port));
  await proxy.open();
  const database: Database = {
    ...db,
    settings: { ...db.settings, uri: `bolt://127.0.0.1:${proxy.port}` },
  };
  return { proxy, database };
}
