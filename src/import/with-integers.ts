// Parameters for the driver: it sends a JavaScript number as a float, so whole numbers are
// made its Integers first, for the statements that send rows as parameters: updates
// (film-store.ts), the by-id creation, and the creating statement with `json-rows` off
// (create-rows.ts sends JSON otherwise, whose whole numbers arrive as integers).
import neo4j from "neo4j-driver";
import type { Row } from "./plan.ts";

/**
 * Whole numbers become the driver's Integers (JavaScript numbers reach Neo4j as floats). A
 * list or map that holds none is given as it is, not copied (the driver only reads what it
 * sends), so a film's rows are not copied twice on their way to the server.
 */
export function withIntegers(value: unknown): unknown {
  if (typeof value === "number") return Number.isInteger(value) ? neo4j.int(value) : value;
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    value.forEach((item, i) => {
      const made = withIntegers(item);
      if (made !== item) out ??= value.slice(0, i);
      out?.push(made);
    });
    return out ?? value;
  }
  const row = value as Row;
  let out: Row | undefined;
  for (const key in row) {
    const made = withIntegers(row[key]);
    if (made !== row[key]) (out ??= { ...row })[key] = made;
  }
  return out ?? row;
}
