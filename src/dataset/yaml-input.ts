// Reads a dataset file safely: size, UTF-8, invisible characters, YAML syntax, tags,
// aliases and nesting are checked here, so a hostile or broken file gives a clear problem
// (file, line, what to do) instead of a stack trace or silently stored garbage.
import { dirname } from "node:path";
import jsYaml from "js-yaml";
import { LineCounter, parseDocument, visit } from "yaml";
import type { DatasetProblem } from "./problems.ts";
import { describeRefusal, readDatasetFile } from "./safe-file.ts";

/** How deep the format nests (film > loyalties > item > knownBy > item > sources), with room. */
export const MAX_DEPTH = 12;
/**
 * Aliases (`*name`) a file may hold: YAML writers share repeated lists this way (a generated
 * film of 2,000 characters holds about 700), while an attack ("billion laughs") nests them.
 * What aliases may add is bounded too (aliasExpansionAllowed), the same in both parsers.
 */
export const MAX_ALIAS_COUNT = 1000;
/**
 * Values aliases may add to a file read by the fast path (each alias of a shared list adds
 * its length): 1,000, or a tenth of what the file holds; more, and the checked path decides,
 * with yaml's own alias limit.
 */
const aliasExpansionAllowed = (distinct: number) => Math.max(1000, Math.floor(distinct / 10));
/** The tags YAML's core schema defines; any other (`!js/function`, `!!binary`) is refused. */
const CORE_TAGS = new Set(
  ["str", "int", "float", "bool", "null", "seq", "map"].map((t) => `tag:yaml.org,2002:${t}`),
);
// C0 controls other than tab, line feed and carriage return; DEL; C1 controls.
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

type Problems = DatasetProblem[];

const YAML_HINT = "check indentation and quoting around that line";
/** What usually causes each of yaml's errors, and what to write instead. */
const YAML_HINTS: Record<string, string> = {
  TAB_AS_INDENT: "indent with spaces: YAML does not accept tabs (set your editor to insert spaces)",
  BLOCK_IN_FLOW:
    'inside { } and [ ] a colon followed by a space starts a new field: put the text in quotes, e.g. summary: "He says: go"',
  MULTILINE_IMPLICIT_KEY:
    "a text that goes on to the next line needs quotes, or check the indentation of the line below",
  BLOCK_AS_IMPLICIT_KEY:
    "check the indentation: the fields of one item start in the same column, and a text with a colon needs quotes",
  BAD_INDENT: "check the indentation: the fields of one item start in the same column",
  MISSING_CHAR:
    "close the quote, bracket or brace opened before, or add the missing - of a list item",
  DUPLICATE_KEY: "a field is written twice in the same item: keep one",
  UNEXPECTED_TOKEN: "check the quotes and brackets on that line",
};

function problem(file: string, item: string, message: string, suggestion: string): DatasetProblem {
  return { file, item, message, suggestion };
}

function lineOfByte(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * The file's text, or undefined (with problems) when it cannot be read as clean UTF-8.
 * `shown` is the name problems use for it.
 */
export function readUtf8(
  path: string,
  shown: string,
  problems: Problems,
  folder = dirname(path),
): string | undefined {
  const bytes = readDatasetFile(path, folder);
  if (!Buffer.isBuffer(bytes)) {
    const { message, suggestion } = describeRefusal(bytes);
    problems.push(problem(shown, "(file)", message, suggestion));
    return undefined;
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Find the first bad byte: decode growing prefixes is slow, so check sequences by hand.
    const offset = firstInvalidUtf8(bytes);
    problems.push(
      problem(
        shown,
        `line ${lineOfByte(bytes, offset)}`,
        `not valid UTF-8 (byte ${offset} is 0x${(bytes[offset] ?? 0).toString(16)})`,
        "save the file as UTF-8",
      ),
    );
    return undefined;
  }
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  // One pass over the whole text first: lines are only split when there is something to show.
  RAW_CONTROL.lastIndex = 0;
  if (!RAW_CONTROL.test(text)) return text;
  RAW_CONTROL.lastIndex = 0;
  const lines = text.split("\n");
  let bad = false;
  lines.forEach((content, i) => {
    for (const match of content.matchAll(RAW_CONTROL)) {
      const code = match[0].codePointAt(0) ?? 0;
      const name = code === 0 ? "a NUL character" : `control character U+${hex(code)}`;
      problems.push(
        problem(
          shown,
          `line ${i + 1}, column ${(match.index ?? 0) + 1}`,
          `${name} (invisible, and not allowed in a dataset file)`,
          "delete it; if it came from pasted terminal output, retype that text",
        ),
      );
      bad = true;
    }
  });
  return bad ? undefined : text;
}

function hex(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, "0");
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Buffer): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i] ?? 0;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : 4;
    if (b >= 0x80 && (b < 0xc2 || b > 0xf4)) return i;
    for (let k = 1; k < length; k++) {
      if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    }
    const slice = bytes.subarray(i, i + length);
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(slice);
    } catch {
      return i;
    }
    i += length;
  }
  return 0;
}

