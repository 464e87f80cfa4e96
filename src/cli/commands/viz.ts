// `heistgraph viz`: the betrayal network of a film as a static SVG or PNG image.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, extname } from "node:path";
import type { Command } from "commander";
import { HeistgraphError } from "../../errors.ts";
import { network, storylineData } from "../../network/index.ts";
import { checkedInteger } from "../../queries/lookup.ts";
import {
  DEFAULT_WIDTH,
  EDGE_KINDS,
  renderNetwork,
  renderNetworkPng,
  type EdgeKind,
} from "../../viz/index.ts";
import { renderStoryline } from "../../viz/storyline.ts";
import { action } from "../run-action.ts";
import { withDatabase } from "../with-database.ts";
import { say } from "../say.ts";

interface VizOptions {
  film: string;
  out: string;
  with?: string;
  at?: string;
  width?: string;
  scale?: string;
  storyline?: boolean;
}

/** The format the output file's extension asks for. */
export function outputFormat(file: string): "svg" | "png" {
  const ext = extname(file).toLowerCase();
  if (ext === ".svg") return "svg";
  if (ext === ".png") return "png";
  throw new HeistgraphError({
    what: `Cannot tell what image to write from "${file}".`,
    where: "--out",
    expected: "a file name ending in .svg or .png",
    suggestion: `e.g. --out ${ext ? file.slice(0, -ext.length) : file}.svg`,
  });
}

/** `--with killings,loyalties`: the edge kinds to add to the betrayals. */
export function parseEdgeKinds(value: string | undefined): EdgeKind[] {
  if (value === undefined) return [];
  const words = value
    .split(",")
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);
  if (words.includes("all")) return [...EDGE_KINDS];
  const unknown = words.filter((w) => !(EDGE_KINDS as readonly string[]).includes(w));
  if (unknown.length > 0) {
    throw new HeistgraphError({
      what: `Unknown edge kind${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}.`,
      where: "--with",
      expected: `a comma-separated list of ${EDGE_KINDS.join(", ")} (or all)`,
      suggestion: "e.g. --with killings,loyalties",
    });
  }
  return words as EdgeKind[];
}

export function registerVizCommand(program: Command): void {
  program
    .command("viz")
    .description(
      "draw a film's betrayal network as an SVG or PNG image: the betrayals (plus the kinds " +
        "--with adds) and the characters and groups they touch",
    )
    .requiredOption("--film <film>", "the film (id or title)")
    .requiredOption("--out <file>", "the image to write: a .svg or .png file")
    .option(
      "--with <kinds>",
      `edge kinds to add to the betrayals, comma-separated: ${EDGE_KINDS.filter((k) => k !== "betrayals").join(", ")}, or all`,
    )
    .option("--at <seq>", "the network as it stands after this event (its story position)")
    .option("--width <px>", `the image's width in pixels (default ${DEFAULT_WIDTH})`)
    .option("--scale <n>", "a PNG's pixels per image pixel: 2 for a sharp picture (default 1)")
    .option(
      "--storyline",
      "draw the film's storyline instead: events across, a line per character, meeting in events",
    )
    .action(
      action(async (opts: VizOptions) => {
        // Everything the user typed is checked before the database is asked.
        const format = outputFormat(opts.out);
        const kinds = parseEdgeKinds(opts.with);
        const at = opts.at === undefined ? undefined : checkedInteger("--at", opts.at, 0, 100_000);
        const width =
          opts.width === undefined ? undefined : checkedInteger("--width", opts.width, 200, 10_000);
        const scale = opts.scale === undefined ? 1 : checkedInteger("--scale", opts.scale, 1, 4);
        const png = (svg: string) =>
          renderNetworkPng(svg, { width: (width ?? DEFAULT_WIDTH) * scale });
        if (opts.storyline) {
          if (opts.with !== undefined || at !== undefined)
            throw new HeistgraphError({
              what: "--storyline draws the whole story with every character.",
              where: opts.with !== undefined ? "--with" : "--at",
              expected: "--storyline without --with or --at",
              suggestion: `heistgraph viz --storyline --film ${opts.film} --out ${opts.out}`,
            });
          const data = await withDatabase((db) => storylineData(db, opts.film));
          const drawn = renderStoryline(data, { width });
          const bytes = format === "svg" ? drawn.svg : png(drawn.svg);
          mkdirSync(dirname(opts.out), { recursive: true });
          writeFileSync(opts.out, bytes);
          say(
            `Wrote ${opts.out}: ${data.title} — storyline (${drawn.rows.length} characters, ` +
              `${drawn.columns.length} events).`,
          );
          return;
        }
        const net = await withDatabase((db) => network(db, opts.film));
        const { svg, view } = renderNetwork(net, { with: kinds, at, width });
        const bytes = format === "svg" ? svg : png(svg);
        mkdirSync(dirname(opts.out), { recursive: true });
        writeFileSync(opts.out, bytes);
        const characters = view.nodes.filter((n) => n.kind === "character").length;
        const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
        say(
          `Wrote ${opts.out}: ${view.title} (${count(characters, "character")}, ` +
            `${count(view.nodes.length - characters, "group")}, ${count(view.edges.length, "edge")}).`,
        );
      }),
    );
}
