// Copies of the films (changed or not) and generated stories in a scratch folder, for tests
// that import one version of a film and then another.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll } from "vitest";
import { parse, stringify } from "yaml";
import { DEFAULT_SOURCES_FILE, defaultFilmFiles } from "../../src/import/run-import.ts";

export type FilmData = Record<string, Record<string, unknown>[]> & {
  film: Record<string, unknown>;
};

let scratch: string | undefined;

/** A folder removed when the test file ends. */
export function scratchDir(): string {
  if (!scratch) {
    const dir = mkdtempSync(join(tmpdir(), "heistgraph-films-"));
    scratch = dir;
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
  }
  return mkdtempSync(join(scratch, "case-"));
}

/** The file of one of the repository's films (e.g. "heat"). */
export function filmFile(film: string): string {
  const file = defaultFilmFiles().find((f) => f.endsWith(`/${film}.yaml`));
  if (!file) throw new Error(`no film file ${film}.yaml`);
  return file;
}

/** A copy of a repository film, changed by `change`; returns the copy's path. */
export function changedFilm(film: string, change: (data: FilmData) => void): string {
  const data = parse(readFileSync(filmFile(film), "utf8")) as FilmData;
  change(data);
  const target = join(scratchDir(), `${film}.yaml`);
  writeFileSync(target, stringify(data));
  return target;
}

const REFERENCE_FIELDS = ["by", "to", "from", "member", "group", "who", "about", "coercedBy"];

/** Takes a character (or group) out of a film with every item that refers to it. */
export function withoutItem(data: FilmData, id: string): void {
  const refersTo = (item: Record<string, unknown>) =>
    item.id === id || REFERENCE_FIELDS.some((field) => item[field] === id);
  for (const [list, items] of Object.entries(data)) {
    if (!Array.isArray(items)) continue;
    data[list] = items
      .filter((item) => !refersTo(item))
      .map((item) => {
        for (const nested of ["participants", "knownBy"]) {
          const inner = item[nested];
          if (Array.isArray(inner))
            item[nested] = inner.filter((x: Record<string, unknown>) => !refersTo(x));
        }
        return item;
      });
  }
}

/** Removes the first item of `list` that matches every field given. */
export function withoutFact(data: FilmData, list: string, fields: Record<string, unknown>): void {
  const items = data[list] ?? [];
  const at = items.findIndex((item) => Object.entries(fields).every(([k, v]) => item[k] === v));
  if (at < 0) throw new Error(`no ${list} item with ${JSON.stringify(fields)}`);
  items.splice(at, 1);
}

/**
 * The repository's own source texts (import/texts/) copied into `dir`, for a copy of
 * import/sources.yaml written there: a source's `file:` is read only from inside the folder of
 * the sources file that names it (or the seeds' folder).
 */
export function copySourceTexts(dir: string): void {
  const texts = join(dirname(DEFAULT_SOURCES_FILE), "texts");
  if (existsSync(texts)) cpSync(texts, join(dir, "texts"), { recursive: true });
}
