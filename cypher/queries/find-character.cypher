// Find characters by name or alias, ignoring case and accents, through the character_search
// full-text index (cypher/schema.cypher): never a scan of every character.
// Parameters:
//   $key     the name, lower-case and without accents or quotes (see src/text/normalise.ts)
//   $film    a film id to search in, or null for every film
//   $search  the index query that finds every name or alias holding $key as a phrase
//   $fuzzy   the index query for names close to $key (see src/text/search-query.ts); the
//            query adds the film to both
// Returns: id, name, film, fate and keys (the searchKeys) of each character known by that
// name; `exact` is false when only one word of a name matches (e.g. "mccauley" for "neil
// mccauley"). When none matches, up to 10 characters with a close name instead, with
// `close` true, most relevant first.
:param key => 'waingro';
:param film => null;
:param search => 'searchKeys:"waingro"';
:param fuzzy => 'searchKeys:(waingro~ OR waingro*)';
WITH $film AS inFilm,
  // The film's id (kebab-case words: nothing to escape) narrows both index queries.
  CASE WHEN $film IS NULL THEN '' ELSE ' AND film:"' + $film + '"' END AS scope
CALL (inFilm, scope) {
  CALL db.index.fulltext.queryNodes('character_search', $search + scope) YIELD node
  WITH node AS c
  WHERE (inFilm IS NULL OR c.film = inFilm)
    AND any(k IN c.searchKeys WHERE k = $key OR $key IN split(k, ' '))
  RETURN collect(c) AS found
}
CALL (inFilm, scope, found) {
  UNWIND found AS c
  RETURN c, $key IN c.searchKeys AS exact, false AS close, null AS score
  UNION ALL
  WITH inFilm, scope, found
  WHERE size(found) = 0
  CALL db.index.fulltext.queryNodes('character_search', $fuzzy + scope, {limit: 50})
  YIELD node, score
  WITH node AS c, score
  WHERE (inFilm IS NULL OR c.film = inFilm) AND c.name IS NOT NULL
  RETURN c, false AS exact, true AS close, score
  ORDER BY score DESC, c.id
  LIMIT 10
}
RETURN c.id AS id, c.name AS name, c.film AS film, c.fate AS fate, c.searchKeys AS keys, exact,
  close
ORDER BY close, exact DESC, score DESC, film, name, id
