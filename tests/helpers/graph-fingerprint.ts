// The whole graph as sorted lines (every node and relationship with its properties), so two
// graphs are equal exactly when their fingerprints are.
import type { Database } from "../../src/db/connection.ts";

export async function graphFingerprint(db: Database): Promise<string[]> {
  const { records } = await db.driver.executeQuery(
    `MATCH (n) RETURN labels(n)[0] + ' ' + n.id + ' ' + apoc.convert.toJson(apoc.map.sortedProperties(n)) AS line
     UNION ALL
     MATCH (a)-[r]->(b) RETURN a.id + ' -' + type(r) + '-> ' + b.id + ' ' + apoc.convert.toJson(apoc.map.sortedProperties(r)) AS line`,
    {},
    { database: db.database },
  );
  return records.map((r) => r.get("line") as string).sort();
}
