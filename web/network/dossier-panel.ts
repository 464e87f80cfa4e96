// The side panel: an overview of the film's betrayals when nothing is selected, and the
// dossier of a character or group (the dossier and group-dossier questions, asked as of the
// story time) with every fact's citations.
import { ACT_TYPES } from "../../src/dataset/vocabulary.ts";
import type {
  CharacterDossier,
  DeathChain,
  Dossier,
  DossierAct,
  DossierLoyaltyFrom,
  GroupDossier,
  Network,
  NetworkEdge,
  SourceInfo,
  StoryEvent,
} from "./api.ts";
import { h } from "./dom.ts";
import { edgeSample } from "./legend.ts";
import { EDGE_LOOK } from "./palette.ts";

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

const sample = (type: string) =>
  type in EDGE_LOOK ? edgeSample(type as keyof typeof EDGE_LOOK, 30) : null;

/** One act: who (the other side), when, how, its sources. */
function actItems(facts: DossierAct[], ctx: PanelContext): HTMLElement[] {
  return facts.map((f) =>
    h(
      "li",
      { class: "fact", "data-type": f.type },
      h(
        "div",
        { class: "fact-head" },
        sample(f.type === "BETRAYED" && f.coerced ? "COERCED" : f.type),
        nodeLink({ id: f.otherId, name: f.other }, ctx),
        f.act ? h("span", { class: "tag" }, humanise(f.act)) : null,
        f.coerced ? h("span", { class: "tag coerced", title: f.coercedBy ?? "" }, "coerced") : null,
      ),
      eventAt(f.seq, ctx, f.eventId),
      h("p", { class: "how" }, f.how),
      f.note ? h("p", { class: "note" }, f.note) : null,
      cites(f.sources, ctx),
    ),
  );
}

/**
 * The acts done (or suffered) as one section per type, betrayals, killings and woundings
 * first: "Killed", or "Killed by" for those suffered (data-facts KILLED_BY).
 */
function actSections(acts: DossierAct[], suffered: boolean, ctx: PanelContext): HTMLElement[] {
  const order = ["BETRAYED", "KILLED", "WOUNDED", ...ACT_TYPES, "ACTED_ON"];
  const types = [...new Set(acts.map((a) => a.type))].sort(
    (a, b) => order.indexOf(a) - order.indexOf(b),
  );
  return types
    .map((type) => {
      const word = type === "ACTED_ON" ? "Acted on" : humanise(type.toLowerCase());
      const title = `${word.charAt(0).toUpperCase()}${word.slice(1)}${suffered ? " by" : ""}`;
      const items = actItems(
        acts.filter((a) => a.type === type),
        ctx,
      );
      return section(title, suffered ? `${type}_BY` : type, items);
    })
    .filter((x): x is HTMLElement => x !== null);
}

/** Who knows a hidden loyalty or a cover: "Known to A, B", or nothing for nobody. */
function knownTo(who: { id: string; name: string }[], ctx: PanelContext): HTMLElement | null {
  if (who.length === 0) return null;
  return h(
    "p",
    { class: "known-by" },
    "Known to ",
    who.flatMap((k, i) => [i > 0 ? ", " : "", nodeLink(k, ctx)]),
  );
}

interface Loyalty {
  id: string;
  name: string;
  kind: string;
  covert: boolean;
  since: number | null;
  until: number | null;
  note: string | null;
  sources: string[];
  knownBy?: { id: string; name: string }[];
}

function loyaltyItems(facts: Loyalty[], ctx: PanelContext): HTMLElement[] {
  return facts.map((f) =>
    h(
      "li",
      { class: "fact", "data-type": "LOYAL_TO", "data-covert": f.covert },
      h(
        "div",
        { class: "fact-head" },
        edgeSample(f.covert ? "COVERT" : "LOYAL_TO", 30),
        nodeLink(f, ctx),
        h("span", { class: "tag" }, humanise(f.kind)),
        f.covert ? h("span", { class: "tag covert" }, "covert") : null,
      ),
      span(f.since, f.until, ctx),
      knownTo(f.knownBy ?? [], ctx),
      f.note ? h("p", { class: "note" }, f.note) : null,
      cites(f.sources, ctx),
    ),
  );
}

