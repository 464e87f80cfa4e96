// Parallels across films: characters of different films who hold the same narrative role,
// grouped by role. The role compared is Character.parallelRole, which the importer sets for
// every character with a role: the built-in role itself, or the built-in role a story's own
// role word is declared `like`. Characters without a role, or with a word of their story
// declared like no built-in role, are not compared. Only roles held in at least two films are
// returned.
// The answer stays the size asked for, however many films there are: each role lists at most
// $limit films (those with the smallest ids), with `truncated` saying whether more hold it;
// each film lists at most $perFilm characters of the role, those the story says most about
// first (most acts done or suffered), with `total` giving how many hold it.
// Parameters:
//   $role     one built-in role (e.g. 'lead-investigator'), or null for every built-in role
//   $perFilm  how many characters to list per film and role
//   $limit    how many films to list per role
// Returns one row per role, in alphabetical order:
//   role       the role compared
//   films      [{film, title, total, characters [{id, name, unnamed, occupation, fate, acts,
//              sources}]}], by film id; each film's characters by acts (most first), name, id
//   truncated  true when more than $limit films hold the role
// Reads only through indexes, and only what it returns: the Character(parallelRole, film)
// index gives each role's films in id order, so the first $limit + 1 are read and no more;
// then each listed film's holders of the role are one seek of the same index (all of that
// film's holders are read, to count and rank them; a top-k keeps the $perFilm first).
// The list of roles for a null $role is NARRATIVE_ROLES of src/dataset/vocabulary.ts (a test
// checks that they agree).
:param role => 'lead-investigator';
:param perFilm => 10;
:param limit => 10;
// The role held (not `role`: apoc.cypher.run declares the parameters as variables).
UNWIND CASE
  WHEN $role IS NULL
    THEN ['crew-leader', 'crew-member', 'recruit', 'getaway-driver', 'lead-investigator',
      'investigator', 'police-officer', 'police-superior', 'undercover-officer', 'traitor',
      'informant', 'fence', 'financier', 'middleman', 'hired-killer', 'love-interest', 'spouse',
      'family-member', 'victim', 'bystander']
  ELSE [$role]
END AS held
// The role's films in id order, straight from the index: one more than $limit, to tell
// whether there are more (toInteger: GraphQL passes numbers as floats).
CALL (held) {
  MATCH (c:Character)
  USING INDEX SEEK c:Character(parallelRole, film)
  WHERE c.parallelRole = held AND c.film IS NOT NULL
  // Ordered by both of the index's properties (the first fixed), so the planner reads them
  // in index order and stops at the limit, instead of sorting every holder of the role.
  WITH DISTINCT c.parallelRole AS indexed, c.film AS filmId
  ORDER BY indexed, filmId
  LIMIT toInteger($limit) + 1
  RETURN collect(filmId) AS filmIds
}
WITH held, filmIds
WHERE size(filmIds) > 1
CALL (held, filmIds) {
  UNWIND filmIds[..toInteger($limit)] AS filmId
  MATCH (film:Film {id: filmId})
  USING INDEX SEEK film:Film(id)
  CALL (held, film) {
    MATCH (c:Character)
    USING INDEX SEEK c:Character(parallelRole, film)
    WHERE c.parallelRole = held AND c.film = film.id
    RETURN count(c) AS total
  }
  // The $perFilm holders with most acts: a top-k, not a sort of every holder.
  CALL (held, film) {
    MATCH (c:Character)
    USING INDEX SEEK c:Character(parallelRole, film)
    WHERE c.parallelRole = held AND c.film = film.id
    WITH c,
      COUNT { (c)-[:KILLED|WOUNDED|BETRAYED|ARRESTED|SAVED|SPARED|THREATENED|SUSPECTED|ORDERED|RECRUITED|ABANDONED|COERCED|ACTED_ON]-() } AS acts // act types
    ORDER BY acts DESC, c.name, c.id
    LIMIT toInteger($perFilm)
    RETURN collect({
      id: c.id,
      name: c.name,
      unnamed: coalesce(c.unnamed, false),
      occupation: c.occupation,
      fate: c.fate,
      acts: acts,
      sources: c.sources
    }) AS characters
  }
  WITH film, total, characters
  ORDER BY film.id
  RETURN collect({film: film.id, title: film.title, total: total, characters: characters}) AS films
}
RETURN held AS role, films, size(filmIds) > $limit AS truncated
ORDER BY role
