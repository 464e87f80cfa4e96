// `heistgraph death-by-whom`, `kills-by` and `deaths`.
import type { Command } from "commander";
import { deathByWhom, deathLedger, killsBy, type DeathChain } from "../../queries/deaths/index.ts";
import { action } from "../run-action.ts";
import { makeTable } from "../table.ts";
import { printJson, withDatabase } from "../with-database.ts";
import { say } from "../say.ts";

const cite = (sources: string[]) => sources.join(", ");

/** Why a death-by-whom chain stops, in words. */
function chainEnd(endsWith: DeathChain["endsWith"], killer: string, victim: string): string {
  switch (endsWith) {
    case "group":
      return `The chain ends with a group: ${killer}; the sources name no one in it.`;
    case "suicide":
      return `The chain ends with ${killer}, who killed themselves.`;
    case "cycle":
      return `The chain ends where it comes back: ${killer}, who killed ${victim}, is already in it.`;
    case "limit":
      return `The chain goes on past ${killer}; only the first 20 killings are shown.`;
    case "survivor":
      return `The chain ends with ${killer}, whom nobody killed.`;
  }
}

export function registerDeathCommands(program: Command): void {
  program
    .command("death-by-whom")
    .argument("<victim>", "a character's name or alias")
    .description("who killed them, who killed the killer, and so on")
    .option("--film <film>", "the film, when the name is in several")
    .option("--json", "print JSON")
    .action(
      action(async (victim: string, opts: { film?: string; json?: boolean }) => {
        const result = await withDatabase((db) => deathByWhom(db, victim, opts));
        if (opts.json) return printJson(result);
        if (result.chains.length === 0) {
          say(
            result.killerUnnamed
              ? `${result.victim.name} died (fate: ${result.victim.fate}), but the sources name no killer.`
              : `${result.victim.name}: nobody killed them in the sources (fate: ${result.victim.fate}).`,
          );
          return;
        }
        for (const chain of result.chains) {
          const table = makeTable(["seq", "victim", "killed by", "how", "sources"]);
          for (const s of chain.steps) {
            table.push([
              s.seq,
              s.victim,
              s.killerIsGroup ? `${s.killer} (group)` : s.killer,
              s.how,
              cite(s.sources),
            ]);
          }
          say(table.toString());
          const last = chain.steps.at(-1);
          say(chainEnd(chain.endsWith, last?.killer ?? "", last?.victim ?? ""));
        }
      }),
    );

  program
    .command("kills-by")
    .argument("<killer>", "a character's name or alias")
    .description("everyone a character killed, in story order")
    .option("--film <film>", "the film, when the name is in several")
    .option("--json", "print JSON")
    .action(
      action(async (killer: string, opts: { film?: string; json?: boolean }) => {
        const result = await withDatabase((db) => killsBy(db, killer, opts));
        if (opts.json) return printJson(result);
        if (result.kills.length === 0) {
          say(`${result.killer.name} killed nobody, as far as the sources say.`);
          return;
        }
        const table = makeTable(["seq", "victim", "where", "how", "sources"]);
        for (const k of result.kills) {
          const victim = k.count > 1 ? `${k.victim} (${k.count} people)` : k.victim;
          table.push([k.seq, victim, k.place ?? "", k.how, cite(k.sources)]);
        }
        const people = result.kills.reduce((n, k) => n + k.count, 0);
        const killings = new Set(result.kills.map((k) => k.event)).size;
        say(
          `${result.killer.name} killed ${people}${killings === people ? "" : ` in ${killings} killing${killings === 1 ? "" : "s"}`}:`,
        );
        say(table.toString());
      }),
    );

  program
    .command("deaths")
    .argument("<film>", "a film id or title")
    .description("the film's ledger of deaths in story order")
    .option("--json", "print JSON")
    .action(
      action(async (film: string, opts: { json?: boolean }) => {
        const result = await withDatabase((db) => deathLedger(db, film));
        if (opts.json) return printJson(result);
        if (result.deaths.length === 0) {
          say(`Nobody dies in ${result.film.title}, as far as the sources say.`);
          return;
        }
        const table = makeTable(["seq", "victim", "killed by", "where", "sources"]);
        for (const d of result.deaths) {
          table.push([
            d.seq ?? "?",
            d.certain ? d.victim : `${d.victim} (killed or wounded)`,
            d.killer ? (d.killerIsGroup ? `${d.killer} (group)` : d.killer) : "not named",
            d.place ?? "",
            cite(d.sources),
          ]);
        }
        say(`Deaths in ${result.film.title}:`);
        say(table.toString());
      }),
    );
}
