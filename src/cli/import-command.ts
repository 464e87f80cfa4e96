// `heistgraph import [files...]`: validate, then load the films into Neo4j.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { SingleBar, Presets } from "cli-progress";
import type { Command } from "commander";
import pc from "picocolors";
import { openDatabase, resolveDatabase } from "../db/connection.ts";
import { DEFAULT_SOURCES_FILE, importDataset, type ImportReport } from "../import/run-import.ts";
import { action } from "./run-action.ts";
import { makeTable } from "./table.ts";

const say = (line: string) => process.stdout.write(`${line}\n`);

export function printImportReport(report: ImportReport): void {
  const films = makeTable(["film", "file", "characters", "events", "killings", "betrayals"]);
  for (const f of report.films)
    films.push([f.title, f.file, f.characters, f.events, f.killings, f.betrayals]);
  say(films.toString());
  const nodes = Object.values(report.planned.nodes).reduce((a, b) => a + b, 0);
  const rels = Object.values(report.planned.relationships).reduce((a, b) => a + b, 0);
  say(`The dataset holds ${nodes} nodes and ${rels} relationships.`);
  if (report.dryRun) {
    say(pc.green("Valid. Dry run: nothing was written."));
    return;
  }
  const c = report.changes;
  if (report.wiped)
    say(
      `Wiped the graph first: ${c.nodesDeleted} nodes, ${c.relationshipsDeleted} relationships deleted.`,
    );
  say(
    pc.green(
      `Imported: ${c.nodesCreated} nodes and ${c.relationshipsCreated} relationships created, ${c.propertiesSet} properties set.`,
    ) + (c.nodesCreated === 0 && c.relationshipsCreated === 0 ? " (already up to date)" : ""),
  );
}

export function registerImportCommand(program: Command): void {
  program
    .command("import")
    .argument("[files...]", "film YAML files (default: import/films/*.yaml)")
    .description("validate the dataset and load it into Neo4j in one transaction")
    .option(
      "--sources <file>",
      "a shared sources file, added to import/sources.yaml and to each film's own sources (repeatable)",
      (file: string, files: string[]) => [...files, file],
      [] as string[],
    )
    .option("--dry-run", "validate only; touch no database")
    .option("--wipe", "replace the whole graph (in the same transaction)")
    .action(
      action(
        async (files: string[], opts: { sources: string[]; dryRun?: boolean; wipe?: boolean }) => {
          const filmFiles = files.length > 0 ? files.map((f) => resolve(f)) : undefined;
          const sourcesFile = [
            ...(existsSync(DEFAULT_SOURCES_FILE) ? [DEFAULT_SOURCES_FILE] : []),
            ...opts.sources.map((f) => resolve(f)),
          ];
          if (opts.dryRun) {
            printImportReport(
              await importDataset(undefined, {
                sourcesFile,
                filmFiles,
                dryRun: true,
              }),
            );
            return;
          }
          const database = await openDatabase(await resolveDatabase({ autoStart: true, log: say }));
          const bar = process.stdout.isTTY
            ? new SingleBar(
                { format: "importing [{bar}] {value}/{total} {step}", hideCursor: true },
                Presets.shades_classic,
              )
            : undefined;
          try {
            const report = await importDataset(database, {
              sourcesFile,
              filmFiles,
              wipe: opts.wipe,
              onProgress: (done, total, step) => {
                if (!bar) return;
                if (done === 1) bar.start(total, 0, { step });
                bar.update(done, { step });
              },
            });
            bar?.stop();
            printImportReport(report);
          } finally {
            bar?.stop();
            await database.close();
          }
        },
      ),
    );
}
