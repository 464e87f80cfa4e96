// The story-time bar: a slider over the film's events (the network as it stands after event
// N), a "whole story" switch, a play button (which steps from act to act, skipping events where
// nothing shown happens, at the speed chosen), and ticks where the acts shown happen.
import type { NetworkEdge, NetworkEdgeType, StoryEvent } from "./api.ts";
import { h, setChildren } from "./dom.ts";
import { EDGE_LOOK } from "./palette.ts";

export interface TimelineElements {
  slider: HTMLInputElement;
  label: HTMLElement;
  whole: HTMLButtonElement;
  play: HTMLButtonElement;
  /** One event back and forward. */
  prev: HTMLButtonElement;
  next: HTMLButtonElement;
  marks: HTMLElement;
  /** Milliseconds per step, as the speed control's value. */
  speed: HTMLSelectElement;
}

export class Timeline {
  private events: StoryEvent[] = [];
  private seq: number | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Events where an act of a shown type happens (or a loyalty forms). */
  private actSeqs: number[] = [];

  constructor(
    private readonly els: TimelineElements,
    private readonly onChange: (seq: number | null) => void,
  ) {
    els.slider.addEventListener("input", () => this.change(Number(els.slider.value)));
    els.whole.addEventListener("click", () => {
      this.stop();
      this.change(this.seq === null ? this.max : null);
    });
    els.play.addEventListener("click", () => (this.timer ? this.stop() : this.start()));
    els.prev.addEventListener("click", () => this.step(-1));
    els.next.addEventListener("click", () => this.step(1));
  }

  /** One event back or forward (from the whole story, back to the last event). */
  private step(dir: -1 | 1): void {
    if (this.events.length === 0) return;
    this.stop();
    const seqs = this.events.map((e) => e.seq);
    const at = this.seq ?? this.max + 1;
    const next = dir > 0 ? seqs.find((s) => s > at) : [...seqs].reverse().find((s) => s < at);
    if (next === undefined) return;
    this.change(next);
  }

  get value(): number | null {
    return this.seq;
  }

  /** The last event's seq (0 without events). */
  get last(): number {
    return this.max;
  }

  private get max(): number {
    return this.events.at(-1)?.seq ?? 0;
  }

  /** The events of the film shown; null when several films are shown (no common story time). */
  setEvents(events: StoryEvent[] | null, seq: number | null): void {
    this.stop();
    this.events = events ?? [];
    const enabled = events !== null && events.length > 0;
    this.els.slider.disabled = !enabled;
    this.els.whole.disabled = !enabled;
    this.els.play.disabled = !enabled;
    this.els.prev.disabled = !enabled;
    this.els.next.disabled = !enabled;
    this.els.slider.min = "0";
    this.els.slider.max = String(this.max);
    this.seq = enabled && seq !== null ? Math.min(Math.max(seq, 0), this.max) : null;
    this.render();
  }

  /** Ticks on the track where the acts (and loyalties) of the shown types happen. */
  setMarks(edges: NetworkEdge[], types: ReadonlySet<NetworkEdgeType>): void {
    const max = this.max;
    if (max === 0) {
      this.els.marks.replaceChildren();
      return;
    }
    const bySeq = new Map<number, NetworkEdge[]>();
    for (const e of edges) {
      const at = e.type === "LOYAL_TO" ? e.since : e.seq;
      if (at === null || !types.has(e.type)) continue;
      bySeq.set(at, [...(bySeq.get(at) ?? []), e]);
    }
    this.actSeqs = [...bySeq.keys()].sort((a, b) => a - b);
    const order: NetworkEdgeType[] = ["BETRAYED", "KILLED", "WOUNDED", "LOYAL_TO"];
    this.els.marks.replaceChildren(
      ...[...bySeq.entries()].map(([seq, list]) => {
        const main = order.find((t) => list.some((e) => e.type === t)) ?? "BETRAYED";
        return h("span", {
          class: `mark ${main}`,
          style: `left:${(seq / max) * 100}%;background:${EDGE_LOOK[main].colour}`,
          title: `${seq}: ${this.events.find((e) => e.seq === seq)?.name ?? ""} (${list.length})`,
        });
      }),
    );
  }

  private change(seq: number | null): void {
    this.seq = seq;
    this.render();
    this.onChange(seq);
  }

  /** The next event where something shown happens, after `seq`; undefined at the end. */
  private nextAct(seq: number): number | undefined {
    return this.actSeqs.find((s) => s > seq);
  }

  private start(): void {
    if (this.events.length === 0) return;
    if (this.seq === null || this.nextAct(this.seq) === undefined) this.change(0);
    this.els.play.textContent = "❚❚";
    this.els.play.setAttribute("aria-label", "Pause");
    const step = () => {
      const next = this.nextAct(this.seq ?? 0);
      if (next === undefined) {
        this.stop();
        return;
      }
      this.change(next);
      this.timer = setTimeout(step, Number(this.els.speed.value) || 1100);
    };
    this.timer = setTimeout(step, 250);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.els.play.textContent = "▶";
    this.els.play.setAttribute("aria-label", "Play the story");
  }

  private render(): void {
    const { slider, label, whole } = this.els;
    const whole_ = this.seq === null;
    slider.value = String(whole_ ? this.max : this.seq);
    slider.classList.toggle("whole", whole_);
    whole.setAttribute("aria-pressed", String(whole_));
    document.body.dataset.seq = whole_ ? "" : String(this.seq);
    if (this.events.length === 0) {
      setChildren(
        label,
        h("strong", {}, "Whole story"),
        h("span", {}, " · story time needs a single film"),
      );
      return;
    }
    if (whole_) {
      setChildren(
        label,
        h("strong", {}, "Whole story"),
        h("span", {}, ` · all ${this.events.length} events`),
      );
      return;
    }
    const event = this.events.find((e) => e.seq === this.seq);
    setChildren(
      label,
      h("strong", {}, this.seq === 0 ? "Before event 1" : `After event ${this.seq} of ${this.max}`),
      event ? h("span", { class: "event-name", id: "seq-event-name" }, ` · ${event.name}`) : null,
    );
    slider.setAttribute("aria-valuetext", event ? `${event.seq}: ${event.name}` : String(this.seq));
  }
}
