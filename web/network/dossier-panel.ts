// The side panel: an overview of the film's betrayals when nothing is selected, and the
// dossier of a character or group (from the GraphQL API) with every fact's citations.
import type {
  ActFact,
  CharacterDossier,
  DeathChain,
  Dossier,
  GroupDossier,
  LoyaltyFact,
  MembershipFact,
  Network,
  NetworkEdge,
  SourceInfo,
  StoryEvent,
} from "./api.ts";
import { h } from "./dom.ts";
import { edgeSample } from "./legend.ts";

export type HighlightKind = "betrayal-chain" | "death-path";

/** What a highlight found, shown under its buttons. */
export interface HighlightNote {
  title: string;
  lines: string[];
}

export interface PanelContext {
  sources: Map<string, SourceInfo>;
  /** The events of the dossier's film, by id and by seq. */
  events: Map<string | number, StoryEvent>;
  colourOf(id: string): string;
  onSelect(id: string): void;
  onHighlight(kind: HighlightKind): void;
  activeHighlight: HighlightKind | null;
  /** What the active highlight found. */
  highlightNote: HighlightNote | null;
  /** Story time: the dossier tells the character as they stand after this event (null: end). */
  seq: number | null;
  /** When each character is killed, by id. */
  killedAt: Map<string, number>;
}

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;
const humanise = (s: string) => s.replace(/[-_]/g, " ");

/** One citation: "heat-fr:13", titled with its summary and paragraph. */
function cite(key: string, ctx: PanelContext): HTMLElement {
  const at = key.lastIndexOf(":");
  const source = ctx.sources.get(at > 0 ? key.slice(0, at) : key);
  const title = source ? `${source.title}${at > 0 ? `, paragraph ${key.slice(at + 1)}` : ""}` : key;
  return h("cite", { class: "cite", title, "data-source": key }, key);
}

function cites(keys: string[], ctx: PanelContext): HTMLElement | null {
  if (keys.length === 0) return null;
  return h(
    "div",
    { class: "cites" },
    keys.map((k) => cite(k, ctx)),
  );
}

function eventAt(seq: number | null, ctx: PanelContext, eventId?: string): HTMLElement | null {
  const event =
    (eventId ? ctx.events.get(eventId) : undefined) ??
    (seq === null ? undefined : ctx.events.get(seq));
  if (!event && seq === null) return null;
  return h(
    "span",
    { class: "when", title: event?.name ?? "" },
    `event ${event?.seq ?? seq}`,
    event ? h("span", { class: "event-name" }, ` · ${event.name}`) : null,
  );
}

function span(since: number | null, until: number | null, ctx: PanelContext): HTMLElement | null {
  if (since === null && until === null) return h("span", { class: "when" }, "throughout");
  const name = (seq: number) => ctx.events.get(seq)?.name ?? "";
  const parts: string[] = [];
  if (since !== null) parts.push(`from event ${since}`);
  if (until !== null) parts.push(`until event ${until}`);
  const title = [
    since !== null ? `${since}: ${name(since)}` : "",
    until !== null ? `${until}: ${name(until)}` : "",
  ]
    .filter(Boolean)
    .join(" → ");
  return h("span", { class: "when", title }, parts.join(", "));
}

function nodeLink(ref: { id: string; name: string }, ctx: PanelContext): HTMLElement {
  const link = h(
    "button",
    { type: "button", class: "node-link", "data-node": ref.id },
    h("span", { class: "dot", style: `background:${ctx.colourOf(ref.id)}` }),
    ref.name,
  );
  link.addEventListener("click", () => ctx.onSelect(ref.id));
  return link;
}

function section(title: string, type: string, items: HTMLElement[]): HTMLElement | null {
  if (items.length === 0) return null;
  return h(
    "section",
    { class: "facts", "data-facts": type },
    h("h3", {}, title, h("span", { class: "count" }, String(items.length))),
    h("ol", {}, items),
  );
}

const bySeq = <T extends { properties: { seq?: number | null; since?: number | null } }>(
  a: T,
  b: T,
) => (a.properties.seq ?? a.properties.since ?? 0) - (b.properties.seq ?? b.properties.since ?? 0);

