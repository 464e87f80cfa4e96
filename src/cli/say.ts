// Prose for the terminal: every line the CLI prints fits the output's width (outputWidth), the
// way tables do. A line that is too long wraps at spaces; its continuation lines are indented
// under its text, past a leading "label: " when it has one ("  where:    ..."), so a message
// keeps its shape.
import stringWidth from "string-width";
import type { ProblemDetails } from "../errors.ts";
import { outputWidth, wrap } from "./table.ts";

/** Continuation lines never start further right than this share of the width. */
const MAX_HANG = 0.4;

/** One line wrapped to `width`, continuation lines under its text. */
function fitLine(line: string, width: number): string {
  if (stringWidth(line) <= width) return line;
  const lead = /^\s*/.exec(line)?.[0] ?? "";
  const label = /^\s*[\w ()-]{1,24}:\s+/.exec(line)?.[0];
  const hang = label && stringWidth(label) <= width * MAX_HANG ? label : lead;
  const pad = " ".repeat(Math.min(stringWidth(hang), Math.floor(width * MAX_HANG)));
  const wrapped = wrap(line.slice(hang.length), width - pad.length).split("\n");
  return wrapped.map((l, i) => (i === 0 ? `${hang}${l}` : `${pad}${l}`)).join("\n");
}

/** Text (of one or more lines) wrapped so no line is wider than `width`. */
export function fitText(text: string, width: number = outputWidth()): string {
  return text
    .split("\n")
    .map((line) => fitLine(line, Math.max(20, width)))
    .join("\n");
}

/** Writes text to stdout, fitted to the output's width, and a line break. */
export function say(text = ""): void {
  process.stdout.write(`${fitText(text)}\n`);
}

/** Writes `{"error": problem}` to stderr on one line: what --json prints instead of a message. */
export function printJsonError(problem: ProblemDetails & { unexpected?: boolean }): void {
  process.stderr.write(`${JSON.stringify({ error: problem })}\n`);
}
