// Betrayal chains from one character: A betrayed B, then B betrayed C, and so on.
// Betraying a group counts as betraying everyone who was a member of it at that moment
// (since <= seq <= until; a missing bound is open), except the traitor himself and its
// covert members (who joined it under cover: its betrayal is not theirs, while their own
// betrayals of it are betrayals like any): the chain may go on from any of them, and the
// step that does says through which group.
// With $timeRespecting each betrayal must come strictly later in the story (a greater
// seq) than the one before; acts of the same event are not ordered, so they do not chain.
// A betrayal is used at most once in a chain (characters may come back), so no chain
// loops forever.
// Only maximal chains are returned: none is the beginning of a longer one within $maxDepth.
// Parameters:
//   $characterId     the traitor who starts the chains (find-subject.cypher finds it)
//   $timeRespecting  true to follow only betrayals later in the story
//   $maxDepth        the most betrayals in a chain, 1 to 8 (one hop per betrayal)
//   $limit           the most chains returned
// Returns one row:
//   chains     the $limit most relevant chains, longest first, then in story order of
//              their steps, then by ids; each {steps, truncated}:
//     steps      [{traitor, traitorId, traitorIsGroup, viaGroup, viaGroupId, betrayed,
//                  betrayedId, betrayedIsGroup, members, event, seq, how, coerced,
//                  coercedBy, coercedById, sources}]; viaGroup: the group the step before
//                  betrayed, of which this traitor was a member then (null if betrayed
//                  directly); members: who a betrayed group's betrayal reaches
//     truncated  true when the chain goes on beyond $maxDepth
//   truncated  true when there were more than $limit chains
// Reads from the character's id (a unique-constraint index) only the betrayals the chains
// it returns are made of, and those that may follow them: the search stops once it has
// the $limit + 1 most relevant chains (see below for what it reads).
:param characterId => 'heat-waingro';
:param timeRespecting => false;
:param maxDepth => 4;
:param limit => 25;
MATCH (start:Character {id: $characterId})
USING INDEX SEEK start:Character(id)
// The chains start with the character's betrayals, in story order then by ids and key.
WITH toInteger($maxDepth) AS depth, toInteger($limit) + 1 AS wanted, COLLECT {
    MATCH (start)-[b:BETRAYED]->(betrayed)
    RETURN b ORDER BY b.seq, betrayed.id, b.key
  } AS roots
