// The network page in a real browser (Debian's Chromium, driven by playwright-core: no browser
// download) against a real server and Neo4j: what the picture shows must be what the network
// query answers, through the film filter, the story-time slider, the type switches, the
// dossier and the highlights; each node where the film's one layout (the images' too) puts it;
// a group in one colour on the page and in the image; the caption card, the storyline, search,
// the keyboard, a bad address, and a phone-sized window. Leaves screenshots in test-results/
// (network-page.png, network-page-desktop.png, network-page-phone.png).
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
import { groupColours } from "../../src/network/colours.ts";
import { filmLayout } from "../../src/viz/layout.ts";
import { renderNetwork } from "../../src/viz/svg.ts";
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
/** What the page asked for until it was first ready. */
const firstLoad: string[] = [];

/**
 * What the page should show for a network, edge types and story time (null: whole story): the
 * edges standing then, and the nodes they touch (unconnected ones are hidden by default), plus
 * the selected node.
 */
function expected(net: Network, types: NetworkEdgeType[], seq: number | null, selected?: string) {
  const edges = net.edges.filter(
    (e) => types.includes(e.type) && (seq === null || edgeStandsAt(e, seq)),
  );
  const touched = new Set(edges.flatMap((e) => [e.source, e.target]));
  if (selected) touched.add(selected);
  return {
    nodes: net.nodes
      .map((n) => n.id)
      .filter((id) => touched.has(id))
      .sort(),
    edges: edges.map((e) => e.id).sort(),
  };
}

/** Where the page draws each node, in the graph's own coordinates. */
const positions = () =>
  page.evaluate(() =>
    Object.fromEntries(
      (window.heistgraph?.cy.nodes() ?? []).map((n) => [n.id(), { ...n.position() }]),
    ),
  );

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

/** Nodes (of `ids`, or every shown one) whose centre the canvas does not show within `box`. */
function outside(
  target: Page,
  box: { top: number; bottom: number; left: number; right: number },
  ids?: string[],
) {
  return target.evaluate(
    ({ box, ids }) => {
      const cy = window.heistgraph?.cy;
      if (!cy) return ["no graph"];
      const nodes = ids ? ids.map((id) => cy.getElementById(id)) : cy.nodes(":visible");
      return nodes
        .map((n) => ({ id: n.id(), at: n.renderedPosition() }))
        .filter(
          ({ at }) => at.x < box.left || at.x > box.right || at.y < box.top || at.y > box.bottom,
        )
        .map(({ id }) => id);
    },
    { box, ids },
  );
}

/** Waits for the canvas's pan and zoom animations to end. */
const still = (target: Page) =>
  target.waitForFunction(() => window.heistgraph?.cy.animated() === false);

/** Moves the slider with the keyboard, as a user would: Home, then N steps right. */
async function slideTo(seq: number): Promise<void> {
  const slider = page.locator("#seq-slider");
  await slider.focus();
  await slider.press("Home");
  for (let i = 0; i < seq; i++) await slider.press("ArrowRight");
}

