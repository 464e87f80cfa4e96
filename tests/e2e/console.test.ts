// The query console (issue 5) in a real browser (Debian's Chromium, driven by playwright-core)
// against a real server and Neo4j: /console/ loads GraphiQL with nothing from any other host,
// and its default query, death by whom for Waingro, answers with Vincent Hanna; it fits a
// phone, /graphql opened in a browser leads to it, and it comes compressed and cacheable.
// Leaves a screenshot in test-results/console.png.
import { mkdirSync } from "node:fs";
import { get } from "node:http";
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

  it("is usable on a phone (390 px): the editor and the answer each the screen's width", async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
    });
    try {
      const small = await phone.newPage();
      await small.goto(`${server.url}/console/`);
      await small.locator(".graphiql-container").waitFor();
      const width = async (selector: string) =>
        (await small.locator(selector).first().boundingBox())?.width ?? 0;
      await expect.poll(() => width(".graphiql-query-editor")).toBeGreaterThan(300);
      expect(await width(".graphiql-response")).toBeGreaterThan(300);
      await small.screenshot({ path: join("test-results", "console-phone.png") });
    } finally {
      await phone.close();
    }
  });

  it("is where /graphql leads a browser, instead of a CSRF refusal", async () => {
    const visit = await browser.newPage();
    try {
      const response = await visit.goto(server.graphqlUrl);
      expect(response?.status()).toBe(200);
      expect(new URL(visit.url()).pathname).toBe("/console/");
      await visit.locator(".graphiql-container").waitFor();
    } finally {
      await visit.close();
    }
  });

  it("comes compressed, its bundles cached for good", async () => {
    const html = await fetch(`${server.url}/console/`, { headers: { "accept-encoding": "br" } });
    expect(html.headers.get("content-encoding")).toBe("br");
    expect(html.headers.get("cache-control")).toBe("no-cache");
    expect(html.headers.get("etag")).toBeTruthy();
    const script = /src="\.\/(main-[A-Z0-9]{8}\.js)"/.exec(await html.text())?.[1];
    expect(script).toBeDefined();
    const bundle = await fetch(`${server.url}/console/${script}`, {
      headers: { "accept-encoding": "gzip, deflate, br" },
    });
    expect(bundle.headers.get("content-encoding")).toBe("br");
    expect(bundle.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(bundle.headers.get("vary")).toBe("Accept-Encoding");
    // Through node:http: fetch() adds Cache-Control: no-cache to a conditional request.
    const status = await new Promise<number | undefined>((resolve, reject) =>
      get(
        `${server.url}/console/`,
        { headers: { "if-none-match": html.headers.get("etag") ?? "", "accept-encoding": "br" } },
        (res) => {
          res.resume();
          resolve(res.statusCode);
        },
      ).on("error", reject),
    );
    expect(status).toBe(304);
  });

  it("asked nothing of any other host, and nothing failed", () => {
    const origin = new URL(server.url).origin;
    expect(requested.length).toBeGreaterThan(3);
    expect(requested.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
