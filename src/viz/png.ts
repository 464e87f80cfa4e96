// The same SVG as a PNG, drawn by resvg with the machine's fonts.
import { Resvg } from "@resvg/resvg-js";
import { PNG_FONT } from "./text.ts";

export interface PngOptions {
  /** The PNG's width in pixels; the SVG's own width unless given. */
  width?: number;
}

/** Renders an SVG document (as made by renderNetworkSvg) to PNG bytes. */
export function renderNetworkPng(svg: string, options: PngOptions = {}): Buffer {
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: PNG_FONT },
    background: "#ffffff",
    ...(options.width === undefined ? {} : { fitTo: { mode: "width", value: options.width } }),
  });
  return resvg.render().asPng();
}
