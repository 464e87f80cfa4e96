// The network page in a real browser (Debian's Chromium, driven by playwright-core: no browser
// download) against a real server and Neo4j: what the picture shows must be what the network
// query answers, through the film filter, the story-time slider, the type switches, the
// dossier and the highlights. Leaves a screenshot in test-results/network-page.png.
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiServer } from "../../src/api/server.ts";
import type { Database } from "../../src/db/connection.ts";
import {
  edgeStandsAt,
  network,
  type Network,
  type NetworkEdgeType,
} from "../../src/network/index.ts";
import { characterBetrayalChains } from "../../src/web/network-route.ts";
import type { ViewSnapshot } from "../../web/network/test-hook.ts";
import { CHROMIUM, launchChromium, noChromium, startServerWithPages } from "../helpers/browser.ts";
import { withFilmsImported } from "../helpers/neo4j.ts";

const SCREENSHOT = join("test-results", "network-page.png");

let db: Database;
let server: ApiServer;
let browser: Browser;
let page: Page;
const requested: string[] = [];
const pageErrors: string[] = [];

/** What the page should show for a network, edge types and story time (null: whole story). */
function expected(net: Network, types: NetworkEdgeType[], seq: number | null) {
  return {
    nodes: net.nodes.map((n) => n.id).sort(),
    edges: net.edges
      .filter((e) => types.includes(e.type) && (seq === null || edgeStandsAt(e, seq)))
      .map((e) => e.id)
      .sort(),
  };
}

/** Waits until the page is idle and its view matches `want`. */
async function settle(want: Partial<ViewSnapshot>): Promise<void> {
  await page.waitForFunction((want) => {
    const hook = window.heistgraph;
    if (!hook || hook.status !== "ready") return false;
    const view = hook.view() as unknown as Record<string, unknown>;
    return Object.entries(want).every(
      ([key, value]) => JSON.stringify(view[key]) === JSON.stringify(value),
    );
  }, want);
}

const shown = () => page.evaluate(() => window.heistgraph?.shown() ?? { nodes: [], edges: [] });
const highlighted = () =>
  page.evaluate(() => window.heistgraph?.highlighted() ?? { nodes: [], edges: [] });

/** The drawn edges with their ends, as cytoscape holds them. */
const drawnEdges = () =>
  page.evaluate(() =>
    (window.heistgraph?.cy.edges(":visible") ?? [])
      .map((e) => `${e.data("source")} ${e.data("type")} ${e.data("target")}`)
      .sort(),
  );

/** Moves the slider with the keyboard, as a user would: Home, then N steps right. */
async function slideTo(seq: number): Promise<void> {
  const slider = page.locator("#seq-slider");
  await slider.focus();
  await slider.press("Home");
  for (let i = 0; i < seq; i++) await slider.press("ArrowRight");
}

/** Clicks a node where the page draws it. */
async function clickNode(id: string): Promise<void> {
  const at = await page.evaluate(
    (id) => window.heistgraph?.cy.getElementById(id).renderedPosition(),
    id,
  );
  const box = await page.locator("#graph").boundingBox();
  if (!at || !box) throw new Error(`node ${id} is not drawn`);
  await page.mouse.click(box.x + at.x, box.y + at.y);
}

async function eventName(film: string, seq: number): Promise<string> {
  const { records } = await db.driver.executeQuery(
    "MATCH (e:Event {film: $film, seq: $seq}) RETURN e.name AS name",
    { film, seq },
    { database: db.database },
  );
  return String(records[0]?.get("name"));
}