const loyaltyFrom = (f: DossierLoyaltyFrom): Loyalty => ({ ...f, id: f.fromId, name: f.from });

interface Membership {
  id: string;
  name: string;
  role: string;
  since: number | null;
  until: number | null;
  sources: string[];
  /** Joined under cover, known to knownBy. */
  covert: boolean;
  note: string | null;
  knownBy: { id: string; name: string }[];
}

function membershipItems(facts: Membership[], ctx: PanelContext): HTMLElement[] {
  return facts.map((f) =>
    h(
      "li",
      { class: "fact", "data-type": "MEMBER_OF", "data-covert": f.covert },
      h(
        "div",
        { class: "fact-head" },
        nodeLink(f, ctx),
        h("span", { class: "tag" }, f.role),
        f.covert ? h("span", { class: "tag covert" }, "under cover") : null,
      ),
      span(f.since, f.until, ctx),
      f.covert ? knownTo(f.knownBy, ctx) : null,
      f.note ? h("p", { class: "note" }, f.note) : null,
      cites(f.sources, ctx),
    ),
  );
}

function tieItems(d: CharacterDossier, ctx: PanelContext): HTMLElement[] {
  return d.ties.map((t) =>
    h(
      "li",
      { class: "fact", "data-type": t.type },
      h(
        "div",
        { class: "fact-head" },
        h(
          "span",
          { class: "tag" },
          t.tie ?? `${humanise(t.type.toLowerCase())}${t.direction === "in" ? " (of them)" : ""}`,
        ),
        nodeLink({ id: t.otherId, name: t.other }, ctx),
        t.status ? h("span", { class: "tag" }, t.status) : null,
      ),
      t.since !== null || t.until !== null ? span(t.since, t.until, ctx) : null,
      t.note ? h("p", { class: "note" }, t.note) : null,
      cites(t.sources, ctx),
    ),
  );
}

