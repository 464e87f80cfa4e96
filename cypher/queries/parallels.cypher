// Parallels across films: characters of different films who hold the same narrative role
// (Character.role, one of the roles in src/dataset/vocabulary.ts), grouped by role.
// Only roles held in at least two films are returned; a role held in one film has no parallel.
// Parameters:
//   $role  one narrative role (e.g. 'lead-investigator'), or null for every role
// Returns one row per role, in alphabetical order:
//   role   the narrative role
//   films  [{film, title, characters [{id, name, unnamed, occupation, fate, sources}]}],
//          by film title, each film's characters by name
// Starts from the Character(role) index: a scan of its entries (the characters that have a
// role), filtered on $role when given; then one hop to each character's film.
:param role => 'lead-investigator';
MATCH (c:Character)
WHERE c.role IS NOT NULL AND ($role IS NULL OR c.role = $role)
MATCH (c)-[:APPEARS_IN]->(film:Film)
WITH c.role AS role, film, c
ORDER BY c.name, c.id
WITH role, film, collect({
  id: c.id,
  name: c.name,
  unnamed: coalesce(c.unnamed, false),
  occupation: c.occupation,
  fate: c.fate,
  sources: c.sources
}) AS characters
ORDER BY film.title, film.id
WITH role, collect({film: film.id, title: film.title, characters: characters}) AS films
WHERE size(films) > 1
RETURN role, films
ORDER BY role
