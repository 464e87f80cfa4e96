// The stack end to end: over Bolt, the server is Neo4j 5.26 Community, a node written is
// read back, and APOC answers.
import { beforeEach, describe, expect, it } from "vitest";
import { emptyGraph, testDatabase } from "../helpers/neo4j.ts";

describe("the test Neo4j", () => {
  beforeEach(async () => emptyGraph(await testDatabase()));

  it("is Neo4j 5.26 Community edition", async () => {
    const db = await testDatabase();
    const { records } = await db.driver.executeQuery(
      "CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition",
      {},
      { database: db.database },
    );
    expect(records[0]?.get("name")).toBe("Neo4j Kernel");
    expect(records[0]?.get("version")).toMatch(/^5\.26\./);
    expect(records[0]?.get("edition")).toBe("community");
  });

  it("reads back a node it wrote", async () => {
    const db = await testDatabase();
    await db.driver.executeQuery(
      "CREATE (:Character {id: $id, name: $name})",
      { id: "neil-mccauley", name: "Neil McCauley" },
      { database: db.database },
    );
    const { records } = await db.driver.executeQuery(
      "MATCH (c:Character {id: $id}) RETURN c.name AS name",
      { id: "neil-mccauley" },
      { database: db.database },
    );
    expect(records.map((r) => r.get("name"))).toEqual(["Neil McCauley"]);
  });

  it("has APOC core", async () => {
    const db = await testDatabase();
    const { records } = await db.driver.executeQuery(
      "RETURN apoc.version() AS version, apoc.text.clean($text) AS cleaned",
      { text: "Chris Shiherlis!" },
      { database: db.database },
    );
    expect(records[0]?.get("version")).toMatch(/^5\.26\./);
    expect(records[0]?.get("cleaned")).toBe("chrisshiherlis");
  });
});