/** The events they take part in, so far: what the story time has reached. */
function eventItems(events: CharacterDossier["events"], ctx: PanelContext): HTMLElement[] {
  return events.map((e) =>
    h(
      "li",
      { class: "fact", "data-type": "PARTICIPATED_IN", "data-seq": String(e.seq) },
      h("div", { class: "fact-head" }, eventAt(e.seq, ctx, e.eventId)),
      h("p", { class: "how" }, e.role),
      e.disputed.length > 0
        ? h("p", { class: "note" }, `The sources disagree: ${e.disputed.join("; ")}`)
        : null,
      cites(e.sources, ctx),
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
  const c = d.character;
  // At an earlier story time, someone killed later is still alive: say so, and when.
  const death = ctx.killedAt.get(c.id);
  const aliveYet = ctx.seq !== null && death !== undefined && death > ctx.seq;
  const fate = aliveYet
    ? h(
        "span",
        { class: "badge fate fate-alive", title: `killed at event ${death}` },
        `alive after event ${ctx.seq} (killed at ${death})`,
      )
    : h("span", { class: `badge fate fate-${c.fate}` }, humanise(c.fate));
  const deathByWhom = aliveYet ? [] : d.deathByWhom;
  return [
    header(
      d,
      ctx,
      [
        c.role ? h("span", { class: "badge" }, humanise(c.role)) : null,
        fate,
        c.unnamed ? h("span", { class: "badge muted" }, "unnamed") : null,
      ],
      c.aliases.length > 0 ? `a.k.a. ${c.aliases.join(", ")}` : null,
    ),
    c.occupation ? h("p", { class: "occupation" }, c.occupation) : null,
    h("p", { class: "description" }, c.description),
    c.note ? h("p", { class: "note" }, c.note) : null,
    h(
      "div",
      { class: "sources-line" },
      h("span", { class: "label" }, "Sources"),
      cites(c.sources, ctx),
    ),
    highlightButtons(
      ctx,
      d.deathByWhom.some((chain) => chain.steps.length > 0),
    ),
    deathSection(c.name, deathByWhom, ctx),
    section(
      "Member of",
      "MEMBER_OF",
      membershipItems(
        d.groups.map((m) => ({ ...m, id: m.groupId, name: m.group })),
        ctx,
      ),
    ),
    ...actSections(d.actsDone, false, ctx),
    ...actSections(d.actsSuffered, true, ctx),
    section(
      "Loyal to",
      "LOYAL_TO",
      loyaltyItems(
        d.loyalties.map((l) => ({ ...l, id: l.toId, name: l.to })),
        ctx,
      ),
    ),
    section("Loyalty of", "LOYALTY_OF", loyaltyItems(d.loyalFrom.map(loyaltyFrom), ctx)),
    section(
      "Knows the secret of",
      "KNOWS_SECRET_OF",
      d.secretsKnown.map((k) =>
        h(
          "li",
          { class: "fact", "data-type": "KNOWS_SECRET_OF" },
          h(
            "div",
            { class: "fact-head" },
            nodeLink({ id: k.ofId, name: k.of }, ctx),
            h("span", { class: "tag" }, `loyal to ${k.loyalTo ?? k.loyalToId}`),
          ),
          span(k.since, null, ctx),
          cites(k.sources, ctx),
        ),
      ),
    ),
    section("Ties", "TIES", tieItems(d, ctx)),
    section("Events", "EVENTS", eventItems(d.events, ctx)),
    section(
      "Where the sources disagree",
      "DISAGREEMENTS",
      d.disagreements.map((x) =>
        h(
          "li",
          { class: "fact" },
          h("p", {}, x.topic),
          h(
            "ul",
            {},
            x.accounts.map((account) => h("li", {}, account)),
          ),
          cites(x.sources, ctx),
        ),
      ),
    ),
  ].filter((x): x is HTMLElement => x !== null);
}

function groupDossier(d: GroupDossier, ctx: PanelContext): HTMLElement[] {
  const g = d.group;
  return [
    header(
      d,
      ctx,
      [
        h("span", { class: "badge" }, humanise(g.kind)),
        h("span", { class: "badge muted" }, "group"),
      ],
      null,
    ),
    h("p", { class: "description" }, g.description),
    h(
      "div",
      { class: "sources-line" },
      h("span", { class: "label" }, "Sources"),
      cites(g.sources, ctx),
    ),
    section(
      "Members",
      "MEMBERS",
      membershipItems(
        d.members.map((m) => ({ ...m, id: m.characterId, name: m.character })),
        ctx,
      ),
    ),
    ...actSections(d.actsDone, false, ctx),
    ...actSections(d.actsSuffered, true, ctx),
    section("Loyalty of", "LOYALTY_OF", loyaltyItems(d.loyalFrom.map(loyaltyFrom), ctx)),
    section("Events", "EVENTS", eventItems(d.events, ctx)),
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
  // Each film has its own story time: a list spanning films is one list per film, never one
  // order mixing their seqs.
  const filmOf = new Map(network.nodes.map((n) => [n.id, n.film]));
  const lists =
    network.films.length > 1
      ? network.films.map((f) => ({
          title: `Betrayals in ${f.title}, in story order`,
          type: `OVERVIEW_BETRAYED_${f.id}`,
          edges: betrayals.filter((e) => filmOf.get(e.source) === f.id),
        }))
      : [{ title: "Betrayals in story order", type: "OVERVIEW_BETRAYED", edges: betrayals }];
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
      ...lists.map(({ title, type, edges }) =>
        section(
          title,
          type,
          edges.map((e) =>
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
              eventAt(e.seq, full),
              e.how ? h("p", { class: "how" }, e.how) : null,
              cites(e.sources, full),
            ),
          ),
        ),
      ),
    ),
  );
}
