// heistgraph's Neo4j Browser style lives in cypher/browser/heistgraph.grass, generated from the
// visual grammar (src/network/grammar.ts) by `npm run generate`. Browser reads a .grass file
// (CSS-like rules: `node.Label { color: ...; caption: "{name}"; }`) from a URL or from the
// style panel, and also accepts the same rules as JSON inline: `:style {"node": ...}`. The
// inline JSON is what the local Neo4j's post-connect command sends, so the style needs no web
// server.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { NODE_LABELS, RELATIONSHIP_TYPES, type NodeLabel } from "../dataset/vocabulary.ts";
import { EDGE_LOOKS, NODE_KINDS, RELATIONSHIP_LOOKS, textOn } from "../network/grammar.ts";

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

/** What Browser writes on each kind of node: a property in braces. */
const NODE_CAPTIONS: Record<NodeLabel, string> = {
  Character: "{name}",
  Group: "{name}",
  Film: "{title}",
  Event: "{seq}. {name}",
  Place: "{name}",
  Source: "{title}",
  Disagreement: "{topic}",
};

/** Relationships whose caption adds the story's own word to the type. */
const RELATIONSHIP_CAPTIONS: Partial<Record<string, string>> = {
  ACTED_ON: "ACTED_ON {act}",
  LOYAL_TO: "LOYAL_TO {kind}",
  TIED_TO: "TIED_TO {tie}",
};

/** A darker shade of `hex`, for a node's rim. */
function darker(hex: string): string {
  const channel = (i: number) =>
    Math.round(parseInt(hex.slice(i, i + 2), 16) * 0.8)
      .toString(16)
      .padStart(2, "0");
  return `#${channel(1)}${channel(3)}${channel(5)}`.toUpperCase();
}

const rule = (selector: string, properties: Record<string, string>): string =>
  [
    `${selector} {`,
    ...Object.entries(properties).map(([key, value]) =>
      key === "caption" ? `  ${key}: "${value}";` : `  ${key}: ${value};`,
    ),
    "}",
  ].join("\n");

/** The .grass text: every label and relationship type of the vocabulary in the grammar's looks. */
export function grassText(): string {
  const rules = [
    rule("node", {
      diameter: "50px",
      color: "#A5ABB6",
      "border-color": "#9AA1AC",
      "border-width": "2px",
      "text-color-internal": "#FFFFFF",
      "font-size": "10px",
    }),
    rule("relationship", {
      color: "#A5ABB6",
      "shaft-width": "1px",
      "font-size": "8px",
      padding: "3px",
      "text-color-external": "#000000",
      "text-color-internal": "#FFFFFF",
      caption: "<type>",
    }),
    ...NODE_LABELS.map((label) => {
      const kind = NODE_KINDS[label];
      return rule(`node.${label}`, {
        color: kind.paint.hex,
        "border-color": darker(kind.paint.hex),
        "text-color-internal": textOn(kind.paint.hex),
        diameter: `${kind.diameter}px`,
        caption: NODE_CAPTIONS[label],
        "font-size": kind.diameter >= 70 ? "9px" : "10px",
      });
    }),
    ...RELATIONSHIP_TYPES.map((type) => {
      const look = EDGE_LOOKS[RELATIONSHIP_LOOKS[type]];
      return rule(`relationship.${type}`, {
        color: look.paint.hex,
        "shaft-width": `${look.width}px`,
        "text-color-internal": textOn(look.paint.hex),
        caption: RELATIONSHIP_CAPTIONS[type] ?? type,
      });
    }),
  ];
  return `${rules.join("\n\n")}\n`;
}
