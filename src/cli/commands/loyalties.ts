// `heistgraph loyalties`, `double-agents` and `revenge`.
import type { Command } from "commander";
import {
  doubleAgents,
  loyaltiesOf,
  type Knower,
  type OpenLoyalty,
  type SecretKeeper,
} from "../../queries/loyalties/index.ts";
import { checkedInteger } from "../../queries/lookup.ts";
import { MAX_SEQ } from "../../queries/timeline/index.ts";
import { revenge, type RevengeBond } from "../../queries/revenge/index.ts";
import { action } from "../run-action.ts";
import { makeTable } from "../table.ts";
import { printJson, withDatabase } from "../with-database.ts";
import { say } from "../say.ts";

const cite = (sources: string[]) => sources.join(", ");

/** A span of seqs, both ends included; null is open. */
function span(since: number | null, until: number | null): string {
  if (since === null && until === null) return "whole story";
  if (since === null) return `until ${until}`;
  if (until === null) return `from ${since}`;
  return since === until ? `${since}` : `${since}-${until}`;
}

function knower(k: SecretKeeper | Knower): string {
  const who = k.whoIsGroup ? `${k.who} (group)` : k.who;
  if ("knows" in k && !k.knows) return `${who}: not yet, learns at ${k.since}`;
  return k.since === null ? `${who}: from the start` : `${who}: from ${k.since}`;
}

/** How an allegiance is shown: a loyalty's kind, or membership (under cover or not). */
function shown(o: OpenLoyalty): string {
  if (o.via === "loyalty") return o.kind;
  return o.covert ? "member under cover" : "member";
}

function bond(b: RevengeBond): string {
  if (b.via === "self") return "himself";
  if (b.via === "loyalty") return `loyal (${b.kind}, ${span(b.since, b.until)})`;
  return `member (${b.kind}, ${span(b.since, b.until)})`;
}

export function registerLoyaltyCommands(program: Command): void {
  program
    .command("loyalties")
    .argument("<name>", "a character's name or alias")
    .description("a character's loyalties, open and covert, and who knows the hidden ones")
    .option("--film <film>", "the film, when the name is in several")
    .option("--at <seq>", "a point of the story: an event seq (default: the whole story)")
    .option("--json", "print JSON")
    .action(
      action(async (name: string, opts: { film?: string; at?: string; json?: boolean }) => {
        const result = await withDatabase((db) =>
          loyaltiesOf(db, name, { film: opts.film, at: opts.at }),
        );
        if (opts.json) return printJson(result);
        const { character, at, loyalties } = result;
        const when = at ? `at seq ${at.seq} (${at.name})` : "over the whole story";
        if (loyalties.length === 0) {
          say(`${character.name} (${character.film}) holds no loyalty ${when}.`);
          return;
        }
        say(`Loyalties of ${character.name} (${character.film}) ${when}:`);
        const table = makeTable(["to", "kind", "open or covert", "span", "who knows", "sources"]);
        for (const l of loyalties) {
          table.push([
            l.toIsGroup ? `${l.to} (group)` : l.to,
            l.kind,
            l.covert ? "COVERT" : "open",
            span(l.since, l.until),
            l.covert ? l.knownBy.map(knower).join("\n") || "nobody" : "",
            cite(l.sources),
          ]);
        }
        say(table.toString());
      }),
    );

  program
    .command("double-agents")
    .argument("<film>", "a film id or title")
    .description("hidden loyalties, the allegiances shown at the same time, and who knows")
    .option("--at <seq>", "as of a moment of the story: only what has begun by that event's seq")
    .option("--json", "print JSON")
    .action(
      action(async (film: string, opts: { at?: string; json?: boolean }) => {
        const at = opts.at === undefined ? null : checkedInteger("--at", opts.at, 0, MAX_SEQ);
        const result = await withDatabase((db) => doubleAgents(db, film, { at }));
        if (opts.json) return printJson(result);
        const doubles = result.agents.filter((a) => a.open.length > 0);
        const secrets = result.agents.filter((a) => a.open.length === 0);
        say(
          `Double agents in ${result.film.title}${at === null ? "" : ` (as of seq ${at})`}: the real (covert) loyalty against the allegiances shown.`,
        );
        const table = makeTable([
          "character",
          "really loyal to (covert)",
          "openly with, meanwhile",
          "who knows the truth",
          "sources",
        ]);
        for (const a of doubles) {
          table.push([
            a.character,
            `${a.real.to} (${a.real.kind}, ${span(a.real.since, a.real.until)})`,
            a.open
              .map((o) => `${o.to} (${shown(o)}, ${span(o.overlapSince, o.overlapUntil)})`)
              .join("\n"),
            a.knownBy.map(knower).join("\n") || "nobody",
            cite(a.real.sources),
          ]);
        }
        say(
          doubles.length > 0
            ? table.toString()
            : "None: nobody holds a covert loyalty and an open one at the same time.",
        );
        if (secrets.length > 0) {
          say("Covert loyalties with no allegiance shown at the same time:");
          const others = makeTable(["character", "covert loyalty to", "who knows the truth"]);
          for (const a of secrets) {
            others.push([
              a.character,
              `${a.real.to} (${a.real.kind}, ${span(a.real.since, a.real.until)})`,
              a.knownBy.map(knower).join("\n") || "nobody",
            ]);
          }
          say(others.toString());
        }
      }),
    );

  program
    .command("revenge")
    .argument("<film>", "a film id or title")
    .description("killings where the killer avenged a wrong the victim had done")
    .option("--json", "print JSON")
    .action(
      action(async (film: string, opts: { json?: boolean }) => {
        const result = await withDatabase((db) => revenge(db, film));
        if (opts.json) return printJson(result);
        if (result.revenges.length === 0) {
          say(`No killing in ${result.film.title} avenges an earlier wrong by the victim.`);
          return;
        }
        say(`Revenge killings in ${result.film.title}:`);
        const table = makeTable([
          "seq",
          "killer",
          "victim",
          "avenging",
          "earlier wrong",
          "sources (wrong; killing)",
        ]);
        for (const r of result.revenges) {
          const w = r.wrong;
          const doer = w.forcedByVictim ? `${w.by}, forced by ${r.victim},` : w.by;
          table.push([
            r.killing.seq,
            r.killer,
            r.victim,
            r.avengesSelf
              ? "himself"
              : `${r.avenged}${r.avengedIsGroup ? " (group)" : ""}\n${r.bonds.map(bond).join("\n")}`,
            `${w.seq}${r.sameEvent ? " (same event)" : ""}: ${doer} ${w.type.toLowerCase()} ${r.avengesSelf ? "him" : r.avenged}. ${w.how}`,
            `${cite(w.sources)};\n${cite(r.killing.sources)}`,
          ]);
        }
        say(table.toString());
      }),
    );
}
