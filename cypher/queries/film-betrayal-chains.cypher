// Betrayal chains across a film: A betrayed B, then B betrayed C, and so on, from every
// character or group of the film that betrayed someone. The rules are those of
// betrayal-chains.cypher:
// Betraying a group counts as betraying everyone who was a member of it at that moment
// (since <= seq <= until; a missing bound is open), except the traitor himself: the chain
// may go on from any of them, and the step that does says through which group.
// With $timeRespecting each betrayal must come strictly later in the story (a greater
// seq) than the one before; acts of the same event are not ordered, so they do not chain.
// A betrayal is used at most once in a chain (characters may come back), so no chain
// loops forever.
// Only maximal chains are returned: none is the beginning or the end of a longer chain
// within $maxDepth (so a chain that is part of a longer one is not listed on its own).
// Parameters:
//   $film            the film's id
//   $timeRespecting  true to follow only betrayals later in the story
//   $maxDepth        the most betrayals in a chain, 1 to 8 (one hop per betrayal)
//   $limit           the most chains returned
//   $involving       a character's or group's id: only the chains it takes part in (as
//                    traitor, as betrayed, or as a member of a betrayed group at that
//                    moment, not the traitor), counted before $limit; null for every chain
// Returns one row:
//   chains     the $limit most relevant chains, longest first, then in story order of
//              their steps, then by ids; each {steps, truncated}:
//     steps      [{traitor, traitorId, traitorIsGroup, viaGroup, viaGroupId, betrayed,
//                  betrayedId, betrayedIsGroup, members, event, seq, how, coerced,
//                  coercedBy, coercedById, sources}]; viaGroup: the group the step before
//                  betrayed, of which this traitor was a member then (null if betrayed
//                  directly); members: who a betrayed group's betrayal reaches
//     truncated  true when the chain goes on beyond $maxDepth
//   truncated  true when there were more than $limit chains (involving $involving, if given)
// Starts from the film's id (a unique-constraint index), then its characters and groups.
:param film => 'heat';
:param timeRespecting => false;
:param maxDepth => 4;
:param limit => 25;
:param involving => null;
MATCH (:Film {id: $film})<-[:APPEARS_IN]-(:Character|Group)-[b:BETRAYED]->()
WITH collect(b) AS betrayals
// Which betrayal may follow which, by the rules above: succ[i] lists the positions in
// `betrayals` of those that may come after betrayals[i]. Worked out once per betrayal, not
// once per chain. involves[i]: whether betrayals[i] involves $involving.
CALL (betrayals) {
  UNWIND range(0, size(betrayals) - 1) AS i
  WITH betrayals, i, betrayals[i] AS prev, endNode(betrayals[i]) AS reached
  WITH betrayals, i, prev, reached, COLLECT {
      MATCH (reached)-[b:BETRAYED]->()
      WHERE NOT $timeRespecting OR b.seq > prev.seq
      RETURN b
      UNION
      MATCH (reached:Group)<-[m:MEMBER_OF]-(member)-[b:BETRAYED]->()
      WHERE member <> startNode(prev)
        AND (m.since IS NULL OR m.since <= prev.seq) AND (m.until IS NULL OR prev.seq <= m.until)
        AND (NOT $timeRespecting OR b.seq > prev.seq)
      RETURN b
    } AS following
  WITH i, [j IN range(0, size(betrayals) - 1) WHERE betrayals[j] IN following] AS next,
    $involving IS NOT NULL AND (startNode(prev).id = $involving OR reached.id = $involving
      OR EXISTS {
        MATCH (reached:Group)<-[m:MEMBER_OF]-(member)
        WHERE member.id = $involving AND member <> startNode(prev)
          AND (m.since IS NULL OR m.since <= prev.seq) AND (m.until IS NULL OR prev.seq <= m.until)
      }) AS involves
  ORDER BY i
  RETURN collect(next) AS succ, collect(involves) AS involves
}
// What the chains are sorted by, read once per betrayal: seq, traitor, betrayed, key; and
// whether the betrayal involves $involving.
WITH betrayals, succ, [i IN range(0, size(betrayals) - 1) | [betrayals[i].seq,
    startNode(betrayals[i]).id, endNode(betrayals[i]).id, betrayals[i].key, involves[i]]] AS ranks
