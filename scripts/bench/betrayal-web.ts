// A synthetic film whose characters betray each other densely, so that asking its betrayal
// chains is genuinely heavy work for Neo4j (the number of chains grows like
// betrayalsEach ^ maxDepth). Used by the flood benchmark and the API's load tests; the
// import branch's story generator makes realistic films, this one makes a worst case.
// Written with parameterised Cypher, labels and types from the fixed vocabulary; every node
// carries `film`, so dropBetrayalWeb removes exactly what writeBetrayalWeb wrote.
import type { Database } from "../../src/db/connection.ts";
import { seededRandom } from "../../src/seeded-random.ts";

export interface BetrayalWeb {
  film: string;
  characters: number;
  /** Betrayals each character commits, towards distinct others. */
  betrayalsEach: number;
  seed?: number;
}

export const characterId = (web: BetrayalWeb, i: number) => `${web.film}-c${i}`;

/** Writes the film (replacing an earlier one of the same id). */
export async function writeBetrayalWeb(db: Database, web: BetrayalWeb): Promise<void> {
  await dropBetrayalWeb(db, web.film);
  const next = seededRandom(web.seed ?? 1);
  const characters = Array.from({ length: web.characters }, (_, i) => ({
    id: characterId(web, i),
    name: `Traitor ${i}`,
    aliases: [],
    unnamed: false,
    role: "traitor",
    fate: "survives",
    description: "A generated character who betrays others.",
    film: web.film,
    sources: [],
  }));
  const betrayals: Record<string, unknown>[] = [];
  let seq = 0;
  for (let i = 0; i < web.characters; i++) {
    const targets = new Set<number>();
    while (targets.size < Math.min(web.betrayalsEach, web.characters - 1)) {
      const j = Math.floor(next() * web.characters);
      if (j !== i) targets.add(j);
    }
    for (const j of targets) {
      seq++;
      betrayals.push({
        from: characterId(web, i),
        to: characterId(web, j),
        key: `${web.film}-b${seq}`,
        props: {
          event: `${web.film}-e${seq}`,
          seq: 1 + Math.floor(next() * 100),
          how: "betrays",
          coerced: false,
          sources: [],
        },
      });
    }
  }
  const run = (cypher: string, params: Record<string, unknown>) =>
    db.driver.executeQuery(cypher, params, { database: db.database });
  await run("CREATE (:Film {id: $film, title: $title, sources: [], film: $film})", {
    film: web.film,
    title: `Generated betrayal web (${web.characters} x ${web.betrayalsEach})`,
  });
  await run(
    "UNWIND $rows AS row MATCH (f:Film {id: $film}) CREATE (c:Character) SET c = row CREATE (c)-[:APPEARS_IN {key: row.id}]->(f)",
    { rows: characters, film: web.film },
  );
  await run(
    "UNWIND $rows AS row MATCH (a:Character {id: row.from}), (b:Character {id: row.to}) CREATE (a)-[r:BETRAYED]->(b) SET r = row.props, r.key = row.key",
    { rows: betrayals },
  );
}

/** Removes a film written by writeBetrayalWeb, and nothing else. */
export async function dropBetrayalWeb(db: Database, film: string): Promise<void> {
  await db.driver.executeQuery(
    "MATCH (n) WHERE n.film = $film DETACH DELETE n",
    { film },
    { database: db.database },
  );
}
