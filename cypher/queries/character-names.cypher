// Every character's name and aliases, to suggest the closest ones for a name not found.
// Parameters:
//   $film  a film id, or null for every film
:param film => null;
MATCH (c:Character)
WHERE $film IS NULL OR c.film = $film
RETURN c.id AS id, c.name AS name, c.film AS film, c.searchKeys AS keys
ORDER BY c.film, c.name, c.id
