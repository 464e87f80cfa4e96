// Death by whom: who killed this character, who killed the killer, and so on, until
// someone who was not killed, or a group (a collective killer like "the police" ends the
// chain: the sources name no one in it). A victim with several killers gives one chain each.
// Parameters:
//   $victimId  the victim's id (find it by name with find-character.cypher)
// Returns one row per chain, longest first:
//   steps     [{victim, victimId, killer, killerId, killerIsGroup, event, seq, how, sources}],
//             from the victim back to the last killer
//   endsWith  'group' (the last killer is a group) or 'survivor' (nobody killed them)
// Starts from the victim's id (a unique-constraint index) and only walks KILLED
// relationships into it, at most 20 steps.
:param victimId => 'heat-waingro';
MATCH (victim:Character {id: $victimId})
MATCH path = (victim) (()<-[:KILLED]-(:Character|Group)){1,20} (last)
WHERE last:Group OR NOT EXISTS { (last)<-[:KILLED]-() }
WITH path, last
RETURN
  [r IN relationships(path) | {
    victim: endNode(r).name,
    victimId: endNode(r).id,
    killer: startNode(r).name,
    killerId: startNode(r).id,
    killerIsGroup: startNode(r):Group,
    event: r.event,
    seq: r.seq,
    how: r.how,
    sources: r.sources
  }] AS steps,
  CASE WHEN last:Group THEN 'group' ELSE 'survivor' END AS endsWith
ORDER BY size(steps) DESC, steps[0].killer
