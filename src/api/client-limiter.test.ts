import { describe, expect, it } from "vitest";
import { ClientLimiter } from "./client-limiter.ts";

describe("ClientLimiter", () => {
  it("grants up to `concurrency` at once, queues up to `queue`, refuses the rest", async () => {
    const limiter = new ClientLimiter(2, 1);
    const a = limiter.acquire("x");
    const b = limiter.acquire("x");
    const c = limiter.acquire("x");
    const d = limiter.acquire("x");
    expect(d).toEqual({ refused: true, running: 2, waiting: 1 });
    expect(limiter.load("x")).toEqual({ running: 2, waiting: 1 });
    // Another client is not affected.
    expect("granted" in limiter.acquire("y")).toBe(true);
    if (!("granted" in a) || !("granted" in b) || !("granted" in c)) throw new Error("refused");
    let cStarted = false;
    void c.granted.then(() => (cStarted = true));
    await Promise.resolve();
    expect(cStarted).toBe(false);
    a.release();
    await c.granted;
    expect(cStarted).toBe(true);
    expect(limiter.load("x")).toEqual({ running: 2, waiting: 0 });
    b.release();
    c.release();
    // Releasing twice frees one slot only; an idle client is forgotten.
    c.release();
    expect(limiter.load("x")).toEqual({ running: 0, waiting: 0 });
  });

  it("frees a waiting place when the request leaves the queue", () => {
    const limiter = new ClientLimiter(1, 1);
    const running = limiter.acquire("x");
    const waiting = limiter.acquire("x");
    if (!("granted" in waiting) || !("granted" in running)) throw new Error("refused");
    waiting.cancel();
    expect(limiter.load("x")).toEqual({ running: 1, waiting: 0 });
    expect("granted" in limiter.acquire("x")).toBe(true);
  });
});
