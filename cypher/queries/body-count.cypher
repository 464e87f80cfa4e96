// Body count: how many people each character and group of a film killed, counting every
// victim of an act (one shooting that kills two guards counts two) and the people an unnamed
// character stands for (its `count`). A group killed as a whole counts once.
// Parameters:
//   $film  the film's id (find it by id or title with find-film.cypher)
// Returns one row per killer, most victims first, then by name and id:
//   id, name, isGroup, bodyCount (people killed), killings (the events they killed in),
//   victims [{id, name, isGroup, count, seq}] in story order
:param film => 'heat';
CALL () {
  MATCH (k:Character {film: $film})
  RETURN k
  UNION
  MATCH (k:Group {film: $film})
  RETURN k
}
MATCH (k)-[r:KILLED]->(victim)
WITH k, r, victim
ORDER BY r.seq, victim.name, victim.id
WITH k,
  collect({
    id: victim.id,
    name: victim.name,
    isGroup: victim:Group,
    count: coalesce(victim.count, 1),
    seq: r.seq
  }) AS victims,
  count(DISTINCT r.event) AS killings
RETURN
  k.id AS id,
  k.name AS name,
  k:Group AS isGroup,
  reduce(n = 0, v IN victims | n + v.count) AS bodyCount,
  killings,
  victims
ORDER BY bodyCount DESC, name, id