// And the other way: preds[j] lists the betrayals that betrayals[j] may follow.
WITH betrayals, ranks, succ, [j IN range(0, size(betrayals) - 1) |
    [i IN range(0, size(betrayals) - 1) WHERE j IN succ[i]]] AS preds
UNWIND range(0, size(betrayals) - 1) AS first
WITH betrayals, ranks, succ, preds, [first] AS chain, true AS grown
// The chains grow hop by hop (the same three lines seven times: Cypher has no loop that
// carries rows). A chain that grew in the hop before and is shorter than $maxDepth takes, one
// row each, every betrayal that may follow its last one and is not in it yet; a chain with
// none stays as it is (it has ended). Only chains that keep the rules are ever built.
// Hop 2
WITH betrayals, ranks, succ, preds, chain, CASE WHEN grown AND size(chain) < $maxDepth
    THEN [n IN succ[last(chain)] WHERE NOT n IN chain] ELSE [] END AS nexts
UNWIND CASE WHEN nexts = [] THEN [-1] ELSE nexts END AS next
WITH betrayals, ranks, succ, preds, CASE WHEN next < 0 THEN chain ELSE chain + next END AS chain, next >= 0 AS grown
// Hop 3
WITH betrayals, ranks, succ, preds, chain, CASE WHEN grown AND size(chain) < $maxDepth
    THEN [n IN succ[last(chain)] WHERE NOT n IN chain] ELSE [] END AS nexts
UNWIND CASE WHEN nexts = [] THEN [-1] ELSE nexts END AS next
WITH betrayals, ranks, succ, preds, CASE WHEN next < 0 THEN chain ELSE chain + next END AS chain, next >= 0 AS grown
// Hop 4
WITH betrayals, ranks, succ, preds, chain, CASE WHEN grown AND size(chain) < $maxDepth
    THEN [n IN succ[last(chain)] WHERE NOT n IN chain] ELSE [] END AS nexts
UNWIND CASE WHEN nexts = [] THEN [-1] ELSE nexts END AS next
WITH betrayals, ranks, succ, preds, CASE WHEN next < 0 THEN chain ELSE chain + next END AS chain, next >= 0 AS grown
// Hop 5
WITH betrayals, ranks, succ, preds, chain, CASE WHEN grown AND size(chain) < $maxDepth
    THEN [n IN succ[last(chain)] WHERE NOT n IN chain] ELSE [] END AS nexts
UNWIND CASE WHEN nexts = [] THEN [-1] ELSE nexts END AS next
WITH betrayals, ranks, succ, preds, CASE WHEN next < 0 THEN chain ELSE chain + next END AS chain, next >= 0 AS grown
// Hop 6
WITH betrayals, ranks, succ, preds, chain, CASE WHEN grown AND size(chain) < $maxDepth
    THEN [n IN succ[last(chain)] WHERE NOT n IN chain] ELSE [] END AS nexts
UNWIND CASE WHEN nexts = [] THEN [-1] ELSE nexts END AS next
WITH betrayals, ranks, succ, preds, CASE WHEN next < 0 THEN chain ELSE chain + next END AS chain, next >= 0 AS grown
// Hop 7
WITH betrayals, ranks, succ, preds, chain, CASE WHEN grown AND size(chain) < $maxDepth
    THEN [n IN succ[last(chain)] WHERE NOT n IN chain] ELSE [] END AS nexts
UNWIND CASE WHEN nexts = [] THEN [-1] ELSE nexts END AS next
WITH betrayals, ranks, succ, preds, CASE WHEN next < 0 THEN chain ELSE chain + next END AS chain, next >= 0 AS grown
// Hop 8
WITH betrayals, ranks, succ, preds, chain, CASE WHEN grown AND size(chain) < $maxDepth
    THEN [n IN succ[last(chain)] WHERE NOT n IN chain] ELSE [] END AS nexts
