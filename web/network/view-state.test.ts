import { describe, expect, it } from "vitest";
import { addressOf, firstViewState, readAddress } from "./view-state.ts";

describe("the view in the address", () => {
  it("reads back what it wrote", () => {
    const state = firstViewState();
    Object.assign(state, {
      film: "city-on-fire",
      types: new Set(["BETRAYED", "KILLED"]),
      seq: 12,
      colourBy: "film",
      hideUnconnected: false,
      selected: "ko-chow",
      view: "storyline",
    });
    const read = firstViewState();
    readAddress(read, addressOf(state));
    expect(read).toEqual(state);
  });

  it("keeps what the address does not say, and ignores a seq that is not a number", () => {
    const state = firstViewState();
    readAddress(state, "#film=all&seq=soon");
    expect(state).toEqual({ ...firstViewState(), film: null, seq: null });
    expect(addressOf(state)).toBe("#film=all&show=BETRAYED");
  });
});