function actItems(
  facts: ActFact[],
  kind: "BETRAYED" | "KILLED" | "WOUNDED",
  ctx: PanelContext,
): HTMLElement[] {
  return [...facts]
    .sort(bySeq)
    .map((f) =>
      h(
        "li",
        { class: "fact", "data-type": kind },
        h(
          "div",
          { class: "fact-head" },
          edgeSample(kind, 30),
          nodeLink(f.node, ctx),
          f.properties.coerced
            ? h("span", { class: "tag coerced", title: f.properties.coercedBy ?? "" }, "coerced")
            : null,
        ),
        eventAt(f.properties.seq, ctx, f.properties.event),
        h("p", { class: "how" }, f.properties.how),
        f.properties.note ? h("p", { class: "note" }, f.properties.note) : null,
        cites(f.properties.sources, ctx),
      ),
    );
}

function loyaltyItems(facts: LoyaltyFact[], ctx: PanelContext): HTMLElement[] {
  return [...facts]
    .sort(bySeq)
    .map((f) =>
      h(
        "li",
        { class: "fact", "data-type": "LOYAL_TO", "data-covert": f.properties.covert },
        h(
          "div",
          { class: "fact-head" },
          edgeSample(f.properties.covert ? "COVERT" : "LOYAL_TO", 30),
          nodeLink(f.node, ctx),
          h("span", { class: "tag" }, humanise(f.properties.kind)),
          f.properties.covert ? h("span", { class: "tag covert" }, "covert") : null,
        ),
        span(f.properties.since, f.properties.until, ctx),
        f.properties.note ? h("p", { class: "note" }, f.properties.note) : null,
        cites(f.properties.sources, ctx),
      ),
    );
}

function membershipItems(facts: MembershipFact[], ctx: PanelContext): HTMLElement[] {
  return [...facts]
    .sort(bySeq)
    .map((f) =>
      h(
        "li",
        { class: "fact", "data-type": "MEMBER_OF" },
        h(
          "div",
          { class: "fact-head" },
          nodeLink(f.node, ctx),
          h("span", { class: "tag" }, f.properties.role),
        ),
        span(f.properties.since, f.properties.until, ctx),
        cites(f.properties.sources, ctx),
      ),
    );
}

function deathSection(name: string, chains: DeathChain[], ctx: PanelContext): HTMLElement | null {
  if (chains.length === 0) return null;
  return h(
    "section",
    { class: "facts death-by-whom", "data-facts": "death-by-whom" },
    h("h3", {}, "Death by whom"),
    chains.map((chain) => {
      const last = chain.steps.at(-1);
      return h(
        "ol",
        { class: "chain" },
        chain.steps.map((step) =>
          h(
            "li",
            { class: "fact", "data-type": "KILLED" },
            h(
              "div",
              { class: "fact-head" },
              h("span", { class: "victim" }, step.victim),
              h("span", { class: "by" }, "killed by"),
              nodeLink({ id: step.killerId, name: step.killer }, ctx),
            ),
            eventAt(step.seq, ctx, step.event),
            h("p", { class: "how" }, step.how),
            cites(step.sources, ctx),
          ),
        ),
        last
          ? h(
              "li",
              { class: "chain-end" },
              chain.endsWith === "group"
                ? `${last.killer} is a group: the chain stops there.`
                : chain.endsWith === "suicide"
                  ? `${last.killer} killed themselves.`
                  : chain.endsWith === "cycle"
                    ? `${last.killer} is already in the chain: it comes back on itself.`
                    : `Nobody kills ${last.killer}.`,
            )
          : h("li", { class: "chain-end" }, `The sources name no killer of ${name}.`),
      );
    }),
  );
}

