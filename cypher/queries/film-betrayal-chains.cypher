// Betrayal chains across a film: A betrayed B, then B betrayed C, and so on, from every
// character or group of the film that betrayed someone. The rules are those of
// betrayal-chains.cypher: betraying a group counts as betraying everyone who was a member
// of it at that moment (since <= seq <= until; a missing bound is open), except the
// traitor himself; with $timeRespecting each betrayal must come strictly later (a greater
// seq) than the one before; a betrayal is used at most once in a chain.
// Only maximal chains are returned: none is the beginning or the end of a longer chain
// within $maxDepth (so a chain that is part of a longer one is not listed on its own).
// Parameters:
//   $film            the film's id
//   $timeRespecting  true to follow only betrayals later in the story
//   $maxDepth        the most betrayals in a chain; the path bound {1,7} must be
//                    2 * $maxDepth - 1; the TS API inserts it as a checked integer
// Returns one row per chain, longest first, then in story order: steps and truncated, as
// in betrayal-chains.cypher.
// Starts from the film's id (a unique-constraint index), then its characters and groups.
:param film => 'heat';
:param timeRespecting => false;
:param maxDepth => 4;
MATCH (:Film {id: $film})<-[:APPEARS_IN]-(start:Character|Group)
WHERE EXISTS { (start)-[:BETRAYED]->() }
MATCH (start) ((x)-[r:BETRAYED|MEMBER_OF]-(y)
    WHERE (r:BETRAYED AND startNode(r) = x) OR (r:MEMBER_OF AND endNode(r) = x AND x:Group)){1,7} (end)
WITH start, end, r AS hops, [h IN r WHERE h:BETRAYED] AS betrayals
// A chain starts and ends with a betrayal; a member steps in only if he was in the
// betrayed group at its seq and is not the one who betrayed it.
WHERE hops[0]:BETRAYED AND last(hops):BETRAYED
  AND size(betrayals) <= $maxDepth
  AND all(i IN range(1, size(hops) - 1) WHERE hops[i]:BETRAYED OR (
    (hops[i].since IS NULL OR hops[i].since <= hops[i - 1].seq)
    AND (hops[i].until IS NULL OR hops[i - 1].seq <= hops[i].until)
    AND startNode(hops[i]) <> startNode(hops[i - 1])))
  AND (NOT $timeRespecting
    OR all(i IN range(1, size(betrayals) - 1) WHERE betrayals[i].seq > betrayals[i - 1].seq))
WITH start, end, hops, betrayals, betrayals[0] AS first, last(betrayals) AS final
// Could the chain go on, or have begun earlier, by the same rules? Then it is only part of
// a longer one.
WITH hops, betrayals, EXISTS {
    ()-[b:BETRAYED]->(start)
    WHERE NOT b IN hops AND (NOT $timeRespecting OR b.seq < first.seq)
  } OR EXISTS {
    (traitor)-[b:BETRAYED]->(:Group)<-[m:MEMBER_OF]-(start)
    WHERE traitor <> start
      AND (m.since IS NULL OR m.since <= b.seq)
      AND (m.until IS NULL OR b.seq <= m.until)
      AND NOT m IN hops AND NOT b IN hops
      AND (NOT $timeRespecting OR b.seq < first.seq)
  } AS comesAfter, EXISTS {
    (end)-[b:BETRAYED]->()
    WHERE NOT b IN hops AND (NOT $timeRespecting OR b.seq > final.seq)
  } OR EXISTS {
    (end:Group)<-[m:MEMBER_OF]-(member)-[b:BETRAYED]->()
    WHERE member <> startNode(final)
      AND (m.since IS NULL OR m.since <= final.seq)
      AND (m.until IS NULL OR final.seq <= m.until)
      AND NOT m IN hops AND NOT b IN hops
      AND (NOT $timeRespecting OR b.seq > final.seq)
  } AS goesOn
WHERE size(betrayals) = $maxDepth OR NOT (goesOn OR comesAfter)
RETURN DISTINCT
  [i IN range(0, size(hops) - 1) WHERE hops[i]:BETRAYED | {
    traitor: startNode(hops[i]).name,
    traitorId: startNode(hops[i]).id,
    traitorIsGroup: startNode(hops[i]):Group,
    viaGroup: CASE WHEN i > 0 AND hops[i - 1]:MEMBER_OF THEN endNode(hops[i - 1]).name END,
    viaGroupId: CASE WHEN i > 0 AND hops[i - 1]:MEMBER_OF THEN endNode(hops[i - 1]).id END,
    betrayed: endNode(hops[i]).name,
    betrayedId: endNode(hops[i]).id,
    betrayedIsGroup: endNode(hops[i]):Group,
    members: COLLECT {
      WITH hops[i] AS b, endNode(hops[i]) AS g
      MATCH (g:Group)<-[m:MEMBER_OF]-(member)
      WHERE member <> startNode(b)
        AND (m.since IS NULL OR m.since <= b.seq) AND (m.until IS NULL OR b.seq <= m.until)
      RETURN DISTINCT {id: member.id, name: member.name} AS member ORDER BY member.name
    },
    event: hops[i].event,
    seq: hops[i].seq,
    how: hops[i].how,
    coerced: coalesce(hops[i].coerced, false),
    coercedBy: COLLECT {
      MATCH (coercer:Character {id: hops[i].coercedBy}) RETURN coercer.name AS name
      UNION
      MATCH (coercer:Group {id: hops[i].coercedBy}) RETURN coercer.name AS name
    }[0],
    coercedById: hops[i].coercedBy,
    sources: hops[i].sources
  }] AS steps,
  size(betrayals) = $maxDepth AND goesOn AS truncated
ORDER BY size(steps) DESC, [s IN steps | s.seq], [s IN steps | s.traitorId], [s IN steps | s.betrayedId]
