import type { Session } from "neo4j-driver";
import type { Database } from "../db/connection.ts";

/** Work in a session of its own, closed afterwards. */
export async function inSession<T>(
  database: Database,
  work: (session: Session) => Promise<T>,
): Promise<T> {
  const session = database.driver.session({ database: database.database });
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}
