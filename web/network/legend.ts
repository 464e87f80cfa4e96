// The legend over the graph: what node colours and shapes mean, and one sample per edge look,
// drawn with the visual grammar's shapes, ends and dashes (src/network/grammar.ts).
import { hexagonPoints } from "../../src/network/grammar.ts";
import type { NetworkEdgeType } from "./api.ts";
import { h, svg } from "./dom.ts";
import { EDGE_LOOK, NO_GROUP, type ColourBy, type LookKey, type Swatch } from "./palette.ts";

/** A short line in an edge look, with its end (a triangle, a notch, a bar and triangle, a ring). */
export function edgeSample(kind: LookKey, width = 46): SVGElement {
  const look = EDGE_LOOK[kind];
  const y = 7;
  const end = width - 3;
  const tip = end - 8;
  const parts: SVGElement[] = [
    svg("line", {
      x1: 2,
      y1: y,
      x2: look.end === "triangle-cross" ? tip - 4 : tip + 1,
      y2: y,
      stroke: look.colour,
      "stroke-width": Math.max(look.width, 1.4),
      ...(look.dash ? { "stroke-dasharray": look.dash.join(" ") } : {}),
    }),
  ];
  const fill = { fill: look.colour };
  switch (look.end) {
    case "ring":
      parts.push(
        svg("circle", {
          cx: end - 4,
          cy: y,
          r: 3.6,
          fill: "#ffffff",
          stroke: look.colour,
          "stroke-width": 1.6,
        }),
      );
      break;
    case "vee":
      parts.push(
        svg("path", {
          d: `M${tip - 1},${y - 4.5} L${end},${y} L${tip - 1},${y + 4.5} L${tip + 2},${y} Z`,
          ...fill,
        }),
      );
      break;
    case "triangle-cross":
      parts.push(svg("rect", { x: tip - 4, y: y - 5, width: 2.2, height: 10, ...fill }));
      parts.push(
        svg("path", { d: `M${tip},${y - 4.5} L${end},${y} L${tip},${y + 4.5} Z`, ...fill }),
      );
      break;
    case "triangle":
      parts.push(
        svg("path", { d: `M${tip},${y - 4.5} L${end},${y} L${tip},${y + 4.5} Z`, ...fill }),
      );
      break;
    case "none":
      break;
  }
  return svg(
    "svg",
    { width, height: 14, viewBox: `0 0 ${width} 14`, class: "edge-sample", "aria-hidden": "true" },
    ...parts,
  );
}

/** A node sample: the grammar's shape for a character (circle) or a group (hexagon). */
function nodeSample(kind: "character" | "group" | "multi" | "dead"): SVGElement {
  const stroke = {
    stroke: kind === "dead" ? "#1f2633" : "#ffffff",
    "stroke-width": kind === "dead" ? 2.5 : 1,
  };
  const shape =
    kind === "group"
      ? svg("polygon", {
          points: hexagonPoints(7, 7, 6.5)
            .map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`)
            .join(" "),
          fill: "rgba(78, 121, 167, 0.3)",
          stroke: "#4e79a7",
          "stroke-width": 2,
          "stroke-linejoin": "round",
        })
      : kind === "multi"
        ? svg(
            "g",
            {},
            svg("path", { d: "M7,1 A6,6 0 0 1 7,13 Z", fill: "#4e79a7" }),
            svg("path", { d: "M7,13 A6,6 0 0 1 7,1 Z", fill: "#f28e2b" }),
          )
        : svg("circle", { cx: 7, cy: 7, r: 5.5, fill: "#8d96a6", ...stroke });
  return svg(
    "svg",
    { width: 14, height: 14, viewBox: "0 0 14 14", class: `shape ${kind}`, "aria-hidden": "true" },
    shape,
  );
}

export interface LegendInput {
  colourBy: ColourBy;
  /** The swatches of what colours the nodes: the groups or the films shown. */
  swatches: Swatch[];
  types: ReadonlySet<NetworkEdgeType>;
}

export function renderLegend(root: HTMLElement, input: LegendInput): void {
  const colourItems = input.swatches.map((s) =>
    h(
      "li",
      { "data-swatch": s.id },
      h("span", { class: "dot", style: `background:${s.colour}` }),
      s.name,
    ),
  );
  if (input.colourBy === "group")
    colourItems.push(
      h("li", {}, h("span", { class: "dot", style: `background:${NO_GROUP}` }), "no group"),
    );

  const edgeItem = (kind: LookKey, type: NetworkEdgeType) =>
    h(
      "li",
      { class: input.types.has(type) ? "" : "off", "data-edge": kind },
      edgeSample(kind),
      h("span", {}, EDGE_LOOK[kind].label),
    );

  root.replaceChildren(
    h(
      "div",
      { class: "legend-block" },
      h("h3", {}, input.colourBy === "group" ? "Colour: group" : "Colour: film"),
      h("ul", { class: "swatches" }, colourItems),
    ),
    h(
      "div",
      { class: "legend-block" },
      h("h3", {}, "Nodes"),
      h(
        "ul",
        { class: "shapes" },
        h("li", {}, nodeSample("character"), "character"),
        h("li", {}, nodeSample("group"), "group"),
        h("li", {}, nodeSample("multi"), "in two groups"),
        h("li", {}, nodeSample("dead"), "† killed"),
      ),
    ),
    h(
      "div",
      { class: "legend-block" },
      h("h3", {}, "Edges"),
      h(
        "ul",
        { class: "edges" },
        edgeItem("BETRAYED", "BETRAYED"),
        edgeItem("COERCED", "BETRAYED"),
        edgeItem("KILLED", "KILLED"),
        edgeItem("WOUNDED", "WOUNDED"),
        edgeItem("LOYAL_TO", "LOYAL_TO"),
        edgeItem("COVERT", "LOYAL_TO"),
      ),
    ),
  );
}
