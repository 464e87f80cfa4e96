// All kills by one character, in story order.
// Parameters:
//   $killerId  the killer's id (find it by name with find-subject.cypher)
// Returns one row per victim: victim, victimId, victimIsGroup, event, seq, how, place, sources
:param killerId => 'neil-mccauley';
// Every id look-up says USING INDEX SEEK: while the index statistics still say "empty" (a young
// graph, or just after an import) a scan costs the planner as little as a seek, and a plain
// USING INDEX hint still lets it pick the scan, and cache that plan.
MATCH (killer:Character {id: $killerId})-[r:KILLED]->(victim)
USING INDEX SEEK killer:Character(id)
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
  r.event AS event,
  r.seq AS seq,
  r.how AS how,
  place.name AS place,
  r.sources AS sources
ORDER BY seq, victim, victimId, event