/**
 * How deep the value nests, counted no further than MAX_DEPTH + 1 (deeper is refused either
 * way, so the recursion is bounded, whatever the file).
 */
function depthOf(value: unknown, level = 0): number {
  if (value === null || typeof value !== "object") return 0;
  if (level > MAX_DEPTH) return 1;
  let deepest = 0;
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    if (child !== null && typeof child === "object")
      deepest = Math.max(deepest, depthOf(child, level + 1));
  }
  return deepest + 1;
}

/** A value being measured: seeing it again below itself is a cycle. */
const OPEN = { size: 0, depth: 0 };

/**
 * How many values the data holds, each shared (aliased) value counted once (`distinct`), and
 * once every alias is written out (`expanded`), and how deep it nests (counted no further than
 * MAX_DEPTH + 1, which bounds the recursion). One walk, memoised by object, so a "billion
 * laughs" file is measured in the time its few nodes take. Undefined when an alias points
 * into its own map or list (a cycle: it never ends).
 */
function aliasSizes(
  value: unknown,
): { distinct: number; expanded: number; depth: number } | undefined {
  const measured = new Map<object, { size: number; depth: number }>();
  let distinct = 1;
  const measure = (node: object, level: number): { size: number; depth: number } | undefined => {
    const known = measured.get(node);
    if (known === OPEN) return undefined;
    if (known) return known;
    if (level > MAX_DEPTH) return { size: 1, depth: 1 };
    measured.set(node, OPEN);
    const children: unknown[] = Array.isArray(node) ? node : Object.values(node);
    distinct += children.length;
    let size = 1;
    let deepest = 0;
    for (const child of children) {
      if (child === null || typeof child !== "object") {
        size += 1;
        continue;
      }
      const inner = measure(child, level + 1);
      if (!inner) return undefined;
      size += inner.size;
      if (inner.depth > deepest) deepest = inner.depth;
    }
    const sizes = { size, depth: deepest + 1 };
    measured.set(node, sizes);
    return sizes;
  };
  if (value === null || typeof value !== "object") return { distinct, expanded: 1, depth: 0 };
  const root = measure(value, 0);
  return root && { distinct, expanded: root.size, depth: root.depth };
}

