// All kills by one character or group, in story order. Each victim of an act counts, as in
// body-count.cypher: one shooting that kills two guards is two rows, and a victim who is an
// unnamed character standing for several people counts as that many (`count`); a group
// killed as a whole counts once. The sum of `count` is the killer's body count.
// Parameters:
//   $killerId  the killer's id (find it by name with find-subject.cypher)
// Returns one row per victim: victim, victimId, victimIsGroup, count (the people it stands
//   for), event, seq, how, place, sources
:param killerId => 'neil-mccauley';
// Every id look-up says USING INDEX SEEK: while the index statistics still say "empty" (a young
// graph, or just after an import) a scan costs the planner as little as a seek, and a plain
// USING INDEX hint still lets it pick the scan, and cache that plan.
// The killer is a character or a group: one seek per label.
CALL () {
  MATCH (killer:Character {id: $killerId})
  USING INDEX SEEK killer:Character(id)
  RETURN killer
  UNION
  MATCH (killer:Group {id: $killerId})
  USING INDEX SEEK killer:Group(id)
  RETURN killer
}
MATCH (killer)-[r:KILLED]->(victim)
// A subquery per killing, so the event is sought by its id rather than all events joined.
CALL {
  WITH r
  OPTIONAL MATCH (e:Event {id: r.event})-[:TOOK_PLACE_AT]->(place:Place)
  USING INDEX SEEK e:Event(id)
  RETURN place
}
RETURN
  victim.name AS victim,
  victim.id AS victimId,
  victim:Group AS victimIsGroup,
  coalesce(victim.count, 1) AS count,
  r.event AS event,
  r.seq AS seq,
  r.how AS how,
  place.name AS place,
  r.sources AS sources
ORDER BY seq, victim, victimId, event
