// The query console (issue 5) in a real browser (Debian's Chromium, driven by playwright-core)
// against a real server and Neo4j: /console/ loads GraphiQL with nothing from any other host,
// and its default query, death by whom for Waingro, answers with Vincent Hanna.
// Leaves a screenshot in test-results/console.png.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiServer } from "../../src/api/server.ts";
import { CHROMIUM, launchChromium, noChromium, startServerWithPages } from "../helpers/browser.ts";
import { withFilmsImported } from "../helpers/neo4j.ts";

const SCREENSHOT = join("test-results", "console.png");

let server: ApiServer;
let browser: Browser;
let page: Page;
/** Every http(s) request the page made, and everything that went wrong in it. */
const requested: string[] = [];
const problems: string[] = [];

describe.skipIf(noChromium)(`the query console (Chromium at ${CHROMIUM})`, () => {
  beforeAll(async () => {
    const db = await withFilmsImported();
    server = await startServerWithPages(db);
    browser = await launchChromium();
    // A fresh context: no console state saved by an earlier visit, so the default query shows.
    const context = await browser.newContext({ viewport: { width: 1400, height: 1100 } });
    page = await context.newPage();
    page.on("request", (request) => {
      if (/^https?:/.test(request.url())) requested.push(request.url());
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("requestfailed", (request) =>
      problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`),
    );
    await page.goto(`${server.url}/console/`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("loads GraphiQL with the death-by-whom question for Waingro", async () => {
    await page.locator(".graphiql-container").waitFor();
    const query = page.locator(".graphiql-query-editor");
    await expect.poll(() => query.innerText()).toContain("deathByWhom");
    await expect.poll(() => page.locator(".graphiql-editor-tool").innerText()).toContain("Waingro");
    // GraphiQL asks the API for its schema, for the Docs panel and completion.
    await expect
      .poll(() => requested.filter((url) => url === server.graphqlUrl).length)
      .toBeGreaterThan(0);
  });

  it("runs it: Waingro <- Neil McCauley <- Vincent Hanna", async () => {
    const answer = page.waitForResponse(
      (r) =>
        r.url() === server.graphqlUrl && (r.request().postData() ?? "").includes("DeathByWhom"),
    );
    await page.locator(".graphiql-execute-button").click();
    const body = (await (await answer).json()) as {
      data?: { characters: { deathByWhom: { steps: { killer: string }[] }[] }[] };
    };
    expect(body.data?.characters[0]?.deathByWhom[0]?.steps.map((s) => s.killer)).toEqual([
      "Neil McCauley",
      "Vincent Hanna",
    ]);
    const response = page.locator(".graphiql-response");
    await expect.poll(() => response.innerText()).toContain("Vincent Hanna");
    await expect.poll(() => response.innerText()).toContain("survivor");
    mkdirSync("test-results", { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
  });

  it("asked nothing of any other host, and nothing failed", () => {
    const origin = new URL(server.url).origin;
    expect(requested.length).toBeGreaterThan(3);
    expect(requested.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
