// Find characters by name or alias, ignoring case and accents.
// Parameters:
//   $key   the name, lower-case and without accents or quotes (see src/text/normalise.ts)
//   $film  a film id to search in, or null for every film
// Returns: id, name, film, fate of each character known by that name; `exact` is false when
// only one word of the name matches (e.g. "mccauley" for "neil mccauley").
:param key => 'waingro';
:param film => null;
MATCH (c:Character)
WHERE ($film IS NULL OR c.film = $film)
  AND any(k IN c.searchKeys WHERE k = $key OR $key IN split(k, ' '))
RETURN c.id AS id, c.name AS name, c.film AS film, c.fate AS fate, $key IN c.searchKeys AS exact
ORDER BY exact DESC, c.film, c.name
