// The network page: characters and groups as nodes, betrayals (and, when switched on,
// killings, woundings and loyalties) as edges, over story time; a dossier per character.
import "./styles.css";
import {
  EDGE_TYPES,
  fetchBetrayalChains,
  fetchCatalogue,
  fetchDossier,
  fetchEvents,
  fetchAliases,
  fetchNetwork,
  ApiError,
  type CharacterBetrayalChains,
  type Dossier,
  type Film,
  type NetworkEdge,
  type NetworkEdgeType,
  type PositionedNetwork,
  type SourceInfo,
  type StoryEvent,
} from "./api.ts";
import { byId, h, setChildren } from "./dom.ts";
import { ALL_FILMS, filmInAddress, firstFilm, newestFirst } from "../../src/web/film-choice.ts";
import { takeCatalogue, takeFilm } from "./early-requests.ts";
import {
  renderDossier,
  renderError,
  renderLoading,
  renderOverview,
  type HighlightKind,
  type PanelContext,
} from "./dossier-panel.ts";
import { GraphView } from "./graph-view.ts";
import { renderLegend } from "./legend.ts";
import { colourKeys, EDGE_LOOK, lookKeyOf, NO_GROUP, type Swatch } from "./palette.ts";
import { renderCaption } from "./caption.ts";
import { SearchBox } from "./search.ts";
import { StorylinePane } from "./storyline-pane.ts";
import { Timeline } from "./timeline.ts";
import type { HeistgraphHook, ViewSnapshot } from "./test-hook.ts";
import { addressOf, firstViewState, readAddress, type ViewState } from "./view-state.ts";

const TYPE_LABEL: Record<NetworkEdgeType, string> = {
  BETRAYED: "Betrayals",
  KILLED: "Killings",
  WOUNDED: "Woundings",
  LOYAL_TO: "Loyalties",
};

const state: ViewState = firstViewState();

let films: Film[] = [];
let sources = new Map<string, SourceInfo>();
let current: PositionedNetwork = { films: [], nodes: [], edges: [], positions: {} };
let swatches: { groups: Map<string, Swatch>; films: Map<string, Swatch> } = {
  groups: new Map(),
  films: new Map(),
};
const eventsCache = new Map<string, Promise<StoryEvent[]>>();
const dossierCache = new Map<string, Promise<Dossier>>();
const chainsCache = new Map<string, CharacterBetrayalChains>();
let dossier: Dossier | null = null;
let dossierEvents = new Map<string | number, StoryEvent>();
/** The events of the film shown, by seq (empty for all films). */
let eventsLoaded = new Map<number, StoryEvent>();
let networkRequest = 0;
let dossierRequest = 0;
let pending = 0;
/** A film the address asked for that the database does not hold (told once, after loading). */
let unknownFilm: string | null = null;

const els = {
  film: byId<HTMLSelectElement>("film-select"),
  toggles: byId("edge-toggles"),
  colourBy: byId("colour-by"),
  hideUnconnected: byId<HTMLInputElement>("toggle-unconnected"),
  fit: byId<HTMLButtonElement>("fit"),
  graph: byId("graph"),
  legend: byId("legend"),
  legendFold: byId("legend-fold"),
  stats: byId("stats"),
  tooltip: byId("tooltip"),
  message: byId("message"),
  dossier: byId("dossier"),
  caption: byId("caption"),
  storyline: byId("storyline"),
  viewSwitch: byId("view-switch"),
};

// ---- status (what tests wait for) ------------------------------------------------------------

function setStatus(status: HeistgraphHook["status"]): void {
  document.body.dataset.status = status;
  if (window.heistgraph) window.heistgraph.status = status;
}

async function busy<T>(work: () => Promise<T>): Promise<T> {
  pending += 1;
  setStatus("loading");
  try {
    const result = await work();
    pending -= 1;
    if (pending === 0) setStatus("ready");
    return result;
  } catch (error) {
    pending -= 1;
    setStatus("error");
    throw error;
  }
}

function showMessage(text: string | null): void {
  els.message.hidden = text === null;
  els.message.textContent = text ?? "";
}

// ---- the graph ---------------------------------------------------------------------------------

