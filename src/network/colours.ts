// Which colour each group and film gets, from the palettes of the visual grammar (grammar.ts).
// A group's colour comes from its id (a hash picks a slot of the palette; a group whose slot
// another group of its film already holds takes the next free one, in id order), so a group has
// one colour whether its film is drawn alone or with all films. Nothing here touches the
// database: the page bundles it as it is.
import { FILM_PALETTE, GROUP_PALETTE, NO_GROUP } from "./grammar.ts";

/** A character in no group. */
export const NO_GROUP_COLOUR = NO_GROUP.hex;

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
function assign(ids: { id: string }[], palette: readonly { hex: string }[]): Map<string, string> {
  const colours = new Map<string, string>();
  const taken = new Set<number>();
  for (const { id } of [...ids].sort(byId)) {
    if (taken.size === palette.length) taken.clear();
    let slot = hashId(id) % palette.length;
    while (taken.has(slot)) slot = (slot + 1) % palette.length;
    taken.add(slot);
    colours.set(id, palette[slot]?.hex ?? NO_GROUP_COLOUR);
  }
  return colours;
}

/** The colour of every group, by id: within a film no two groups share one while the palette lasts. */
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
