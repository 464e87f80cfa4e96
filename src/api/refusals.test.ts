import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { negativeCountArgument } from "./refusals.ts";

describe("negativeCountArgument", () => {
  it("finds a negative limit, offset or first, literal or in a variable, at any depth", () => {
    expect(negativeCountArgument(parse("{ films(limit: -1) { id } }"))?.message).toBe(
      "limit must be 0 or more, not -1 (films(limit: ...)). Leave limit out for the default, or give a whole number of 0 or more.",
    );
    expect(
      negativeCountArgument(parse("{ films { characters(offset: -3) { id } } }"))?.extensions,
    ).toEqual({ code: "BAD_USER_INPUT", http: { status: 400 } });
    const withVariable = parse("query ($n: Int) { eventsConnection(first: $n) { totalCount } }");
    expect(negativeCountArgument(withVariable, { n: -2 })?.message).toMatch(
      /^first must be 0 or more, not -2 \(eventsConnection/,
    );
    expect(negativeCountArgument(withVariable, { n: 2 })).toBeUndefined();
  });

  it("leaves other arguments alone, negative or not", () => {
    expect(negativeCountArgument(parse("{ films(limit: 0) { timeline(from: -5) { seq } } }"))).toBe(
      undefined,
    );
    expect(
      negativeCountArgument(parse("{ events(where: { seq: { gt: -1 } }, limit: 3) { id } }")),
    ).toBeUndefined();
  });
});
