// Find a character or group by name or alias, as the server's look-up does: names compared
// ignoring case, accents and quotes (src/text/normalise.ts, the same code), whole names first,
// then a word of the name, then any part of it.
import { normaliseName } from "../../src/text/normalise.ts";
import { h } from "./dom.ts";

export interface Findable {
  id: string;
  name: string;
  aliases: string[];
}

/** The best matches for what was typed, best first (then shorter names, by name, by id). */
export function findByName(items: Findable[], typed: string, limit = 8): Findable[] {
  const key = normaliseName(typed);
  if (key === "") return [];
  const rank = (item: Findable): number => {
    const keys = [item.name, ...item.aliases].map(normaliseName);
    if (keys.includes(key)) return 0;
    if (keys.some((k) => k.split(" ").some((word) => word.startsWith(key)))) return 1;
    if (keys.some((k) => k.includes(key))) return 2;
    return 3;
  };
  return items
    .map((item) => ({ item, rank: rank(item) }))
    .filter((m) => m.rank < 3)
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        // "Cheritto" finds Michael Cheritto before the girl he takes hostage.
        a.item.name.length - b.item.name.length ||
        a.item.name.localeCompare(b.item.name) ||
        (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0),
    )
    .slice(0, limit)
    .map((m) => m.item);
}

/** The search box: a combobox whose options open a dossier (Enter takes the first). */
export class SearchBox {
  private items: Findable[] = [];
  private matches: Findable[] = [];
  private active = -1;

  constructor(
    private readonly input: HTMLInputElement,
    private readonly list: HTMLElement,
    private readonly onChoose: (id: string) => void,
  ) {
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");
    list.setAttribute("role", "listbox");
    input.addEventListener("input", () => this.update());
    input.addEventListener("keydown", (event) => this.key(event));
    input.addEventListener("blur", () => setTimeout(() => this.close(), 150));
  }

  setItems(items: Findable[]): void {
    this.items = items;
    if (this.input.value) this.update();
  }

  private update(): void {
    this.matches = findByName(this.items, this.input.value);
    this.active = this.matches.length > 0 ? 0 : -1;
    this.draw();
  }

  private draw(): void {
    const typed = this.input.value.trim() !== "";
    this.list.hidden = !typed;
    this.input.setAttribute("aria-expanded", String(typed));
    this.list.replaceChildren(
      ...(this.matches.length === 0 && typed
        ? [h("li", { class: "search-none" }, "No one by that name in this film.")]
        : this.matches.map((m, i) => {
            const alias = m.aliases.find((a) => !m.name.includes(a));
            const option = h(
              "li",
              {
                id: `search-option-${i}`,
                role: "option",
                "aria-selected": String(i === this.active),
                "data-id": m.id,
              },
              m.name,
              alias ? h("span", { class: "search-alias" }, ` a.k.a. ${alias}`) : null,
            );
            option.addEventListener("mousedown", (event) => {
              event.preventDefault();
              this.choose(m.id);
            });
            return option;
          })),
    );
    if (this.active >= 0)
      this.input.setAttribute("aria-activedescendant", `search-option-${this.active}`);
    else this.input.removeAttribute("aria-activedescendant");
  }

  private key(event: KeyboardEvent): void {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (this.matches.length === 0) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      this.active = (this.active + step + this.matches.length) % this.matches.length;
      this.draw();
    } else if (event.key === "Enter") {
      const chosen = this.matches[Math.max(0, this.active)];
      if (chosen) this.choose(chosen.id);
    } else if (event.key === "Escape") {
      this.input.value = "";
      this.close();
    }
  }

  private choose(id: string): void {
    this.input.value = "";
    this.close();
    this.onChoose(id);
  }

  private close(): void {
    this.matches = [];
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  }
}
