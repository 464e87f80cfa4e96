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
// One pass over each kind of thing, never a subquery per event: the acts of the film's
// characters (Character(film) index) and groups (APPEARS_IN), and the participations, each
// sorted once and gathered per event; the events through the Event(film, seq) index; the
// rows of the three joined on the event id by one aggregation, inside a subquery so that
// its rows stream out as they are (not collected and unwound again). Names and ids are read
// from the nodes where they are used (a map of them by elementId cost more than it saved).
// Enclosing places (at most 5 LOCATED_IN hops up) are found once per place of the film, and
// disagreements once per film, before the rest. (Per-event maps are built with Cypher's own
// aggregation: an APOC map of the acts would copy every value into Java and back.)
:param film => 'heat';
:param from => null;
:param to => null;
CALL () {
  MATCH (d:Disagreement {film: $film})-[:ABOUT]->(e:Event)
  WITH e.id AS event, d ORDER BY event, d.id
  WITH event, collect({id: d.id, topic: d.topic}) AS disagreements
  RETURN apoc.map.fromLists(collect(event), collect(disagreements)) AS disagreementsByEvent
}
CALL () {
  MATCH (place:Place {film: $film})
  WITH place.id AS id, COLLECT {
      MATCH up = (place)-[:LOCATED_IN*1..5]->(outer:Place)
      RETURN outer.name ORDER BY length(up), outer.id
    } AS within
  RETURN apoc.map.fromLists(collect(id), collect(within)) AS withinByPlace
}
CALL () {
  CALL () {
    CALL () {
      MATCH (doer:Character {film: $film})
      RETURN doer
      UNION
      MATCH (:Film {id: $film})<-[:APPEARS_IN]-(doer:Group)
      RETURN doer
    }
    RETURN collect(doer) AS doers
  }
  CALL (doers) {
    MATCH (e:Event {film: $film})
    WHERE e.seq >= coalesce($from, 0) AND e.seq <= coalesce($to, 1000000)
    RETURN e.id AS event, e, [] AS acts, [] AS participants
    UNION ALL
    UNWIND doers AS doer
    MATCH (doer)-[r:KILLED|WOUNDED|BETRAYED|ARRESTED|SAVED|SPARED|THREATENED|SUSPECTED|ORDERED|RECRUITED|ABANDONED|COERCED|ACTED_ON]->(target) // act types
    // Not `from` or `to`: apoc.cypher.run declares the parameters as variables of those names.
    WITH r, properties(r) AS a, [doer.name, doer.id] AS doneBy, [target.name, target.id] AS doneTo
    WHERE a.seq >= coalesce($from, 0) AND a.seq <= coalesce($to, 1000000)
    WITH a.event AS event, type(r) AS type, a, doneBy, doneTo
    ORDER BY event, type, doneBy[0], doneTo[0], doneBy[1], doneTo[1], a.key
    RETURN event, null AS e, collect({type: type, act: a.act, byId: doneBy[1], by: doneBy[0], toId: doneTo[1], to: doneTo[0], how: a.how,
      coerced: a.coerced, sources: a.sources}) AS acts, [] AS participants
    UNION ALL
    MATCH (e:Event {film: $film})<-[p:PARTICIPATED_IN]-(taker)
    WHERE e.seq >= coalesce($from, 0) AND e.seq <= coalesce($to, 1000000)
    WITH e.id AS event, taker:Group AS isGroup, [taker.name, taker.id] AS w, p
    ORDER BY event, isGroup, w[0], w[1]
    RETURN event, null AS e, [] AS acts,
      collect({id: w[1], name: w[0], isGroup: isGroup, role: p.role, sources: p.sources}) AS participants
  }
  WITH event, collect(e) AS es, collect(acts) AS actLists, collect(participants) AS participantLists
  WITH es[0] AS e, reduce(x = [], l IN actLists | x + l) AS acts, reduce(x = [], l IN participantLists | x + l) AS participants
  WHERE e IS NOT NULL
  RETURN e, acts, participants
}
OPTIONAL MATCH (e)-[at:TOOK_PLACE_AT]->(place:Place)
RETURN
  e.seq AS seq,
  e.id AS id,
  e.name AS name,
  e.summary AS summary,
  e.sources AS sources,
  e.episode AS episode,
  e.toldSeq AS toldSeq,
  CASE WHEN place IS NULL THEN null
    ELSE {id: place.id, name: place.name, kind: place.kind, within: withinByPlace[place.id], sources: at.sources}
  END AS place,
  participants,
  acts,
  coalesce(disagreementsByEvent[e.id], []) AS disagreements
ORDER BY seq, id
