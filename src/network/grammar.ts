// The one visual grammar of heistgraph: what every picture of the graph draws each kind of node
// and each relationship type with. The web page (web/network), the static images (src/viz), the
// Neo4j Browser style (cypher/browser/heistgraph.grass, generated from here) and the words of
// the Browser guide all read it, so they cannot drift apart. Keyed by the vocabulary's labels
// and relationship types. Nothing here touches the database: the page bundles it as it is.
//
// The colours were chosen so that no two categories a reader must tell apart look alike under
// simulated deuteranopia, protanopia or tritanopia (grammar.test.ts measures it); where colour
// alone cannot separate two of them, a dash, a line width or a shape does, and the test says so.
import {
  ACT_TYPES,
  RELATIONSHIP_TYPES,
  TIE_TYPES,
  type NodeLabel,
  type RelationshipType,
} from "../dataset/vocabulary.ts";

/** A colour and the word the guide and the legends call it by. */
export interface Paint {
  hex: string;
  word: string;
}

const paint = (hex: string, word: string): Paint => ({ hex, word });

/**
 * Group colours: six of Paul Tol's colours (muted, bright and vibrant schemes) that stay apart
 * under every simulated colour blindness and from the grey of characters in no group. No film
 * has more than six groups; past six, colours repeat and the legend tells groups apart by name.
 */
export const GROUP_PALETTE: readonly Paint[] = [
  paint("#CC6677", "rose"),
  paint("#332288", "indigo"),
  paint("#117733", "green"),
  paint("#999933", "olive"),
  paint("#33BBEE", "cyan"),
  paint("#F0E442", "yellow"),
];

/** Films, coloured only when several are drawn together (nodes coloured by film). */
export const FILM_PALETTE: readonly Paint[] = [
  paint("#332288", "indigo"),
  paint("#DDCC77", "sand"),
  paint("#88CCEE", "light blue"),
  paint("#4477AA", "blue"),
  paint("#D55E00", "vermilion"),
];

/** A character in no group. */
export const NO_GROUP = paint("#DDDDDD", "light grey");

/**
 * What the page marks a highlighted chain and the acts of the current event with. Not a
 * category: a highlight also fades everything else, so it needs no colour of its own among the
 * groups'.
 */
export const HIGHLIGHT = paint("#EE3377", "magenta");

/** How a line ends at its target. */
export type LineEnd =
  /** A filled arrowhead. */
  | "triangle"
  /** A filled arrowhead with a bar across the line behind it: a killing. */
  | "triangle-cross"
  /** A notched arrowhead. */
  | "vee"
  /** A hollow ring: a loyalty is a tie, not a blow. */
  | "ring"
  | "none";

export type EdgeLookName =
  | "betrayal"
  | "coerced-betrayal"
  | "killing"
  | "wounding"
  | "loyalty"
  | "covert-loyalty"
  | "membership"
  | "other-act"
  | "tie"
  | "structure";

export interface EdgeLook {
  name: EdgeLookName;
  /** What legends and the guide call it. */
  label: string;
  /** The plural the guide's sentence uses: "betrayals drawn in red". */
  plural: string;
  paint: Paint;
  /** Line width in pixels at 1x. */
  width: number;
  /** Dash and gap lengths in pixels; null for a solid line. */
  dash: readonly number[] | null;
  end: LineEnd;
  /** Drawing order in the images: higher is drawn later, on top. */
  layer: number;
}

const look = (l: EdgeLook): EdgeLook => l;
const RED = paint("#CC3311", "red");
const BLUE = paint("#0077BB", "blue");

export const EDGE_LOOKS: Record<EdgeLookName, EdgeLook> = {
  betrayal: look({
    name: "betrayal",
    label: "betrayal",
    plural: "betrayals",
    paint: RED,
    width: 2.8,
    dash: null,
    end: "triangle",
    layer: 4,
  }),
  "coerced-betrayal": look({
    name: "coerced-betrayal",
    label: "betrayal under pressure",
    plural: "betrayals under pressure",
    paint: RED,
    width: 2.8,
    dash: [7, 4],
    end: "triangle",
    layer: 4,
  }),
  killing: look({
    name: "killing",
    label: "killing",
    plural: "killings",
    paint: paint("#222222", "black"),
    width: 3,
    dash: null,
    end: "triangle-cross",
    layer: 3,
  }),
  wounding: look({
    name: "wounding",
    label: "wounding",
    plural: "woundings",
    paint: paint("#DDAA33", "ochre"),
    width: 2.2,
    dash: [6, 3],
    end: "vee",
    layer: 2,
  }),
  loyalty: look({
    name: "loyalty",
    label: "loyalty",
    plural: "loyalties",
    paint: BLUE,
    width: 1.6,
    dash: null,
    end: "ring",
    layer: 1,
  }),
  "covert-loyalty": look({
    name: "covert-loyalty",
    label: "covert loyalty",
    plural: "covert loyalties",
    paint: BLUE,
    width: 1.8,
    dash: [1.5, 3.5],
    end: "ring",
    layer: 1,
  }),
  membership: look({
    name: "membership",
    label: "membership",
    plural: "memberships",
    paint: paint("#999933", "olive"),
    width: 1,
    dash: null,
    end: "triangle",
    layer: 0,
  }),
  "other-act": look({
    name: "other-act",
    label: "other act",
    plural: "other acts",
    paint: paint("#33BBEE", "cyan"),
    width: 2,
    dash: null,
    end: "triangle",
    layer: 0,
  }),
  tie: look({
    name: "tie",
    label: "tie",
    plural: "personal ties",
    paint: paint("#882255", "wine"),
    width: 1.4,
    dash: null,
    end: "triangle",
    layer: 0,
  }),
  structure: look({
    name: "structure",
    label: "structure",
    plural: "the story's structure (appearances, events, places, sources)",
    paint: paint("#CCCCCC", "light grey"),
    width: 1,
    dash: null,
    end: "triangle",
    layer: 0,
  }),
};

