// The cytoscape picture. Every node and edge of the loaded network is in the graph; a view
// (types switched on, story time) only hides and shows them, so positions stay put while the
// slider moves. Positions come with the network: the server's one seeded layout per film
// (src/viz/layout.ts filmLayout), the same the static images draw from.
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from "cytoscape";
import type { NetworkEdge, NetworkEdgeType, PositionedNetwork } from "./api.ts";
import { graphStyle } from "./graph-style.ts";
import { NO_GROUP, type ColourBy, type Swatch } from "./palette.ts";
import { deadBy, edgesInView, edgeStartsAt } from "./story.ts";

/** Label size in the layout's units: the layout leaves room for labels this size. */
const LABEL_SIZE = 12;
/** Labels never drawn smaller than this on screen (px) while the room allows... */
const MIN_SCREEN_LABEL = 11;
/** ...nor grown past this in layout units to get there. */
const MAX_LABEL = 24;

export interface GraphViewOptions {
  types: ReadonlySet<NetworkEdgeType>;
  /** Story time: after this event; null for the whole story. */
  seq: number | null;
  colourBy: ColourBy;
  hideUnconnected: boolean;
  groups: Map<string, Swatch>;
  films: Map<string, Swatch>;
}

export interface GraphCallbacks {
  onSelect(id: string | null): void;
  onEdgeHover(edge: NetworkEdge | null, position: { x: number; y: number }): void;
}

export class GraphView {
  readonly cy: Core;
  private network: PositionedNetwork = { films: [], nodes: [], edges: [], positions: {} };
  private edgeById = new Map<string, NetworkEdge>();
  /** Whether the user moved or zoomed since the last layout (then resizing does not refit). */
  private moved = false;
  /** Whether the layout is drawn a quarter turn round, for a tall window (a phone). */
  private portrait = false;

