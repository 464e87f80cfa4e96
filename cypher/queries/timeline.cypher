// Timeline of a film: its events in story order, each with where it happened, who took part
// (characters and groups, with their part in it), what they did to each other there (acts
// such as KILLED or BETRAYED) and the topics on which the sources disagree about it.
// Parameters:
//   $film  the film's id (e.g. 'heat', 'city-on-fire')
//   $from  the first seq to show, or null for the start of the story
//   $to    the last seq to show, or null for the end
// Returns one row per event, in story order: seq, id, name, summary, sources,
//   episode and toldSeq (the order of telling) when the story gives them, else null,
//   place {id, name, kind, within: [enclosing places' names, nearest first], sources} or null,
//   participants [{id, name, isGroup, role, sources}],
//   acts [{type, act, byId, by, toId, to, how, coerced, sources}] (act: the story's own word
//     for it when it has one, e.g. for ACTED_ON), whether or not the doer and target are
//     among the participants,
//   disagreements [{id, topic}]
// Reads the film's events through the Event(film, seq) index, its acts from their doers (the
// film's characters through the Character(film) index, its groups through APPEARS_IN), and
// joins the two on the event id; everything else is one or two hops from the event
// (enclosing places at most 5 LOCATED_IN hops up).
:param film => 'heat';
:param from => null;
:param to => null;
CALL (*) {
  MATCH (e:Event {film: $film})
  WHERE e.seq >= coalesce($from, 0) AND e.seq <= coalesce($to, 1000000)
  RETURN e.id AS eventId, null AS r
  UNION ALL
  CALL (*) {
    MATCH (doer:Character {film: $film})
    RETURN doer
    UNION
    MATCH (:Film {id: $film})<-[:APPEARS_IN]-(doer:Group)
    RETURN doer
  }
  MATCH (doer)-[r:KILLED|WOUNDED|BETRAYED|ARRESTED|SAVED|SPARED|THREATENED|SUSPECTED|ORDERED|RECRUITED|ABANDONED|COERCED|ACTED_ON]->()
  WHERE r.seq >= coalesce($from, 0) AND r.seq <= coalesce($to, 1000000)
  RETURN r.event AS eventId, r
}
WITH eventId, collect(r) AS found
MATCH (e:Event {id: eventId})
OPTIONAL MATCH (e)-[at:TOOK_PLACE_AT]->(place:Place)
RETURN
  e.seq AS seq,
  e.id AS id,
  e.name AS name,
  e.summary AS summary,
  e.sources AS sources,
  e.episode AS episode,
  e.toldSeq AS toldSeq,
  CASE
    WHEN place IS NULL THEN null
    ELSE {
      id: place.id,
      name: place.name,
      kind: place.kind,
      within: COLLECT {
        MATCH up = (place)-[:LOCATED_IN*1..5]->(outer:Place)
        RETURN outer.name ORDER BY length(up), outer.id
      },
      sources: at.sources
    }
  END AS place,
  COLLECT {
    MATCH (who)-[p:PARTICIPATED_IN]->(e)
    RETURN {id: who.id, name: who.name, isGroup: who:Group, role: p.role, sources: p.sources}
    ORDER BY who:Group, who.name, who.id
  } AS participants,
  COLLECT {
    UNWIND found AS r
    RETURN {
      type: type(r),
      act: r.act,
      byId: startNode(r).id,
      by: startNode(r).name,
      toId: endNode(r).id,
      to: endNode(r).name,
      how: r.how,
      coerced: r.coerced,
      sources: r.sources
    }
    ORDER BY type(r), startNode(r).name, endNode(r).name, startNode(r).id, endNode(r).id, r.key
  } AS acts,
  COLLECT {
    MATCH (e)<-[:ABOUT]-(d:Disagreement)
    RETURN {id: d.id, topic: d.topic} ORDER BY d.id
  } AS disagreements
ORDER BY seq, id
