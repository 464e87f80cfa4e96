// Every relationship's key is unique among the relationships of its type, and the database
// holds it so (a uniqueness constraint per type, cypher/schema.cypher): a duplicate can never
// be committed, whoever writes it. A graph imported when keys were unique only per pair of
// nodes is rewritten by its next import, which then adds the constraints.
import { Neo4jError } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import type { Database } from "../../src/db/connection.ts";
import { RELATIONSHIP_TYPES } from "../../src/dataset/vocabulary.ts";
import { importDataset } from "../../src/import/run-import.ts";
import { graphFingerprint } from "../helpers/graph-fingerprint.ts";
import { emptyGraph, testDatabase } from "../helpers/neo4j.ts";

const run = (db: Database, cypher: string, params: Record<string, unknown> = {}) =>
  db.driver.executeQuery(cypher, params, { database: db.database });

async function relationshipConstraints(db: Database): Promise<string[]> {
  const { records } = await run(
    db,
    `SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties
     WHERE entityType = 'RELATIONSHIP' AND type = 'RELATIONSHIP_UNIQUENESS'
       AND properties = ['key']
     RETURN labelsOrTypes[0] AS type ORDER BY type`,
  );
  return records.map((r) => r.get("type") as string);
}

/** The number of (type, key) pairs held by more than one relationship. */
async function duplicateKeys(db: Database): Promise<number> {
  const { records } = await run(
    db,
    `MATCH ()-[r]->() WITH type(r) AS type, r.key AS key, count(*) AS n WHERE n > 1
     RETURN count(*) AS duplicates`,
  );
  return (records[0]?.get("duplicates") as { toNumber(): number }).toNumber();
}

describe("relationship keys", () => {
  it("are unique per type, and a duplicate relationship is refused by the database", async () => {
    const db = await testDatabase();
    await emptyGraph(db);
    await importDataset(db, { wipe: true });
    expect(await relationshipConstraints(db)).toEqual([...RELATIONSHIP_TYPES].sort());
    expect(await duplicateKeys(db)).toBe(0);

    // A copy of a stored KILLED (same ends, same properties, same key), as an import that
    // raced another one would have written it.
    const copy = run(
      db,
      `MATCH (a)-[r:KILLED]->(b) WITH a, b, r ORDER BY r.key LIMIT 1
       CREATE (a)-[c:KILLED]->(b) SET c = properties(r)`,
    );
    await expect(copy).rejects.toBeInstanceOf(Neo4jError);
    await expect(copy).rejects.toMatchObject({
      code: "Neo.ClientError.Schema.ConstraintValidationFailed",
    });
    // The same key between other nodes is refused too.
    await expect(
      run(
        db,
        `MATCH (:Character)-[r:APPEARS_IN]->(f:Film) WITH f, r ORDER BY r.key LIMIT 1
         CREATE (:Character {id: 'rel-keys-intruder', film: f.id})-[c:APPEARS_IN]->(f)
         SET c.key = r.key`,
      ),
    ).rejects.toMatchObject({ code: "Neo.ClientError.Schema.ConstraintValidationFailed" });
    expect(await duplicateKeys(db)).toBe(0);
  }, 300_000);

  it("of a graph imported with keys unique per pair of nodes are rewritten by its next import", async () => {
    const db = await testDatabase();
    await emptyGraph(db);
    await importDataset(db, { wipe: true });
    const expected = await graphFingerprint(db);

    // The graph as an older heistgraph left it: keys without the ends' ids (many the same,
    // e.g. "" for every APPEARS_IN), no key constraints, and the plan hashes of that version.
    for (const type of RELATIONSHIP_TYPES)
      await run(db, `DROP CONSTRAINT ${type.toLowerCase()}_key IF EXISTS`);
    await run(db, `MATCH (a)-[r]->(b) SET r.key = substring(r.key, size(a.id) + size(b.id) + 2)`);
    await run(db, "MATCH (f:Film) SET f.importHash = 'hash-of-the-old-plan'");
    expect(await duplicateKeys(db)).toBeGreaterThan(0);

    const report = await importDataset(db);
    expect(report.changes.relationships.APPEARS_IN?.added).toBeGreaterThan(0);
    expect(report.changes.relationships.APPEARS_IN?.removed).toBeGreaterThan(0);
    expect(await duplicateKeys(db)).toBe(0);
    expect(await relationshipConstraints(db)).toEqual([...RELATIONSHIP_TYPES].sort());
    expect(await graphFingerprint(db)).toEqual(expected);
  }, 300_000);
});