  constructor(container: HTMLElement, callbacks: GraphCallbacks) {
    this.cy = cytoscape({
      container,
      style: graphStyle(),
      minZoom: 0.2,
      maxZoom: 3,
      selectionType: "single",
      boxSelectionEnabled: false,
    });
    this.cy.on("dragpan scrollzoom pinchzoom", () => (this.moved = true));
    new ResizeObserver(() => {
      this.cy.resize();
      if (this.portrait !== this.isPortrait()) this.place();
      if (!this.moved && this.cy.nodes().nonempty()) this.fitNow();
    }).observe(container);
    let queued = false;
    this.cy.on("zoom", () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        this.sizeLabels();
      });
    });
    this.cy.on("tap", "node", (event) => callbacks.onSelect((event.target as NodeSingular).id()));
    container.addEventListener("keydown", (event) => this.key(event, callbacks));
    this.cy.on("tap", (event) => {
      if (event.target === this.cy) callbacks.onSelect(null);
    });
    this.cy.on("mouseover", "edge", (event) =>
      callbacks.onEdgeHover(this.edgeById.get(event.target.id()) ?? null, event.renderedPosition),
    );
    this.cy.on("mouseout", "edge", (event) => callbacks.onEdgeHover(null, event.renderedPosition));
  }

  /** Replaces the graph with a network, each node where the network's layout puts it. */
  load(network: PositionedNetwork): void {
    this.network = network;
    this.edgeById = new Map(network.edges.map((e) => [e.id, e]));
    const degree = new Map<string, number>();
    for (const e of network.edges)
      for (const id of [e.source, e.target]) degree.set(id, (degree.get(id) ?? 0) + 1);

    const nodes: ElementDefinition[] = network.nodes.map((n) => ({
      group: "nodes",
      data: {
        id: n.id,
        name: n.name,
        label: n.name,
        kind: n.kind,
        film: n.film,
        colour: NO_GROUP,
        fontSize: LABEL_SIZE,
        size:
          n.kind === "group" ? 34 : (n.unnamed ? 16 : 20) + 2 * Math.min(degree.get(n.id) ?? 0, 6),
      },
      classes: [n.kind, n.unnamed ? "unnamed" : ""].join(" ").trim(),
    }));
    const edges: ElementDefinition[] = network.edges.map((e) => ({
      group: "edges",
      data: { id: e.id, source: e.source, target: e.target, type: e.type },
      classes: [e.type, e.covert ? "covert" : "", e.coerced ? "coerced" : ""].join(" ").trim(),
    }));
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add([...nodes, ...edges]);
    });
    this.place();
    this.moved = false;
  }

  private isPortrait(): boolean {
    return this.cy.height() > this.cy.width() * 1.2;
  }

  /**
   * Puts every node where the layout says. The layout is landscape; in a tall window it is
   * turned a quarter round (the same picture, and labels stay level), so it fills the screen.
   */
  private place(): void {
    this.portrait = this.isPortrait();
    this.cy.batch(() =>
      this.cy.nodes().forEach((node) => {
        const at = this.network.positions[node.id()] ?? { x: 0, y: 0 };
        node.position(this.portrait ? { x: -at.y, y: at.x } : { ...at });
      }),
    );
  }

  /** The node the keyboard is on (arrow keys move it, Enter opens its dossier). */
  private cursor: string | null = null;

  private key(event: KeyboardEvent, callbacks: GraphCallbacks): void {
    const directions: Record<string, [number, number]> = {
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
      ArrowUp: [0, -1],
      ArrowDown: [0, 1],
    };
    if (event.key === "Enter" && this.cursor) {
      event.preventDefault();
      callbacks.onSelect(this.cursor);
      return;
    }
    const dir = directions[event.key];
    if (!dir) return;
    event.preventDefault();
    const visible = this.cy.nodes(":visible");
    if (visible.empty()) return;
    const from = this.cy.getElementById(
      this.cursor ?? this.cy.nodes(":selected").first().id() ?? "",
    );
    let next: NodeSingular | undefined;
    if (from.empty() || !from.visible()) {
      // Start at the top left.
      next = visible.min((n) => n.renderedPosition().x + n.renderedPosition().y).ele;
    } else {
      const at = from.renderedPosition();
      let best = Infinity;
      visible.forEach((n) => {
        if (n.same(from)) return;
        const p = n.renderedPosition();
        const along = (p.x - at.x) * dir[0] + (p.y - at.y) * dir[1];
        if (along <= 0) return;
        const across = Math.abs((p.x - at.x) * dir[1] - (p.y - at.y) * dir[0]);
        // Nearest in the direction asked, straying from the line counting double.
        const cost = along + 2 * across;
        if (cost < best) [best, next] = [cost, n];
      });
    }
    if (!next) return;
    this.cy.nodes(".kbd").removeClass("kbd");
    next.addClass("kbd");
    this.cursor = next.id();
    this.cy.animate({ center: { eles: next } }, { duration: 150 });
    this.onCursor?.(next.id());
  }

  /** Told where the keyboard cursor went (for a screen reader's live region). */
  onCursor: ((id: string) => void) | undefined;

  /** Keeps labels legible when the picture is zoomed out (as far as the layout leaves room). */
  private sizeLabels(): void {
    const zoom = this.cy.zoom();
    const size = Math.round(Math.min(MAX_LABEL, Math.max(LABEL_SIZE, MIN_SCREEN_LABEL / zoom)));
    if (this.cy.nodes().first().data("fontSize") === size) return;
    this.cy.batch(() => this.cy.nodes().data("fontSize", size));
  }

  /** Shows what a view asks for: the edges of its types standing at its story time. */
  apply(view: GraphViewOptions): void {
    const shownEdges = new Set(
      edgesInView(this.network.edges, view.types, view.seq).map((e) => e.id),
    );
    const dead = deadBy(this.network.edges, view.seq);
    const connected = new Set<string>();
    for (const e of this.network.edges) {
      if (!shownEdges.has(e.id)) continue;
      connected.add(e.source);
      connected.add(e.target);
    }
    const fate = new Map(this.network.nodes.map((n) => [n.id, n]));
    this.cy.batch(() => {
      this.cy.edges().forEach((edge) => {
        const data = this.edgeById.get(edge.id());
        const shown = shownEdges.has(edge.id());
        const current =
          shown && data !== undefined && view.seq !== null && edgeStartsAt(data, view.seq);
        edge.toggleClass("hidden", !shown);
        edge.toggleClass("current", current);
        // Acts of earlier events step back while the slider walks the story.
        edge.toggleClass("older", shown && view.seq !== null && !current);
      });
      this.cy.nodes().forEach((node) => {
        const n = fate.get(node.id());
        if (!n) return;
        const isDead =
          n.kind === "character" && (dead.has(n.id) || (view.seq === null && n.fate === "killed"));
        node.toggleClass("dead", isDead);
        node.data("label", isDead ? `${n.name} †` : n.name);
        node.toggleClass(
          "hidden",
          view.hideUnconnected && !connected.has(n.id) && !node.selected(),
        );
        node.toggleClass(
          "current",
          view.seq !== null &&
            this.network.edges.some(
              (e) =>
                shownEdges.has(e.id) &&
                edgeStartsAt(e, view.seq ?? -1) &&
                (e.source === n.id || e.target === n.id),
            ),
        );
        const swatches =
          view.colourBy === "film"
            ? [view.films.get(n.film)]
            : n.kind === "group"
              ? [view.groups.get(n.id)]
              : n.groups.map((g) => view.groups.get(g));
        const colours = swatches.filter((s): s is Swatch => s !== undefined).map((s) => s.colour);
        node.data("colour", colours[0] ?? NO_GROUP);
        node.toggleClass("multi", colours.length > 1);
        if (colours.length > 1) {
          node.data({
            pie1: colours[0],
            pie2: colours[1],
            pie3: colours[2] ?? colours[0],
            pieSize: 100 / Math.min(colours.length, 3),
          });
        }
      });
    });
  }

  /** Emphasises some nodes and edges and fades the rest; empty sets clear it. */
  highlight(nodeIds: Iterable<string>, edgeIds: Iterable<string>): void {
    const nodes = new Set(nodeIds);
    const edges = new Set(edgeIds);
    const any = nodes.size > 0 || edges.size > 0;
    this.cy.batch(() => {
      this.cy.elements().forEach((el) => {
        const on = (el.group() === "nodes" ? nodes : edges).has(el.id());
        el.toggleClass("hl", on);
        el.toggleClass("faded", any && !on);
      });
    });
  }

  select(id: string | null): void {
    this.cy.nodes(":selected").unselect();
    if (id !== null) this.cy.getElementById(id).select();
  }

  /**
   * Brings nodes into view (all shown ones when empty), no closer than `maxZoom`, in the part
   * of the canvas above `bottomInset` pixels (a phone's dossier sheet covers the rest).
   */
  fit(ids: string[] = [], bottomInset = 0, maxZoom = 1.4): void {
    const eles =
      ids.length > 0
        ? ids.reduce((all, id) => all.union(this.cy.getElementById(id)), this.cy.collection())
        : this.cy.elements(":visible");
    if (eles.empty()) return;
    this.moved = false;
    const bb = eles.boundingBox({});
    const pad = this.padding();
    const w = this.cy.width();
    const h = Math.max(80, this.cy.height() - bottomInset);
    const zoom = Math.max(
      this.cy.minZoom(),
      Math.min(maxZoom, (w - 2 * pad) / Math.max(1, bb.w), (h - 2 * pad) / Math.max(1, bb.h)),
    );
    const pan = { x: (w - zoom * (bb.x1 + bb.x2)) / 2, y: (h - zoom * (bb.y1 + bb.y2)) / 2 };
    // The latest framing wins: a fit asked for meanwhile (the whole view refitted, then the
    // highlighted path) does not run after it from cytoscape's animation queue.
    this.cy.stop(true, false);
    this.cy.animate({ zoom, pan }, { duration: 350, complete: () => this.sizeLabels() });
  }

  /** Centres a node with its shown neighbours in view (a search hit: where it stands). */
  focus(id: string, bottomInset = 0): void {
    const node = this.cy.getElementById(id);
    if (node.empty()) return;
    const near = node.closedNeighborhood(":visible").nodes();
    this.fit(
      near.map((n) => n.id()),
      bottomInset,
      1.2,
    );
  }

  /** Fits what is shown at once (after a load or a resize), no closer than life size. */
  fitNow(): void {
    const eles = this.cy.elements(":visible");
    if (eles.empty()) return;
    this.cy.fit(eles, this.padding());
    if (this.cy.zoom() > 1.4) this.cy.zoom({ level: 1.4, renderedPosition: this.centre() });
    this.cy.center(eles);
    this.sizeLabels();
  }

  private padding(): number {
    return Math.min(40, Math.round(this.cy.width() / 20));
  }

  private centre(): { x: number; y: number } {
    return { x: this.cy.width() / 2, y: this.cy.height() / 2 };
  }

  /** What the picture shows right now. */
  shown(): { nodes: string[]; edges: string[] } {
    return {
      nodes: this.cy
        .nodes(":visible")
        .map((n) => n.id())
        .sort(),
      edges: this.cy
        .edges(":visible")
        .map((e) => e.id())
        .sort(),
    };
  }

  /** Ids of the highlighted nodes and edges. */
  highlighted(): { nodes: string[]; edges: string[] } {
    return {
      nodes: this.cy
        .nodes(".hl")
        .map((n) => n.id())
        .sort(),
      edges: this.cy
        .edges(".hl")
        .map((e) => e.id())
        .sort(),
    };
  }
}
