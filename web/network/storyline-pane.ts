// The storyline view: the film's storyline chart (drawn by the server, the same picture as
// `heistgraph viz --storyline`) over the canvas, the slider's event marked on it, a click on a
// character's line opening their dossier.
import { fetchStoryline } from "./api.ts";
import { h } from "./dom.ts";

export class StorylinePane {
  private readonly charts = new Map<string, Promise<string>>();
  private film: string | null = null;
  private request = 0;

  constructor(
    private readonly root: HTMLElement,
    onSelect: (id: string) => void,
  ) {
    root.addEventListener("click", (event) => {
      const line = (event.target as Element).closest<SVGGElement>("g.character");
      const id = line?.dataset.id;
      if (id) onSelect(id);
    });
  }

  /**
   * Shows the film's chart (film undefined: the network view is shown instead; null: several
   * films, which have no common story time) with event `seq` marked.
   */
  show(film: string | null | undefined, seq: number | null): void {
    this.root.hidden = film === undefined;
    if (film === undefined) return;
    if (film === null) {
      this.film = null;
      this.root.replaceChildren(
        h("p", { class: "storyline-note" }, "Pick one film to see its storyline."),
      );
      return;
    }
    if (film !== this.film) {
      this.film = film;
      const request = ++this.request;
      let chart = this.charts.get(film);
      if (!chart) {
        chart = fetchStoryline(film);
        chart.catch(() => this.charts.delete(film));
        this.charts.set(film, chart);
      }
      this.root.replaceChildren(h("p", { class: "storyline-note" }, "Drawing the storyline…"));
      chart.then(
        (svg) => {
          if (request !== this.request) return;
          // Our own server's SVG, built from escaped text (src/viz/storyline.ts).
          this.root.innerHTML = svg.replace(/^<\?xml[^>]*>\s*/, "");
          this.mark(seq);
        },
        (error: unknown) => {
          if (request !== this.request) return;
          this.root.replaceChildren(
            h("p", { class: "storyline-note" }, `Could not draw the storyline: ${String(error)}`),
          );
        },
      );
      return;
    }
    this.mark(seq);
  }

  /** Marks the slider's event (and fades what comes after it). */
  private mark(seq: number | null): void {
    this.root.querySelectorAll<SVGGElement>("g.event").forEach((g) => {
      const at = Number(g.dataset.seq);
      g.classList.toggle("now", seq !== null && at === seq);
      g.classList.toggle("later", seq !== null && at > seq);
    });
  }
}
