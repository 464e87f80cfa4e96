// `heistgraph timeline`, `dossier`, `connection` and `parallels`.
import type { Command } from "commander";
import {
  connection,
  DEFAULT_MAX_LENGTH,
  HARD_MAX_LENGTH,
  type ConnectionRelationship,
} from "../../queries/connection/index.ts";
import { dossier } from "../../queries/dossier/index.ts";
import { MAX_SEQ } from "../../queries/timeline/index.ts";
import { checkedInteger } from "../../queries/lookup.ts";
import {
  checkedRole,
  DEFAULT_FILM_LIMIT,
  MAX_FILM_LIMIT,
  parallels,
} from "../../queries/parallels/index.ts";
import { timeline } from "../../queries/timeline/index.ts";
import { NARRATIVE_ROLES } from "../../dataset/vocabulary.ts";
import { action } from "../run-action.ts";
import { makeTable } from "../table.ts";
import { printJson, withDatabase } from "../with-database.ts";
import { say } from "../say.ts";

const cite = (sources: string[]) => sources.join(", ");

/** The stretch of story asked for, in words: " from seq 99", " between seq 3 and 5". */
function stretch(from?: string, to?: string): string {
  if (from !== undefined && to !== undefined) return ` between seq ${from} and ${to}`;
  if (from !== undefined) return ` from seq ${from} on`;
  if (to !== undefined) return ` up to seq ${to}`;
  return "";
}

/** A seq span: "12-42", "from 12", "until 34", or "" for the whole story. */
function span(since: number | null, until: number | null): string {
  if (since !== null && until !== null) return `${since}-${until}`;
  if (since !== null) return `from ${since}`;
  if (until !== null) return `until ${until}`;
  return "";
}

/** "-SAVED-> (15)", "<-LOYAL_TO- (duty, covert, 3-34)": type, direction and when. */
function hop(r: ConnectionRelationship): string {
  const arrow = r.direction === "forward" ? `-${r.type}->` : `<-${r.type}-`;
  const facts = [
    r.type === "LOYAL_TO" ? r.detail : null,
    r.covert ? "covert" : null,
    r.seq === null ? span(r.since, r.until) : String(r.seq),
  ].filter(Boolean);
  return facts.length > 0 ? `${arrow} (${facts.join(", ")})` : arrow;
}