// >>> The same in betrayal-chains.cypher and film-betrayal-chains.cypher from here (a test
// compares them) until <<< or the end of the file.
// The search: best-first over chains, by the answer's own order, so that the chains are
// built in the order they are listed and the search stops once $limit + 1 are found. It
// keeps a frontier sorted by `p`, the ranking key [-length, seqs, traitorIds, betrayedIds,
// keys] of what an entry stands for:
//   a chain still growing, with `kids` (the betrayals that may follow its last one, not in
//   it yet, in story order then by ids and key) and `at` (the next kid to try): it stands
//   for every chain that starts with it and its kid `at` or a later one; its p is that of
//   itself plus kid `at`, with -$maxDepth for the length;
//   a chain that has ended (no kid, or $maxDepth betrayals): its p is its own ranking key.
// Why the first chain that has ended at the head of the frontier is the next one of the
// answer: every chain an entry stands for ranks at or after its p (it is at most $maxDepth
// long, and its lists start with the entry's lists: a list ranks after its beginnings), so
// nothing left in the frontier, nor anything it grows into, ranks before the head. Each
// step takes the head: a chain that has ended is listed; a growing chain gives up kid `at`
// (its p goes to that of kid `at` + 1, never lower) and the chain with that kid goes in,
// growing or ended, with a p at or after the head's. So chains come out in the order of the
// answer, each once, and a chain is built only if its key, counted as $maxDepth long, ranks
// at or before the $limit + 1st chain's. The frontier holds at most one entry per step taken.
// What that costs: the chains listed and the beginnings of them, plus the chains that rank
// before them as if $maxDepth long but end sooner (a chain's length is known only once it
// ends); when fewer than $limit + 1 chains reach $maxDepth, every chain is seen, as the
// expansion of every path did before.
// (Cypher has no loop: the steps are a reduce over a range, nested to stop early; a search
// that would take more steps than the ranges hold fails with a message, never cuts short.)
WITH depth, wanted, reduce(state = {
    frontier: CASE WHEN roots = [] THEN [] ELSE [{chain: [], seqs: [], traitorIds: [],
      betrayedIds: [], keys: [], kids: roots, at: 0, p: [-depth, [roots[0].seq],
      [startNode(roots[0]).id], [endNode(roots[0]).id], [roots[0].key]]}] END,
    found: [], steps: 0
  }, round IN range(1, 1000) |
  CASE WHEN size(state.found) >= wanted OR state.frontier = [] THEN state
  ELSE reduce(s = state, step IN range(1, 1000) |
    CASE WHEN size(s.found) >= wanted OR s.frontier = [] THEN s
    ELSE [e IN [s.frontier[0]] |
// <<< (end of the same part)
      CASE WHEN e.kids IS NULL THEN
        {frontier: s.frontier[1..], found: s.found + [e], steps: s.steps + 1}
// >>> The same in betrayal-chains.cypher and film-betrayal-chains.cypher from here (a test
// compares them) until <<< or the end of the file.
      ELSE [k IN [e.kids[e.at]] |
        [c IN [{chain: e.chain + [k], seqs: e.seqs + [k.seq],
            traitorIds: e.traitorIds + [startNode(k).id],
            betrayedIds: e.betrayedIds + [endNode(k).id], keys: e.keys + [k.key]}] |
        // The betrayals that may follow k in c, by the rules above, in the kids' order; for a
        // chain of $maxDepth betrayals only whether there is one (the chain goes on).
        [next IN [[reached IN [endNode(k)] | CASE WHEN size(c.chain) >= depth THEN
          CASE WHEN EXISTS {
            CALL (reached, k) {
              MATCH (reached)-[n:BETRAYED]->()
              WHERE NOT $timeRespecting OR n.seq > k.seq
              RETURN n
              UNION
              MATCH (reached:Group)<-[m:MEMBER_OF]-(member)-[n:BETRAYED]->()
              WHERE member <> startNode(k) AND NOT coalesce(m.covert, false)
                AND (m.since IS NULL OR m.since <= k.seq) AND (m.until IS NULL OR k.seq <= m.until)
                AND (NOT $timeRespecting OR n.seq > k.seq)
              RETURN n
            }
            WITH n WHERE NOT n IN c.chain
            RETURN n
          } THEN [true] ELSE [] END
        ELSE [n IN COLLECT {
            CALL (reached, k) {
              MATCH (reached)-[n:BETRAYED]->()
              WHERE NOT $timeRespecting OR n.seq > k.seq
              RETURN n
              UNION
              MATCH (reached:Group)<-[m:MEMBER_OF]-(member)-[n:BETRAYED]->()
              WHERE member <> startNode(k) AND NOT coalesce(m.covert, false)
                AND (m.since IS NULL OR m.since <= k.seq) AND (m.until IS NULL OR k.seq <= m.until)
                AND (NOT $timeRespecting OR n.seq > k.seq)
              RETURN n
            }
            WITH n, startNode(n) AS traitor, endNode(n) AS betrayed
            RETURN n ORDER BY n.seq, traitor.id, betrayed.id, n.key
          } WHERE NOT n IN c.chain] END][0]] |
        // What goes in: the rest of e, then c, growing or ended.
        [added IN [
            CASE WHEN e.at + 1 < size(e.kids) THEN [e {.*, at: e.at + 1, p: [-depth,
              e.seqs + [e.kids[e.at + 1].seq], e.traitorIds + [startNode(e.kids[e.at + 1]).id],
              e.betrayedIds + [endNode(e.kids[e.at + 1]).id], e.keys + [e.kids[e.at + 1].key]]}]
            ELSE [] END +
            [CASE WHEN size(c.chain) >= depth OR next = [] THEN
              c {.*, goesOn: next <> [],
                p: [-size(c.chain), c.seqs, c.traitorIds, c.betrayedIds, c.keys]}
            ELSE c {.*, kids: next, at: 0, p: [-depth, c.seqs + [next[0].seq],
              c.traitorIds + [startNode(next[0]).id], c.betrayedIds + [endNode(next[0]).id],
              c.keys + [next[0].key]]}
            END]] |
        // Each put in its place in the sorted frontier (a binary search: after those ranking
        // at or before it), and the frontier made a list of its own again.
        {frontier: [x IN reduce(f = s.frontier[1..], a IN added |
            [at IN [reduce(b = [0, size(f)], half IN range(1, 32) |
                CASE WHEN b[0] >= b[1] THEN b
                WHEN f[(b[0] + b[1]) / 2].p <= a.p THEN [(b[0] + b[1]) / 2 + 1, b[1]]
                ELSE [b[0], (b[0] + b[1]) / 2] END)[0]] | f[..at] + [a] + f[at..]][0]) | x],
          found: s.found, steps: s.steps + 1}
        ][0]][0]][0]][0]
      END][0]
    END)
  END) AS state
