// patches/neo4j-driver-bolt-connection+*.patch (applied by `npm ci`'s postinstall) makes the
// driver fill Bolt chunks up to the 64 KB the protocol allows before it writes to the socket,
// instead of writing every 1,400 bytes. A large import's parameters are hundreds of MB: the
// small writes cost Node a few seconds of CPU at M (docs/benchmarks.md). If a driver upgrade
// drops the patch, patch-package fails the install; this test says what was lost.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const { Chunker } = require("neo4j-driver-bolt-connection/lib/channel/index.js") as {
  Chunker: new (channel: { write(buffer: unknown): void }) => {
    putBytes(position: number, data: unknown): unknown;
    messageBoundary(): void;
    flush(): unknown;
  };
};
const { alloc } = require("neo4j-driver-bolt-connection/lib/channel/channel-buf.js") as {
  alloc: (size: number) => { writeUInt8(value: number): void; reset(): void };
};

describe("the driver's Bolt chunks (patched)", () => {
  it("sends 200 KB of parameters in 4 socket writes, not 144", () => {
    const writes: unknown[] = [];
    const chunker = new Chunker({ write: (buffer) => writes.push(buffer) });
    const data = alloc(200_000);
    for (let i = 0; i < 200_000; i++) data.writeUInt8(i % 256);
    data.reset();
    chunker.putBytes(0, data);
    chunker.messageBoundary();
    chunker.flush();
    expect(writes).toHaveLength(4);
  });
});
