// Death by whom: who killed this character, who killed the killer, and so on. A chain ends
// at someone nobody killed ('survivor'), at a group (a collective killer like "the police":
// the sources name no one in it), or where it would come back to someone already on it:
// 'suicide' when the last killer killed themselves, 'cycle' when they killed someone met
// earlier in the chain (two people who kill each other, a loop of killers). A victim with
// several killers gives one chain each; no row at all when the sources name no killer.
// Parameters:
//   $victimId  the victim's id (find it by name with find-subject.cypher)
// Returns one row per chain, longest first:
//   steps     [{victim, victimId, killer, killerId, killerIsGroup, event, seq, how, sources}],
//             from the victim back to the last killer (for 'cycle' and 'suicide', the last
//             step is the killing that closes the loop)
//   endsWith  'survivor', 'group', 'cycle', 'suicide', or 'limit' (20 steps and still going)
// Starts from the victim's id (a unique-constraint index) and only walks KILLED
// relationships into characters, at most 20 steps.
:param victimId => 'heat-waingro';
// Every id look-up says USING INDEX SEEK: while the index statistics still say "empty" (a young
// graph, or just after an import) a scan costs the planner as little as a seek, and a plain
// USING INDEX hint still lets it pick the scan, and cache that plan.
MATCH (victim:Character {id: $victimId})
USING INDEX SEEK victim:Character(id)
MATCH path = (victim) ((:Character)<-[:KILLED]-(:Character|Group)){1,20} (last)
WITH path, last, nodes(path) AS people
// Nobody twice before the last killer: a chain stops at its first repeat.
WHERE all(i IN range(0, size(people) - 3) WHERE NOT people[i] IN people[i + 1..-1])
WITH path, people, CASE
    WHEN last:Group THEN 'group'
    WHEN last = people[-2] THEN 'suicide'
    WHEN last IN people[..-1] THEN 'cycle'
    WHEN NOT EXISTS { (last)<-[:KILLED]-() } THEN 'survivor'
    WHEN length(path) = 20 THEN 'limit'
  END AS endsWith
WHERE endsWith IS NOT NULL
WITH endsWith, [r IN relationships(path) | {
    victim: endNode(r).name,
    victimId: endNode(r).id,
    killer: startNode(r).name,
    killerId: startNode(r).id,
    killerIsGroup: startNode(r):Group,
    event: r.event,
    seq: r.seq,
    how: r.how,
    sources: r.sources
  }] AS steps
RETURN steps, endsWith
ORDER BY size(steps) DESC, [s IN steps | s.killer], [s IN steps | s.killerId],
  [s IN steps | s.event]