/** Clicks a node where the page draws it. */
async function clickNode(id: string): Promise<void> {
  // The page frames what it shows with a short animation: click where the node comes to rest.
  await still(page);
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
    firstLoad.push(...requested);
    // Bundling the pages and laying out the first film take long on a busy machine.
  }, 480_000);

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
    // The first view (catalogue, network, events) was asked for in one request, by the early
    // script (first-view.ts) that starts it while main.js is still being evaluated, and taken
    // over by the page, which asked for none of its parts again.
    const paths = firstLoad.map((url) => new URL(url).pathname + new URL(url).search);
    expect(paths.filter((p) => p.startsWith("/api/first-view"))).toEqual(["/api/first-view"]);
    expect(paths.filter((p) => p.startsWith("/api/network"))).toEqual([]);
    expect(paths.some((p) => /^\/first-view-[A-Z0-9]{8}\.js$/.test(p))).toBe(true);
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
      const got = await shown();
      expect(got.edges).toEqual(want.edges);
      expect(got.nodes).toEqual(want.nodes);
      // Story time hides something: later acts, loyalties not yet formed or already ended.
      expect(want.edges.length).toBeLessThan(expected(heat, types, null).edges.length);
      expect(await page.locator("#seq-label").textContent()).toContain(`After event ${seq} of`);
      expect(await page.locator("#seq-label").textContent()).toContain(
        await eventName("heat", seq),
      );
      // The caption card tells the event: its name, and the acts shown that happen in it.
      const caption = page.locator(`#caption[data-seq="${seq}"]`);
      await caption.waitFor({ state: "visible" });
      expect(await caption.textContent()).toContain(await eventName("heat", seq));
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

  it("captions event 25 with who betrayed whom there, and its sources", async () => {
    await slideTo(25);
    await settle({ seq: 25 });
    const caption = await page.locator("#caption").textContent();
    expect(caption).toContain("Event 25 of");
    expect(caption).toContain("Waingro betrays McCauley's crew");
    expect(caption).toContain("heat-fr:14");
    // The act of the event stands out; earlier ones step back.
    const heat = await network(db, "heat");
    const act = heat.edges.find(
      (e) => e.type === "BETRAYED" && e.seq === 25 && e.source === "heat-waingro",
    );
    const classes = await page.evaluate(() =>
      (window.heistgraph?.cy.edges(":visible") ?? []).map((e) => ({
        id: e.id(),
        current: e.hasClass("current"),
        older: e.hasClass("older"),
      })),
    );
    expect(classes.filter((c) => c.current).map((c) => c.id)).toContain(act?.id);
    expect(classes.filter((c) => c.older).length).toBeGreaterThan(3);
    await slideTo(5);
    await settle({ seq: 5 });
  });

  it("draws every node where the film's one layout puts it, whatever the story time", async () => {
    const heat = await network(db, "heat");
    const layout = filmLayout(heat);
    const drawn = await positions();
    for (const node of heat.nodes) expect(drawn[node.id]).toEqual(layout.get(node.id));
    await slideTo(30);
    await settle({ seq: 30 });
    expect(await positions()).toEqual(drawn);
    // The image draws them in the same places, only moved and (at most evenly) drawn closer.
    const image = renderNetwork(heat, { with: ["loyalties"] });
    const ids = [...image.positions.keys()];
    const [a, b] = ids;
    const ia = image.positions.get(a ?? "");
    const pa = drawn[a ?? ""];
    expect(ids.length).toBeGreaterThan(5);
    for (const id of ids) {
      const i = image.positions.get(id);
      const p = drawn[id];
      if (!i || !p || !ia || !pa) throw new Error(`${id} is not drawn`);
      expect(i.x - ia.x).toBeCloseTo((p.x - pa.x) * image.squeeze, 0);
      expect(i.y - ia.y).toBeCloseTo((p.y - pa.y) * image.squeeze, 0);
    }
    expect(b).toBeDefined();
  });

  it("colours a group as the image does, alone or beside every film", async () => {
    const heat = await network(db, "heat");
    const want = groupColours(heat.nodes.filter((n) => n.kind === "group")).get(
      "heat-mccauley-crew",
    );
    const colourOnPage = () =>
      page.evaluate(() =>
        window.heistgraph?.cy.getElementById("heat-mccauley-crew").data("colour"),
      );
    expect(await colourOnPage()).toBe(want);
    expect(renderNetwork(heat).svg).toMatch(
      new RegExp(`data-id="heat-mccauley-crew"[\\s\\S]*?<polygon [^>]*fill="${want ?? "none"}"`),
    );
    await page.selectOption("#film-select", "all");
    await settle({ film: null });
    await page.click('#colour-by button[data-value="group"]');
    await settle({ colourBy: "group" });
    expect(await colourOnPage()).toBe(want);
    await page.selectOption("#film-select", "heat");
    await settle({ film: "heat", colourBy: "group" });
    await page.check("#toggle-LOYAL_TO");
    await settle({ types: ["BETRAYED", "LOYAL_TO"] });
    await slideTo(30);
    await settle({ seq: 30 });
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

  it("tells Waingro's dossier as of the story time: alive after event 25, killed at 40", async () => {
    await slideTo(25);
    await settle({ seq: 25, selected: "heat-waingro" });
    await page.locator('#dossier[data-node="heat-waingro"]').waitFor();
    expect(await page.locator("#dossier .fate").textContent()).toBe(
      "alive after event 25 (killed at 40)",
    );
    await page.click("#whole-story");
    await settle({ seq: null });
    expect(await page.locator("#dossier .fate").textContent()).toBe("killed");
  });

  it("finds Cheritto by his alias and moves the focus into his dossier", async () => {
    await page.locator("#search").fill("cherrito");
    await page.locator("#search-results [role=option]").first().waitFor();
    expect(await page.locator("#search-results").textContent()).toContain("Michael Cheritto");
    await page.locator("#search").press("Enter");
    await settle({ selected: "michael-cheritto" });
    await page.locator('#dossier[data-node="michael-cheritto"]').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("dossier-name");
    // Centred with its neighbours in view, not zoomed in on alone.
    await still(page);
    const canvas = await page.locator("#graph").boundingBox();
    const w = canvas?.width ?? 0;
    const h = canvas?.height ?? 0;
    const neighbours = await page.evaluate(() =>
      (
        window.heistgraph?.cy
          .getElementById("michael-cheritto")
          .closedNeighborhood(":visible")
          .nodes() ?? []
      ).map((n) => n.id()),
    );
    expect(neighbours.length).toBeGreaterThan(1);
    expect(await outside(page, { top: 0, left: 0, right: w, bottom: h }, neighbours)).toEqual([]);
    const at = await page.evaluate(() =>
      window.heistgraph?.cy.getElementById("michael-cheritto").renderedPosition(),
    );
    expect(Math.abs((at?.x ?? 0) - w / 2)).toBeLessThan(w / 3);
  });

  it("walks the graph with the arrow keys and opens a dossier with Enter", async () => {
    await page.keyboard.press("Escape");
    await settle({ selected: null });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("graph");
    await page.keyboard.press("ArrowRight");
    const first = await page.evaluate(() => window.heistgraph?.cy.nodes(".kbd").first().id());
    await page.keyboard.press("ArrowDown");
    const second = await page.evaluate(() => window.heistgraph?.cy.nodes(".kbd").first().id());
    expect(first).toBeTruthy();
    expect(second).toBeTruthy();
    expect(await page.locator("#announce").textContent()).toContain(". Enter opens the dossier.");
    await page.keyboard.press("Enter");
    await settle({ selected: second });
  });

  it("shows the storyline, the slider's event marked on it", async () => {
    await slideTo(25);
    await page.click('#view-switch button[data-value="storyline"]');
    await page.locator("#storyline svg.storyline").waitFor();
    expect(await page.locator('#storyline g.character[data-id="heat-waingro"]').count()).toBe(1);
    expect(await page.locator("#storyline g.event.now").getAttribute("data-seq")).toBe("25");
    await page.click('#view-switch button[data-value="network"]');
    await page.locator("#storyline").waitFor({ state: "hidden" });
  });

  it("tells Hanna's dossier as of event 23: no event after it, as the dossier question says", async () => {
    const other = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await other.goto(`${server.url}/#film=heat&seq=23&select=vincent-hanna`);
    await other.waitForFunction(() => window.heistgraph?.status === "ready");
    await other.locator('#dossier[data-state="dossier"][data-node="vincent-hanna"]').waitFor();
    const seqs = (await other
      .locator('#dossier [data-facts="EVENTS"] li')
      .evaluateAll((items) => items.map((li) => Number(li.getAttribute("data-seq"))))) as number[];
    expect(seqs.length).toBeGreaterThan(0);
    expect(Math.max(...seqs)).toBeLessThanOrEqual(23);
    const asked = (await (
      await fetch(`${server.url}/api/questions/dossier?subject=vincent-hanna&at=23`)
    ).json()) as { rows: { events: { seq: number }[] }[] };
    expect(seqs).toEqual(asked.rows[0]?.events.map((e) => e.seq));
    await other.close();
  });

  it("lists the betrayals of every film one film at a time, each in its own story order", async () => {
    const other = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await other.goto(`${server.url}/#film=all`);
    await other.waitForFunction(() => window.heistgraph?.status === "ready");
    const lists = other.locator('#dossier section[data-facts^="OVERVIEW_BETRAYED_"]');
    await lists.first().waitFor();
    expect(await lists.count()).toBeGreaterThan(1);
    for (const list of await lists.all()) {
      const seqs = (await list
        .locator("li")
        .evaluateAll((items) =>
          items.map((li) => Number(li.getAttribute("data-seq"))),
        )) as number[];
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    }
    await other.close();
  });

  it("answers an unknown #film= with a message and Heat, consistently", async () => {
    const other = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await other.goto(`${server.url}/#film=no-such-film&seq=3`);
    await other.waitForFunction(() => window.heistgraph?.status === "ready");
    expect(await other.locator("#message").textContent()).toContain('no film "no-such-film"');
    expect(await other.locator("#film-select").inputValue()).toBe("heat");
    expect(await other.evaluate(() => window.heistgraph?.view())).toMatchObject({
      film: "heat",
      seq: null,
    });
    expect(await other.evaluate(() => window.location.hash)).toContain("film=heat");
    await other.close();
  });

  it(
    "opens readable at desktop size: no bystanders, labels at least 10 px",
    {
      timeout: 180_000,
    },
    async () => {
      const desktop = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await desktop.goto(`${server.url}/`);
      await desktop.waitForFunction(() => window.heistgraph?.status === "ready");
      const heat = await network(db, "heat");
      const { nodes } = await desktop.evaluate(() => window.heistgraph?.shown() ?? { nodes: [] });
      expect(nodes).toEqual(expected(heat, ["BETRAYED"], null).nodes);
      const labelPx = await desktop.evaluate(
        () =>
          Number(window.heistgraph?.cy.nodes().first().data("fontSize")) *
          (window.heistgraph?.cy.zoom() ?? 0),
      );
      expect(labelPx).toBeGreaterThanOrEqual(10);
      // Switching on more ties frames what is shown again: nothing left off the canvas.
      await desktop.click('label[for="toggle-KILLED"]');
      await desktop.click('label[for="toggle-LOYAL_TO"]');
      await desktop.waitForTimeout(100);
      await still(desktop);
      const canvas = await desktop.locator("#graph").boundingBox();
      expect(
        await outside(desktop, {
          top: 0,
          left: 0,
          right: canvas?.width ?? 0,
          bottom: canvas?.height ?? 0,
        }),
      ).toEqual([]);
      mkdirSync("test-results", { recursive: true });
      await desktop.screenshot({ path: join("test-results", "network-page-desktop.png") });
      await desktop.close();
    },
  );

  it(
    "gives the graph the height on a phone, folds the legend, opens the dossier as a sheet",
    {
      timeout: 180_000,
    },
    async () => {
      const phone = await browser.newPage({
        viewport: { width: 390, height: 844 },
        hasTouch: true,
      });
      await phone.goto(`${server.url}/#film=heat&show=BETRAYED`);
      await phone.waitForFunction(() => window.heistgraph?.status === "ready");
      const graphBox = await phone.locator("#graph").boundingBox();
      expect(graphBox?.height ?? 0).toBeGreaterThan(844 * 0.6);
      expect(await phone.locator("#legend-fold").getAttribute("open")).toBeNull();
      const labelPx = await phone.evaluate(
        () =>
          Number(window.heistgraph?.cy.nodes().first().data("fontSize")) *
          (window.heistgraph?.cy.zoom() ?? 0),
      );
      expect(labelPx).toBeGreaterThanOrEqual(9);
      await phone.evaluate(() => window.heistgraph?.cy.getElementById("heat-waingro").emit("tap"));
      await phone.waitForFunction(() => window.heistgraph?.view().selected === "heat-waingro");
      await phone.locator('#dossier[data-node="heat-waingro"]').waitFor();
      const sheet = await phone.locator("#dossier").boundingBox();
      expect(Math.round((sheet?.y ?? 0) + (sheet?.height ?? 0))).toBe(844);
      expect(sheet?.height ?? 844).toBeLessThan(844 * 0.7);
      // His death-by-whom path is panned into the part of the canvas the sheet leaves free.
      await phone.click("#highlight-death-path");
      await phone.waitForFunction(() => window.heistgraph?.view().highlight === "death-path");
      await phone.waitForTimeout(100);
      await still(phone);
      const canvas = await phone.locator("#graph").boundingBox();
      const sheetNow = await phone.locator("#dossier").boundingBox();
      const free = (sheetNow?.y ?? 844) - (canvas?.y ?? 0);
      const path = ["heat-waingro", "neil-mccauley", "vincent-hanna"];
      expect(await outside(phone, { top: 0, left: 0, right: 390, bottom: free }, path)).toEqual([]);
      // The story-time slider: step buttons, and 44 px to touch.
      for (const control of ["#seq-prev", "#seq-next", "#seq-slider"])
        expect((await phone.locator(control).boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(
          44,
        );
      // The header wraps; nothing scrolls sideways.
      expect(
        await phone.evaluate(() => {
          const bar = document.querySelector(".topbar");
          return bar ? bar.scrollWidth - bar.clientWidth : -1;
        }),
      ).toBe(0);
      await phone.waitForTimeout(300);
      await phone.screenshot({ path: join("test-results", "network-page-phone.png") });
      await phone.close();
    },
  );

  it("asks no host but the server, and raises no errors", async () => {
    const origin = new URL(server.url).origin;
    expect(requested.length).toBeGreaterThan(0);
    expect(
      requested.filter((url) => !url.startsWith("data:") && new URL(url).origin !== origin),
    ).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