const graph = new GraphView(els.graph, {
  onSelect: (id) => void select(id),
  onEdgeHover: showTooltip,
});

graph.onCursor = (id) => {
  const node = current.nodes.find((n) => n.id === id);
  byId("announce").textContent = node
    ? `${node.name}, ${node.kind === "group" ? "group" : node.role}. Enter opens the dossier.`
    : "";
};

const search = new SearchBox(byId<HTMLInputElement>("search"), byId("search-results"), (id) => {
  // Whoever is looked for is shown, even a bystander the view hides.
  void select(id).then(() => graph.focus(id, sheetInset()));
});

const storyline = new StorylinePane(els.storyline, (id) => void select(id));

const timeline = new Timeline(
  {
    slider: byId<HTMLInputElement>("seq-slider"),
    label: byId("seq-label"),
    whole: byId<HTMLButtonElement>("whole-story"),
    play: byId<HTMLButtonElement>("play"),
    prev: byId<HTMLButtonElement>("seq-prev"),
    next: byId<HTMLButtonElement>("seq-next"),
    marks: byId("marks"),
    speed: byId<HTMLSelectElement>("speed"),
  },
  (seq) => {
    state.seq = seq;
    render();
    // The side panel follows the story time too: the list, or the dossier as of the event.
    if (state.selected === null) showOverview();
    else void openDossier(state.selected);
  },
);

function nameOf(id: string): string {
  return current.nodes.find((n) => n.id === id)?.name ?? id;
}

/** A node's fill as CSS: its colour, or slices of its groups' colours. */
function colourOf(id: string): string {
  const node = graph.cy.getElementById(id);
  if (node.empty()) return NO_GROUP;
  if (!node.hasClass("multi")) return String(node.data("colour"));
  const slices = [node.data("pie1"), node.data("pie2"), node.data("pie3")].slice(
    0,
    Math.round(100 / Number(node.data("pieSize"))),
  );
  const step = 100 / slices.length;
  return `conic-gradient(${slices.map((c, i) => `${c} ${i * step}% ${(i + 1) * step}%`).join(", ")})`;
}

function showTooltip(edge: NetworkEdge | null, at: { x: number; y: number }): void {
  if (!edge) {
    els.tooltip.hidden = true;
    return;
  }
  const look = EDGE_LOOK[lookKeyOf(edge)];
  const when =
    edge.type === "LOYAL_TO"
      ? [
          edge.since !== null ? `from event ${edge.since}` : "",
          edge.until !== null ? `until event ${edge.until}` : "",
        ]
          .filter(Boolean)
          .join(", ") || "throughout"
      : edge.seq !== null
        ? `event ${edge.seq}`
        : "";
  setChildren(
    els.tooltip,
    h(
      "div",
      { class: "tip-head" },
      h("span", { class: "dot", style: `background:${look.colour}` }),
      `${nameOf(edge.source)} → ${nameOf(edge.target)}`,
    ),
    h("div", { class: "tip-kind" }, [look.label.toLowerCase(), when].filter(Boolean).join(" · ")),
    edge.how ? h("div", { class: "tip-how" }, edge.how) : null,
    h("div", { class: "tip-cites" }, edge.sources.join("  ")),
  );
  els.tooltip.style.left = `${at.x + 14}px`;
  els.tooltip.style.top = `${at.y + 14}px`;
  els.tooltip.hidden = false;
}

