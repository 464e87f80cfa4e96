// `heistgraph betrayals`: betrayal chains from one character, or across a film.
import type { Command } from "commander";
import { HeistgraphError } from "../../errors.ts";
import {
  betrayalChains,
  filmBetrayalChains,
  DEFAULT_BETRAYAL_DEPTH,
  DEFAULT_CHAIN_LIMIT,
  MAX_BETRAYAL_DEPTH,
  MAX_CHAIN_LIMIT,
  type BetrayalChain,
  type BetrayalStep,
} from "../../queries/betrayals/index.ts";
import { checkedInteger } from "../../queries/lookup.ts";
import { action } from "../run-action.ts";
import { say } from "../say.ts";
import { makeTable } from "../table.ts";
import { printJson, withDatabase } from "../with-database.ts";

interface BetrayalOptions {
  film?: string;
  depth?: string;
  limit?: string;
  timeRespecting?: boolean;
  anyOrder?: boolean;
  json?: boolean;
}

function traitorCell(s: BetrayalStep): string {
  const who = s.traitorIsGroup ? `${s.traitor} (group)` : s.traitor;
  return s.viaGroup ? `${who}\n(member of ${s.viaGroup})` : who;
}

function betrayedCell(s: BetrayalStep): string {
  if (!s.betrayedIsGroup) return s.betrayed;
  const members = s.members.map((m) => m.name).join(", ");
  return `${s.betrayed} (group)\nreaches: ${members || "no member then"}`;
}

/**
 * A chain in story order, in words: "Waingro betrays McCauley's crew (seq 25); then Trejo, of
 * McCauley's crew, betrays Neil McCauley (seq 30)."
 */
export function chainInWords(chain: BetrayalChain): string {
  const steps = chain.steps.map((s, j) => {
    const traitor = s.viaGroup ? `${s.traitor}, of ${s.viaGroup},` : s.traitor;
    const verb = s.coerced ? "is forced to betray" : "betrays";
    return `${j === 0 ? "" : "then "}${traitor} ${verb} ${s.betrayed} (seq ${s.seq})`;
  });
  return `${steps.join("; ")}.`;
}

/** "3 chains", or "the 25 most relevant of more than 25 chains" when the limit cut the list. */
function howMany(result: { chains: BetrayalChain[]; truncated: boolean }): string {
  const n = result.chains.length;
  return result.truncated ? `the ${n} most relevant of more than ${n}` : String(n);
}

function printChains(
  result: { chains: BetrayalChain[]; truncated: boolean },
  maxDepth: number,
): void {
  const { chains } = result;
  chains.forEach((chain, i) => {
    const n = chain.steps.length;
    say(
      `\nChain ${i + 1} of ${chains.length}, ${n} betrayal${n === 1 ? "" : "s"}: ${chainInWords(chain)}`,
    );
    const table = makeTable(["seq", "traitor", "betrayed", "how", "coerced", "sources"]);
    for (const s of chain.steps) {
      table.push([
        s.seq,
        traitorCell(s),
        betrayedCell(s),
        s.how,
        s.coerced ? `yes${s.coercedBy ? ` (by ${s.coercedBy})` : ""}` : "no",
        s.sources.join(", "),
      ]);
    }
    say(table.toString());
    if (chain.truncated) {
      say(
        `It goes on beyond ${maxDepth} betrayals: use --depth ${Math.min(maxDepth + 1, MAX_BETRAYAL_DEPTH)} or more (at most ${MAX_BETRAYAL_DEPTH}).`,
      );
    }
  });
  if (result.truncated) {
    say(
      `\nMore chains were left out: use --limit ${Math.min(chains.length * 2, MAX_CHAIN_LIMIT)} to see more (at most ${MAX_CHAIN_LIMIT}).`,
    );
  }
}

export function registerBetrayalCommands(program: Command): void {
  program
    .command("betrayals")
    .argument("[name]", "a character's name or alias; leave out with --film for the whole film")
    .description("betrayal chains: who betrayed whom, and whom those betrayed in turn")
    .option("--film <film>", "the film: the one to search the name in, or every chain of it")
    .option(
      "--depth <n>",
      `the most betrayals in a chain, 1 to ${MAX_BETRAYAL_DEPTH}`,
      String(DEFAULT_BETRAYAL_DEPTH),
    )
    .option(
      "--limit <n>",
      `the most chains to list, the most relevant first (longest, then earliest), 1 to ${MAX_CHAIN_LIMIT}`,
      String(DEFAULT_CHAIN_LIMIT),
    )
    .option("--any-order", "follow betrayals in any story order, not only later ones")
    .option("--time-respecting", "follow only betrayals later in the story (the default)")
    .option("--json", "print JSON")
    .action(
      action(async (name: string | undefined, opts: BetrayalOptions) => {
        const options = {
          maxDepth: checkedInteger("--depth", opts.depth, 1, MAX_BETRAYAL_DEPTH),
          // Story time by default: a chain never runs back before the betrayal it follows.
          timeRespecting: opts.anyOrder !== true,
          limit: checkedInteger("--limit", opts.limit, 1, MAX_CHAIN_LIMIT),
        };
        const order = options.timeRespecting
          ? "each later in the story"
          : "in any story order (--any-order)";
        if (name === undefined) {
          if (opts.film === undefined) {
            throw new HeistgraphError({
              what: "Whose betrayals?",
              expected: "a character's name, or --film <film> for every chain of a film",
              suggestion:
                "npx heistgraph betrayals waingro, or npx heistgraph betrayals --film heat",
            });
          }
          const film = opts.film;
          const result = await withDatabase((db) => filmBetrayalChains(db, film, options));
          if (opts.json) return printJson(result);
          if (result.chains.length === 0) {
            say(`Nobody betrays anybody in ${result.film.title}, as far as the sources say.`);
            return;
          }
          say(
            `Betrayal chains in ${result.film.title}: ${howMany(result)}, at most ${result.maxDepth} betrayals, ${order}.`,
          );
          printChains(result, result.maxDepth);
          return;
        }
        const result = await withDatabase((db) =>
          betrayalChains(db, name, { ...options, film: opts.film }),
        );
        if (opts.json) return printJson(result);
        if (result.chains.length === 0) {
          say(`${result.from.name} (${result.from.film}) betrayed nobody in the sources.`);
          return;
        }
        say(
          `Betrayal chains from ${result.from.name} (${result.from.film}): ${howMany(result)}, at most ${result.maxDepth} betrayals, ${order}.`,
        );
        printChains(result, result.maxDepth);
      }),
    );
}
