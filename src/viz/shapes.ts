// The marks the images are made of: node shapes, edge lines with their arrowheads, the cross
// on a killing. Shared by the network and its legend so the two always look alike.
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
const KILL_ARROW_LENGTH = 12;

export const arrowLength = (style: EdgeStyle): number =>
  style.cross ? KILL_ARROW_LENGTH : ARROW_LENGTH;

/** One arrowhead marker per kind of line. */
export function markerDefs(): string {
  return EDGE_STYLE_ORDER.map((name) => {
    const style = EDGE_STYLES[name];
    const l = arrowLength(style);
    const w = style.cross ? 11 : 8;
    // A loyalty ends in a hollow ring: no arrowhead to take for a betrayal's.
    const head = style.ring
      ? `<circle cx="${l / 2}" cy="${w / 2}" r="${w / 2 - 1}" fill="#ffffff" stroke="${style.color}" stroke-width="1.6"/>`
      : `<path d="M0,0 L${l},${w / 2} L0,${w} z" fill="${style.color}"/>`;
    return `<marker id="arrow-${name}" markerUnits="userSpaceOnUse" markerWidth="${l}" markerHeight="${w}" viewBox="0 0 ${l} ${w}" refX="0" refY="${w / 2}" orient="auto">${head}</marker>`;
  }).join("\n");
}

/** A line of the given style along path `d`, with the killing cross at `crossAt`. */
export function edgeMarkup(
  style: EdgeStyle,
  d: string,
  crossAt?: { x: number; y: number; angle: number },
  extra = "",
  arrow = true,
): string {
  const dash = style.dash
    ? ` stroke-dasharray="${style.dash}"${style.name === "covert-loyalty" ? ' stroke-linecap="round"' : ""}`
    : "";
  const marker = arrow ? ` marker-end="url(#arrow-${style.name})"` : "";
  const line = `<path d="${d}" fill="none" stroke="${style.color}" stroke-width="${style.width}"${dash}${marker}${extra}/>`;
  if (!style.cross || !crossAt) return line;
  const s = 5.5;
  const a = crossAt.angle + Math.PI / 4;
  const b = crossAt.angle - Math.PI / 4;
  const arm = (t: number) =>
    `M${r1(crossAt.x - s * Math.cos(t))},${r1(crossAt.y - s * Math.sin(t))} L${r1(crossAt.x + s * Math.cos(t))},${r1(crossAt.y + s * Math.sin(t))}`;
  return `${line}\n<path d="${arm(a)} ${arm(b)}" stroke="${style.color}" stroke-width="2.4" stroke-linecap="round" fill="none"/>`;
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

/** A group: a rounded square in its colour. */
export function groupShape(x: number, y: number, half: number, color: string): string {
  return `<rect x="${r1(x - half)}" y="${r1(y - half)}" width="${2 * half}" height="${2 * half}" rx="${Math.round(half / 2.5)}" fill="${color}" stroke="${NODE_STROKE}" stroke-width="1.6"/>`;
}
