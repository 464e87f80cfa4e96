// Find characters by name or alias, ignoring case and accents.
// Parameters:
//   $key   the name, lower-case and without accents or quotes (see src/text/normalise.ts)
//   $film  a film id to search in, or null for every film
// Returns: id, name, film, fate of each character known by that name.
:param key => 'waingro';
:param film => null;
MATCH (c:Character)
WHERE $key IN c.searchKeys AND ($film IS NULL OR c.film = $film)
RETURN c.id AS id, c.name AS name, c.film AS film, c.fate AS fate
ORDER BY c.film, c.name