// A search cut short by the ranges fails here (APOC's function throws) rather than answer
// with a part of the chains.
WITH state.found AS found, state
WHERE apoc.util.validatePredicate(size(state.found) < wanted AND state.frontier <> [],
    'The betrayal chains took more than a million steps to rank; ask with a smaller depth.',
    [])
// Who each betrayal of a group in the listed chains reaches (its members then, not the
// traitor), worked out once per betrayal from its group's members read once: the chains
// share their beginnings, and a group may be large and betrayed in most of them.
CALL (found) {
  UNWIND found[..toInteger($limit)] AS chain
  UNWIND chain.chain AS b
  WITH DISTINCT b, endNode(b) AS g
  WHERE g:Group
  WITH g, collect(b) AS betrayals
  WITH betrayals, COLLECT {
      MATCH (g)<-[m:MEMBER_OF]-(member)
      WHERE NOT coalesce(m.covert, false)
      RETURN [member, m.since, m.until, {id: member.id, name: member.name}] AS row
      ORDER BY member.name, member.id
    } AS rows
  UNWIND betrayals AS b
  WITH b, [seq IN [b.seq] | [by IN [startNode(b)] | [r IN rows
      WHERE r[0] <> by AND (r[1] IS NULL OR r[1] <= seq) AND (r[2] IS NULL OR seq <= r[2])
      | r[3]]][0]][0] AS here
  // Once each, though in the group twice then (the rows of a member are next to each other).
  RETURN collect([b, [i IN range(0, size(here) - 1) WHERE i = 0 OR here[i] <> here[i - 1]
    | here[i]]]) AS reachedBy
}
// Each chain's steps, in chain order (toInteger: GraphQL passes the limit as a float).
RETURN [chain IN found[..toInteger($limit)] | {
    steps: [i IN range(0, size(chain.chain) - 1) | [b IN [chain.chain[i]] | {
      traitor: startNode(b).name,
      traitorId: startNode(b).id,
      traitorIsGroup: startNode(b):Group,
      viaGroup: CASE WHEN i > 0 AND startNode(b) <> endNode(chain.chain[i - 1])
        THEN endNode(chain.chain[i - 1]).name END,
      viaGroupId: CASE WHEN i > 0 AND startNode(b) <> endNode(chain.chain[i - 1])
        THEN endNode(chain.chain[i - 1]).id END,
      betrayed: endNode(b).name,
      betrayedId: endNode(b).id,
      betrayedIsGroup: endNode(b):Group,
      members: coalesce([x IN reachedBy WHERE x[0] = b | x[1]][0], []),
      event: b.event,
      seq: b.seq,
      how: b.how,
      coerced: coalesce(b.coerced, false),
      coercedBy: COLLECT {
        MATCH (coercer:Character {id: b.coercedBy}) RETURN coercer.name AS name
        UNION
        MATCH (coercer:Group {id: b.coercedBy}) RETURN coercer.name AS name
      }[0],
      coercedById: b.coercedBy,
      sources: b.sources
    }][0]],
    truncated: chain.goesOn
  }] AS chains, size(found) > toInteger($limit) AS truncated
