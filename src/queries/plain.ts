// Query results as plain objects: driver Integers become numbers, nodes and relationships
// become their properties, so no driver type leaks out of the TS API.
import neo4j, { Integer } from "neo4j-driver";

/**
 * Converts in place: the lists and maps of a record are the driver's fresh copies, used once,
 * so they are changed where they are rather than copied (a 2,000-event timeline is some
 * 100,000 values; copying each map doubled what the helper added to the driver's call).
 * Plain maps, lists and scalars are told apart first, with the cheapest tests: they are
 * nearly all of an answer.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = toPlain(value[i]);
    return value;
  }
  if (value instanceof Integer) return value.toNumber();
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const map = value as Record<string, unknown>;
    for (const key in map) map[key] = toPlain(map[key]);
    return map;
  }
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (neo4j.isNode(value as never) || neo4j.isRelationship(value as never)) {
    return toPlain({ ...(value as { properties: object }).properties });
  }
  if (neo4j.isPath(value as never)) {
    return (
      value as { segments: { start: unknown; relationship: unknown; end: unknown }[] }
    ).segments.map((s) => toPlain({ ...s }));
  }
  // Other driver values (dates, points): their fields, as before.
  const plain: Record<string, unknown> = {};
  for (const key in value) plain[key] = toPlain((value as Record<string, unknown>)[key]);
  return plain;
}
