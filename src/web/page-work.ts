// The page routes' CPU-heavy work (page-tasks.ts), off the server's event loop: each kind of
// task has one worker thread of its own, so a network being laid out for many seconds never
// holds up /healthz, GraphQL or a storyline. Per lane:
//   - at most `maxQueue` tasks wait; beyond that the lane is busy (PageWorkBusy, a 503);
//   - a task whose every requester has given up before it started is dropped;
//   - a task that runs past `timeLimitMs` has its worker stopped (PageWorkTooLong), and the
//     next task starts a fresh one.
// Results are cached by the hash of their input (a few dozen, least recently used first out),
// and requests for a task already waiting or running share it. A requester giving up at its
// own deadline leaves a running task to finish, so asking again later finds it cached.
import { createHash } from "node:crypto";
import { Worker } from "node:worker_threads";
import type { Network } from "../network/index.ts";
import type { Point } from "../viz/layout.ts";
import type { StorylineInput } from "../viz/storyline.ts";
import type { FromPageWorker, PageTask } from "./page-tasks.ts";

/** The lane's queue is full: ask again shortly. */
export class PageWorkBusy extends Error {
  constructor(readonly what: string) {
    super(`the server is busy ${what} for other requests`);
    this.name = "PageWorkBusy";
  }
}

/** A task ran past the lane's time limit and was stopped. */
export class PageWorkTooLong extends Error {
  constructor(
    readonly what: string,
    readonly limitMs: number,
  ) {
    super(`${what} took longer than ${limitMs} ms and was stopped`);
    this.name = "PageWorkTooLong";
  }
}

interface Job {
  id: number;
  task: PageTask;
  /** Requesters still waiting for it. */
  waiters: number;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** A worker's young generation, larger than V8's default: a layout allocates many small objects. */
const WORKER_YOUNG_GENERATION_MB = 64;

class WorkerLane {
  private worker: Worker | undefined;
  private running: (Job & { timer?: NodeJS.Timeout }) | undefined;
  private readonly queue: Job[] = [];
  private nextId = 1;

  constructor(
    /** What the lane does, for messages ("laying out networks"). */
    readonly what: string,
    private readonly maxQueue: number,
    private readonly timeLimitMs: number,
  ) {}

  /** Queues the task; `waiters` is 1, and share() adds requesters. */
  submit(task: PageTask): Job & { done: Promise<unknown> } {
    if (this.queue.length >= this.maxQueue) throw new PageWorkBusy(this.what);
    let resolve!: (value: unknown) => void;
    let reject!: (error: Error) => void;
    const done = new Promise<unknown>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    done.catch(() => {}); // awaited by the requesters, who may all have gone
    const job = { id: this.nextId++, task, waiters: 1, resolve, reject, done };
    this.queue.push(job);
    this.startNext();
    return job;
  }

  /** Load, for tests and diagnostics. */
  load(): { running: boolean; waiting: number } {
    return { running: this.running !== undefined, waiting: this.queue.length };
  }

