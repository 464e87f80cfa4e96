// `heistgraph import FILE --dry-run --watch`: check again each time a file is saved. The
// folders are watched, not the files: many editors save by writing a new file and renaming
// it over the old one, which a watch on the old file never sees.
import { readFileSync, watch, type FSWatcher } from "node:fs";
import { basename, dirname, join } from "node:path";

/** How long a burst of writes (an editor's save: write, rename, chmod) is waited out. */
const SETTLE_MS = 150;

/**
 * The files a check reads: the YAML files, the sources files beside the films, and the texts
 * they name (`file: heat-fr.txt`), read again after each check, since an edit may name others.
 */
function readFiles(files: string[]): Set<string> {
  const read = new Set<string>();
  for (const file of files) {
    const beside = file.replace(/\.ya?ml$/, ".sources.yaml");
    for (const yaml of [file, beside]) {
      read.add(yaml);
      let text = "";
      try {
        text = readFileSync(yaml, "utf8");
      } catch {
        continue; // gone, or not there yet: the check says so
      }
      for (const [, name] of text.matchAll(/^[\s-]*file:\s*["']?([^"'#\s]+)/gm))
        read.add(join(dirname(yaml), name as string));
    }
  }
  return read;
}

/**
 * Runs `check` now and after each change of a file it reads, one run at a time, until `stop`
 * is aborted.
 */
export async function watchFiles(
  files: string[],
  check: () => Promise<void>,
  stop: AbortSignal,
): Promise<void> {
  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let read = readFiles(files);
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    do {
      again = false;
      running = check();
      await running;
      running = undefined;
      read = readFiles(files);
    } while (again && !stop.aborted);
  };
  const changed = (dir: string, name: string | null) => {
    // A change the system does not name could be any file: check again.
    if (name !== null && !read.has(join(dir, name))) return;
    clearTimeout(timer);
    timer = setTimeout(() => void run(), SETTLE_MS);
  };
  const folders = [...new Set([...read].map((f) => dirname(f)))];
  const watchers: FSWatcher[] = folders.map((dir) =>
    watch(dir, (_event, name) => changed(dir, name === null ? null : basename(name))),
  );
  await run();
  await new Promise<void>((resolve) => {
    if (stop.aborted) resolve();
    stop.addEventListener("abort", () => resolve(), { once: true });
  });
  clearTimeout(timer);
  for (const w of watchers) w.close();
  await running;
}