/** Redraws what the state asks for, from the loaded network (no requests). */
function render(): void {
  graph.apply({
    types: state.types,
    seq: state.seq,
    colourBy: state.colourBy,
    hideUnconnected: state.hideUnconnected,
    groups: swatches.groups,
    films: swatches.films,
  });
  applyHighlight();
  const shownSwatches =
    state.colourBy === "film"
      ? [...swatches.films.values()].filter((s) => current.films.some((f) => f.id === s.id))
      : [...swatches.groups.values()];
  renderLegend(els.legend, {
    colourBy: state.colourBy,
    swatches: shownSwatches,
    types: state.types,
  });
  timeline.setMarks(current.edges, state.types);
  const shown = graph.shown();
  // What is shown changed (types, story time, film, hiding): frame it again.
  const shownKey = shown.nodes.join("\u0000");
  if (shownKey !== lastShown && lastShown !== undefined && state.view === "network") graph.fit();
  lastShown = shownKey;
  els.legendFold.hidden = state.view === "storyline";
  els.stats.replaceChildren(
    h("strong", {}, current.films.map((f) => f.title).join(" & ")),
    ` · ${shown.nodes.length} characters & groups · ${shown.edges.length} of ${current.edges.length} ties shown`,
  );
  const seq = state.seq;
  const film = current.films.length === 1 ? current.films[0]?.id : undefined;
  // On the storyline the column of the event is marked instead.
  renderCaption(els.caption, {
    event: seq === null ? undefined : eventsLoaded.get(seq),
    seq: state.view === "storyline" ? null : seq,
    last: timeline.last,
    acts:
      seq === null
        ? []
        : current.edges.filter((e) => (e.type === "LOYAL_TO" ? e.since === seq : e.seq === seq)),
    types: state.types,
    nameOf,
  });
  storyline.show(state.view === "storyline" ? (film ?? null) : undefined, seq);
  syncControls();
  window.history.replaceState(null, "", addressOf(state));
}

function syncControls(): void {
  els.film.value = state.film ?? ALL_FILMS;
  els.toggles.querySelectorAll<HTMLInputElement>("input[data-type]").forEach((input) => {
    input.checked = state.types.has(input.dataset.type as NetworkEdgeType);
  });
  els.colourBy.querySelectorAll<HTMLButtonElement>("button").forEach((button) => {
    button.setAttribute("aria-pressed", String(button.dataset.value === state.colourBy));
  });
  els.viewSwitch.querySelectorAll<HTMLButtonElement>("button").forEach((button) => {
    button.setAttribute("aria-pressed", String(button.dataset.value === state.view));
  });
  els.hideUnconnected.checked = state.hideUnconnected;
}

// ---- highlights ----------------------------------------------------------------------------------

/** The nodes shown last (to refit when they change). */
let lastShown: string | undefined;

/** How much of the canvas's bottom a phone's dossier sheet covers (0 elsewhere). */
function sheetInset(): number {
  const sheet = els.dossier;
  if (getComputedStyle(sheet).position !== "fixed") return 0;
  const canvas = els.graph.getBoundingClientRect();
  return Math.max(0, canvas.bottom - sheet.getBoundingClientRect().top);
}

function applyHighlight(): void {
  const id = state.selected;
  if (!id || !state.highlight) {
    graph.highlight([], []);
    return;
  }
  const nodes = new Set([id]);
  const edges = new Set<string>();
  /** The network's edge for an act: its type, ends and story time. */
  const edgeOf = (type: NetworkEdgeType, source: string, target: string, seq: number | null) =>
    current.edges.find(
      (e) =>
        e.type === type &&
        e.source === source &&
        e.target === target &&
        (seq === null || e.seq === seq),
    );

  if (state.highlight === "betrayal-chain") {
    const found = chainsCache.get(id)?.chains ?? [];
    for (const chain of found)
      for (const step of chain.steps) {
        nodes.add(step.traitorId).add(step.betrayedId);
        if (step.viaGroupId) nodes.add(step.viaGroupId);
        const edge = edgeOf("BETRAYED", step.traitorId, step.betrayedId, step.seq);
        if (edge) edges.add(edge.id);
      }
    state.highlightNote = {
      title:
        found.length === 0
          ? `${nameOf(id)} is part of no betrayal chain.`
          : `${found.length} betrayal chain${found.length === 1 ? "" : "s"} through ${nameOf(id)}, in story order (event numbers in brackets${
              found.some((c) => c.steps.some((s) => s.viaGroup))
                ? "; ⇒ a member of the betrayed group betrays in turn"
                : ""
            }):`,
      lines: found.map(
        (chain) =>
          (chain.steps[0]?.traitor ?? "") +
          chain.steps
            .map((s) => `${s.viaGroup ? ` ⇒ ${s.traitor}` : ""} → ${s.betrayed} (${s.seq})`)
            .join("") +
          (chain.truncated ? " …" : ""),
      ),
    };
    if (chainsCache.get(id)?.truncated) {
      state.highlightNote.lines.push("More chains than shown: only the most relevant are listed.");
    }
  } else {
    const chains = dossier?.kind === "character" && dossier.id === id ? dossier.deathByWhom : [];
    for (const chain of chains)
      for (const step of chain.steps) {
        nodes.add(step.victimId).add(step.killerId);
        const edge = edgeOf("KILLED", step.killerId, step.victimId, step.seq);
        if (edge) edges.add(edge.id);
      }
    state.highlightNote = {
      title:
        chains.length === 0
          ? `The sources name no killer of ${nameOf(id)}.`
          : "Death-by-whom path, victim first (event numbers in brackets):",
      lines: chains.map((chain) =>
        [chain.steps[0]?.victim, ...chain.steps.map((s) => `${s.killer} (${s.seq ?? "?"})`)].join(
          " ← ",
        ),
      ),
    };
  }
  graph.highlight(nodes, edges);
  // The path in view, above a phone's dossier sheet.
  if (nodes.size > 1) requestAnimationFrame(() => graph.fit([...nodes], sheetInset()));
}

