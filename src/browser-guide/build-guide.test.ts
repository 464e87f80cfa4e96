// The Neo4j Browser guide and style, without a database: the guide holds every query file's
// Cypher as it is, the style covers the whole vocabulary and loads the way Browser loads it.
import { describe, expect, it } from "vitest";
import { NODE_LABELS, RELATIONSHIP_TYPES } from "../dataset/vocabulary.ts";
import { EDGE_LOOKS, NODE_KINDS, RELATIONSHIP_LOOKS } from "../network/grammar.ts";
import {
  buildGuide,
  escapeHtml,
  paramLines,
  parseQueryFile,
  readQueryFiles,
  styleSentence,
} from "./build-guide.ts";
import { heistgraphGrass, parseGrass } from "./grass.ts";
import {
  BROWSER_CONTENT_SECURITY_POLICY,
  BROWSER_REMOTE_CONTENT_ALLOWLIST,
  browserNeo4jSettings,
  browserPostConnectCommand,
  browserStyleCommand,
} from "./post-connect.ts";
import { QUESTIONS } from "../questions/registry.ts";
import { HEADLINE_SLIDES } from "./slides.ts";

/** Neo4j Browser 5.24's own .grass parser (neo4j-browser's utils/grassUtils), for comparison. */
function browserParseGrass(text: string): Record<string, Record<string, string>> {
  try {
    return JSON.parse(text);
  } catch {
    // Falls through to the CSS-like syntax.
  }
  let inQuote = false;
  let inRule = false;
  let inNested = false;
  let selector = "";
  let body = "";
  const rules: Record<string, string> = {};
  for (const ch of text) {
    let skip = true;
    switch (ch) {
      case "{":
        if (inQuote) skip = false;
        else if (inRule) inNested = true;
        else inRule = true;
        break;
      case "}":
        if (inQuote) skip = false;
        else if (inNested) inNested = false;
        else {
          inRule = false;
          rules[selector] = body;
          selector = "";
          body = "";
        }
        break;
      case "'":
      case '"':
        inQuote = !inQuote;
        break;
      default:
        skip = false;
    }
    if (skip) continue;
    if (inRule) body += ch;
    else if (!/\s/.test(ch)) selector += ch;
  }
  const style: Record<string, Record<string, string>> = {};
  for (const [sel, declarations] of Object.entries(rules)) {
    style[sel] = {};
    for (const declaration of declarations.split(";")) {
      const parts = declaration.split(":");
      if (parts.length === 2) style[sel][(parts[0] ?? "").trim()] = (parts[1] ?? "").trim();
    }
  }
  return style;
}

