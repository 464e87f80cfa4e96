// The ways reaching or starting a Neo4j can fail, each answered with what to do.
import { createServer, type Server } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { openDatabase } from "../../src/db/connection.ts";
import { freePort, startLocalNeo4j } from "../../src/db/local-neo4j/server.ts";
import { HeistgraphError } from "../../src/errors.ts";

const scratch = mkdtempSync(join(tmpdir(), "heistgraph-errors-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("reaching a server", () => {
  it("says when the server does not answer", async () => {
    const port = await freePort();
    const settings = {
      ...inject("neo4j"),
      uri: `bolt://127.0.0.1:${port}`,
      origin: "env" as const,
    };
    await expect(openDatabase(settings)).rejects.toThrow(/does not answer[\s\S]*check NEO4J_URI/);
  });

  it("says when the server rejects the credentials", async () => {
    const settings = { ...inject("neo4j"), password: "not-the-password", origin: "env" as const };
    const error = await openDatabase(settings).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HeistgraphError);
    expect((error as Error).message).toMatch(
      /rejects the credentials[\s\S]*check NEO4J_USERNAME and NEO4J_PASSWORD/,
    );
  });
});

describe("starting the local Neo4j", () => {
  const env = { ...process.env, HEISTGRAPH_DATA_DIR: scratch };

  it("says which port another program holds, and how to pick another", async () => {
    const holder: Server = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => holder.listen(port, "127.0.0.1", resolve));
    try {
      const start = startLocalNeo4j({
        name: "port-held",
        boltPort: port,
        httpPort: await freePort(),
        password: "x-password",
        env,
      });
      await expect(start).rejects.toThrow(
        new RegExp(
          `Port ${port}, which the local Neo4j wants for Bolt, is held by another program[\\s\\S]*HEISTGRAPH_BOLT_PORT`,
        ),
      );
    } finally {
      holder.close();
    }
  });

  it("shows the tail of the log when Neo4j fails to start", async () => {
    const start = startLocalNeo4j({
      name: "bad-heap",
      boltPort: await freePort(),
      httpPort: await freePort(),
      password: "x-password",
      heap: "lots",
      env,
    });
    await expect(start).rejects.toThrow(
      /Neo4j stopped while starting[\s\S]*Last lines of the Neo4j log:[\s\S]*Invalid initial heap size/,
    );
  });
});
