// The Neo4j Browser guide (`:play <url>`), generated from cypher/queries/*.cypher every time it
// is asked for, so its Cypher is always the files' Cypher: a newcomer's tour of the model and
// the headline queries, each with what it should show (slides.ts), then every other query file.
//
// Browser 5 guides are HTML: <slide> elements (each shown on its own, in a carousel), and
// `pre.runnable` code blocks that a click copies into the editor. A query file's `:param` lines
// and its query are two blocks: Browser runs a block of several statements as a script and
// shows no result rows, so the query must run on its own.
//
// Run `npx tsx src/browser-guide/build-guide.ts [file]` to write it out (stdout without a file).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { grammarInWords } from "../network/grammar.ts";
import { heistgraphGrass } from "./grass.ts";
import { modelSvg } from "./model-svg.ts";
import type { Question } from "../questions/define.ts";
import { QUESTIONS } from "../questions/registry.ts";
import { HEADLINE_SLIDES, type HeadlineSlide } from "./slides.ts";

export const QUERIES_DIR = fileURLToPath(new URL("../../cypher/queries/", import.meta.url));

export interface QueryFile {
  name: string;
  /** The leading comment lines, without `// `. */
  header: string[];
  /** The `:param` lines: name and Cypher expression. */
  params: { name: string; value: string }[];
  /** The query alone, without the `:param` lines. */
  cypher: string;
}

const PARAM_LINE = /^:param\s+(\w+)\s*=>\s*(.*?);?\s*$/;

export function parseQueryFile(name: string, text: string): QueryFile {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const header: string[] = [];
  let i = 0;
  for (; i < lines.length && (lines[i] ?? "").trim().startsWith("//"); i++) {
    header.push((lines[i] ?? "").trim().replace(/^\/\/ ?/, ""));
  }
  const params: QueryFile["params"] = [];
  const body: string[] = [];
  for (const line of lines.slice(i)) {
    const match = PARAM_LINE.exec(line.trim());
    if (match?.[1]) params.push({ name: match[1], value: match[2] ?? "" });
    else body.push(line);
  }
  return {
    name,
    header,
    params,
    cypher: body.join("\n").trim(),
  };
}

/** Every query file, by name. */
export function readQueryFiles(dir: string = QUERIES_DIR): QueryFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".cypher"))
    .sort()
    .map((f) => parseQueryFile(basename(f, ".cypher"), readFileSync(`${dir}/${f}`, "utf8")));
}

/** The `:param` lines, with some values replaced: one runnable block. */
export function paramLines(file: QueryFile, values: Record<string, string> = {}): string {
  for (const name of Object.keys(values)) {
    if (!file.params.some((p) => p.name === name)) {
      throw new Error(`${file.name}.cypher has no :param ${name}`);
    }
  }
  return file.params.map((p) => `:param ${p.name} => ${values[p.name] ?? p.value};`).join("\n");
}

export const escapeHtml = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

const runnable = (code: string) =>
  `<pre mode="cypher" class="pre-scrollable code runnable">${escapeHtml(code)}</pre>`;

const slide = (title: string, ...body: string[]) =>
  [`<slide class="row-fluid">`, `<h3>${title}</h3>`, ...body, `</slide>`].join("\n");

/** The header's first paragraph: what the query is, before "Parameters:". */
function headerSummary(file: QueryFile): string {
  const lines: string[] = [];
  for (const line of file.header) {
    if (/^(Parameters|Returns)\b/.test(line) || (line === "" && lines.length)) break;
    lines.push(line);
  }
  return lines.join(" ").trim();
}

/** The header from "Parameters:" on, as written in the file. */
function headerDetails(file: QueryFile): string {
  const start = file.header.findIndex((line) => /^Parameters\b/.test(line));
  return start < 0 ? "" : file.header.slice(start).join("\n");
}

const RUN_HINT =
  "Click a grey block to put it in the editor, then run it (Ctrl+Enter, or Cmd+Enter on a Mac).";