  async close(): Promise<void> {
    for (const job of this.queue.splice(0)) job.reject(new Error("the server is stopping"));
    this.running?.reject(new Error("the server is stopping"));
    clearTimeout(this.running?.timer);
    this.running = undefined;
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private startNext(): void {
    if (this.running) return;
    let job = this.queue.shift();
    // Nobody waits for it any more: not worth a core.
    while (job && job.waiters === 0) {
      job.reject(new Error("abandoned"));
      job = this.queue.shift();
    }
    if (!job) return;
    const running: Job & { timer?: NodeJS.Timeout } = job;
    this.running = running;
    if (this.timeLimitMs > 0) {
      running.timer = setTimeout(() => {
        this.finish(running.id, new PageWorkTooLong(this.what, this.timeLimitMs));
        // The worker is busy with it and cannot be interrupted: stop it, start afresh later.
        const worker = this.worker;
        this.worker = undefined;
        void worker?.terminate();
      }, this.timeLimitMs);
      running.timer.unref();
    }
    this.workerThread().postMessage({ id: running.id, task: running.task });
  }

  private finish(id: number, outcome: { result: unknown } | Error): void {
    const job = this.running;
    if (!job || job.id !== id) return;
    clearTimeout(job.timer);
    this.running = undefined;
    if (outcome instanceof Error) job.reject(outcome);
    else job.resolve(outcome.result);
    this.startNext();
  }

  private workerThread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("./page-worker-start.mjs", import.meta.url), {
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    // An idle worker must not keep a process alive that is otherwise done.
    worker.unref();
    worker.on("message", (message: FromPageWorker) =>
      this.finish(
        message.id,
        "error" in message ? new Error(message.error) : { result: message.result },
      ),
    );
    const lost = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      if (this.running) this.finish(this.running.id, error);
    };
    worker.on("error", lost);
    worker.on("exit", (code) => lost(new Error(`the page worker exited (${code})`)));
    this.worker = worker;
    return worker;
  }
}

/** A map that forgets its least recently used entry beyond `size`. */
class LruCache<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly size: number) {}
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }
  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.size) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}

export interface PageWorkOptions {
  /** Tasks that may wait per lane. */
  maxQueue?: number;
  /** A task running longer is stopped (ms); 0: never. */
  timeLimitMs?: number;
  /** Results kept per lane. */
  cacheSize?: number;
}

/** A waiting requester's handle: the result, and a way to give up waiting. */
export interface Pending<T> {
  result: Promise<T>;
  giveUp(): void;
}

class CachedLane<T> {
  private readonly lane: WorkerLane;
  private readonly cache: LruCache<T>;
  private readonly inFlight = new Map<string, Job & { done: Promise<unknown> }>();

  constructor(what: string, options: Required<PageWorkOptions>) {
    this.lane = new WorkerLane(what, options.maxQueue, options.timeLimitMs);
    this.cache = new LruCache<T>(options.cacheSize);
  }

  run(task: PageTask): Pending<T> {
    const key = createHash("sha256").update(JSON.stringify(task)).digest("hex");
    const cached = this.cache.get(key);
    if (cached !== undefined) return { result: Promise.resolve(cached), giveUp: () => {} };
    let job = this.inFlight.get(key);
    if (job) job.waiters++;
    else {
      const submitted = this.lane.submit(task);
      job = submitted;
      this.inFlight.set(key, submitted);
      submitted.done.then(
        (value) => this.cache.set(key, value as T),
        () => {},
      );
      submitted.done.finally(() => this.inFlight.delete(key)).catch(() => {});
    }
    const shared = job;
    let waiting = true;
    return {
      result: shared.done as Promise<T>,
      giveUp: () => {
        if (waiting) shared.waiters--;
        waiting = false;
      },
    };
  }

  load() {
    return this.lane.load();
  }

  close() {
    return this.lane.close();
  }
}

export const DEFAULT_PAGE_WORK: Required<PageWorkOptions> = {
  maxQueue: 4,
  timeLimitMs: 120_000,
  cacheSize: 32,
};

/** The page's layouts and storylines, each kind on a worker thread of its own. */
export class PageWork {
  private readonly layouts: CachedLane<Record<string, Point>>;
  private readonly storylines: CachedLane<string>;

  constructor(options: PageWorkOptions = {}) {
    const settings = { ...DEFAULT_PAGE_WORK, ...options };
    this.layouts = new CachedLane("laying out networks", settings);
    this.storylines = new CachedLane("drawing storylines", settings);
  }

  layout(network: Network): Pending<Record<string, Point>> {
    return this.layouts.run({ kind: "layout", network });
  }

  storyline(input: StorylineInput, width: number): Pending<string> {
    return this.storylines.run({ kind: "storyline", input, width });
  }

  load() {
    return { layouts: this.layouts.load(), storylines: this.storylines.load() };
  }

  async close(): Promise<void> {
    await Promise.all([this.layouts.close(), this.storylines.close()]);
  }
}
