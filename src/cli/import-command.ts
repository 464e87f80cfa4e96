// `heistgraph import [files...]`: validate, then load the films into Neo4j.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { SingleBar, Presets } from "cli-progress";
import type { Command } from "commander";
import pc from "picocolors";
import { browserNeo4jSettings } from "../browser-guide/post-connect.ts";
import { openDatabase, resolveDatabase } from "../db/connection.ts";
import { NODE_LABELS, RELATIONSHIP_TYPES } from "../dataset/vocabulary.ts";
import type { ChangeCounts, KindChanges } from "../import/film-diff.ts";
import { removeFilm } from "../import/remove-film.ts";
import { HeistgraphError } from "../errors.ts";
import {
  DEFAULT_SOURCES_FILE,
  defaultFilmFiles,
  importDataset,
  type ImportReport,
} from "../import/run-import.ts";
import { action, printError } from "./run-action.ts";
import { watchFiles } from "./watch-files.ts";
import { makeTable } from "./table.ts";
import { say } from "./say.ts";

/** What changed, per node label and relationship type, in the vocabulary's order. */
export function printChanges(changes: ChangeCounts): void {
  const inOrder = (counts: Record<string, KindChanges>, order: readonly string[], suffix = "") =>
    Object.keys(counts)
      .sort((a, b) => (order.indexOf(a) >>> 0) - (order.indexOf(b) >>> 0) || a.localeCompare(b))
      .map((kind) => ({ kind: `${kind}${suffix}`, c: counts[kind] as KindChanges }));
  const rows = [
    ...inOrder(changes.nodes, NODE_LABELS, " nodes"),
    ...inOrder(changes.relationships, RELATIONSHIP_TYPES),
  ];
  if (rows.length === 0) {
    say("Already up to date: nothing added, changed or removed.");
    return;
  }
  // One line per kind, without rules between them: a fresh import lists forty kinds.
  const table = makeTable(["", "added", "changed", "removed"], { compact: true });
  for (const { kind, c } of rows) table.push([kind, c.added, c.changed, c.removed]);
  say(table.toString());
}

export function printImportReport(report: ImportReport): void {
  const films = makeTable(["film", "file", "characters", "events", "killings", "betrayals"]);
  for (const f of report.films)
    films.push([f.title, f.file, f.characters, f.events, f.killings, f.betrayals]);
  say(films.toString());
  const nodes = Object.values(report.planned.nodes).reduce((a, b) => a + b, 0);
  const rels = Object.values(report.planned.relationships).reduce((a, b) => a + b, 0);
  say(`The import holds ${nodes} nodes and ${rels} relationships.`);
  if (report.dryRun) {
    say(pc.green("Valid. Dry run: nothing was written."));
    return;
  }
  if (report.wiped) {
    const films = report.removedFilms.length;
    say(
      `Wiped: ${films} other film${films === 1 ? "" : "s"}${films ? ` (${report.removedFilms.join(", ")})` : ""} and ${report.strayNodesRemoved} node${report.strayNodesRemoved === 1 ? "" : "s"} of no film removed.`,
    );
  }
  printChanges(report.changes);
  if (report.concurrentFilms.length > 0) {
    say(
      pc.yellow(
        `Another import wrote ${report.concurrentFilms.join(", ")} while this one ran: this one waited for it, then wrote its own version over it (the two were never mixed).`,
      ),
    );
  }
}

/** Checks the files now and on each save, printing the verdict, until Ctrl-C. */
async function watchAndCheck(filmFiles: string[], sourcesFile: string[]): Promise<void> {
  const stop = new AbortController();
  const quit = () => stop.abort();
  process.once("SIGINT", quit);
  process.once("SIGTERM", quit);
  try {
    await watchFiles(
      [...filmFiles, ...sourcesFile],
      async () => {
        say(pc.dim(`--- checked at ${new Date().toLocaleTimeString()}`));
        try {
          printImportReport(
            await importDataset(undefined, { sourcesFile, filmFiles, dryRun: true }),
          );
        } catch (error) {
          printError(error);
        }
        say(pc.dim("Watching for changes (Ctrl-C stops)."));
      },
      stop.signal,
    );
  } finally {
    process.off("SIGINT", quit);
    process.off("SIGTERM", quit);
  }
}

export function registerImportCommand(program: Command): void {
  program
    .command("import")
    .argument("[files...]", "film YAML files (default: import/films/*.yaml)")
    .description(
      "validate the films and replace each one's subgraph in Neo4j (facts gone from a file are removed)",
    )
    .option(
      "--sources <file>",
      "a shared sources file, added to import/sources.yaml and to each film's own sources (repeatable)",
      (file: string, files: string[]) => [...files, file],
      [] as string[],
    )
    .option("--dry-run", "validate only; touch no database")
    .option("--watch", "with --dry-run: check again each time a file is saved (Ctrl-C stops)")
    .option("--wipe", "replace the whole graph: other films and nodes of no film are removed")
    .option(
      "--replace",
      "let a file replace a stored film that another file (another name or title) imported",
    )
    .action(
      action(
        async (
          files: string[],
          opts: {
            sources: string[];
            dryRun?: boolean;
            wipe?: boolean;
            replace?: boolean;
            watch?: boolean;
          },
        ) => {
          const filmFiles = files.length > 0 ? files.map((f) => resolve(f)) : undefined;
          const sourcesFile = [
            ...(existsSync(DEFAULT_SOURCES_FILE) ? [DEFAULT_SOURCES_FILE] : []),
            ...opts.sources.map((f) => resolve(f)),
          ];
          if (opts.watch) {
            if (!opts.dryRun) {
              throw new HeistgraphError({
                what: "--watch only checks, it never writes.",
                expected: "--watch together with --dry-run",
                suggestion: `npx heistgraph import ${files.join(" ")} --dry-run --watch`,
              });
            }
            await watchAndCheck(filmFiles ?? defaultFilmFiles(), sourcesFile);
            return;
          }
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
          const database = await openDatabase(
            await resolveDatabase({
              autoStart: true,
              log: say,
              neo4jSettings: browserNeo4jSettings,
            }),
          );
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
              replace: opts.replace,
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

export function registerRemoveCommand(program: Command): void {
  program
    .command("remove")
    .argument("<film>", "the film's id, e.g. city-on-fire")
    .description("take one film (its nodes, relationships and own sources) out of the graph")
    .action(
      action(async (film: string) => {
        const database = await openDatabase(
          await resolveDatabase({ autoStart: true, log: say, neo4jSettings: browserNeo4jSettings }),
        );
        try {
          const { changes } = await removeFilm(database, film);
          say(pc.green(`Removed ${film}.`));
          printChanges(changes);
        } finally {
          await database.close();
        }
      }),
    );
}