describe.skipIf(noChromium)(`the network page (Chromium at ${CHROMIUM})`, () => {
  beforeAll(async () => {
    db = await withFilmsImported();
    server = await startServerWithPages(db);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
    page.on("request", (request) => requested.push(request.url()));
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/`);
    await settle({});
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows Heat's betrayals by default, exactly as the network query answers", async () => {
    await settle({ film: "heat", types: ["BETRAYED"], seq: null });
    const heat = await network(db, "heat");
    const want = expected(heat, ["BETRAYED"], null);
    expect(want.edges.length).toBeGreaterThan(0);
    expect(await shown()).toEqual(want);
    expect(await drawnEdges()).toEqual(
      heat.edges
        .filter((e) => e.type === "BETRAYED")
        .map((e) => `${e.source} ${e.type} ${e.target}`)
        .sort(),
    );
    expect(await page.locator("#stats").textContent()).toContain("Heat");
  });

  it("switches to City on Fire with the film filter", async () => {
    await page.selectOption("#film-select", "city-on-fire");
    await settle({ film: "city-on-fire" });
    const cityOnFire = await network(db, "city-on-fire");
    expect(await shown()).toEqual(expected(cityOnFire, ["BETRAYED"], null));
    expect((await shown()).nodes).not.toContain("heat-waingro");
  });

  it("shows the network as it stands after event N on the story-time slider", async () => {
    await page.selectOption("#film-select", "heat");
    await settle({ film: "heat" });
    await page.check("#toggle-LOYAL_TO");
    await settle({ types: ["BETRAYED", "LOYAL_TO"] });
    const heat = await network(db, "heat");
    const types: NetworkEdgeType[] = ["BETRAYED", "LOYAL_TO"];

    for (const seq of [25, 5]) {
      await slideTo(seq);
      await settle({ seq });
      const want = expected(heat, types, seq);
      expect(await shown()).toEqual(want);
      // Story time hides something: later acts, loyalties not yet formed or already ended.
      expect(want.edges.length).toBeLessThan(expected(heat, types, null).edges.length);
      expect(await page.locator("#seq-label").textContent()).toContain(`After event ${seq} of`);
      expect(await page.locator("#seq-label").textContent()).toContain(
        await eventName("heat", seq),
      );
    }
    // Waingro's loyalty to the crew holds from event 1 to 4: shown at 4, gone at 5.
    const crewLoyalty = heat.edges.find(
      (e) =>
        e.type === "LOYAL_TO" && e.source === "heat-waingro" && e.target === "heat-mccauley-crew",
    );
    expect(crewLoyalty).toBeDefined();
    expect((await shown()).edges).not.toContain(crewLoyalty?.id);
    await page.locator("#seq-slider").press("ArrowLeft");
    await settle({ seq: 4 });
    expect((await shown()).edges).toContain(crewLoyalty?.id);
  });

  it("adds the killings when they are switched on", async () => {
    await page.click("#whole-story");
    await settle({ seq: null });
    const heat = await network(db, "heat");
    const before = await shown();
    expect(before).toEqual(expected(heat, ["BETRAYED", "LOYAL_TO"], null));

    await page.check("#toggle-KILLED");
    await settle({ types: ["BETRAYED", "KILLED", "LOYAL_TO"] });
    const after = await shown();
    const killings = heat.edges.filter((e) => e.type === "KILLED").map((e) => e.id);
    expect(killings.length).toBeGreaterThan(0);
    expect(after.edges.filter((id) => !before.edges.includes(id)).sort()).toEqual(killings.sort());
    expect(after).toEqual(expected(heat, ["BETRAYED", "KILLED", "LOYAL_TO"], null));
  });

  it("opens Waingro's dossier, with his sources, when he is clicked", async () => {
    await clickNode("heat-waingro");
    await settle({ selected: "heat-waingro" });
    const dossier = page.locator('#dossier[data-state="dossier"][data-node="heat-waingro"]');
    await dossier.waitFor({ state: "visible" });
    expect(await page.locator("#dossier-name").textContent()).toBe("Waingro");

    const heat = await network(db, "heat");
    const waingro = heat.nodes.find((n) => n.id === "heat-waingro");
    const cited = await page.locator("#dossier .sources-line cite").allTextContents();
    expect(cited.sort()).toEqual([...(waingro?.sources ?? [])].sort());
    // Every fact carries its own citations: his death is told in heat-fr:18.
    expect(await page.locator('#dossier [data-facts="KILLED_BY"] cite').first().textContent()).toBe(
      "heat-fr:18",
    );
    expect(await page.locator("#dossier cite.cite").count()).toBeGreaterThan(cited.length);
  });

  it("highlights his betrayal chain as the betrayal-chain query finds it", async () => {
    await page.click("#highlight-betrayal-chain");
    await settle({ highlight: "betrayal-chain" });
    const { chains } = await characterBetrayalChains(db, "heat-waingro");
    expect(chains.length).toBeGreaterThan(0);
    const heat = await network(db, "heat");
    const chainEdges = chains
      .flatMap((c) => c.steps)
      .map(
        (s) =>
          heat.edges.find(
            (e) =>
              e.type === "BETRAYED" &&
              e.source === s.traitorId &&
              e.target === s.betrayedId &&
              e.seq === s.seq,
          )?.id,
      );
    expect((await highlighted()).edges).toEqual([...new Set(chainEdges)].sort());
    expect(await page.locator("#highlight-note").textContent()).toContain("McCauley's crew");
  });

  it("highlights his death-by-whom path: McCauley, then Hanna", async () => {
    await page.click("#highlight-death-path");
    await settle({ highlight: "death-path" });
    const marked = await highlighted();
    expect(marked.nodes).toEqual(["heat-waingro", "neil-mccauley", "vincent-hanna"]);
    const heat = await network(db, "heat");
    const killing = (killer: string, victim: string) =>
      heat.edges.find((e) => e.type === "KILLED" && e.source === killer && e.target === victim)?.id;
    expect(marked.edges).toEqual(
      [killing("neil-mccauley", "heat-waingro"), killing("vincent-hanna", "neil-mccauley")].sort(),
    );
    // The marked edges are drawn, not only flagged.
    for (const id of marked.edges) expect((await shown()).edges).toContain(id);
    expect(await page.locator("#highlight-note").textContent()).toContain("Vincent Hanna");

    mkdirSync("test-results", { recursive: true });
    await page.waitForTimeout(300); // let the highlight's style transition finish
    await page.screenshot({ path: SCREENSHOT });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  it("asks no host but the server, and raises no errors", async () => {
    const origin = new URL(server.url).origin;
    expect(requested.length).toBeGreaterThan(0);
    expect(
      requested.filter((url) => !url.startsWith("data:") && new URL(url).origin !== origin),
    ).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