/** The file's parameters and query, as two runnable blocks (or one without parameters). */
function queryBlocks(file: QueryFile, params: Record<string, string> = {}): string[] {
  const source = `<code>cypher/queries/${file.name}.cypher</code>`;
  if (file.params.length === 0) {
    return [runnable(file.cypher), `<p><small>From ${source}. ${RUN_HINT}</small></p>`];
  }
  return [
    `<p>First the parameters, then the query (from ${source}):</p>`,
    runnable(paramLines(file, params)),
    runnable(file.cypher),
    `<p><small>${RUN_HINT}</small></p>`,
  ];
}

function headlineSlide(spec: HeadlineSlide, file: QueryFile): string {
  const tries = (spec.tryAlso ?? []).map((t) =>
    [
      `<p>Try also these parameters, then run the query again:</p>`,
      runnable(paramLines(file, t.params)),
      `<p><b>Expected:</b> ${t.expected}</p>`,
    ].join("\n"),
  );
  return slide(
    escapeHtml(spec.title),
    `<p class="lead">${spec.lead}</p>`,
    ...queryBlocks(file, spec.params),
    `<h4>What you should see</h4>`,
    `<p>${spec.expected}</p>`,
    ...tries,
  );
}

/** A question of the registry with no slide written for it: its summary, file and header. */
function questionSlide(question: Question, file: QueryFile): string {
  const details = headerDetails(file);
  return slide(
    escapeHtml(`${question.summary.charAt(0).toUpperCase()}${question.summary.slice(1)}`),
    `<p class="lead">${escapeHtml(headerSummary(file))} From the command line: <code>npx heistgraph ${escapeHtml(question.name)}</code>.</p>`,
    ...queryBlocks(file),
    details ? `<pre class="pre-scrollable">${escapeHtml(details)}</pre>` : "",
  );
}

function otherQuerySlide(file: QueryFile): string {
  const details = headerDetails(file);
  return slide(
    `More queries: <code>${escapeHtml(file.name)}</code>`,
    `<p class="lead">${escapeHtml(headerSummary(file))}</p>`,
    ...queryBlocks(file),
    details ? `<pre class="pre-scrollable">${escapeHtml(details)}</pre>` : "",
  );
}

export interface GuideOptions {
  /** Where heistgraph.grass can be fetched, for a runnable `:style <url>`. */
  grassUrl?: string;
  files?: QueryFile[];
}

/** What the style draws in which colour, in the words of the visual grammar it comes from. */
export function styleSentence(): string {
  const words = grammarInWords();
  return `Colours and captions come from heistgraph's style (<code>cypher/browser/heistgraph.grass</code>), which the local Neo4j applies on connect: ${words.nodes}; ${words.relationships}. They are the colours of the page and the images, where ${words.dashes}.`;
}

function welcomeSlide(options: GuideOptions): string {
  const restyle = options.grassUrl
    ? `<p>To bring the style back after changing it: </p>${runnable(`:style ${options.grassUrl}`)}`
    : "";
  return slide(
    "heistgraph: crime films as a graph",
    `<p class="lead">Crime films, <i>Heat</i> (1995), <i>City on Fire</i> (1987) and its heir <i>Reservoir Dogs</i> (1992), told as a graph built from their plot summaries: who kills, betrays and stays loyal to whom, in story order, each fact citing the summary paragraph that says it.</p>`,
    `<p>This guide shows the model, then asks the graph its headline questions, each with the result you should see. The grey code blocks are runnable: click one to put it in the editor, then run it with Ctrl+Enter (Cmd+Enter on a Mac). A question comes as two blocks: its parameters (<code>:param</code> lines), then the query; change the parameters and run the query again to ask about someone else.</p>`,
    `<p>No films in the graph yet? Import them from a shell: <code>npx heistgraph import</code>. This should list the three:</p>`,
    runnable("MATCH (f:Film) RETURN f.id AS id, f.title AS title, f.year AS year ORDER BY f.title"),
    `<p>${styleSentence()} <code>:style</code> shows it, <code>:style reset</code> goes back to Browser's own.</p>`,
    restyle,
  );
}