UNWIND CASE WHEN nexts = [] THEN [-1] ELSE nexts END AS next
WITH betrayals, ranks, succ, preds, CASE WHEN next < 0 THEN chain ELSE chain + next END AS chain, next >= 0 AS grown
// Does a chain of $maxDepth betrayals go on? (A shorter chain stopped: nothing follows it.)
WITH betrayals, ranks, succ, preds, chain,
  size(chain) = $maxDepth AND any(n IN succ[last(chain)] WHERE NOT n IN chain) AS goesOn
// A chain shorter than $maxDepth is listed only if no betrayal could come before it by the
// same rules: otherwise it is the end of a longer one. With $involving, only the chains
// that take a betrayal involving it.
WITH betrayals, ranks, chain, goesOn
WHERE (size(chain) = $maxDepth OR all(i IN preds[chain[0]] WHERE i IN chain))
  AND ($involving IS NULL OR any(i IN chain WHERE ranks[i][4]))
// The most relevant chains: longest, then earliest (story order of their steps), then by ids
// and keys (a total order). $limit + 1 are kept (a top-k sort, not the whole set), to tell
// whether there were more (toInteger: GraphQL passes the limit as a float).
WITH betrayals, chain, goesOn, size(chain) AS length,
  [i IN chain | ranks[i][0]] AS seqs,
  [i IN chain | ranks[i][1]] AS traitorIds,
  [i IN chain | ranks[i][2]] AS betrayedIds,
  [i IN chain | ranks[i][3]] AS keys
ORDER BY length DESC, seqs, traitorIds, betrayedIds, keys
LIMIT toInteger($limit) + 1
WITH length, seqs, traitorIds, betrayedIds, keys, goesOn, [i IN chain | betrayals[i]] AS chain
WITH length, seqs, traitorIds, betrayedIds, keys, goesOn,
  [i IN range(0, size(chain) - 1) | {
    traitor: startNode(chain[i]).name,
    traitorId: startNode(chain[i]).id,
    traitorIsGroup: startNode(chain[i]):Group,
    viaGroup: CASE WHEN i > 0 AND startNode(chain[i]) <> endNode(chain[i - 1])
      THEN endNode(chain[i - 1]).name END,
    viaGroupId: CASE WHEN i > 0 AND startNode(chain[i]) <> endNode(chain[i - 1])
      THEN endNode(chain[i - 1]).id END,
    betrayed: endNode(chain[i]).name,
    betrayedId: endNode(chain[i]).id,
    betrayedIsGroup: endNode(chain[i]):Group,
    members: COLLECT {
      WITH chain[i] AS b, endNode(chain[i]) AS g
      MATCH (g:Group)<-[m:MEMBER_OF]-(member)
      WHERE member <> startNode(b)
        AND (m.since IS NULL OR m.since <= b.seq) AND (m.until IS NULL OR b.seq <= m.until)
      RETURN DISTINCT {id: member.id, name: member.name} AS member
      ORDER BY member.name, member.id
    },
    event: chain[i].event,
    seq: chain[i].seq,
    how: chain[i].how,
    coerced: coalesce(chain[i].coerced, false),
    coercedBy: COLLECT {
      MATCH (coercer:Character {id: chain[i].coercedBy}) RETURN coercer.name AS name
      UNION
      MATCH (coercer:Group {id: chain[i].coercedBy}) RETURN coercer.name AS name
    }[0],
    coercedById: chain[i].coercedBy,
    sources: chain[i].sources
  }] AS steps
ORDER BY length DESC, seqs, traitorIds, betrayedIds, keys
WITH collect({steps: steps, truncated: goesOn}) AS found
RETURN found[..toInteger($limit)] AS chains, size(found) > $limit AS truncated
