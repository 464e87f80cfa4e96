import { describe, expect, it } from "vitest";
import { HeistgraphError } from "../errors.ts";
import { DEFAULT_LOAD_LIMITS, loadLimitsFrom } from "./load-limits.ts";

describe("loadLimitsFrom", () => {
  it("takes flags over environment variables over defaults", () => {
    expect(
      loadLimitsFrom(
        { maxRows: "50" },
        { HEISTGRAPH_API_MAX_ROWS: "70", HEISTGRAPH_API_CLIENT_QUEUE: "3" },
      ),
    ).toEqual({ ...DEFAULT_LOAD_LIMITS, maxRows: 50, clientQueue: 3 });
  });

  it("names the setting that is not a whole number in range", () => {
    expect(() => loadLimitsFrom({}, { HEISTGRAPH_API_QUERY_TIMEOUT_MS: "soon" })).toThrow(
      HeistgraphError,
    );
    expect(() => loadLimitsFrom({ clientConcurrency: "-1" }, {})).toThrow(
      /--client-concurrency must be a whole number from 0 to 1000, not "-1"/,
    );
  });
});
