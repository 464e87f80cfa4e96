// Find characters by name or alias, ignoring case and accents, through the character_search
// full-text index (cypher/schema.cypher): never a scan of every character.
// Parameters:
//   $key     the name, lower-case and without accents or quotes (see src/text/normalise.ts)
//   $film    a film id to search in, or null for every film
//   $search  the index query that finds every name or alias holding $key as a phrase
//   $fuzzy   the index query for names close to $key (see src/text/search-query.ts)
// Returns: id, name, film, fate and keys (the searchKeys) of each character known by that
// name; `exact` is false when only one word of a name matches (e.g. "mccauley" for "neil
// mccauley"). When none matches, up to 10 characters with a close name instead, with
// `close` true, most relevant first.
:param key => 'waingro';
:param film => null;
:param search => 'searchKeys:"waingro"';
:param fuzzy => 'searchKeys:(waingro~ OR waingro*)';
CALL db.index.fulltext.queryNodes('character_search', $search) YIELD node
WITH node AS c
WHERE ($film IS NULL OR c.film = $film)
  AND any(k IN c.searchKeys WHERE k = $key OR $key IN split(k, ' '))
WITH collect(c) AS found
CALL (found) {
  UNWIND found AS c
  RETURN c, $key IN c.searchKeys AS exact, false AS close, null AS score
  UNION ALL
  WITH found
  WHERE size(found) = 0
  CALL db.index.fulltext.queryNodes('character_search', $fuzzy, {limit: 50}) YIELD node, score
  WITH node AS c, score
  WHERE ($film IS NULL OR c.film = $film) AND c.name IS NOT NULL
  RETURN c, false AS exact, true AS close, score
  ORDER BY score DESC, c.id
  LIMIT 10
}
RETURN c.id AS id, c.name AS name, c.film AS film, c.fate AS fate, c.searchKeys AS keys, exact,
  close
ORDER BY close, exact DESC, score DESC, film, name, id