async function toggleHighlight(kind: HighlightKind): Promise<void> {
  const id = state.selected;
  state.highlight = state.highlight === kind ? null : kind;
  if (id && state.highlight === "betrayal-chain" && !chainsCache.has(id)) {
    try {
      const chains = await busy(() => fetchBetrayalChains(id));
      chainsCache.set(id, chains);
    } catch (error) {
      state.highlight = null;
      renderError(els.dossier, error instanceof Error ? error.message : String(error));
      return;
    }
    if (state.selected !== id || state.highlight !== kind) return;
  }
  // A highlight is drawn on its edges: make sure their type is shown.
  if (state.highlight === "betrayal-chain") state.types.add("BETRAYED");
  if (state.highlight === "death-path") state.types.add("KILLED");
  render();
  showDossier();
}

// ---- the side panel ----------------------------------------------------------------------------

function panelContext(): PanelContext {
  return {
    sources,
    events: dossierEvents,
    colourOf,
    onSelect: (id) => void select(id === "" ? null : id),
    onHighlight: (kind) => void toggleHighlight(kind),
    activeHighlight: state.highlight,
    highlightNote: state.highlight ? state.highlightNote : null,
    seq: state.seq,
    killedAt: killedAt(),
  };
}

/** When each character is killed (story order), from the network's killings. */
function killedAt(): Map<string, number> {
  const at = new Map<string, number>();
  for (const e of current.edges)
    if (e.type === "KILLED" && e.seq !== null && e.seq < (at.get(e.target) ?? Infinity))
      at.set(e.target, e.seq);
  return at;
}

function showDossier(): void {
  if (dossier && dossier.id === state.selected) renderDossier(els.dossier, dossier, panelContext());
}

function showOverview(): void {
  const film = current.films.length === 1 ? current.films[0]?.id : undefined;
  void (film ? eventsFor(film) : Promise.resolve([])).then((events) => {
    if (state.selected !== null) return;
    renderOverview(els.dossier, current, state.seq, {
      sources,
      events: eventMap(events),
      colourOf,
      onSelect: (id) => void select(id),
      seq: state.seq,
      killedAt: killedAt(),
    });
    // The list follows the slider: the event's own betrayal, or the last one before it.
    const now =
      els.dossier.querySelector<HTMLElement>(".fact.now") ??
      Array.from(els.dossier.querySelectorAll<HTMLElement>(".fact:not(.later)")).at(-1);
    if (state.seq !== null) now?.scrollIntoView({ block: "nearest" });
  });
}

/** The film's events, asked once; `early`: already answered (by the first view). */
function eventsFor(film: string, early?: StoryEvent[] | null): Promise<StoryEvent[]> {
  let events = eventsCache.get(film);
  if (!events) {
    events = early ? Promise.resolve(early) : fetchEvents(film);
    events.catch(() => eventsCache.delete(film));
    eventsCache.set(film, events);
  }
  return events;
}

