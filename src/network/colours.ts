// The colours every picture of the network uses: the page, the static images and the Neo4j
// Browser style. A group's colour comes from its id (a hash picks a slot of a colour-blind-safe
// palette; a group whose slot another group of its film already holds takes the next free one,
// in id order), so a group has one colour whether its film is drawn alone or with all films.
// Nothing here touches the database: the page bundles it as it is.

/** Paul Tol's "muted" scheme: nine colours told apart with every common colour blindness. */
export const GROUP_PALETTE = [
  "#CC6677",
  "#332288",
  "#DDCC77",
  "#117733",
  "#88CCEE",
  "#882255",
  "#44AA99",
  "#999933",
  "#AA4499",
] as const;

/** Films, coloured only when several are drawn together: Paul Tol's "bright" scheme, less red. */
export const FILM_PALETTE = ["#4477AA", "#66CCEE", "#228833", "#CCBB44", "#AA3377"] as const;

/** A character in no group. */
export const NO_GROUP_COLOUR = "#DDDDDD";

/** What the page marks a highlighted chain and the acts of the current event with: no group's. */
export const HIGHLIGHT_COLOUR = "#EE3377";

/**
 * The lines: betrayal and loyalty differ in colour (red and blue, apart for deuteranopes), in
 * weight and in their ends (a filled triangle; a hollow circle); killings are black with a
 * cross, woundings dashed.
 */
export const EDGE_COLOURS = {
  betrayal: "#CC3311",
  killing: "#222222",
  wounding: "#EE7733",
  loyalty: "#0077BB",
  covertLoyalty: "#0077BB",
} as const;

/** FNV-1a: a small string hash, the same in Node and in the browser. */
export function hashId(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Slots from hashes, probing past slots taken (in id order); wraps when there are more ids. */
function assign(ids: { id: string }[], palette: readonly string[]): Map<string, string> {
  const colours = new Map<string, string>();
  const taken = new Set<number>();
  for (const { id } of [...ids].sort(byId)) {
    if (taken.size === palette.length) taken.clear();
    let slot = hashId(id) % palette.length;
    while (taken.has(slot)) slot = (slot + 1) % palette.length;
    taken.add(slot);
    colours.set(id, palette[slot] ?? NO_GROUP_COLOUR);
  }
  return colours;
}

/** The colour of every group, by id: within a film no two groups share one (up to nine). */
export function groupColours(groups: { id: string; film: string }[]): Map<string, string> {
  const byFilm = new Map<string, { id: string }[]>();
  for (const g of groups) byFilm.set(g.film, [...(byFilm.get(g.film) ?? []), g]);
  const colours = new Map<string, string>();
  for (const members of byFilm.values())
    for (const [id, colour] of assign(members, GROUP_PALETTE)) colours.set(id, colour);
  return colours;
}

/** The colour of every film, by id, among the films given. */
export function filmColours(films: { id: string }[]): Map<string, string> {
  return assign(films, FILM_PALETTE);
}
