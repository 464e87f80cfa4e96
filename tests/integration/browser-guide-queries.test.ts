// Every runnable block of the Browser guide, run against the imported films the way Browser
// runs them (`:param` lines evaluated by the server and kept for the queries after them), and
// every headline slide's "what you should see" checked against the result.
import neo4j from "neo4j-driver";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/connection.ts";
import { withFilmsImported } from "../helpers/neo4j.ts";
import { buildGuide, paramLines, readQueryFiles } from "../../src/browser-guide/build-guide.ts";
import { HEADLINE_SLIDES } from "../../src/browser-guide/slides.ts";

let db: Database;
beforeAll(async () => {
  db = await withFilmsImported();
});

const unescapeHtml = (html: string) =>
  html
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

/** The runnable blocks of the guide, as the text a click puts in Browser's editor. */
function runnables(guide: string): string[] {
  return [...guide.matchAll(/<pre mode="cypher" class="[^"]*\brunnable\b[^"]*">([\s\S]*?)<\/pre>/g)]
    .map((m) => unescapeHtml(m[1] ?? ""))
    .filter((code) => code.length > 0);
}

/** Browser's parameters: set by `:param` blocks, kept for the queries that follow. */
type Params = Record<string, unknown>;

/** Evaluates `:param name => expression;` lines the way Browser does, on the server. */
async function setParams(code: string, params: Params): Promise<void> {
  for (const line of code.split("\n")) {
    const param = /^:param\s+(\w+)\s*=>\s*(.*?);?\s*$/.exec(line.trim());
    if (!param?.[1]) throw new Error(`not a :param line: ${line}`);
    const { records } = await db.driver.executeQuery(
      `RETURN ${param[2]} AS value`,
      {},
      { database: db.database },
    );
    params[param[1]] = records[0]?.get("value");
  }
}

async function runQuery(cypher: string, params: Params): Promise<Record<string, unknown>[]> {
  const { records } = await db.driver.executeQuery(cypher, params, { database: db.database });
  return records.map((r) => r.toObject());
}

/** Results as JSON, integers as numbers, to look for `"key":value` in. */
const asJson = (rows: unknown) =>
  JSON.stringify(rows, (_key, value: unknown) =>
    neo4j.isInt(value) ? (value as { toNumber(): number }).toNumber() : value,
  );

describe("the Browser guide's queries", () => {
  const blocks = runnables(buildGuide());

  // Every query of the guide in turn, each planned afresh: on a loaded 2-core machine that
  // can take longer than the default minute.
  it("run one after the other, as a newcomer clicks through the guide", async () => {
    expect(blocks.length).toBeGreaterThan(readQueryFiles().length);
    const params: Params = {};
    for (const code of blocks) {
      if (code.startsWith(":param")) await setParams(code, params);
      else if (code.startsWith(":"))
        continue; // another Browser command (`:style <url>`)
      else await expect(runQuery(code, params), code).resolves.toBeDefined();
    }
  }, 180_000);
});

describe("what the headline slides say", () => {
  const files = new Map(readQueryFiles().map((f) => [f.name, f]));
  const cases = HEADLINE_SLIDES.flatMap((slide) => {
    const file = files.get(slide.query);
    if (!file) return [];
    return [
      { name: slide.title, file, values: slide.params ?? {}, ...slide },
      ...(slide.tryAlso ?? []).map((t) => ({
        ...t,
        name: `${slide.query} with ${JSON.stringify(t.params)}`,
        file,
        values: t.params,
      })),
    ];
  });

  it.each(cases)("$name shows what the guide says", async ({ file, values, rows, shows }) => {
    const params: Params = {};
    if (file.params.length > 0) await setParams(paramLines(file, values), params);
    const result = await runQuery(file.cypher, params);
    if (rows !== undefined) expect(result).toHaveLength(rows);
    const json = asJson(result);
    for (const text of shows) expect(json).toContain(text);
  });
});
