import { describe, expect, it } from "vitest";
import { stableKeys } from "./with-database.ts";

describe("--json's key order", () => {
  it("keeps a row's columns in order and sorts the keys of the maps inside", () => {
    const rows = [{ seq: 1, id: "e1", acts: [{ type: "KILLED", by: "Neil", to: "Waingro" }] }];
    const printed = JSON.stringify(stableKeys(rows));
    expect(printed).toBe(
      '[{"seq":1,"id":"e1","acts":[{"by":"Neil","to":"Waingro","type":"KILLED"}]}]',
    );
  });

  it("prints the same text for the same answer whatever order its maps came in", () => {
    const a = { film: "heat", place: { name: "bank", id: "p1" } };
    const b = { film: "heat", place: { id: "p1", name: "bank" } };
    expect(JSON.stringify(stableKeys(a))).toBe(JSON.stringify(stableKeys(b)));
    expect(Object.keys(stableKeys(a) as object)).toEqual(["film", "place"]);
  });
});
