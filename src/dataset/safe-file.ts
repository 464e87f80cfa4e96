// Opens a dataset file (a film, a sources file, a source's text) only when it is what the
// format says it is: a regular file, inside the folder it is named from, no larger than the
// format allows. A film file names its sources by path, so without these checks one line
// (`file: ../../dev/zero`) would make the importer read without end, block on a named pipe,
// or report on a file outside the dataset ("/etc/passwd has 25 lines").
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readSync,
  realpathSync,
  type Stats,
} from "node:fs";
import { isAbsolute, normalize, relative, resolve, sep } from "node:path";

/** Larger files are refused before they are read (the format's stated limit). */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

export type FileRefusal =
  | { kind: "missing"; code: string }
  | { kind: "not-a-file"; what: string }
  | { kind: "outside"; target: string; folder: string }
  | { kind: "too-large"; size: number };

const inside = (folder: string, path: string) => {
  const rel = relative(folder, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
};

/** What a non-regular file is, in words. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return "a folder";
  if (stats.isFIFO()) return "a named pipe";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  if (stats.isSocket()) return "a socket";
  return "not a regular file";
}

/**
 * A relative path that stays inside the folder it is named from (`texts/heat.txt`), or
 * undefined for an absolute path or one that climbs out with `..`.
 */
export function pathInside(folder: string, name: string): string | undefined {
  if (isAbsolute(name)) return undefined;
  const path = resolve(folder, normalize(name));
  return inside(resolve(folder), path) ? path : undefined;
}

/**
 * The file's bytes, or why it was refused. `folder`: where the file must really live (a
 * symbolic link may point elsewhere only inside it); default: the file's own folder.
 */
export function readDatasetFile(
  path: string,
  folder: string,
  maxBytes = MAX_FILE_BYTES,
): Buffer | FileRefusal {
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    return { kind: "missing", code: (error as NodeJS.ErrnoException).code ?? "ENOENT" };
  }
  let realFolder: string;
  try {
    realFolder = realpathSync(folder);
  } catch {
    realFolder = resolve(folder);
  }
  if (!inside(realFolder, real)) return { kind: "outside", target: real, folder: realFolder };
  // O_NONBLOCK: opening a named pipe must not wait for a writer (it is refused just below);
  // O_NOFOLLOW: the path was resolved above, so a link swapped in since is not followed.
  let fd: number;
  try {
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "EACCES";
    return code === "ELOOP"
      ? { kind: "outside", target: real, folder: realFolder }
      : { kind: "missing", code };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { kind: "not-a-file", what: kindOf(stats) };
    if (stats.size > maxBytes) return { kind: "too-large", size: stats.size };
    // Read what the size said, and one byte more: a file that grows while read is refused
    // rather than read without end.
    const bytes = Buffer.allocUnsafe(stats.size + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, bytes, length, bytes.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > stats.size) return { kind: "too-large", size: length };
    }
    return bytes.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** A refusal in words: the problem's message and what to do. */
export function describeRefusal(
  refusal: FileRefusal,
  maxBytes = MAX_FILE_BYTES,
): { message: string; suggestion: string } {
  switch (refusal.kind) {
    case "missing":
      return { message: `cannot read the file (${refusal.code})`, suggestion: "check the path" };
    case "not-a-file":
      return {
        message: `is ${refusal.what}, not a regular file`,
        suggestion: "name a text file saved on disk",
      };
    case "outside":
      return {
        message: `leads outside its folder (${refusal.folder}), to ${refusal.target}`,
        suggestion: "copy the file into the dataset's folder instead of linking to it",
      };
    case "too-large":
      return {
        message: `the file is ${refusal.size} bytes or more, more than the ${maxBytes} accepted`,
        suggestion: "split the story into several files",
      };
  }
}
