// A Database whose driver tells of every statement sent, through executeQuery or a session's
// run, with the statement's result (the real driver answers it). The bench times statements
// with it; tests/integration/queries/one-round-trip.test.ts counts them.
import type { Driver, ResultSummary } from "neo4j-driver";
import type { Database } from "../../src/db/connection.ts";

/** Called as each statement is sent; the result settles when the statement has run. */
export type StatementObserver = (result: PromiseLike<{ summary: ResultSummary }>) => void;

export function observedDatabase(db: Database, observe: StatementObserver): Database {
  const driver = new Proxy(db.driver, {
    get(target, property, receiver) {
      if (property === "executeQuery") {
        return (...args: Parameters<Driver["executeQuery"]>) => {
          const result = target.executeQuery(...args);
          // The default result transformer's EagerResult, which carries the summary.
          observe(result as PromiseLike<{ summary: ResultSummary }>);
          return result;
        };
      }
      if (property === "session") {
        return (...args: Parameters<Driver["session"]>) =>
          new Proxy(target.session(...args), {
            get(session, property, receiver) {
              if (property !== "run") return Reflect.get(session, property, receiver) as unknown;
              return (...args: Parameters<typeof session.run>) => {
                const result = session.run(...args);
                observe(result);
                return result;
              };
            },
          });
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return { ...db, driver };
}
