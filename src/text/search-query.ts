// The Lucene queries of the subject_search full-text index (cypher/schema.cypher), built
// from a normalised name key: a phrase that finds every name or alias holding the key (the
// Cypher then keeps the exact ones), and fuzzy and prefix terms for "did you mean".

/** Inside a Lucene phrase only `\` and `"` need escaping. */
const phrase = (text: string) => `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/**
 * Words of a key for fuzzy terms: letters and digits only, lower case (Lucene's AND, OR and
 * NOT are upper case), so no query syntax gets in.
 */
export function searchWords(key: string): string[] {
  return key
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

export interface CharacterSearch {
  /** Names and aliases that hold the key as a phrase. */
  search: string;
  /** Names and aliases close to the key's words (edit distance, or starting with them). */
  fuzzy: string;
}

/** For every film: find-subject.cypher adds the film, once it knows which. */
export function characterSearch(key: string): CharacterSearch {
  const words = searchWords(key);
  const terms = words.flatMap((w) => [`${w}~`, `${w}*`]).join(" OR ");
  return {
    search: `searchKeys:${phrase(key)}`,
    fuzzy: words.length > 0 ? `searchKeys:(${terms})` : `searchKeys:${phrase(key)}`,
  };
}
