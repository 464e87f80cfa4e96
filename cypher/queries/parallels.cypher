// Parallels across films: characters of different films who hold the same narrative role,
// grouped by role. The role compared is Character.parallelRole when the importer set one (a
// story's own role word mapped to the role it is like), else Character.role; characters with
// neither are not compared. Only roles held in at least two films are returned.
// Large casts stay readable: each film lists at most $perFilm characters of a role, those the
// story says most about first (most acts done or suffered), with `total` giving how many hold
// it, instead of every bystander of one film beside every bystander of another.
// Parameters:
//   $role     one role (e.g. 'lead-investigator'), or null for every role
//   $perFilm  how many characters to list per film and role
// Returns one row per role, in alphabetical order:
//   role   the role compared
//   films  [{film, title, total, characters [{id, name, unnamed, occupation, fate, acts,
//          sources}]}], by film title; each film's characters by acts (most first), name, id
// Starts from the Character(parallelRole) and Character(role) indexes (scans of their entries
// when $role is null, seeks otherwise); then one hop to each character's film.
:param role => 'lead-investigator';
:param perFilm => 10;
CALL (*) {
  MATCH (c:Character)
  WHERE c.parallelRole IS NOT NULL AND ($role IS NULL OR c.parallelRole = $role)
  RETURN c, c.parallelRole AS role
  UNION
  MATCH (c:Character)
  WHERE c.role IS NOT NULL AND ($role IS NULL OR c.role = $role) AND c.parallelRole IS NULL
  RETURN c, c.role AS role
}
MATCH (c)-[:APPEARS_IN]->(film:Film)
WITH role, film, c,
  COUNT { (c)-[:KILLED|WOUNDED|BETRAYED|ARRESTED|SAVED|SPARED|THREATENED|SUSPECTED|ORDERED|RECRUITED|ABANDONED|COERCED|ACTED_ON]-() } AS acts
ORDER BY acts DESC, c.name, c.id
WITH role, film, collect({
  id: c.id,
  name: c.name,
  unnamed: coalesce(c.unnamed, false),
  occupation: c.occupation,
  fate: c.fate,
  acts: acts,
  sources: c.sources
}) AS holders
ORDER BY film.title, film.id
WITH role, collect({
  film: film.id,
  title: film.title,
  total: size(holders),
  characters: holders[..$perFilm]
}) AS films
WHERE size(films) > 1
RETURN role, films
ORDER BY role
