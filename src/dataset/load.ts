// Reads the sources file and film files from disk and checks each against its schema.
// Every problem is collected (not thrown one by one) so a user fixes them all in one go.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import jsYaml from "js-yaml";
import { parseDocument } from "yaml";
import type { z } from "zod";
import { filmFileSchema, sourcesFileSchema, type FilmFile, type SourcesFile } from "./schema.ts";
import { didYouMean, type DatasetProblem } from "./problems.ts";

export interface LoadedFilm {
  file: string;
  data: FilmFile;
}

export interface LoadedDataset {
  sourcesFile: string;
  sources: SourcesFile;
  films: LoadedFilm[];
}

function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith("..") ? file : rel;
}

/** A readable name for the item at a zod path, e.g. `characters[3] (neil-mccauley)`. */
function describeItem(raw: unknown, path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(file)";
  const [list, index] = path;
  if (typeof index !== "number") return String(list);
  const item = (raw as Record<string, unknown[]> | undefined)?.[String(list)]?.[index] as
    Record<string, unknown> | undefined;
  const label = item?.id ?? (item?.type ? `${item.type} ${item.by} -> ${item.to}` : undefined);
  return `${String(list)}[${index}]${label ? ` (${String(label)})` : ""}`;
}

function fieldOf(path: readonly PropertyKey[]): string | undefined {
  const rest = typeof path[1] === "number" ? path.slice(2) : path.slice(1);
  return rest.length
    ? rest
        .map((p) => (typeof p === "number" ? `[${p}]` : String(p)))
        .join(".")
        .replace(/\.\[/g, "[")
    : undefined;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (v, key) => (v as Record<PropertyKey, unknown> | undefined)?.[key],
    raw,
  );
}

/** Enum mistakes get a short message and a "did you mean" instead of zod's long one. */
function enumProblem(
  raw: unknown,
  issue: z.core.$ZodIssue,
): Pick<DatasetProblem, "message" | "suggestion"> | undefined {
  if (issue.code !== "invalid_value") return undefined;
  const given = valueAt(raw, issue.path);
  if (typeof given !== "string") return undefined;
  const guess = didYouMean(given, issue.values.map(String));
  return {
    message: `"${given}" is not one of the allowed values`,
    suggestion: guess ? `did you mean "${guess}"?` : undefined,
  };
}

function expectedOf(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code === "invalid_value" && "values" in issue) {
    return `one of: ${issue.values.map(String).join(", ")}`;
  }
  if (issue.code === "invalid_type") return issue.expected;
  if (issue.code === "unrecognized_keys") return "only the fields the format defines";
  return undefined;
}

function parseYaml(file: string, problems: DatasetProblem[]): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    problems.push({
      file: displayPath(file),
      item: "(file)",
      message: `cannot read the file: ${(error as Error).message}`,
      suggestion: "check the path",
    });
    return undefined;
  }
  // js-yaml parses large files several times faster (same YAML 1.2 core schema, duplicate
  // keys refused); on any error, yaml's parser runs again for messages with line and column.
  try {
    return jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
  } catch {
    // reported below
  }
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const [line, col] = [error.linePos?.[0]?.line, error.linePos?.[0]?.col];
      problems.push({
        file: displayPath(file),
        item: line ? `line ${line}, column ${col}` : "(file)",
        message: `not valid YAML: ${error.message.split("\n")[0]}`,
        suggestion: "check indentation and quoting around that line",
      });
    }
    return undefined;
  }
  return document.toJS();
}

function checkSchema<T>(
  schema: z.ZodType<T>,
  raw: unknown,
  file: string,
  problems: DatasetProblem[],
): T | undefined {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push({
      file: displayPath(file),
      item: describeItem(raw, issue.path),
      field: fieldOf(issue.path),
      message: issue.message,
      expected: expectedOf(issue),
      ...enumProblem(raw, issue),
    });
  }
  return undefined;
}

/** Loads and schema-checks the files; cross-references are checked by validate.ts. */
export function loadDataset(
  sourcesFile: string,
  filmFiles: string[],
  problems: DatasetProblem[],
): LoadedDataset | undefined {
  const sources = checkSchema(
    sourcesFileSchema,
    parseYaml(sourcesFile, problems),
    sourcesFile,
    problems,
  );
  const films: LoadedFilm[] = [];
  for (const file of filmFiles) {
    const data = checkSchema(filmFileSchema, parseYaml(file, problems), file, problems);
    if (data) films.push({ file: displayPath(file), data });
  }
  if (!sources || films.length !== filmFiles.length) return undefined;
  return { sourcesFile: displayPath(sourcesFile), sources, films };
}