function highlightButtons(ctx: PanelContext, canDeath: boolean): HTMLElement {
  const button = (kind: HighlightKind, label: string, enabled: boolean) => {
    const b = h(
      "button",
      {
        type: "button",
        id: kind === "betrayal-chain" ? "highlight-betrayal-chain" : "highlight-death-path",
        class: `highlight-button ${kind}`,
        "aria-pressed": ctx.activeHighlight === kind ? "true" : "false",
        disabled: !enabled,
      },
      label,
    );
    b.addEventListener("click", () => ctx.onHighlight(kind));
    return b;
  };
  return h(
    "div",
    { class: "highlights" },
    h(
      "div",
      { class: "buttons" },
      h("span", { class: "label" }, "Highlight"),
      button("betrayal-chain", "Betrayal chain", true),
      button("death-path", "Death by whom", canDeath),
    ),
    ctx.highlightNote
      ? h(
          "div",
          { class: "highlight-note", id: "highlight-note" },
          h("p", {}, ctx.highlightNote.title),
          ctx.highlightNote.lines.length > 0
            ? h(
                "ul",
                {},
                ctx.highlightNote.lines.map((line) => h("li", {}, line)),
              )
            : null,
        )
      : null,
  );
}

function header(
  d: Dossier,
  ctx: PanelContext,
  badges: (HTMLElement | null)[],
  sub: string | null,
): HTMLElement {
  return h(
    "header",
    { class: "dossier-head" },
    h("span", { class: `avatar ${d.kind}`, style: `background:${ctx.colourOf(d.id)}` }),
    h(
      "div",
      {},
      h("h2", { id: "dossier-name", tabindex: "-1" }, d.name),
      sub ? h("p", { class: "aliases" }, sub) : null,
      h("div", { class: "badges" }, badges),
    ),
  );
}

function characterDossier(d: CharacterDossier, ctx: PanelContext): HTMLElement[] {
  // At an earlier story time, someone killed later is still alive: say so, and when.
  const death = ctx.killedAt.get(d.id);
  const aliveYet = ctx.seq !== null && death !== undefined && death > ctx.seq;
  const fate = aliveYet
    ? h(
        "span",
        { class: "badge fate fate-alive", title: `killed at event ${death}` },
        `alive after event ${ctx.seq} (killed at ${death})`,
      )
    : h("span", { class: `badge fate fate-${d.fate}` }, humanise(d.fate));
  return [
    header(
      d,
      ctx,
      [
        h("span", { class: "badge" }, humanise(d.role)),
        fate,
        d.unnamed ? h("span", { class: "badge muted" }, "unnamed") : null,
      ],
      d.aliases.length > 0 ? `a.k.a. ${d.aliases.join(", ")}` : null,
    ),
    d.occupation ? h("p", { class: "occupation" }, d.occupation) : null,
    h("p", { class: "description" }, d.description),
    d.note ? h("p", { class: "note" }, d.note) : null,
    h(
      "div",
      { class: "sources-line" },
      h("span", { class: "label" }, "Sources"),
      cites(d.sources, ctx),
    ),
    highlightButtons(
      ctx,
      d.deathByWhom.some((c) => c.steps.length > 0),
    ),
    deathSection(d.name, d.deathByWhom, ctx),
    section("Member of", "MEMBER_OF", membershipItems(d.memberOfConnection.edges, ctx)),
    section("Betrayed", "BETRAYED", actItems(d.betrayedConnection.edges, "BETRAYED", ctx)),
    section("Betrayed by", "BETRAYED_BY", actItems(d.betrayedByConnection.edges, "BETRAYED", ctx)),
    section("Killed", "KILLED", actItems(d.killedConnection.edges, "KILLED", ctx)),
    section("Killed by", "KILLED_BY", actItems(d.killedByConnection.edges, "KILLED", ctx)),
    section("Wounded", "WOUNDED", actItems(d.woundedConnection.edges, "WOUNDED", ctx)),
    section("Wounded by", "WOUNDED_BY", actItems(d.woundedByConnection.edges, "WOUNDED", ctx)),
    section("Loyal to", "LOYAL_TO", loyaltyItems(d.loyalToConnection.edges, ctx)),
    section("Loyalty of", "LOYALTY_OF", loyaltyItems(d.loyaltyOfConnection.edges, ctx)),
  ].filter((x): x is HTMLElement => x !== null);
}