/** The looks of the network the page and the images draw, in legend order. */
export const NETWORK_LOOKS = [
  "betrayal",
  "coerced-betrayal",
  "killing",
  "wounding",
  "loyalty",
  "covert-loyalty",
] as const satisfies readonly EdgeLookName[];
export type NetworkLookName = (typeof NETWORK_LOOKS)[number];

const SPECIFIC: Partial<Record<RelationshipType, EdgeLookName>> = {
  BETRAYED: "betrayal",
  KILLED: "killing",
  WOUNDED: "wounding",
  LOYAL_TO: "loyalty",
  KNOWS_SECRET_OF: "covert-loyalty",
  MEMBER_OF: "membership",
};

function familyOf(type: RelationshipType): EdgeLookName {
  const specific = SPECIFIC[type];
  if (specific) return specific;
  // A story's own act and tie words (ACTED_ON, TIED_TO) look like the acts and ties they are.
  if ((ACT_TYPES as readonly string[]).includes(type) || type === "ACTED_ON") return "other-act";
  if ((TIE_TYPES as readonly string[]).includes(type) || type === "TIED_TO") return "tie";
  return "structure";
}

/** Every relationship type's look where a relationship is drawn as it is (Neo4j Browser). */
export const RELATIONSHIP_LOOKS: Record<RelationshipType, EdgeLookName> = Object.fromEntries(
  RELATIONSHIP_TYPES.map((type) => [type, familyOf(type)]),
) as Record<RelationshipType, EdgeLookName>;

/** A network edge's look: betrayals under pressure dashed, covert loyalties dotted. */
export function networkLookName(edge: {
  type: "BETRAYED" | "KILLED" | "WOUNDED" | "LOYAL_TO";
  coerced?: boolean | null;
  covert?: boolean | null;
}): NetworkLookName {
  switch (edge.type) {
    case "BETRAYED":
      return edge.coerced ? "coerced-betrayal" : "betrayal";
    case "KILLED":
      return "killing";
    case "WOUNDED":
      return "wounding";
    case "LOYAL_TO":
      return edge.covert ? "covert-loyalty" : "loyalty";
  }
}

export type NodeShape = "circle" | "hexagon";

export interface NodeKind {
  /** The colour Neo4j Browser fills the label with (the page colours by group or film). */
  paint: Paint;
  shape: NodeShape;
  /** Neo4j Browser's diameter in pixels: the small kinds are told apart from the large by size. */
  diameter: number;
}

const kind = (hex: string, word: string, shape: NodeShape, diameter: number): NodeKind => ({
  paint: paint(hex, word),
  shape,
  diameter,
});

export const NODE_KINDS: Record<NodeLabel, NodeKind> = {
  Character: kind("#4477AA", "blue", "circle", 80),
  Group: kind("#117733", "green", "hexagon", 90),
  Film: kind("#882255", "wine", "circle", 80),
  Event: kind("#DDCC77", "sand", "circle", 70),
  Place: kind("#AA4499", "purple", "circle", 45),
  Source: kind("#BBBBBB", "grey", "circle", 40),
  Disagreement: kind("#EE8866", "salmon", "circle", 40),
};

/** The corners of a hexagon around (x, y) whose corners lie `r` from its centre, flat top. */
export function hexagonPoints(x: number, y: number, r: number): [number, number][] {
  return Array.from({ length: 6 }, (_, i) => {
    const a = (Math.PI / 3) * i;
    return [x + r * Math.cos(a), y + r * Math.sin(a)] as [number, number];
  });
}

/** Dark or white text, whichever reads better on `hex` (WCAG relative luminance). */
export function textOn(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast with white against contrast with #222222 (luminance about 0.016).
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.066 ? "#FFFFFF" : "#222222";
}

const LABEL_PLURALS: Record<NodeLabel, string> = {
  Character: "characters",
  Group: "groups",
  Film: "films",
  Event: "events",
  Place: "places",
  Source: "sources",
  Disagreement: "disagreements",
};

/**
 * The grammar in words, for the Browser guide: "characters blue, groups green, ...; betrayals
 * red, ...". Browser draws no dashes, so the dashed and dotted looks are told as the page's.
 */
export function grammarInWords(): { nodes: string; relationships: string; dashes: string } {
  const nodes = (["Character", "Group", "Event", "Film"] as const)
    .map((label) => `${LABEL_PLURALS[label]} ${NODE_KINDS[label].paint.word}`)
    .join(", ");
  const browserLooks: EdgeLookName[] = [
    "killing",
    "betrayal",
    "wounding",
    "loyalty",
    "membership",
    "other-act",
    "tie",
  ];
  const relationships = browserLooks
    .map((name) => `${EDGE_LOOKS[name].plural} ${EDGE_LOOKS[name].paint.word}`)
    .join(", ");
  const dashed = NETWORK_LOOKS.map((name) => EDGE_LOOKS[name])
    .filter((l) => l.dash !== null)
    .map((l) => `${l.plural} ${(l.dash?.[0] ?? 0) < 2 ? "dotted" : "dashed"}`);
  // "a are dashed, b dashed and c dotted"
  const dashes = dashed
    .map((phrase, i) => (i === 0 ? phrase.replace(/ (\w+)$/, " are $1") : phrase))
    .join(", ")
    .replace(/, ([^,]*)$/, " and $1");
  return { nodes, relationships, dashes };
}
