// The baselines the benchmark compares heistgraph's import with, built from the same plan:
// CSV files for `LOAD CSV ... CALL {} IN TRANSACTIONS` (with the statements that load them)
// and for `neo4j-admin database import full` (with its typed headers and arguments).
// Same nodes, relationships and properties as the importer writes (arrays joined by "|").
import { createWriteStream, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { FilmPlan, Row } from "../../src/import/plan.ts";

type Kind = "string" | "int" | "float" | "boolean" | "string[]";

interface Table {
  name: string;
  /** e.g. Character, or KILLED|Character|Character */
  label?: string;
  type?: string;
  from?: string;
  to?: string;
  rows: Row[];
}

function kindOf(value: unknown): Kind {
  if (Array.isArray(value)) return "string[]";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "float";
  if (typeof value === "boolean") return "boolean";
  return "string";
}

function columnsOf(rows: Row[], skip: string[] = []): { name: string; kind: Kind }[] {
  const kinds = new Map<string, Kind>();
  for (const row of rows)
    for (const [k, v] of Object.entries(row))
      if (!skip.includes(k) && v !== undefined && !kinds.has(k)) kinds.set(k, kindOf(v));
  return [...kinds].map(([name, kind]) => ({ name, kind }));
}

const quote = (v: unknown): string => {
  if (v === undefined || v === null) return "";
  const text = Array.isArray(v) ? v.join("|") : String(v);
  return `"${text.replace(/"/g, '""')}"`;
};

function tablesOf(films: FilmPlan[]): Table[] {
  const nodes = new Map<string, Row[]>();
  const rels = new Map<string, Table>();
  for (const film of films) {
    for (const [label, rows] of film.nodes)
      nodes.set(label, [...(nodes.get(label) ?? []), ...rows]);
    for (const [key, group] of film.rels) {
      const table = rels.get(key) ?? {
        name: `${group.type}-${group.from}-${group.to}`,
        type: group.type,
        from: group.from,
        to: group.to,
        rows: [],
      };
      for (const r of group.rows)
        table.rows.push({ ...r.props, key: r.key, from: r.from, to: r.to });
      rels.set(key, table);
    }
  }
  return [...[...nodes].map(([label, rows]) => ({ name: label, label, rows })), ...rels.values()];
}

async function writeCsv(file: string, header: string[], lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  out.write(`${header.join(",")}\n`);
  for (const line of lines)
    if (!out.write(`${line}\n`)) await new Promise<void>((r) => out.once("drain", () => r()));
  await new Promise<void>((resolve, reject) =>
    out.end((e?: Error | null) => (e ? reject(e) : resolve())),
  );
}

const prop = (name: string) => `\`${name}\``;
function loadValue(name: string, kind: Kind): string {
  const v = `row.${prop(name)}`;
  if (kind === "int") return `toInteger(${v})`;
  if (kind === "float") return `toFloat(${v})`;
  if (kind === "boolean") return `(${v} = 'true')`;
  if (kind === "string[]") return `split(${v}, '|')`;
  return v;
}

/** CSV files in `dir` (inside the server's import folder) and the LOAD CSV statements. */
export async function loadCsvFiles(
  films: FilmPlan[],
  dir: string,
  urlPrefix: string,
  batch = 10_000,
): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const statements: string[] = [];
  for (const table of tablesOf(films)) {
    const columns = columnsOf(table.rows, table.type ? ["from", "to"] : []);
    const header = [...(table.type ? ["from", "to"] : []), ...columns.map((c) => c.name)];
    await writeCsv(
      join(dir, `${table.name}.csv`),
      header,
      table.rows.map((row) => header.map((h) => quote(row[h])).join(",")),
    );
    const props = `{${columns.map((c) => `${prop(c.name)}: ${loadValue(c.name, c.kind)}`).join(", ")}}`;
    const body = table.label
      ? `CREATE (:${table.label} ${props})`
      : `MATCH (a:${table.from} {id: row.from}) MATCH (b:${table.to} {id: row.to}) CREATE (a)-[:${table.type} ${props}]->(b)`;
    statements.push(
      `LOAD CSV WITH HEADERS FROM '${urlPrefix}/${table.name}.csv' AS row\nCALL { WITH row ${body} } IN TRANSACTIONS OF ${batch} ROWS`,
    );
  }
  return statements;
}

/** CSV files for neo4j-admin and its `--nodes` / `--relationships` arguments. */
export async function adminImportFiles(films: FilmPlan[], dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const args: string[] = [];
  for (const table of tablesOf(films)) {
    const columns = columnsOf(table.rows, table.type ? ["from", "to"] : ["id"]);
    const typed = columns.map((c) => `${c.name}:${c.kind}`);
    const file = join(dir, `${table.name}.csv`);
    if (table.label) {
      await writeCsv(
        file,
        [`id:ID(${table.label})`, ...typed],
        table.rows.map((row) => [row.id, ...columns.map((c) => row[c.name])].map(quote).join(",")),
      );
      args.push(`--nodes=${table.label}=${file}`);
    } else {
      await writeCsv(
        file,
        [`:START_ID(${table.from})`, `:END_ID(${table.to})`, ...typed],
        table.rows.map((row) =>
          [row.from, row.to, ...columns.map((c) => row[c.name])].map(quote).join(","),
        ),
      );
      args.push(`--relationships=${table.type}=${file}`);
    }
  }
  return args;
}
