// Find a film by its id or its title, ignoring case and accents: the film parameter every
// film question takes, as a user types it. Three forms are accepted: the id ("heat"), the
// title ("HEAT", "Léon"), and the title with hyphens for spaces ("the killer" for the id
// "the-killer"). Two index seeks (the film_id constraint, the film_title_key index), never a
// scan of every film.
// Parameters:
//   $film     what was typed, or null
//   $filmKey  the same, lower-case, without accents, quotes or extra spaces (src/text/normalise.ts)
// Returns: id and title of the film, at most one row (by title, then id, if several match).
:param film => 'Heat';
:param filmKey => 'heat';
CALL () {
  MATCH (f:Film)
  USING INDEX SEEK f:Film(id)
  WHERE f.id IN [$film, replace($filmKey, ' ', '-')]
  RETURN f
  UNION
  MATCH (f:Film)
  USING INDEX SEEK f:Film(titleKey)
  WHERE f.titleKey = $filmKey
  RETURN f
}
// A film deleted while it is read may come back without a title.
WITH f
WHERE f.title IS NOT NULL
RETURN f.id AS id, f.title AS title
ORDER BY title, id
LIMIT 1
