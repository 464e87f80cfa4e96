// Neo4j Browser (issue 6) in a real browser (Debian's Chromium, driven by playwright-core),
// served by the test run's own local Neo4j: on connect it applies heistgraph's style (the
// post-connect command in the neo4j.conf heistgraph writes), it plays the guide that
// `heistgraph serve` builds from cypher/queries/, and a query run from the guide answers.
// Only for a local Neo4j started by heistgraph (a Testcontainers or NEO4J_URI server has no
// heistgraph settings). Leaves screenshots in test-results/neo4j-browser*.png.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startApiServer, type ApiServer } from "../../src/api/server.ts";
import { heistgraphGrass } from "../../src/browser-guide/grass.ts";
import { GUIDE_PATH, registerBrowserRoutes } from "../../src/web/browser-routes.ts";
import { CHROMIUM, launchChromium, noChromium } from "../helpers/browser.ts";
import { withFilmsImported } from "../helpers/neo4j.ts";

const screenshot = (name: string) => {
  mkdirSync("test-results", { recursive: true });
  return page.screenshot({ path: join("test-results", `${name}.png`) });
};
const settings = inject("neo4j");

let server: ApiServer;
let browser: Browser;
let page: Page;
/** Every request of the whole session, from the first page load on, before and after connect. */
const requests: { url: string; host: string; phase: "before connect" | "after connect" }[] = [];
/** Requests the page's Content-Security-Policy stopped in the browser: they never left it. */
const blockedByPolicy = new Set<string>();
let connectedAt = 0;

/** Types a command into Browser's editor and runs it. */
async function run(command: string): Promise<void> {
  await page.locator("#monaco-main-editor").click();
  await page.keyboard.type(command);
  await page.getByTestId("editor-Run").click();
}

/** The newest frame whose command starts with `command`. */
const frame = (command: string): Locator =>
  page.getByTestId("frame").filter({
    has: page.getByTestId("frameCommand").filter({ hasText: command }),
  });

describe.skipIf(noChromium || settings.origin !== "local" || !settings.browserUrl)(
  `Neo4j Browser of the local Neo4j (Chromium at ${CHROMIUM})`,
  () => {
    beforeAll(async () => {
      const db = await withFilmsImported();
      server = await startApiServer({ db, port: 0, mount: (app) => registerBrowserRoutes(app) });
      browser = await launchChromium();
      // A fresh context: no Browser settings, styles or credentials from an earlier visit.
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      // On the context, not the page: workers' and pop-ups' requests count too.
      context.on("request", (request) => {
        const url = request.url();
        if (!/^(https?|wss?):/.test(url)) return;
        requests.push({
          url,
          host: new URL(url).host,
          phase: connectedAt ? "after connect" : "before connect",
        });
      });
      context.on("requestfailed", (request) => {
        // Chromium's word for a request its Content-Security-Policy check stopped.
        if (request.failure()?.errorText === "csp") blockedByPolicy.add(request.url());
      });
      page = await context.newPage();
      await page.goto(settings.browserUrl as string);
      // A fresh Neo4j's first import takes minutes on a loaded machine.
    }, 420_000);

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it("connects, and applies heistgraph's style on connect", async () => {
      await page.getByTestId("boltaddress").fill(settings.uri);
      await page.getByTestId("username").fill(settings.username);
      await page.getByTestId("password").fill(settings.password);
      await page.getByTestId("connect").click();
      connectedAt = Date.now();
      // browser.post_connect_cmd runs `:style {...}` as its own frame.
      await frame(":style {").waitFor({ timeout: 30_000 });

      await run("MATCH p = (:Character {id: 'heat-waingro'})<-[:KILLED]-(:Character) RETURN p");
      const drawn = frame("MATCH p = (:Character {id: 'heat-waingro'})");
      await drawn.locator("g.node").nth(1).waitFor();
      const { style } = heistgraphGrass();
      const nodes = await drawn.locator("g.node").evaluateAll((gs) =>
        gs.map((g) => ({
          fill: g.querySelector("circle.b-outline")?.getAttribute("fill"),
          caption: g.textContent?.trim(),
        })),
      );
      expect(nodes).toHaveLength(2);
      for (const node of nodes) expect(node.fill).toBe(style["node.Character"]?.color);
      expect(nodes.map((n) => n.caption)).toContain("Waingro");
      const killed = await drawn
        .locator("g.relationship path.b-outline")
        .first()
        .getAttribute("fill");
      expect(killed).toBe(style["relationship.KILLED"]?.color);
      await screenshot("neo4j-browser-style");
    });

    it("plays the guide, with the model", async () => {
      await run(`:play ${server.url}${GUIDE_PATH}`);
      const guide = frame(":play ");
      await guide.getByText("heistgraph: crime films as a graph").waitFor({ timeout: 15_000 });
      await guide.getByTestId("nextSlide").click();
      await guide.locator("svg[aria-label^='The heistgraph model']").waitFor();
      await screenshot("neo4j-browser-guide");
    });

    it("runs death by whom from the guide: Waingro <- Neil McCauley <- Vincent Hanna", async () => {
      const guide = frame(":play ");
      const title = guide.locator("h3", { hasText: "Death by whom" });
      for (let i = 0; i < 10 && !(await title.isVisible()); i++) {
        await guide.getByTestId("nextSlide").click();
      }
      await expect.poll(() => title.isVisible()).toBe(true);
      // First the parameters, then the query: a click puts a block in the editor.
      await guide.locator("pre.runnable", { hasText: ":param victimId => 'heat-waingro'" }).click();
      await page.getByTestId("editor-Run").click();
      await frame(":param victimId").waitFor();
      await guide.locator("pre.runnable", { hasText: "MATCH (victim:Character" }).click();
      await page.getByTestId("editor-Run").click();
      const result = frame("MATCH (victim:Character");
      await expect.poll(() => result.innerText(), { timeout: 15_000 }).toContain("Vincent Hanna");
      expect(await result.innerText()).toContain("survivor");
      await screenshot("neo4j-browser");
    });

    it("sends nothing to other hosts in the whole session, before and after connect", async () => {
      // Browser loads Segment's and Canny's scripts a few seconds after connecting: stay long
      // enough to see them if they come.
      await page.waitForTimeout(Math.max(0, connectedAt + 8_000 - Date.now()));
      const local = /^(127\.0\.0\.1|localhost)(:\d+)?$/;
      expect(requests.some((r) => r.phase === "before connect")).toBe(true);
      expect(requests.some((r) => r.phase === "after connect")).toBe(true);
      // Browser's code still asks for Google's fonts and its trackers (their URLs are in its
      // bundle; Community edition has no setting for them); the policy the local Neo4j sends
      // stops each in the browser, so none reaches the network.
      const sent = requests.filter((r) => !local.test(r.host) && !blockedByPolicy.has(r.url));
      expect(sent.map((r) => `${r.phase}: ${r.url}`)).toEqual([]);
    });
  },
);
