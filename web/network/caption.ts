// The caption card over the graph while the slider stands at an event: what happened (the
// event's name and summary), who did what to whom there (the acts of the types shown, with how),
// and the sources. The whole story needs no caption.
import type { NetworkEdge, NetworkEdgeType, StoryEvent } from "./api.ts";
import { h, setChildren } from "./dom.ts";
import { EDGE_LOOK, lookKeyOf } from "./palette.ts";

export interface CaptionInput {
  event: StoryEvent | undefined;
  /** The slider's event; null for the whole story (no caption). */
  seq: number | null;
  last: number;
  /** The acts of this event, of every type (the ones not shown are counted). */
  acts: NetworkEdge[];
  types: ReadonlySet<NetworkEdgeType>;
  nameOf(id: string): string;
}

const VERB: Record<NetworkEdgeType, string> = {
  BETRAYED: "betrays",
  KILLED: "kills",
  WOUNDED: "wounds",
  LOYAL_TO: "turns loyal to",
};

export function renderCaption(root: HTMLElement, input: CaptionInput): void {
  if (input.seq === null || input.seq === 0) {
    root.hidden = true;
    root.replaceChildren();
    return;
  }
  const shown = input.acts.filter((a) => input.types.has(a.type));
  const others = input.acts.length - shown.length;
  const event = input.event;
  root.hidden = false;
  root.dataset.seq = String(input.seq);
  setChildren(
    root,
    h(
      "div",
      { class: "caption-head" },
      h("span", { class: "caption-seq" }, `Event ${input.seq} of ${input.last}`),
      h("strong", {}, event?.name ?? ""),
    ),
    event?.summary ? h("p", { class: "caption-summary" }, event.summary) : null,
    shown.length > 0
      ? h(
          "ul",
          { class: "caption-acts" },
          shown.map((a) =>
            h(
              "li",
              { "data-type": a.type },
              h("span", {
                class: "dot",
                style: `background:${EDGE_LOOK[lookKeyOf(a)].colour}`,
              }),
              h("strong", {}, input.nameOf(a.source)),
              ` ${a.coerced ? "is forced to betray" : VERB[a.type]} `,
              h("strong", {}, input.nameOf(a.target)),
              a.how ? h("span", { class: "caption-how" }, ` — ${a.how}`) : null,
            ),
          ),
        )
      : h(
          "p",
          { class: "caption-none" },
          others > 0
            ? `${others} act${others === 1 ? "" : "s"} of a kind not shown (switch it on above).`
            : "No betrayal, killing, wounding or new loyalty here.",
        ),
    event?.sources?.length
      ? h("div", { class: "caption-cites" }, `Sources: ${event.sources.join(", ")}`)
      : null,
  );
}
