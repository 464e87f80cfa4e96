// Timeline of a film: its events in story order, each with where it happened, who took part
// (characters and groups, with their part in it), what they did to each other there (acts
// such as KILLED or BETRAYED) and the topics on which the sources disagree about it.
// Parameters:
//   $film  the film's id (e.g. 'heat', 'city-on-fire')
//   $from  the first seq to show, or null for the start of the story
//   $to    the last seq to show, or null for the end
// Returns one row per event, in story order: seq, id, name, summary, sources,
//   place {id, name, kind, within: [enclosing places' names, nearest first], sources} or null,
//   participants [{id, name, isGroup, role, sources}],
//   acts [{type, byId, by, toId, to, how, coerced, sources}],
//   disagreements [{id, topic}]
// Starts from the Event(film, seq) index as a range seek; everything else is one or two hops
// from the event (enclosing places at most 5 LOCATED_IN hops up).
:param film => 'heat';
:param from => null;
:param to => null;
MATCH (e:Event {film: $film})
WHERE e.seq >= coalesce($from, 0) AND e.seq <= coalesce($to, 1000000)
OPTIONAL MATCH (e)-[at:TOOK_PLACE_AT]->(place:Place)
RETURN
  e.seq AS seq,
  e.id AS id,
  e.name AS name,
  e.summary AS summary,
  e.sources AS sources,
  CASE
    WHEN place IS NULL THEN null
    ELSE {
      id: place.id,
      name: place.name,
      kind: place.kind,
      within: COLLECT {
        MATCH up = (place)-[:LOCATED_IN*1..5]->(outer:Place)
        RETURN outer.name ORDER BY length(up)
      },
      sources: at.sources
    }
  END AS place,
  COLLECT {
    MATCH (who)-[p:PARTICIPATED_IN]->(e)
    RETURN {id: who.id, name: who.name, isGroup: who:Group, role: p.role, sources: p.sources}
    ORDER BY who:Group, who.name
  } AS participants,
  // An act belongs to this event when its `event` is this one; every act's doer or target
  // takes part in its event, so looking around the participants finds them all.
  COLLECT {
    MATCH (e)<-[:PARTICIPATED_IN]-()-[r:KILLED|WOUNDED|BETRAYED|ARRESTED|SAVED|SPARED|THREATENED|SUSPECTED|ORDERED|RECRUITED|ABANDONED|COERCED]-()
    WHERE r.event = e.id
    WITH DISTINCT r
    RETURN {
      type: type(r),
      byId: startNode(r).id,
      by: startNode(r).name,
      toId: endNode(r).id,
      to: endNode(r).name,
      how: r.how,
      coerced: r.coerced,
      sources: r.sources
    }
    ORDER BY type(r), startNode(r).name, endNode(r).name
  } AS acts,
  COLLECT {
    MATCH (e)<-[:ABOUT]-(d:Disagreement)
    RETURN {id: d.id, topic: d.topic} ORDER BY d.id
  } AS disagreements
ORDER BY seq
