// The legend over the graph: what node colours and shapes mean, and one sample per edge look.
import type { NetworkEdgeType } from "./api.ts";
import { h, svg } from "./dom.ts";
import { EDGE_LOOK, NO_GROUP, type ColourBy, type Swatch } from "./palette.ts";

/** A short line in an edge type's look, with its arrowhead (and "covert" for covert loyalty). */
export function edgeSample(kind: keyof typeof EDGE_LOOK, width = 46): SVGElement {
  const look = EDGE_LOOK[kind];
  const y = 7;
  const end = width - 3;
  const tip = end - 8;
  const parts: SVGElement[] = [
    svg("line", {
      x1: 2,
      y1: y,
      x2: tip + 1,
      y2: y,
      stroke: look.colour,
      "stroke-width": Math.max(look.width, 1.4),
      ...(look.dash ? { "stroke-dasharray": look.dash } : {}),
    }),
  ];
  if (look.arrow === "circle") {
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
  } else if (look.arrow === "vee") {
    parts.push(
      svg("path", {
        d: `M${tip - 1},${y - 4.5} L${end},${y} L${tip - 1},${y + 4.5} L${tip + 2},${y} Z`,
        fill: look.colour,
      }),
    );
  } else {
    parts.push(
      svg("path", { d: `M${tip},${y - 4.5} L${end},${y} L${tip},${y + 4.5} Z`, fill: look.colour }),
    );
  }
  if (look.arrow === "triangle-cross") {
    parts.push(
      svg("line", {
        x1: tip - 7,
        y1: y - 5,
        x2: tip - 7,
        y2: y + 5,
        stroke: look.colour,
        "stroke-width": 2,
      }),
    );
  }
  return svg(
    "svg",
    { width, height: 14, viewBox: `0 0 ${width} 14`, class: "edge-sample", "aria-hidden": "true" },
    ...parts,
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

  const edgeItem = (kind: keyof typeof EDGE_LOOK, type: NetworkEdgeType, note?: string) =>
    h(
      "li",
      { class: input.types.has(type) ? "" : "off", "data-edge": kind },
      edgeSample(kind),
      h("span", {}, EDGE_LOOK[kind].label, note ? h("em", {}, ` ${note}`) : null),
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
        h("li", {}, h("span", { class: "shape character" }), "character"),
        h("li", {}, h("span", { class: "shape group" }), "group"),
        h("li", {}, h("span", { class: "shape multi" }), "in two groups"),
        h("li", {}, h("span", { class: "shape dead" }), "† killed"),
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
        edgeItem("KILLED", "KILLED"),
        edgeItem("WOUNDED", "WOUNDED"),
        edgeItem("LOYAL_TO", "LOYAL_TO"),
        edgeItem("COVERT", "LOYAL_TO", "“covert”"),
      ),
    ),
  );
}
