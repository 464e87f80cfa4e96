// Find characters and groups by id, name or alias, ignoring case and accents, through their
// id constraints and the subject_key and subject_search full-text indexes
// (cypher/schema.cypher): never a scan. An id, or a name or alias typed in full, is looked
// for first (id seeks and subject_key's whole keys); only when none is found are the names
// holding it as one word (subject_search's phrase query), then close names, looked for.
// What every surface (CLI, TS, GraphQL, the page) resolves a subject with.
// Parameters:
//   $name    what was typed, as typed (an id, or a name as written)
//   $key     the same, lower-case and without accents or quotes (see src/text/normalise.ts)
//   $film    a film id to search in, or null for every film
//   $search  the index query that finds every name or alias holding $key as a phrase (in
//            subject_key, whose terms are whole keys: the name or alias that is $key)
//   $fuzzy   the index query for names close to $key (see src/text/search-query.ts); the
//            query adds the film to both
// Returns: id, name, film, fate (null for a group), isGroup and keys (the searchKeys) of each
// character or group known by that id or name. `written` is true for the id or the name or
// alias exactly as typed (it wins over names that only normalise the same, e.g. "Kings
// Landing" and "King's Landing"); `exact` is false when only one word of a name matches (e.g.
// "mccauley" for "neil mccauley"). When none matches, up to 10 with a close name instead, with
// `close` true, most relevant first.
:param name => 'Waingro';
:param key => 'waingro';
:param film => null;
:param search => 'searchKeys:"waingro"';
:param fuzzy => 'searchKeys:(waingro~ OR waingro*)';
WITH $film AS inFilm,
  // The film's id (kebab-case words: nothing to escape) narrows subject_search's queries.
  CASE WHEN $film IS NULL THEN '' ELSE ' AND film:"' + $film + '"' END AS scope
CALL (inFilm) {
  CALL () {
    MATCH (s:Character {id: $name})
    USING INDEX SEEK s:Character(id)
    RETURN s
    UNION
    MATCH (s:Group {id: $name})
    USING INDEX SEEK s:Group(id)
    RETURN s
    UNION
    CALL db.index.fulltext.queryNodes('subject_key', $search) YIELD node
    RETURN node AS s
  }
  WITH s
  WHERE inFilm IS NULL OR s.film = inFilm
  RETURN collect(s) AS whole
}
// One word of a name ("mccauley" for "neil mccauley") only when nothing matched whole: a
// whole match would win over it anyway.
CALL (inFilm, scope, whole) {
  WITH inFilm, scope
  WHERE size(whole) = 0
  CALL db.index.fulltext.queryNodes('subject_search', $search + scope) YIELD node
  WITH node AS s
  WHERE (inFilm IS NULL OR s.film = inFilm) AND any(k IN s.searchKeys WHERE $key IN split(k, ' '))
  RETURN collect(s) AS byWord
}
WITH inFilm, scope, whole + byWord AS found
CALL (inFilm, scope, found) {
  UNWIND found AS s
  RETURN s, s.id = $name OR s.name = $name OR $name IN coalesce(s.aliases, []) AS written,
    s.id = $name OR $key IN s.searchKeys AS exact, false AS close, null AS score
  UNION ALL
  WITH inFilm, scope, found
  WHERE size(found) = 0
  CALL db.index.fulltext.queryNodes('subject_search', $fuzzy + scope, {limit: 50})
  YIELD node, score
  WITH node AS s, score
  WHERE (inFilm IS NULL OR s.film = inFilm) AND s.name IS NOT NULL
  RETURN s, false AS written, false AS exact, true AS close, score
  ORDER BY score DESC, s.id
  LIMIT 10
}
RETURN s.id AS id, s.name AS name, s.film AS film, s.fate AS fate, s:Group AS isGroup,
  s.searchKeys AS keys, written, exact, close
ORDER BY close, written DESC, exact DESC, score DESC, film, name, id