/** What may come before an alias's `*`: a space, a bracket or a comma (or the start). */
const BEFORE_ALIAS = /[\s[{,]/;

/**
 * Where an alias could start (a `*` at the start, or after a space, a bracket or a comma),
 * counted up to one more than `limit`. A `*` is rare, so finding each is faster than trying
 * a pattern at every character of a large file.
 */
function aliasCandidates(text: string, limit: number): number {
  let count = 0;
  for (let at = text.indexOf("*"); at !== -1 && count <= limit; at = text.indexOf("*", at + 1)) {
    if (at === 0 || BEFORE_ALIAS.test(text.charAt(at - 1))) count++;
  }
  return count;
}

/**
 * js-yaml parses large files several times faster than yaml's document model, so it reads
 * every file first. Its core schema refuses unknown tags and duplicate keys, and it shares
 * an aliased value instead of copying it, so a file is accepted here only when its aliases
 * add little (see aliasExpansionAllowed: a shared list of sources,
 * as a YAML writer emits for repeated objects) and it nests no deeper than the format. Any
 * other file, and any error, goes to the checked path, for its verdict and for messages with
 * line and column.
 */
function fastParse(text: string): unknown {
  try {
    const data: unknown = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
    if (data === undefined) return undefined;
    // With aliases, one memoised walk measures the expansion and the depth: depthOf walks
    // every alias's copy, which a bomb makes endless.
    const candidates = aliasCandidates(text, MAX_ALIAS_COUNT);
    if (candidates > 0) {
      // Each alias is a candidate (a `*` in a quoted string may be one too): within the limit
      // here, the file holds no more aliases than allowed; beyond it, the checked path counts.
      if (candidates > MAX_ALIAS_COUNT) return undefined;
      const sizes = aliasSizes(data);
      if (!sizes || sizes.expanded > sizes.distinct + aliasExpansionAllowed(sizes.distinct))
        return undefined;
      return sizes.depth > MAX_DEPTH ? undefined : data;
    }
    return depthOf(data) > MAX_DEPTH ? undefined : data;
  } catch {
    return undefined;
  }
}

/** Parses YAML text to plain data, or undefined (with problems) when it is not acceptable. */
export function parseYamlText(text: string, shown: string, problems: Problems): unknown {
  const fast = fastParse(text);
  if (fast !== undefined) return fast;
  const lineCounter = new LineCounter();
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return `line ${line}, column ${col}`;
  };
  const before = problems.length;
  try {
    const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true, lineCounter });
    // Unresolved tags are warnings; every tag is checked below, so they are not repeated.
    const errors = [...document.errors, ...document.warnings].filter(
      (e) => e.code !== "TAG_RESOLVE_FAILED",
    );
    // One mistake often gives several errors, at its place and on the lines below, where
    // the reader has lost its way: the first says it, and the rest is read once it is fixed.
    for (const error of errors.slice(0, 1)) {
      const tooDeep = error.code === "RESOURCE_EXHAUSTION";
      const said = error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "");
      problems.push(
        problem(
          shown,
          error.pos ? at(error.pos[0]) : "(file)",
          tooDeep
            ? `nested too deeply to read (the format nests at most ${MAX_DEPTH} levels)`
            : `not valid YAML: ${said}`,
          tooDeep
            ? "remove the extra nesting"
            : `${YAML_HINTS[error.code] ?? YAML_HINT}${errors.length > 1 ? " (the rest of the file is checked once this reads)" : ""}`,
        ),
      );
    }
    if (problems.length > before) return undefined;
    let aliases = 0;
    visit(document, {
      Alias() {
        aliases++;
      },
      Node(_key, node) {
        if (node.tag && !CORE_TAGS.has(node.tag)) {
          problems.push(
            problem(
              shown,
              node.range ? at(node.range[0]) : "(file)",
              `YAML tag ${node.tag.replace("tag:yaml.org,2002:", "!!")} is not accepted`,
              "remove the tag: the format takes plain strings, numbers, lists and maps",
            ),
          );
        }
      },
    });
    if (aliases > MAX_ALIAS_COUNT) {
      problems.push(
        problem(
          shown,
          "(file)",
          `${aliases} YAML aliases (*name), more than the ${MAX_ALIAS_COUNT} a file may hold`,
          "write the repeated parts out, or share fewer of them",
        ),
      );
    }
    if (problems.length > before) return undefined;
    const data: unknown = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    // One walk finds a cycle, measures the depth, and what the aliases add (toJS has refused
    // deep alias bombs already; a flat one is measured here, by the fast path's rule).
    const sizes = aliasSizes(data);
    if (sizes === undefined) {
      problems.push(
        problem(
          shown,
          "(file)",
          "a YAML alias (*name) points into the map or list that holds it: the file never ends",
          "write that part out instead of the alias",
        ),
      );
      return undefined;
    }
    if (sizes.expanded > sizes.distinct + aliasExpansionAllowed(sizes.distinct)) {
      problems.push(
        problem(
          shown,
          "(file)",
          `too many YAML aliases: written out, they add ${sizes.expanded - sizes.distinct} values to the ${sizes.distinct} the file holds (at most ${aliasExpansionAllowed(sizes.distinct)})`,
          "write the repeated parts out, or use fewer aliases",
        ),
      );
      return undefined;
    }
    if (sizes.depth > MAX_DEPTH) {
      problems.push(
        problem(
          shown,
          "(file)",
          `nested more than ${MAX_DEPTH} levels deep; the format needs far fewer`,
          "remove the extra nesting",
        ),
      );
      return undefined;
    }
    return data;
  } catch (error) {
    const aliases = error instanceof ReferenceError && /alias/i.test(error.message);
    const deep = error instanceof RangeError;
    if (!aliases && !deep) throw error;
    problems.push(
      problem(
        shown,
        "(file)",
        aliases
          ? `too many YAML aliases (more than ${MAX_ALIAS_COUNT} expansions): the file would expand to a huge document`
          : `nested too deeply to read (the format nests at most ${MAX_DEPTH} levels)`,
        aliases ? "write the repeated parts out, or use fewer aliases" : "remove the extra nesting",
      ),
    );
    return undefined;
  }
}

/** Reads and parses one YAML file; undefined (with problems) when it cannot be used. */
export function readYamlFile(path: string, shown: string, problems: Problems): unknown {
  const text = readUtf8(path, shown, problems);
  return text === undefined ? undefined : parseYamlText(text, shown, problems);
}
