// All kills by one character, in story order.
// Parameters:
//   $killerId  the killer's id (find it by name with find-character.cypher)
// Returns one row per victim: victim, victimId, victimIsGroup, event, seq, how, place, sources
:param killerId => 'neil-mccauley';
// The hints keep the id seeks even in a plan made while the graph was (nearly) empty, which
// Neo4j would otherwise cache as index scans.
MATCH (killer:Character {id: $killerId})-[r:KILLED]->(victim)
USING INDEX killer:Character(id)
// A subquery per killing, so the event is sought by its id rather than all events joined.
CALL {
  WITH r
  OPTIONAL MATCH (e:Event {id: r.event})-[:TOOK_PLACE_AT]->(place:Place)
  USING INDEX e:Event(id)
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
