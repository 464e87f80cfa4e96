// The marks the images are made of: node shapes, edge lines with their ends, as the visual
// grammar (src/network/grammar.ts) says. Shared by the network and its legend so the two always
// look alike.
import { hexagonPoints } from "../network/grammar.ts";
import {
  EDGE_STYLE_ORDER,
  EDGE_STYLES,
  NO_GROUP_FILL,
  NODE_STROKE,
  type EdgeStyle,
} from "./style.ts";

/** Rounds a coordinate for the markup (keeps files small and stable). */
export const r1 = (n: number): string => String(Math.round(n * 10) / 10);

/** Arrowhead length: edges end this far before the node, the arrowhead fills the gap. */
export const ARROW_LENGTH = 10;
/** A killing's end is longer: a bar across the line, then the arrowhead. */
const KILL_ARROW_LENGTH = 15;

export const arrowLength = (style: EdgeStyle): number =>
  style.end === "triangle-cross" ? KILL_ARROW_LENGTH : ARROW_LENGTH;

/** The end of a line of `style`, drawn in a box `l` long and `w` wide pointing right. */
function endMarkup(style: EdgeStyle, l: number, w: number): string {
  const fill = `fill="${style.color}"`;
  switch (style.end) {
    case "ring":
      return `<circle cx="${l / 2}" cy="${w / 2}" r="${w / 2 - 1}" fill="#ffffff" stroke="${style.color}" stroke-width="1.6"/>`;
    case "vee":
      return `<path d="M0,0 L${l},${w / 2} L0,${w} L${l * 0.3},${w / 2} z" ${fill}/>`;
    case "triangle-cross":
      return `<path d="M0,0 H2.4 V${w} H0 z M4.5,0 L${l},${w / 2} L4.5,${w} z" ${fill}/>`;
    case "triangle":
      return `<path d="M0,0 L${l},${w / 2} L0,${w} z" ${fill}/>`;
    case "none":
      return "";
  }
}

/** One end marker per kind of line. */
export function markerDefs(): string {
  return EDGE_STYLE_ORDER.map((name) => {
    const style = EDGE_STYLES[name];
    const l = arrowLength(style);
    const w = style.end === "triangle-cross" ? 11 : 8;
    return `<marker id="arrow-${name}" markerUnits="userSpaceOnUse" markerWidth="${l}" markerHeight="${w}" viewBox="0 0 ${l} ${w}" refX="0" refY="${w / 2}" orient="auto">${endMarkup(style, l, w)}</marker>`;
  }).join("\n");
}

/** A line of the given style along path `d`. */
export function edgeMarkup(style: EdgeStyle, d: string, extra = "", arrow = true): string {
  const dash = style.dash
    ? ` stroke-dasharray="${style.dash}"${style.name === "covert-loyalty" ? ' stroke-linecap="round"' : ""}`
    : "";
  const marker = arrow ? ` marker-end="url(#arrow-${style.name})"` : "";
  return `<path d="${d}" fill="none" stroke="${style.color}" stroke-width="${style.width}"${dash}${marker}${extra}/>`;
}

/** An edge's last stretch with its arrowhead, drawn over labels (solid: too short for a dash). */
export function edgeEndMarkup(style: EdgeStyle, d: string): string {
  return `<path class="end" d="${d}" fill="none" stroke="${style.color}" stroke-width="${style.width}" marker-end="url(#arrow-${style.name})"/>`;
}

/** A character: a circle in its group's colour, cut in slices when it is in several. */
export function characterShape(x: number, y: number, r: number, colors: string[]): string {
  if (colors.length <= 1) {
    return `<circle cx="${r1(x)}" cy="${r1(y)}" r="${r}" fill="${colors[0] ?? NO_GROUP_FILL}" stroke="${NODE_STROKE}" stroke-width="1.4"/>`;
  }
  const n = colors.length;
  const slices = colors.map((color, i) => {
    // Slices start at the top and run clockwise; two groups split the circle left and right.
    const a0 = -Math.PI / 2 + (2 * Math.PI * i) / n;
    const a1 = -Math.PI / 2 + (2 * Math.PI * (i + 1)) / n;
    // Through the slice's middle, so no arc is half a circle (whose direction is ambiguous).
    const at = (a: number) => `${r1(x + r * Math.cos(a))},${r1(y + r * Math.sin(a))}`;
    const arc = `A${r},${r} 0 0 1`;
    return `<path d="M${r1(x)},${r1(y)} L${at(a0)} ${arc} ${at((a0 + a1) / 2)} ${arc} ${at(a1)} Z" fill="${color}"/>`;
  });
  return [
    ...slices,
    `<circle cx="${r1(x)}" cy="${r1(y)}" r="${r}" fill="none" stroke="${NODE_STROKE}" stroke-width="1.4"/>`,
  ].join("");
}

/** A group: a hexagon in its colour, as on the page, its corners `half` + 1 from its centre. */
export function groupShape(x: number, y: number, half: number, color: string): string {
  const points = hexagonPoints(x, y, half + 1)
    .map(([px, py]) => `${r1(px)},${r1(py)}`)
    .join(" ");
  return `<polygon points="${points}" stroke-linejoin="round" fill="${color}" stroke="${NODE_STROKE}" stroke-width="1.6"/>`;
}