/** How Browser splits browser.post_connect_cmd (extractPostConnectCommandsFromServerConfig). */
function browserSplitPostConnect(value: string): string[] {
  const protect = (s: string) => s.replace(/;/g, "@@semicolon@@");
  let text = value;
  for (const quoted of [/(`[^`]*?`)/g, /("[^"]*?")/g, /('[^']*?')/g]) {
    text = text.replace(quoted, protect);
  }
  return text
    .split(";")
    .map((c) => c.trim().replace(/@@semicolon@@/g, ";"))
    .filter((c) => c.length > 0);
}

describe("the Browser guide", () => {
  const files = readQueryFiles();
  const guide = buildGuide({ grassUrl: "http://127.0.0.1:4000/browser/heistgraph.grass" });

  it("is a guide of slides", () => {
    expect(guide).toContain('<article class="guide">');
    expect(guide).toContain("<carousel");
    const slides = guide.match(/<slide\b/g) ?? [];
    // Welcome, model, one per headline query, the graph pictures, one per other query, and
    // one more for each further headline slide of a query (asked with other parameters).
    const further = HEADLINE_SLIDES.length - new Set(HEADLINE_SLIDES.map((s) => s.query)).size;
    expect(slides).toHaveLength(3 + files.length + further);
    expect(guide).toContain("<svg");
    expect(guide).toContain(":style http://127.0.0.1:4000/browser/heistgraph.grass");
  });

  it("holds every query file's Cypher and :param lines, as runnable code", () => {
    const block = (code: string) =>
      `<pre mode="cypher" class="pre-scrollable code runnable">${escapeHtml(code)}</pre>`;
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      expect(file.cypher.length, file.name).toBeGreaterThan(0);
      expect(guide, `${file.name}.cypher`).toContain(block(file.cypher));
      if (file.params.length > 0) expect(guide, file.name).toContain(block(paramLines(file)));
      for (const param of file.params) {
        expect(guide).toContain(escapeHtml(`:param ${param.name} => ${param.value};`));
      }
    }
  });

  it("has a slide for every headline query, whose file exists", () => {
    const names = new Set(files.map((f) => f.name));
    for (const slide of HEADLINE_SLIDES) {
      expect(names, slide.query).toContain(slide.query);
      expect(guide).toContain(`<h3>${escapeHtml(slide.title)}</h3>`);
    }
    expect(guide).toContain("Waingro &larr; Neil McCauley &larr; Vincent Hanna");
  });

  it("asks every question of the registry, in its order", () => {
    const at = QUESTIONS.map((q) => {
      const written = HEADLINE_SLIDES.find((s) => s.query === q.file);
      const title = written
        ? written.title
        : `${q.summary.charAt(0).toUpperCase()}${q.summary.slice(1)}`;
      return guide.indexOf(`<h3>${escapeHtml(title)}</h3>`);
    });
    expect(at.filter((i) => i < 0)).toEqual([]);
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  it("splits a query file into header, parameters and query", () => {
    const file = parseQueryFile(
      "example",
      "// What it does.\n// Parameters:\n//   $id  an id\n:param id => 'heat-waingro';\nMATCH (c {id: $id})\n// inline\nRETURN c\n",
    );
    expect(file.header).toEqual(["What it does.", "Parameters:", "  $id  an id"]);
    expect(file.params).toEqual([{ name: "id", value: "'heat-waingro'" }]);
    expect(file.cypher).toBe("MATCH (c {id: $id})\n// inline\nRETURN c");
    expect(paramLines(file)).toBe(":param id => 'heat-waingro';");
    expect(paramLines(file, { id: "'fu'" })).toBe(":param id => 'fu';");
    expect(() => paramLines(file, { other: "1" })).toThrow(/no :param other/);
  });
});

describe("the Browser style", () => {
  const { text, style } = heistgraphGrass();

  it("parses as Neo4j Browser parses it", () => {
    expect(parseGrass(text)).toEqual(browserParseGrass(text));
  });

  it("colours and captions every label and relationship type", () => {
    for (const label of NODE_LABELS) {
      expect(style[`node.${label}`]?.color, label).toMatch(/^#[0-9A-F]{6}$/);
      expect(style[`node.${label}`]?.caption, label).toMatch(/\{\w+\}/);
    }
    for (const type of RELATIONSHIP_TYPES) {
      expect(style[`relationship.${type}`]?.color, type).toMatch(/^#[0-9A-F]{6}$/);
      expect(style[`relationship.${type}`]?.caption, type).toContain(type);
    }
    expect(style["node.Character"]?.caption).toBe("{name}");
    expect(style["node.Group"]?.caption).toBe("{name}");
    expect(style["node.Place"]?.caption).toBe("{name}");
    expect(style["node.Film"]?.caption).toBe("{title}");
    expect(style["node.Event"]?.caption).toBe("{seq}. {name}");
  });

  it("goes inline into browser.post_connect_cmd as one :style command", () => {
    const command = browserPostConnectCommand();
    expect(command).toBe(browserStyleCommand());
    expect(command).not.toMatch(/[\n\\]/);
    const commands = browserSplitPostConnect(command);
    expect(commands).toHaveLength(1);
    const json = (commands[0] ?? "").replace(/^style /, "");
    expect(browserParseGrass(json)).toEqual(style);
  });

  it("can be followed by the guide", () => {
    const commands = browserSplitPostConnect(
      browserPostConnectCommand({ guideUrl: "http://127.0.0.1:4000/browser/guide.html" }),
    );
    expect(commands).toEqual([
      browserStyleCommand(),
      "play http://127.0.0.1:4000/browser/guide.html",
    ]);
    expect(BROWSER_REMOTE_CONTENT_ALLOWLIST.split(",")).toContain("127.0.0.1");
  });

  it("goes into the local Neo4j's neo4j.conf with the allowlist, no telemetry and the page policy", () => {
    expect(browserNeo4jSettings()).toEqual({
      "browser.post_connect_cmd": browserPostConnectCommand(),
      "browser.remote_content_hostname_whitelist": BROWSER_REMOTE_CONTENT_ALLOWLIST,
      "client.allow_telemetry": "false",
      "dbms.security.http_static_content_security_policy_header": BROWSER_CONTENT_SECURITY_POLICY,
    });
  });
});

describe("one visual grammar", () => {
  it("the Browser style is the grammar's: every label and relationship type in its colour", () => {
    const { style } = heistgraphGrass();
    for (const label of NODE_LABELS)
      expect(style[`node.${label}`]?.color, label).toBe(NODE_KINDS[label].paint.hex);
    for (const type of RELATIONSHIP_TYPES)
      expect(style[`relationship.${type}`]?.color, type).toBe(
        EDGE_LOOKS[RELATIONSHIP_LOOKS[type]].paint.hex,
      );
    expect(style["relationship.BETRAYED"]?.color).toBe(EDGE_LOOKS.betrayal.paint.hex);
    expect(style["relationship.LOYAL_TO"]?.color).toBe(EDGE_LOOKS.loyalty.paint.hex);
  });

  it("the guide names the colours the style draws", () => {
    const sentence = styleSentence();
    expect(sentence).toContain(`loyalties ${EDGE_LOOKS.loyalty.paint.word}`);
    expect(sentence).toContain(`betrayals ${EDGE_LOOKS.betrayal.paint.word}`);
    expect(sentence).toContain(`groups ${NODE_KINDS.Group.paint.word}`);
    expect(sentence).toContain("betrayals under pressure are dashed");
    expect(sentence).toContain("covert loyalties dotted");
    expect(buildGuide()).toContain(sentence);
  });
});