export function registerStoryCommands(program: Command): void {
  program
    .command("timeline")
    .argument("<film>", "a film id or title")
    .description("the film's events in story order, with places, participants and acts")
    .option("--from <seq>", "start at this event seq")
    .option("--to <seq>", "end at this event seq")
    .option("--json", "print JSON")
    .action(
      action(async (film: string, opts: { from?: string; to?: string; json?: boolean }) => {
        const result = await withDatabase((db) => timeline(db, film, opts));
        if (opts.json) return printJson(result);
        if (result.events.length === 0) {
          say(`No events in ${result.film.title}${stretch(opts.from, opts.to)}.`);
          return;
        }
        const table = makeTable(["seq", "event", "where", "who", "what happens", "sources"]);
        for (const e of result.events) {
          const where = e.place
            ? [e.place.name, ...e.place.within.slice(0, 1)].join(", ")
            : "not said";
          table.push([
            e.seq,
            e.disagreements.length > 0 ? `${e.name} (disputed)` : e.name,
            where,
            e.participants.map((p) => (p.isGroup ? `${p.name} (group)` : p.name)).join(", "),
            e.acts
              .map((a) => `${a.by} ${a.type.toLowerCase()}${a.coerced ? " (coerced)" : ""} ${a.to}`)
              .join("\n"),
            cite(e.sources),
          ]);
        }
        say(`Timeline of ${result.film.title} (${result.events.length} events):`);
        say(table.toString());
      }),
    );

  program
    .command("dossier")
    .argument("<name>", "a character's name, alias or id")
    .description("everything about a character, each fact with its sources")
    .option("--film <film>", "the film, when the name is in several")
    .option("--at <seq>", "as of a moment of the story: only what has begun by that event's seq")
    .option("--json", "print JSON")
    .action(
      action(async (name: string, opts: { film?: string; at?: string; json?: boolean }) => {
        const at = opts.at === undefined ? null : checkedInteger("--at", opts.at, 0, MAX_SEQ);
        const d = await withDatabase((db) => dossier(db, name, { film: opts.film, at }));
        if (opts.json) return printJson(d);
        const c = d.character;
        say(
          `${c.name} (${c.filmTitle}): ${c.role}, fate ${c.fate}${at === null ? "" : ` (as of seq ${at})`}`,
        );
        if (c.aliases.length > 0) say(`also called: ${c.aliases.join(", ")}`);
        if (c.occupation) say(`occupation: ${c.occupation}`);
        say(c.description);
        if (c.note) say(`note: ${c.note}`);
        say(`sources: ${cite(c.sources)}`);

        const known = (knowers: { name: string; since: number | null }[]) =>
          knowers.length === 0
            ? ""
            : `; known by ${knowers.map((k) => `${k.name}${k.since === null ? "" : ` from ${k.since}`}`).join(", ")}`;
        const section = (title: string, head: string[], rows: (string | number)[][]) => {
          if (rows.length === 0) return;
          const table = makeTable(head);
          for (const row of rows) table.push(row);
          say(`\n${title}:`);
          say(table.toString());
        };
        section(
          "Groups",
          ["group", "role", "when", "sources"],
          d.groups.map((g) => [
            g.group,
            g.covert ? `${g.role} (COVERT${known(g.knownBy)})` : g.role,
            span(g.since, g.until),
            cite(g.sources),
          ]),
        );
        section(
          "Loyal to",
          ["to", "kind", "covert", "when", "known by", "sources"],
          d.loyalties.map((l) => [
            l.toIsGroup ? `${l.to} (group)` : l.to,
            l.kind,
            l.covert ? "COVERT" : "",
            span(l.since, l.until),
            l.knownBy
              .map(
                (k) =>
                  `${k.name}${k.since === null ? "" : ` from ${k.since}`} (${cite(k.sources)})`,
              )
              .join("\n"),
            cite(l.sources),
          ]),
        );
        section(
          "Loyal to them",
          ["who", "kind", "covert", "when", "sources"],
          d.loyalFrom.map((l) => [
            l.fromIsGroup ? `${l.from} (group)` : l.from,
            l.kind,
            l.covert ? "COVERT" : "",
            span(l.since, l.until),
            cite(l.sources),
          ]),
        );
        section(
          "Secrets they know",
          ["whose", "secret", "from", "sources"],
          d.secretsKnown.map((s) => [
            s.of,
            s.memberOfId === null
              ? `loyal to ${s.loyalTo ?? s.loyalToId ?? ""}`
              : `under cover in ${s.memberOf ?? s.memberOfId}`,
            s.since ?? "the start",
            cite(s.sources),
          ]),
        );
        const acts = (list: typeof d.actsDone) =>
          list.map((a) => [
            a.seq,
            a.act ?? a.type,
            a.otherIsGroup ? `${a.other} (group)` : a.other,
            `${a.how}${a.coerced ? " (coerced)" : ""}`,
            cite(a.sources),
          ]);
        section("What they do", ["seq", "act", "to", "how", "sources"], acts(d.actsDone));
        section(
          "What is done to them",
          ["seq", "act", "by", "how", "sources"],
          acts(d.actsSuffered),
        );
        section(
          "Ties",
          ["tie", "with", "status", "when", "sources"],
          d.ties.map((t) => [
            t.direction === "out" ? `${t.tie ?? t.type} ->` : `<- ${t.tie ?? t.type}`,
            t.other,
            t.status ?? "",
            span(t.since, t.until),
            cite(t.sources),
          ]),
        );
        section(
          "Events",
          ["seq", "event", "their part", "where", "sources"],
          d.events.map((e) => [
            e.seq,
            e.disputed.length > 0 ? `${e.event} (disputed)` : e.event,
            e.role,
            e.place ?? "",
            cite(e.sources),
          ]),
        );
        section(
          "Where the sources disagree about them",
          ["topic", "accounts"],
          d.disagreements.map((x) => [x.topic, x.accounts.map((a) => a).join("\n")]),
        );
      }),
    );

  program
    .command("connection")
    .argument("<from>", "a character's name or alias")
    .argument("<to>", "another character's name or alias")
    .description("the shortest routes between two characters through the story's relationships")
    .option(
      "--max-length <n>",
      `the longest route to look for, 1 to ${HARD_MAX_LENGTH} (default ${DEFAULT_MAX_LENGTH})`,
    )
    .option("--film <film>", "the film, when a name is in several")
    .option("--at <seq>", "only relationships begun by this event (a seq)")
    .option("--json", "print JSON")
    .action(
      action(
        async (
          from: string,
          to: string,
          opts: { maxLength?: string; film?: string; at?: string; json?: boolean },
        ) => {
          // A bad --max-length is answered before connecting to the database.
          if (opts.maxLength !== undefined) {
            checkedInteger("max length", opts.maxLength, 1, HARD_MAX_LENGTH);
          }
          const result = await withDatabase((db) => connection(db, from, to, opts));
          if (opts.json) return printJson(result);
          const [a, b] = [result.from, result.to];
          if (result.routes.length === 0) {
            say(
              a.film !== b.film
                ? `${a.name} (${a.film}) and ${b.name} (${b.film}) are in different films: no story relationship links them. Compare roles with \`npx heistgraph parallels\`.`
                : `No route of at most ${result.maxLength} steps links ${a.name} and ${b.name}${opts.at === undefined ? "" : ` by event ${opts.at}`} (events they share do not count; see \`npx heistgraph timeline ${a.film}\`).`,
            );
            return;
          }
          const n = result.routes.length;
          say(
            `${a.name} to ${b.name}: ${n} shortest route${n === 1 ? "" : "s"} of ${result.length} step${result.length === 1 ? "" : "s"}`,
          );
          result.routes.forEach((route, i) => {
            const names = new Map(
              route.nodes.map((x) => [x.id, x.isGroup ? `${x.name} (group)` : x.name]),
            );
            say(`\nRoute ${i + 1}: ${route.nodes.map((x) => names.get(x.id)).join(" - ")}`);
            const table = makeTable(["from", "relationships", "to", "sources"]);
            for (const step of route.steps) {
              table.push([
                names.get(step.fromId) ?? step.fromId,
                step.relationships.map(hop).join("\n"),
                names.get(step.toId) ?? step.toId,
                step.relationships.map((r) => cite(r.sources)).join("\n"),
              ]);
            }
            say(table.toString());
          });
        },
      ),
    );

  program
    .command("parallels")
    .description("characters of different films who hold the same narrative role")
    .option("--role <role>", `one narrative role: ${NARRATIVE_ROLES.join(", ")}`)
    .option(
      "--limit <n>",
      `the most films to list per role, 1 to ${MAX_FILM_LIMIT}`,
      String(DEFAULT_FILM_LIMIT),
    )
    .option("--json", "print JSON")
    .action(
      action(async (opts: { role?: string; limit: string; json?: boolean }) => {
        // An unknown --role or a bad --limit is answered before connecting to the database.
        if (opts.role !== undefined) checkedRole(opts.role);
        const limit = checkedInteger("--limit", opts.limit, 1, MAX_FILM_LIMIT);
        const result = await withDatabase((db) => parallels(db, { role: opts.role, limit }));
        if (opts.json) return printJson(result);
        if (result.parallels.length === 0) {
          say(
            result.role
              ? `No parallels for ${result.role}: no two films have a character in that role.`
              : "No parallels: no narrative role is held in two films.",
          );
          return;
        }
        const table = makeTable(["role", "film", "characters"]);
        for (const p of result.parallels) {
          p.films.forEach((f, i) => {
            table.push([
              i === 0 ? p.role : "",
              f.title,
              [
                ...f.characters.map((c) => `${c.name} (${c.fate})`),
                ...(f.total > f.characters.length
                  ? [`and ${f.total - f.characters.length} more`]
                  : []),
              ].join("\n"),
            ]);
          });
        }
        say(table.toString());
        const cut = result.parallels.filter((p) => p.truncated).map((p) => p.role);
        if (cut.length > 0) {
          say(
            `\nMore films hold ${cut.join(", ")}: use --limit ${Math.min(limit * 2, MAX_FILM_LIMIT)} to see more (at most ${MAX_FILM_LIMIT}).`,
          );
        }
      }),
    );
}