function eventMap(events: StoryEvent[]): Map<string | number, StoryEvent> {
  const map = new Map<string | number, StoryEvent>();
  for (const e of events) map.set(e.id, e).set(e.seq, e);
  return map;
}

async function select(id: string | null): Promise<void> {
  if (id !== null && graph.cy.getElementById(id).empty()) id = null;
  if (id !== state.selected) {
    state.highlight = null;
    state.highlightNote = null;
  }
  state.selected = id;
  graph.select(id);
  render();
  const request = ++dossierRequest;
  if (id === null) {
    dossier = null;
    showOverview();
    return;
  }
  await openDossier(id, request, true);
}

/**
 * The dossier of a node as of the story time (the dossier questions take the same `at` as the
 * slider), fetched once per node and moment. A newer request wins over an older one.
 */
async function openDossier(id: string, request = ++dossierRequest, focus = false): Promise<void> {
  const node = current.nodes.find((n) => n.id === id);
  if (!node) return;
  const at = state.view === "storyline" ? null : state.seq;
  const key = `${id}@${at ?? "end"}`;
  if (!dossierCache.has(key)) renderLoading(els.dossier, id, node.name);
  try {
    await busy(async () => {
      let loading = dossierCache.get(key);
      if (!loading) {
        loading = fetchDossier(id, node.kind, at);
        dossierCache.set(key, loading);
        loading.catch(() => dossierCache.delete(key));
      }
      const [loaded, events] = await Promise.all([loading, eventsFor(node.film)]);
      if (request !== dossierRequest) return;
      dossier = loaded;
      dossierEvents = eventMap(events);
      showDossier();
      // Keyboard and screen-reader users land on what they opened.
      if (focus)
        els.dossier.querySelector<HTMLElement>("#dossier-name")?.focus({ preventScroll: true });
    });
  } catch (error) {
    if (request === dossierRequest)
      renderError(els.dossier, error instanceof Error ? error.message : String(error));
  }
}

// ---- loading a film ------------------------------------------------------------------------------

async function loadNetwork(): Promise<void> {
  const request = ++networkRequest;
  timeline.stop();
  showMessage("Loading the network…");
  try {
    await busy(async () => {
      const film = state.film;
      const early = await takeFilm(film);
      const [network, events] = await Promise.all([
        early?.network ?? fetchNetwork(film),
        film ? eventsFor(film, early?.events) : Promise.resolve(null),
      ]);
      if (request !== networkRequest) return;
      current = network;
      swatches = colourKeys(network.nodes, films);
      void fetchAliases(film)
        .catch(() => [])
        .then((rows) => {
          if (request !== networkRequest) return;
          const aliases = new Map(rows.map((r) => [r.id, r.aliases]));
          search.setItems(
            network.nodes.map((n) => ({
              id: n.id,
              name: n.name,
              aliases: aliases.get(n.id) ?? [],
            })),
          );
        });
      graph.load(network);
      timeline.setEvents(events, state.seq);
      state.seq = timeline.value;
      eventsLoaded = new Map((events ?? []).map((e) => [e.seq, e]));
      render();
      graph.fitNow();
      const keep =
        state.selected && network.nodes.some((n) => n.id === state.selected)
          ? state.selected
          : null;
      if (keep !== state.selected) state.highlight = null;
      state.selected = null;
      showMessage(
        unknownFilm !== null
          ? `There is no film "${unknownFilm}". Showing ${network.films[0]?.title ?? "the newest film"}; pick another above.`
          : network.nodes.length === 0
            ? "This film has no characters yet."
            : null,
      );
      unknownFilm = null;
      await select(keep);
    });
  } catch (error) {
    if (request !== networkRequest) return;
    const retry = whenDown(error);
    showMessage(
      `Could not load the network: ${error instanceof Error ? error.message : String(error)}${retry}`,
    );
    if (retry)
      setTimeout(() => {
        if (request === networkRequest) void loadNetwork();
      }, RETRY_MS);
  }
}

/** How long the page waits before asking again while the API cannot answer. */
const RETRY_MS = 3000;

/**
 * For Neo4j down (503) or a server gone (no answer): what to run, and that the page tries
 * again by itself; "" for other failures, which asking again would not mend.
 */