function groupDossier(d: GroupDossier, ctx: PanelContext): HTMLElement[] {
  return [
    header(
      d,
      ctx,
      [
        h("span", { class: "badge" }, humanise(d.groupKind)),
        h("span", { class: "badge muted" }, "group"),
      ],
      null,
    ),
    h("p", { class: "description" }, d.description),
    h(
      "div",
      { class: "sources-line" },
      h("span", { class: "label" }, "Sources"),
      cites(d.sources, ctx),
    ),
    section("Members", "MEMBERS", membershipItems(d.membersConnection.edges, ctx)),
    section("Killed", "KILLED", actItems(d.killedConnection.edges, "KILLED", ctx)),
    section("Betrayed by", "BETRAYED_BY", actItems(d.betrayedByConnection.edges, "BETRAYED", ctx)),
  ].filter((x): x is HTMLElement => x !== null);
}

export function renderDossier(root: HTMLElement, dossier: Dossier, ctx: PanelContext): void {
  root.dataset.state = "dossier";
  root.dataset.node = dossier.id;
  const close = h(
    "button",
    { type: "button", class: "close", "aria-label": "Close the dossier", title: "Close" },
    "×",
  );
  close.addEventListener("click", () => ctx.onSelect(""));
  root.replaceChildren(
    close,
    h(
      "div",
      { class: "dossier-body" },
      dossier.kind === "character" ? characterDossier(dossier, ctx) : groupDossier(dossier, ctx),
    ),
  );
}

export function renderLoading(root: HTMLElement, id: string, name: string): void {
  root.dataset.state = "loading";
  root.dataset.node = id;
  root.replaceChildren(
    h(
      "div",
      { class: "dossier-body" },
      h("h2", { class: "loading" }, name),
      h("p", { class: "muted" }, "Opening the dossier…"),
    ),
  );
}

export function renderError(root: HTMLElement, message: string): void {
  root.dataset.state = "error";
  root.replaceChildren(
    h(
      "div",
      { class: "dossier-body" },
      h("h2", {}, "Something went wrong"),
      h("p", { class: "error" }, message),
    ),
  );
}

/** With nothing selected: the film(s) shown, and its betrayals in story order. */
export function renderOverview(
  root: HTMLElement,
  network: Network,
  seq: number | null,
  ctx: Omit<PanelContext, "onHighlight" | "activeHighlight" | "highlightNote">,
): void {
  root.dataset.state = "overview";
  delete root.dataset.node;
  const names = new Map(network.nodes.map((n) => [n.id, n.name]));
  const characters = network.nodes.filter((n) => n.kind === "character").length;
  const count = (type: NetworkEdge["type"]) => network.edges.filter((e) => e.type === type).length;
  const betrayals = network.edges
    .filter((e) => e.type === "BETRAYED")
    .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  const full = { ...ctx, onHighlight: () => undefined, activeHighlight: null, highlightNote: null };
  root.replaceChildren(
    h(
      "div",
      { class: "dossier-body" },
      h("h2", {}, network.films.map((f) => f.title).join(" & ")),
      h(
        "p",
        { class: "muted" },
        `${plural(characters, "character")}, ${plural(network.nodes.length - characters, "group")}; ` +
          `${plural(count("BETRAYED"), "betrayal")}, ${plural(count("KILLED"), "killing")}, ` +
          `${plural(count("WOUNDED"), "wounding")}, ${plural(count("LOYAL_TO"), "loyalty", "loyalties")}.`,
      ),
      h(
        "p",
        { class: "hint" },
        "Click a character or group for their dossier. Drag the story-time slider to see the network after any event.",
      ),
      section(
        "Betrayals in story order",
        "OVERVIEW_BETRAYED",
        betrayals.map((e) =>
          h(
            "li",
            {
              class: `fact${seq !== null && e.seq !== null && e.seq > seq ? " later" : ""}${
                seq !== null && e.seq === seq ? " now" : ""
              }`,
              "data-type": "BETRAYED",
              "data-seq": String(e.seq ?? ""),
            },
            h(
              "div",
              { class: "fact-head" },
              nodeLink({ id: e.source, name: names.get(e.source) ?? e.source }, full),
              edgeSample(e.coerced ? "COERCED" : "BETRAYED", 30),
              nodeLink({ id: e.target, name: names.get(e.target) ?? e.target }, full),
              e.coerced ? h("span", { class: "tag coerced" }, "coerced") : null,
            ),
            network.films.length === 1 ? eventAt(e.seq, full) : null,
            e.how ? h("p", { class: "how" }, e.how) : null,
            cites(e.sources, full),
          ),
        ),
      ),
    ),
  );
}
