// patches/neo4j-driver-bolt-connection+*.patch (applied by `npm ci`'s postinstall) changes two
// things in the driver's encoding of parameters, both for a large import (hundreds of MB of
// maps, lists and Integers; docs/benchmarks.md):
// - it fills Bolt chunks up to the 64 KB the protocol allows before it writes to the socket,
//   instead of writing every 1,400 bytes (a few seconds of Node's CPU at M);
// - it passes plain maps, lists and Integers through without asking each of its dozen type
//   transformers (nodes, dates, points...) whether the value is theirs (some 3 s at M).
// If a driver upgrade drops the patch, patch-package fails the install; these tests say what
// was lost. The patch rewrites the driver's built JavaScript of one version, so package.json
// pins that version exactly, and the first test fails when another one is installed.
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import neo4j from "neo4j-driver";
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

const { default: Transformer, TypeTransformer } =
  require("neo4j-driver-bolt-connection/lib/bolt/transformer.js") as {
    default: new (transformers: unknown[]) => { toStructure(value: unknown): unknown };
    TypeTransformer: new (spec: {
      signature: number;
      isTypeInstance(value: unknown): boolean;
      toStructure(value: unknown): unknown;
      fromStructure(value: unknown): unknown;
    }) => unknown;
  };

describe("the driver the patch was written for", () => {
  it("is the version installed (else the patch must be made again for the new one)", () => {
    const patches = readdirSync(new URL("../../patches/", import.meta.url));
    for (const patch of patches) {
      const [, name, version] = /^(.+)\+([^+]+)\.patch$/.exec(patch) ?? [];
      const installed = (require(`${name}/package.json`) as { version: string }).version;
      expect(
        installed,
        `patches/${patch} was written for ${name} ${version}, but ${installed} is installed: ` +
          "check what the patch changes still holds in the new version (docs/driver-patches.md), " +
          "make it again with `npx patch-package " +
          name +
          "`, and pin neo4j-driver to that version in package.json",
      ).toBe(version);
    }
    expect(patches.length).toBeGreaterThan(0);
    const pinned = (require("../../package.json") as { dependencies: Record<string, string> })
      .dependencies["neo4j-driver"];
    expect(pinned, "neo4j-driver is pinned to one version (no ^ or ~): the patch fits one").toMatch(
      /^\d+\.\d+\.\d+$/,
    );
    // The driver and its Bolt connection are released together, under one version number.
    const driver = (require("neo4j-driver/package.json") as { version: string }).version;
    expect(driver, `neo4j-driver ${driver} is installed, package.json pins ${pinned}`).toBe(pinned);
    for (const patch of patches) expect(patch).toContain(`+${driver}.patch`);
  });
});

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

describe("the driver's parameter encoding (patched)", () => {
  it("asks no type transformer about plain maps, lists and Integers; still asks about others", () => {
    const asked: unknown[] = [];
    class Special {
      readonly special = true;
    }
    const transformer = new Transformer([
      new TypeTransformer({
        signature: 0x58,
        isTypeInstance: (value) => {
          asked.push(value);
          return value instanceof Special;
        },
        toStructure: () => "as a structure",
        fromStructure: (value) => value,
      }),
    ]);
    const plain = [{ seq: neo4j.int(3) }, [1, 2], neo4j.int(7), Object.create(null) as object];
    for (const value of plain) expect(transformer.toStructure(value)).toBe(value);
    expect(asked).toEqual([]);
    expect(transformer.toStructure(new Special())).toBe("as a structure");
    expect(asked).toHaveLength(1);
  });
});
