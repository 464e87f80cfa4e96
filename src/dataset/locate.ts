// Where a problem is in its file: the line and column of the field it names, or of its item
// when the field is missing. Files are read again only when they have problems, with yaml's
// document model (the fast reader keeps no positions).
import { resolve } from "node:path";
import { isMap, isNode, isPair, isScalar, LineCounter, parseDocument, type Node } from "yaml";
import type { DatasetProblem } from "./problems.ts";
import { readUtf8 } from "./yaml-input.ts";

type Path = (string | number)[];

/** "events[10] (a)" + "participants[0].who" -> ["events", 10, "participants", 0, "who"]. */
export function problemPath(item: string, field?: string): Path | undefined {
  const head = /^([a-z]+(?:\.[a-z]+)?)(?:\[(\d+)\])?(?: \([^)]*\))?(?: (.+))?$/i.exec(item);
  if (!head || item.startsWith("line ") || item.startsWith("(")) return undefined;
  const [, list = "", index, rest] = head;
  const path: Path = list.split(".");
  if (index !== undefined) path.push(Number(index));
  for (const part of [rest, field]) {
    if (!part) continue;
    for (const [, key, i] of part.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
      path.push(i !== undefined ? Number(i) : (key as string));
  }
  return path;
}

/** The node at `path`, or the deepest one on the way (a missing field: its item). */
function deepestNode(root: Node | null, path: Path, unknownKey?: string): Node | undefined {
  let node: unknown = root;
  let found: Node | undefined = isNode(root) ? root : undefined;
  for (const key of [...path, ...(unknownKey ? [unknownKey] : [])]) {
    if (!isNode(node) || !("items" in node)) break;
    const items = (node as { items: unknown[] }).items;
    let next: unknown;
    if (isMap(node)) {
      const pair = items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
      // An unknown field is shown at its key; any other at its value.
      next = isPair(pair) ? (key === unknownKey ? pair.key : pair.value) : undefined;
    } else if (typeof key === "number") next = items[key];
    if (!isNode(next)) break;
    node = next;
    found = next;
  }
  return found;
}

/** Fills in each problem's line and column, where its file and item can be found. */
export function locateProblems(problems: DatasetProblem[]): void {
  const byFile = new Map<string, DatasetProblem[]>();
  for (const p of problems) {
    const at = /^line (\d+)(?:, column (\d+))?$/.exec(p.item);
    if (at && p.line === undefined) {
      p.line = Number(at[1]);
      if (at[2]) p.column = Number(at[2]);
    }
    if (p.line !== undefined || !problemPath(p.item, p.field)) continue;
    byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  }
  for (const [file, list] of byFile) {
    const text = readUtf8(resolve(file), file, []);
    if (text === undefined) continue;
    const lineCounter = new LineCounter();
    const document = parseDocument(text, { lineCounter, uniqueKeys: false });
    if (document.errors.length > 0) continue;
    for (const p of list) {
      const unknown = /^unknown fields?: ([^,]+)/.exec(p.message)?.[1];
      const node = deepestNode(document.contents, problemPath(p.item, p.field) ?? [], unknown);
      if (!node?.range) continue;
      const { line, col } = lineCounter.linePos(node.range[0]);
      p.line = line;
      p.column = col;
    }
  }
}
