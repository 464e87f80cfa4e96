// The people and groups of the betrayal network: every character and group of some films,
// with what the picture needs to colour and label them. Seeks the films' characters and
// groups through the Character(film) and Group(film) indexes.
// Parameters:
//   $films  the films' ids (every film's for the whole network)
// Returns one row per node: id, kind ('character' or 'group'), name, film, role, fate,
//   unnamed, groups (ids of the groups a character belongs to), memberships ({group, since,
//   until} by group id, then since), sources
:param films => ['heat'];
CALL (*) {
  MATCH (c:Character)
  WHERE c.film IN $films
  WITH c, COLLECT { MATCH (c)-[:MEMBER_OF]->(g:Group) RETURN DISTINCT g.id ORDER BY g.id } AS groups,
    COLLECT {
      MATCH (c)-[m:MEMBER_OF]->(g:Group)
      RETURN {group: g.id, since: m.since, until: m.until} AS m
      ORDER BY g.id, m.since, m.until
    } AS memberships
  RETURN c.id AS id, 'character' AS kind, c.name AS name, c.film AS film, c.role AS role,
    c.fate AS fate, c.unnamed AS unnamed, groups, memberships, c.sources AS sources
  UNION
  MATCH (g:Group)
  WHERE g.film IN $films
  RETURN g.id AS id, 'group' AS kind, g.name AS name, g.film AS film, g.kind AS role,
    null AS fate, false AS unnamed, [] AS groups, [] AS memberships, g.sources AS sources
}
RETURN id, kind, name, film, role, fate, unnamed, groups, memberships, sources
ORDER BY film, kind, name, id
