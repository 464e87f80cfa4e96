// heistgraph's Neo4j Browser style lives in cypher/browser/heistgraph.grass. Browser reads a
// .grass file (CSS-like rules: `node.Label { color: ...; caption: "{name}"; }`) from a URL or
// from the style panel, and also accepts the same rules as JSON inline: `:style {"node": ...}`.
// The inline JSON is what the local Neo4j's post-connect command sends, so the style needs no
// web server.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const GRASS_FILE = fileURLToPath(
  new URL("../../cypher/browser/heistgraph.grass", import.meta.url),
);

/** Selector (`node`, `node.Character`, `relationship.KILLED`) to its properties. */
export type GrassStyle = Record<string, Record<string, string>>;

/**
 * Parses .grass text the way Neo4j Browser does: rules of `property: value;` pairs, quotes
 * around a value dropped. Browser's parser knows no comments, so neither does this one: a
 * comment in the file would break the style in Browser too.
 */
export function parseGrass(text: string): GrassStyle {
  const style: GrassStyle = {};
  const rule = /([^{}\s][^{}]*?)\s*\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/g;
  for (const [, selector, body] of text.matchAll(rule)) {
    if (!selector || body === undefined) continue;
    const properties: Record<string, string> = {};
    for (const declaration of body.split(";")) {
      const colon = declaration.indexOf(":");
      if (colon < 0) continue;
      const key = declaration.slice(0, colon).trim();
      const value = declaration
        .slice(colon + 1)
        .trim()
        .replace(/^(["'])(.*)\1$/, "$2");
      if (key) properties[key] = value;
    }
    style[selector.trim()] = properties;
  }
  return style;
}

/** The .grass file, as text and as parsed rules. */
export function heistgraphGrass(): { text: string; style: GrassStyle } {
  const text = readFileSync(GRASS_FILE, "utf8");
  return { text, style: parseGrass(text) };
}