function whenDown(error: unknown): string {
  if (error instanceof ApiError && error.status !== 503) return "";
  return (
    " Is Neo4j running? Start it with `npx heistgraph db start` (or the whole server with " +
    `\`npm start\`). Trying again every ${RETRY_MS / 1000} s…`
  );
}

// ---- controls ----------------------------------------------------------------------------------------

function buildControls(): void {
  els.film.replaceChildren(
    ...newestFirst(films).map((f) =>
      h("option", { value: f.id }, f.year ? `${f.title} (${f.year})` : f.title),
    ),
    h("option", { value: ALL_FILMS }, "All films"),
  );
  const chosen = firstFilm(films, filmInAddress(window.location.hash));
  state.film = chosen.film;
  // A film the address names but the database does not hold: say so, show the newest film.
  if (chosen.unknown !== null) {
    unknownFilm = chosen.unknown;
    state.seq = null;
    state.selected = null;
  }
  els.film.addEventListener("change", () => {
    state.film = els.film.value === ALL_FILMS ? null : els.film.value;
    state.seq = null;
    // Colour by film is what tells films apart; within one film, groups do.
    state.colourBy = state.film === null ? "film" : "group";
    void loadNetwork();
  });

  els.toggles.replaceChildren(
    ...EDGE_TYPES.map((type) => {
      const input = h("input", { type: "checkbox", id: `toggle-${type}`, "data-type": type });
      input.addEventListener("change", () => {
        if (input.checked) state.types.add(type);
        else state.types.delete(type);
        render();
        showDossier();
      });
      return h(
        "label",
        { class: "chip", for: `toggle-${type}`, "data-type": type },
        input,
        h("span", { class: "chip-line", style: `background:${EDGE_LOOK[type].colour}` }),
        TYPE_LABEL[type],
      );
    }),
  );

  els.colourBy.querySelectorAll<HTMLButtonElement>("button").forEach((button) => {
    button.addEventListener("click", () => {
      state.colourBy = button.dataset.value === "film" ? "film" : "group";
      render();
    });
  });
  els.viewSwitch.querySelectorAll<HTMLButtonElement>("button").forEach((button) => {
    button.addEventListener("click", () => {
      state.view = button.dataset.value === "storyline" ? "storyline" : "network";
      render();
    });
  });
  els.hideUnconnected.addEventListener("change", () => {
    state.hideUnconnected = els.hideUnconnected.checked;
    render();
  });
  els.fit.addEventListener("click", () => graph.fit());
  window.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && state.selected) {
      // Back to the graph, where the keyboard user came from.
      if (els.dossier.contains(document.activeElement)) els.graph.focus();
      void select(null);
    }
  });
}

// ---- start -----------------------------------------------------------------------------------------

const hook: HeistgraphHook = {
  cy: graph.cy,
  status: "loading",
  view: (): ViewSnapshot => ({
    film: state.film,
    types: EDGE_TYPES.filter((t) => state.types.has(t)),
    seq: state.seq,
    colourBy: state.colourBy,
    hideUnconnected: state.hideUnconnected,
    selected: state.selected,
    highlight: state.highlight,
  }),
  network: () => current,
  shown: () => graph.shown(),
  highlighted: () => graph.highlighted(),
};
window.heistgraph = hook;

/** The controls are built once, by the first start that reaches the API. */
let controlsBuilt = false;

async function start(): Promise<void> {
  readAddress(state, window.location.hash);
  // On a phone the legend starts folded: the graph gets the room.
  if (window.matchMedia("(max-width: 900px)").matches) byId("legend-fold").removeAttribute("open");
  try {
    await busy(async () => {
      if (!controlsBuilt) {
        const catalogue = (await takeCatalogue()) ?? (await fetchCatalogue());
        films = catalogue.films;
        sources = new Map(catalogue.sources.map((s) => [s.id, s]));
        buildControls();
        controlsBuilt = true;
      }
      await loadNetwork();
    });
  } catch (error) {
    const retry = whenDown(error);
    showMessage(
      `Could not reach the API: ${error instanceof Error ? error.message : String(error)}${retry}`,
    );
    if (retry) setTimeout(() => void start(), RETRY_MS);
  }
}

void start();
