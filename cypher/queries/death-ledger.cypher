// A film's ledger of deaths in story order: who died, by whose hand, where and how.
// Deaths the sources give without a killer (fate 'killed' or 'died', no KILLED
// relationship) are listed too, with killer null; so are characters the sources leave
// 'killed-or-wounded', with certain = false.
// Parameters:
//   $film  the film's id
// Returns one row per killing: seq, victim, victimId, killer, killerId, killerIsGroup,
//   event, how, place, sources, certain
:param film => 'heat';
// Where each event of the film took place, read once from the events (an event has at most
// one place): a look-up of each killing's event by id cost more than the rest of the file.
// Kept out of the killings' subquery, so it is read once, not once per arm.
CALL () {
  MATCH (e:Event {film: $film})-[:TOOK_PLACE_AT]->(place:Place)
  USING INDEX e:Event(film)
  RETURN apoc.map.fromLists(collect(e.id), collect(place.name)) AS placeOf
}
CALL () {
  MATCH (victim:Character {film: $film})<-[r:KILLED]-(killer)
  WITH victim, killer, properties(r) AS k
  RETURN k.seq AS seq, victim, killer, k.event AS event, k.how AS how, k.sources AS sources,
    true AS certain
  // UNION ALL: the arms never give the same row (the second lists only victims with no
  // killing), and each killing is a row of its own; UNION would compare whole rows.
  UNION ALL
  MATCH (victim:Character {film: $film})
  WHERE victim.fate IN ['killed', 'died', 'killed-or-wounded']
    AND NOT EXISTS { (victim)<-[:KILLED]-() }
  RETURN null AS seq, victim, null AS killer, null AS event, null AS how,
    victim.sources AS sources, victim.fate <> 'killed-or-wounded' AS certain
}
WITH seq, victim.name AS victim, victim.id AS victimId, killer, event, how, placeOf[event] AS place, sources, certain
RETURN
  seq,
  victim,
  victimId,
  killer.name AS killer,
  killer.id AS killerId,
  killer:Group AS killerIsGroup,
  event,
  how,
  place,
  sources,
  certain
ORDER BY seq, victim, victimId, killerId, event
