// The cytoscape stylesheet: node colour from data (group or film), node shape by kind, one
// edge look per type (palette.ts), and the classes the page sets (hidden, dead, highlights).
// Shapes, dashes and colours are the visual grammar's (src/network/grammar.ts).
import type { StylesheetJson } from "cytoscape";
import { NODE_KINDS } from "../../src/network/grammar.ts";
import { EDGE_LOOK, HIGHLIGHT, type EdgeLook } from "./palette.ts";

/** Cytoscape's name for a grammar shape (rounded corners, like the images' round joins). */
const CYTOSCAPE_SHAPE = { circle: "ellipse", hexagon: "round-hexagon" } as const;

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

function edgeRule(selector: string, look: EdgeLook) {
  return {
    selector,
    style: {
      "line-color": look.colour,
      "target-arrow-color": look.colour,
      "mid-target-arrow-color": look.colour,
      "target-arrow-shape": look.arrow,
      "target-arrow-fill": look.arrowFill,
      width: look.width,
      "line-style": look.dash ? "dashed" : "solid",
      ...(look.dash ? { "line-dash-pattern": [...look.dash] } : {}),
    },
  } as StylesheetJson[number];
}

export function graphStyle(): StylesheetJson {
  return [
    {
      selector: "node",
      style: {
        shape: CYTOSCAPE_SHAPE[NODE_KINDS.Character.shape],
        "background-color": "data(colour)",
        "border-width": 1.5,
        "border-color": "#ffffff",
        width: "data(size)",
        height: "data(size)",
        label: "data(label)",
        "font-family": FONT,
        "font-size": "data(fontSize)",
        "font-weight": 600,
        color: "#1f2633",
        "text-valign": "bottom",
        "text-halign": "center",
        "text-margin-y": 4,
        "text-wrap": "wrap",
        "text-max-width": "120px",
        "text-background-color": "#ffffff",
        // Translucent, so an edge arriving under a label still shows where it ends.
        "text-background-opacity": 0.55,
        "text-background-padding": "1.5px",
        "text-background-shape": "roundrectangle",
        "min-zoomed-font-size": 6,
        "transition-property": "opacity, background-blacken, border-width",
        "transition-duration": 180,
      },
    },
    {
      selector: "node.multi",
      style: {
        "pie-size": "100%",
        "pie-1-background-color": "data(pie1)",
        "pie-1-background-size": (n) => n.data("pieSize") as number,
        "pie-2-background-color": "data(pie2)",
        "pie-2-background-size": (n) => n.data("pieSize") as number,
        "pie-3-background-color": "data(pie3)",
        "pie-3-background-size": (n) => (n.data("pie3") ? (n.data("pieSize") as number) : 0),
      },
    },
    {
      selector: "node.group",
      style: {
        shape: CYTOSCAPE_SHAPE[NODE_KINDS.Group.shape],
        "border-width": 3,
        "border-color": "data(colour)",
        "background-opacity": 0.7,
        "font-weight": 800,
        "text-transform": "uppercase",
        color: "#1f2633",
        "text-max-width": "140px",
      },
    },
    {
      selector: "node.unnamed",
      style: {
        "font-style": "italic",
        "font-weight": 400,
        color: "#3d4554",
        "background-opacity": 0.75,
      },
    },
    {
      selector: "node.dead",
      style: {
        "background-blacken": 0.1,
        "border-color": "#1f2633",
        "border-width": 3,
      },
    },
    {
      selector: "node:selected",
      style: {
        "border-width": 4,
        "border-color": "#1f2633",
        "underlay-color": "#1f2633",
        "underlay-opacity": 0.12,
        "underlay-padding": 8,
        "underlay-shape": "ellipse",
      },
    },
    {
      selector: "edge",
      style: {
        "curve-style": "bezier",
        "arrow-scale": 1.1,
        "target-distance-from-node": 2,
        opacity: 0.9,
        "font-family": FONT,
        "font-size": 9,
        "text-rotation": "autorotate",
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.9,
        "text-background-padding": "1px",
        "transition-property": "opacity, width",
        "transition-duration": 180,
      },
    },
    edgeRule("edge.BETRAYED", EDGE_LOOK.BETRAYED),
    edgeRule("edge.KILLED", EDGE_LOOK.KILLED),
    edgeRule("edge.WOUNDED", EDGE_LOOK.WOUNDED),
    edgeRule("edge.LOYAL_TO", EDGE_LOOK.LOYAL_TO),
    edgeRule("edge.LOYAL_TO.covert", EDGE_LOOK.COVERT),
    edgeRule("edge.BETRAYED.coerced", EDGE_LOOK.COERCED),
    { selector: "edge.LOYAL_TO", style: { opacity: 0.75 } },
    { selector: "edge.LOYAL_TO.covert", style: { opacity: 0.95 } },
    // Story time: the acts of the event shown stand out, older ones step back.
    { selector: "edge.older", style: { opacity: 0.35 } },
    {
      selector: "edge.current",
      style: {
        "underlay-color": HIGHLIGHT,
        "underlay-opacity": 0.35,
        "underlay-padding": 5,
        width: 4.5,
        opacity: 1,
        "z-index": 15,
      },
    },
    {
      selector: "node.current",
      style: {
        "underlay-color": HIGHLIGHT,
        "underlay-opacity": 0.3,
        "underlay-padding": 8,
        "underlay-shape": "ellipse",
        "font-weight": 800,
      },
    },
    {
      selector: "node.kbd",
      style: {
        "border-width": 4,
        "border-color": HIGHLIGHT,
      },
    },
    { selector: ".hidden", style: { display: "none" } },
    { selector: ".faded", style: { opacity: 0.13, "text-opacity": 0.35 } },
    {
      selector: "node.hl",
      style: {
        opacity: 1,
        "text-opacity": 1,
        "border-width": 4,
        "border-color": HIGHLIGHT,
        "underlay-color": HIGHLIGHT,
        "underlay-opacity": 0.3,
        "underlay-padding": 9,
        "underlay-shape": "ellipse",
        "z-index": 20,
        "text-background-opacity": 1,
      },
    },
    {
      selector: "edge.hl",
      style: {
        opacity: 1,
        width: 5,
        "underlay-color": HIGHLIGHT,
        "underlay-opacity": 0.4,
        "underlay-padding": 5,
        "z-index": 20,
      },
    },
  ];
}
