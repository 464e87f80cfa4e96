// Query results as plain objects: driver Integers become numbers, nodes and relationships
// become their properties, so no driver type leaks out of the TS API.
import neo4j from "neo4j-driver";

export function toPlain(value: unknown): unknown {
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (Array.isArray(value)) return value.map(toPlain);
  if (value === null || typeof value !== "object") return value;
  if (neo4j.isNode(value as never) || neo4j.isRelationship(value as never)) {
    return toPlain((value as { properties: object }).properties);
  }
  if (neo4j.isPath(value as never)) {
    return (
      value as { segments: { start: unknown; relationship: unknown; end: unknown }[] }
    ).segments.map((s) => toPlain(s));
  }
  // A loop, not Object.entries/fromEntries: every answer's every map passes through here.
  const plain: Record<string, unknown> = {};
  for (const key in value) plain[key] = toPlain((value as Record<string, unknown>)[key]);
  return plain;
}