function modelSlide(): string {
  return slide(
    "The model",
    `<p class="lead">Characters and groups take part in events, in story order (<code>seq</code>), at places; they belong to groups, hold loyalties (some hidden: <code>covert</code>), and kill, wound and betray each other. Every node and relationship cites its <code>sources</code>; where the summaries disagree, a Disagreement node says how.</p>`,
    modelSvg(heistgraphGrass().style),
    `<p>Acts (KILLED, BETRAYED, ...) carry the <code>seq</code> of their event; lasting relationships (LOYAL_TO, MEMBER_OF, ties) the span they hold, <code>since</code> and <code>until</code>. The graph's own picture of itself:</p>`,
    runnable("CALL db.schema.visualization()"),
    `<p>And what it holds:</p>`,
    runnable(
      "MATCH (n)\nRETURN labels(n)[0] AS label, count(*) AS nodes\nORDER BY nodes DESC, label",
    ),
  );
}

function exploreSlide(): string {
  return slide(
    "See it as a graph",
    `<p class="lead">The queries above return tables; these return the graph itself, drawn in heistgraph's colours. Double-click a node to expand it.</p>`,
    // Browser's "Connect result nodes" draws every relationship between the nodes returned, so
    // a query for betrayals alone comes back as a hairball of all 20-odd relationship types.
    `<p><b>First, untick "Connect result nodes"</b> (the gear at the bottom left, Graph Visualization): otherwise Browser adds every relationship between the nodes a query returns, and a picture of betrayals shows all the kinships, memberships and loyalties too.</p>`,
    `<p>Heat's betrayals, and nothing else:</p>`,
    runnable(
      "MATCH (traitor {film: 'heat'})-[betrayal:BETRAYED]->(betrayed)\nRETURN traitor, betrayal, betrayed",
    ),
    `<p>Heat's killings and betrayals:</p>`,
    runnable("MATCH p = (:Character|Group {film: 'heat'})-[:KILLED|BETRAYED]->()\nRETURN p"),
    `<p>City on Fire's hidden loyalties, and who knows them:</p>`,
    runnable(
      "MATCH p = (c:Character {film: 'city-on-fire'})-[:LOYAL_TO {covert: true}]->()\nOPTIONAL MATCH k = ()-[:KNOWS_SECRET_OF]->(c)\nRETURN p, k",
    ),
    `<p>The story of Heat, event after event:</p>`,
    runnable(
      "MATCH p = (:Event {film: 'heat', seq: 1})-[:NEXT*]->(last:Event)\nWHERE NOT EXISTS { (last)-[:NEXT]->() }\nRETURN p",
    ),
  );
}

/** The guide's HTML. */
export function buildGuide(options: GuideOptions = {}): string {
  const files = options.files ?? readQueryFiles();
  const byName = new Map(files.map((f) => [f.name, f]));
  // The look-up first (every question starts from it), then every question of the registry
  // in its order: with the slides written for it (what you should see), or one made from its
  // declaration and its file's header.
  const lookups = HEADLINE_SLIDES.filter(
    (s) => byName.has(s.query) && !QUESTIONS.some((q) => q.file === s.query),
  );
  const questionSlides = QUESTIONS.filter((q) => byName.has(q.file)).flatMap((q) => {
    const file = byName.get(q.file) as QueryFile;
    const written = HEADLINE_SLIDES.filter((s) => s.query === q.file);
    return written.length > 0
      ? written.map((s) => headlineSlide(s, file))
      : [questionSlide(q, file)];
  });
  const shown = new Set([...lookups.map((s) => s.query), ...QUESTIONS.map((q) => q.file)]);
  const others = files.filter((f) => !shown.has(f.name));
  const slides = [
    welcomeSlide(options),
    modelSlide(),
    ...lookups.map((s) => headlineSlide(s, byName.get(s.query) as QueryFile)),
    ...questionSlides,
    exploreSlide(),
    ...others.map(otherQuerySlide),
  ];
  return [
    "<!doctype html>",
    "<title>heistgraph: crime films as a graph</title>",
    `<article class="guide">`,
    `<carousel class="deck container-fluid">`,
    ...slides,
    `</carousel>`,
    `</article>`,
    "",
  ].join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const html = buildGuide();
  const out = process.argv[2];
  if (out) writeFileSync(out, html);
  else process.stdout.write(html);
}
