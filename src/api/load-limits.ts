// The limits that keep one client from starving the others: how long a query may run, how
// many rows a list may return, and how many requests one client address may have running
// and waiting. Each comes from a `heistgraph serve` flag, else an environment variable,
// else its default.
import { checkedInteger } from "../queries/lookup.ts";

export interface LoadLimits {
  /** Neo4j stops a query's transaction after this long (ms); 0: no timeout. */
  queryTimeoutMs: number;
  /** The most items any list in a response may hold; a longer one is an error. 0: no cap. */
  maxRows: number;
  /** Requests one client address may have running at once; 0: no per-client limit. */
  clientConcurrency: number;
  /** Requests one client address may have waiting for a slot; beyond them it gets 429. */
  clientQueue: number;
}

export const DEFAULT_LOAD_LIMITS: LoadLimits = {
  queryTimeoutMs: 30_000,
  maxRows: 1_000,
  clientConcurrency: 1,
  clientQueue: 8,
};

/** No limit at all: only for measuring what the limits change (`serve --no-limits`). */
export const NO_LOAD_LIMITS: LoadLimits = {
  queryTimeoutMs: 0,
  maxRows: 0,
  clientConcurrency: 0,
  clientQueue: 0,
};

/** Each limit's environment variable and bounds; the serve flags use the same names. */
export const LOAD_LIMIT_SETTINGS = {
  queryTimeoutMs: {
    env: "HEISTGRAPH_API_QUERY_TIMEOUT_MS",
    flag: "query-timeout-ms",
    max: 600_000,
  },
  maxRows: { env: "HEISTGRAPH_API_MAX_ROWS", flag: "max-rows", max: 1_000_000 },
  clientConcurrency: {
    env: "HEISTGRAPH_API_CLIENT_CONCURRENCY",
    flag: "client-concurrency",
    max: 1_000,
  },
  clientQueue: { env: "HEISTGRAPH_API_CLIENT_QUEUE", flag: "client-queue", max: 10_000 },
} as const satisfies Record<keyof LoadLimits, { env: string; flag: string; max: number }>;

/**
 * The limits from flags (strings, as commander gives them) over environment variables over
 * the defaults; a value that is not a whole number in range is a HeistgraphError naming it.
 */
export function loadLimitsFrom(
  flags: Partial<Record<keyof LoadLimits, string>>,
  env: NodeJS.ProcessEnv = process.env,
): LoadLimits {
  const limits = { ...DEFAULT_LOAD_LIMITS };
  for (const key of Object.keys(LOAD_LIMIT_SETTINGS) as (keyof LoadLimits)[]) {
    const setting = LOAD_LIMIT_SETTINGS[key];
    const flag = flags[key];
    const raw = flag ?? env[setting.env];
    if (raw === undefined || raw === "") continue;
    const name = flag === undefined ? setting.env : `--${setting.flag}`;
    limits[key] = checkedInteger(name, raw, 0, setting.max);
  }
  return limits;
}
