// A character by id (a unique-constraint index), e.g. for a page that links to it.
// Parameters:
//   $id  the character's id
// Returns: id, name, film and fate, or no row when no character has that id.
:param id => 'heat-waingro';
MATCH (c:Character {id: $id})
USING INDEX SEEK c:Character(id)
RETURN c.id AS id, c.name AS name, c.film AS film, c.fate AS fate
