// An import killed half-way, checked film by film: every film must be wholly the old telling
// or wholly the new one, never a mix. Used by the bench (`--only kill`, at S or M) and by
// tests/integration/import-kill.test.ts.
//
// The killed import is a real `heistgraph import` process (SIGKILL: no clean-up of any kind),
// started once the old telling is in the database and killed as soon as about half of the
// films have been committed in their new telling.
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Database } from "../../src/db/connection.ts";
import { plainValue } from "../../src/import/film-diff.ts";
import { planHash, readFilm, storedHashes } from "../../src/import/film-store.ts";
import type { FilmPlan } from "../../src/import/plan.ts";
import { spawnImport } from "./import-command.ts";

/** A digest of each film's subgraph: its nodes and the relationships leaving them. */
export async function filmDigests(db: Database, films: string[]): Promise<Map<string, string>> {
  const session = db.driver.session({ database: db.database });
  try {
    const digests = new Map<string, string>();
    for (const film of films) {
      const stored = await session.executeRead((tx) => readFilm(tx, film));
      const lines = [
        ...stored.nodes.map((n) => JSON.stringify([n.label, plainValue(n.props)])),
        ...stored.rels.map((r) => JSON.stringify([r.type, r.from, r.to, plainValue(r.props)])),
      ].sort();
      digests.set(film, createHash("sha256").update(lines.join("\n")).digest("base64url"));
    }
    return digests;
  } finally {
    await session.close();
  }
}

/** How many of these films the database holds as written from these plans (by import hash). */
export async function filmsWritten(db: Database, plans: FilmPlan[]): Promise<number> {
  const session = db.driver.session({ database: db.database });
  try {
    const hashes = await session.executeRead((tx) =>
      storedHashes(
        tx,
        plans.map((p) => p.film),
      ),
    );
    return plans.filter((p) => hashes.get(p.film) === planHash(p)).length;
  } finally {
    await session.close();
  }
}

export interface KillOutcome {
  /** Films found in their new telling after the kill. */
  newFilms: number;
  /** Films found in their old telling. */
  oldFilms: number;
  /** Films that were neither: part old, part new (must be none). */
  mixedFilms: string[];
  /** Seconds from the start of the import to the kill. */
  killedAfter: number;
}

/**
 * Kills `heistgraph import` of the new telling once `fraction` of its films are committed.
 * `before` are the digests of the old telling (in the database when this is called); `after`
 * those of the new one, taken by the caller once it has imported it whole (pass a function).
 */
export async function killImportHalfWay(
  db: Database,
  newTelling: { sourcesFile: string; filmFiles: string[]; plans: FilmPlan[] },
  fraction = 0.5,
): Promise<{ killedAfter: number; digests: Map<string, string> }> {
  const started = performance.now();
  const { child, exited, hasExited } = spawnImport(db, newTelling);
  const wanted = Math.max(1, Math.floor(newTelling.plans.length * fraction));
  while (!hasExited() && (await filmsWritten(db, newTelling.plans)) < wanted) await sleep(20);
  child.kill("SIGKILL");
  const { signal } = await exited;
  if (signal !== "SIGKILL") throw new Error("the import finished before it could be killed");
  const killedAfter = (performance.now() - started) / 1000;
  // The server rolls back the transactions in flight once it sees their connections gone.
  await waitForNoTransactions(db);
  const digests = await filmDigests(
    db,
    newTelling.plans.map((p) => p.film),
  );
  return { killedAfter, digests };
}

/** Transactions on the server whose current statement (empty between two) passes `where`. */
async function transactions(db: Database, where: string): Promise<number> {
  const { records } = await db.driver.executeQuery(
    `SHOW TRANSACTIONS YIELD currentQuery WHERE ${where} RETURN count(*) AS n`,
    {},
    { database: db.database },
  );
  return (records[0]?.get("n") as { toNumber(): number } | undefined)?.toNumber() ?? 0;
}

/** Write statements of an import the server is running right now. */
export function importWritesRunning(db: Database): Promise<number> {
  return transactions(db, "currentQuery STARTS WITH 'UNWIND $rows'");
}

/**
 * Waits until the server runs no transaction but this question's own: after a killed import,
 * not only its running statements: a transaction between two statements, or whose commit the
 * import sent just before it died, is still there, and a film read while that commit lands may
 * be read half old, half new (Neo4j reads are read-committed); after timed-out queries, those
 * Neo4j has not stopped yet. The bench and the tests have the server to themselves.
 */
export async function waitForNoTransactions(db: Database): Promise<void> {
  while ((await transactions(db, "NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS'")) > 0)
    await sleep(100);
}

/** Compares the digests after the kill with the old and the new tellings', film by film. */
export function judgeKill(
  killed: Map<string, string>,
  before: Map<string, string>,
  after: Map<string, string>,
  killedAfter: number,
): KillOutcome {
  const outcome: KillOutcome = { newFilms: 0, oldFilms: 0, mixedFilms: [], killedAfter };
  for (const [film, digest] of killed) {
    if (digest === after.get(film)) outcome.newFilms++;
    else if (digest === before.get(film)) outcome.oldFilms++;
    else outcome.mixedFilms.push(film);
  }
  return outcome;
}
