// The ways reaching or starting a Neo4j can fail, each answered with what to do.
import { spawnSync } from "node:child_process";
import { createServer, connect, type Server, type Socket } from "node:net";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { openDatabase } from "../../src/db/connection.ts";
import { emptyGraph, testDatabase } from "../helpers/neo4j.ts";
import { HEISTGRAPH_BIN, runHeistgraphUnwrapped } from "../helpers/cli.ts";
import { freePort, startLocalNeo4j } from "../../src/db/local-neo4j/server.ts";
import { HeistgraphError } from "../../src/errors.ts";
import { filmDigests } from "../../scripts/bench/kill-import.ts";
import { generateStory, writeStory } from "../../scripts/bench/generate-story.ts";
import { importDataset, prepareImport } from "../../src/import/run-import.ts";

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

describe("a data folder the local Neo4j cannot use", () => {
  function dbStart(dataDir: string) {
    const started = performance.now();
    const run = spawnSync(process.execPath, [HEISTGRAPH_BIN, "db", "start"], {
      encoding: "utf8",
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        HEISTGRAPH_DATA_DIR: dataDir,
        NO_COLOR: "1",
        // Wide enough that no message wraps: these check its lines, cli-line-widths.test.ts the width.
        COLUMNS: "1000",
      },
      timeout: 30_000,
    });
    return { ...run, seconds: (performance.now() - started) / 1000 };
  }

  it("says so at once under /proc (where mkdir -p used to spin forever)", () => {
    const run = dbStart("/proc/heistgraph-data");
    expect(run.status).toBe(1);
    expect(run.seconds).toBeLessThan(20);
    expect(run.stderr).toMatch(
      /^error: Cannot use \/proc\/heistgraph-data\/neo4j\/conf for the local Neo4j: it is a kernel file system\.\n {2}where: +HEISTGRAPH_DATA_DIR=\/proc\/heistgraph-data\n[\s\S]*try: +set HEISTGRAPH_DATA_DIR to a writable folder/,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("says which part of the path is a file (ENOTDIR)", () => {
    const file = join(scratch, "not-a-folder");
    writeFileSync(file, "");
    const run = dbStart(join(file, "data"));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `error: Cannot use ${file} for the local Neo4j: it is a file, not a folder (ENOTDIR).`,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

/**
 * A TCP relay to the test Neo4j that plays the server dying: once a connection has carried
 * `cutAfterBytes` towards the server (the import's data, past the handshake and the schema
 * statements), every connection is dropped and nothing listens any more.
 */
async function dyingRelay(target: URL, cutAfterBytes: number) {
  const sockets = new Set<Socket>();
  let dead = false;
  const relay = createServer((client) => {
    if (dead) return client.destroy();
    const server = connect(Number(target.port), target.hostname);
    sockets.add(client).add(server);
    let sent = 0;
    client.on("data", (chunk: Buffer) => {
      sent += chunk.length;
      if (sent > cutAfterBytes) return die();
      server.write(chunk);
    });
    server.on("data", (chunk: Buffer) => client.write(chunk));
    for (const socket of [client, server]) socket.on("error", () => {});
    client.on("close", () => server.destroy());
    server.on("close", () => client.destroy());
  });
  function die() {
    dead = true;
    relay.close();
    for (const socket of sockets) socket.destroy();
  }
  const port = await freePort();
  await new Promise<void>((resolve) => relay.listen(port, "127.0.0.1", resolve));
  return { uri: `bolt://127.0.0.1:${port}`, died: () => dead, close: die };
}

describe("Neo4j going away in the middle of an import", () => {
  it("says the connection was lost, and which films were written and which not", async () => {
    const database = await testDatabase();
    await emptyGraph(database);
    const settings = inject("neo4j");
    const relay = await dyingRelay(new URL(settings.uri.replace(/^bolt/, "http")), 20_000);
    try {
      const run = await runHeistgraphUnwrapped({ ...settings, uri: relay.uri }, "import");
      expect(relay.died()).toBe(true);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        /^error: The import stopped before it finished\. Lost the connection to Neo4j in the middle of the command .*nothing of the transaction that was running was kept\.\n {2}try: +see `npx heistgraph db status`/,
      );
      // A small import is one transaction: nothing was written, and it says so.
      expect(run.stderr).toMatch(/Written, each whole in its new version: none\n/);
      expect(run.stderr).toMatch(
        /Not written, each as it was before the import: city-on-fire, heat, reservoir-dogs\n/,
      );
      expect(run.stderr).not.toMatch(/\n\s+at |Neo4jError/);
    } finally {
      relay.close();
    }
    const { records } = await database.driver.executeQuery(
      "MATCH (n) RETURN count(n) AS nodes",
      {},
      { database: database.database },
    );
    expect(records[0]?.get("nodes").toNumber()).toBe(0);
  }, 120_000);
});

describe("Neo4j going away in the middle of a large import", () => {
  it("lists the films written (each whole and new), and those not written (as they were)", async () => {
    const database = await testDatabase();
    await emptyGraph(database);
    const files = writeStory(
      generateStory({ films: 6, characters: 60, prefix: "cut-" }),
      mkdtempSync(join(scratch, "cut-")),
    );
    const films = prepareImport(files.sourcesFile, files.filmFiles).films.map((p) => p.film);
    // What each film is once imported, to tell a film written whole from one not written.
    await importDataset(database, files);
    const fresh = await filmDigests(database, films);
    await emptyGraph(database);

    const settings = inject("neo4j");
    // Cut about half-way through what the import sends: one film per transaction, one at a
    // time, so some have committed and some have not, wherever the cut falls.
    const relay = await dyingRelay(new URL(settings.uri.replace(/^bolt/, "http")), 250_000);
    const cut = await openDatabase({ ...settings, uri: relay.uri, origin: "env" });
    const error = await importDataset(cut, { ...files, transactionRows: 1, concurrency: 1 }).catch(
      (e: unknown) => e,
    );
    relay.close();
    await cut.close().catch(() => {});
    expect(relay.died()).toBe(true);
    expect(error).toBeInstanceOf(HeistgraphError);
    const text = (error as HeistgraphError).message;
    expect(text).toMatch(/^The import stopped before it finished\. Lost the connection to Neo4j/);
    const listed = (label: string) =>
      (new RegExp(`${label}: (.*)\\n`).exec(text)?.[1] ?? "")
        .split(", ")
        .filter((f) => f !== "none");
    const written = listed("Written, each whole in its new version");
    const notWritten = listed("Not written, each as it was before the import");
    expect([...written, ...notWritten].sort()).toEqual([...films].sort());
    const after = await filmDigests(database, films);
    for (const film of written) expect(after.get(film), film).toBe(fresh.get(film));
    const empty = (await filmDigests(database, ["none-such"])).get("none-such");
    for (const film of notWritten) expect(after.get(film), film).toBe(empty);
    await emptyGraph(database);
  }, 240_000);
});
