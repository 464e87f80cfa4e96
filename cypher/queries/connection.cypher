// Connection: the shortest ways from one character to another through the story's
// relationships, with the relationship types (and their direction) on the way.
// Followed, in either direction: every act (KILLED, BETRAYED..., and ACTED_ON: a story's own
// act words), every tie (MARRIED_TO, PARENT_OF..., and TIED_TO: its own tie words), LOYAL_TO,
// KNOWS_SECRET_OF and MEMBER_OF, so a path may pass through a group ("the police"); the list
// on the pattern's line is written from src/dataset/vocabulary.ts. Not followed: APPEARS_IN,
// IN_FILM, SUMMARISES (the film and source hubs link everyone), NEXT, TOOK_PLACE_AT,
// LOCATED_IN, ABOUT, and PARTICIPATED_IN (having been at the same event is no relationship;
// see timeline.cypher for who was where).
// Parameters:
//   $fromId, $toId  the two characters' ids (find them with find-subject.cypher)
//   $maxLength      the longest route wanted, 1 to 10 (the pattern's bound: Cypher takes no
//                   parameter there, so the shortest routes are found within 10 hops and kept
//                   when no longer than $maxLength)
//   $at             a moment of the story (an event's seq): only relationships begun by then
//                   (acts up to it; ties, loyalties, memberships and secrets since then or
//                   earlier); null for the whole story
// Returns one row per route (the sequence of nodes; all of one, shortest, length):
//   nodes  [{id, name, isGroup, role}], from the first character to the second
//   steps  [{fromId, toId, relationships [{type, direction, seq, since, until, covert,
//          detail, sources}]}], one per hop: every followed relationship between the two
//          nodes, in story order, with direction 'forward' (from the step's first node to its
//          second) or 'backward'; detail is the act's how, the loyalty's kind, the membership's
//          role, the tie's status, or for KNOWS_SECRET_OF the id the hidden loyalty is to
//   strength  how many relationships the route has in all (routes come strongest first)
// Starts from both ids (a unique-constraint index) and searches between them only.
:param fromId => 'fu';
:param toId => 'inspector-lau';
:param maxLength => 6;
:param at => null;
MATCH (start:Character {id: $fromId})
USING INDEX SEEK start:Character(id)
MATCH (end:Character {id: $toId})
USING INDEX SEEK end:Character(id)
MATCH path = allShortestPaths((start)-[:KILLED|WOUNDED|BETRAYED|ARRESTED|SAVED|SPARED|THREATENED|SUSPECTED|ORDERED|RECRUITED|ABANDONED|COERCED|ACTED_ON|MARRIED_TO|ROMANCE_WITH|PARENT_OF|STEP_PARENT_OF|SIBLING_OF|INFORMANT_FOR|EMPLOYED_BY|SUPERIOR_OF|FENCE_FOR|FORMER_CELLMATE_OF|FRIEND_OF|RIVAL_OF|TIED_TO|MEMBER_OF|LOYAL_TO|KNOWS_SECRET_OF*1..10]-(end)) // followed types
// One all() over the path's relationships, which the shortest-path search applies at each
// step (a disjunction such as `$at IS NULL OR ...` would make it search exhaustively).
  WHERE all(r IN relationships(path) WHERE coalesce(r.seq, r.since, 0) <= coalesce($at, 2147483647))
// After a WITH, not in the pattern's WHERE: a length predicate there would turn the
// breadth-first search into an exhaustive one.
WITH path
WHERE length(path) <= $maxLength
// Paths through the same nodes differ only in which of the parallel relationships they take
// at each hop: fold them into one route that lists them all.
WITH nodes(path) AS route, relationships(path) AS hops
UNWIND range(0, size(hops) - 1) AS i
WITH DISTINCT route, i, hops[i] AS r
ORDER BY i, coalesce(r.seq, r.since, 0), type(r), startNode(r).id, r.key
WITH route, i, collect(r) AS between
WITH route, i, between, route[i] AS a, route[i + 1] AS b
ORDER BY i
WITH route, collect({
  fromId: a.id,
  toId: b.id,
  relationships: [r IN between | {
    type: type(r),
    direction: CASE WHEN startNode(r) = a THEN 'forward' ELSE 'backward' END,
    seq: r.seq,
    since: r.since,
    until: r.until,
    covert: r.covert,
    detail: coalesce(r.how, r.act, r.tie, r.kind, r.role, r.status, 'hidden loyalty to ' + r.loyalTo,
      'under cover in ' + r.memberOf),
    sources: r.sources
  }]
}) AS steps
RETURN
  [n IN route | {id: n.id, name: n.name, isGroup: n:Group, role: n.role}] AS nodes,
  steps,
  reduce(total = 0, s IN steps | total + size(s.relationships)) AS strength
ORDER BY strength DESC, [n IN nodes | n.name], [n IN nodes | n.id]
