// Loyalties of a character at one point of the story, or over the whole story: to whom
// (a character or a group), of what kind, open or covert (hidden), over which span, and for
// a covert one who knows the truth and since when.
// A loyalty holds at seq N when it starts at or before N and ends at or after N: `since` and
// `until` are the events where it begins and ends, both included; absent means open.
// Parameters:
//   $characterId  the character's id (find it by name with find-subject.cypher)
//   $at           an event seq of the character's film, or null for the whole story
// Returns one row:
//   film          the character's film id
//   atEvent       {seq, id, name} of the event at $at; null when $at is null or no event
//                 of the film has that seq (the caller turns that into an error)
//   filmTitle, firstSeq, lastSeq  the film's title and its first and last event seqs,
//                 for that error
//   loyalties     [{to, toId, toIsGroup, kind, covert, since, until, note, sources,
//                 knownBy: [{who, whoId, whoIsGroup, since, knows, sources}]}], the loyalties
//                 holding at $at (all of them when $at is null), covert first then by start;
//                 knownBy lists everyone told of a covert loyalty, and `knows` says whether
//                 they know it at $at (always true when $at is null)
// Starts from the character's id (a unique-constraint index); reads only the character's
// own LOYAL_TO and KNOWS_SECRET_OF relationships, the event at $at through the
// (film, seq) index, and the film's events through its IN_FILM relationships.
:param characterId => 'ko-chow';
:param at => 5;
MATCH (c:Character {id: $characterId})
USING INDEX SEEK c:Character(id)
OPTIONAL MATCH (e:Event {film: c.film, seq: $at})
CALL (c) {
  MATCH (f:Film {id: c.film})
  OPTIONAL MATCH (f)<-[i:IN_FILM]-(:Event)
  RETURN f.title AS filmTitle, min(i.seq) AS firstSeq, max(i.seq) AS lastSeq
}
CALL (c) {
  MATCH (c)-[l:LOYAL_TO]->(to)
  WHERE $at IS NULL
    OR ((l.since IS NULL OR l.since <= $at) AND (l.until IS NULL OR $at <= l.until))
  WITH c, l, to
  ORDER BY coalesce(l.covert, false) DESC, coalesce(l.since, 0), to.name, to.id, l.kind, l.key
  RETURN collect({
    to: to.name,
    toId: to.id,
    toIsGroup: to:Group,
    kind: l.kind,
    covert: coalesce(l.covert, false),
    since: l.since,
    until: l.until,
    note: l.note,
    sources: l.sources,
    knownBy: COLLECT {
      MATCH (knower)-[k:KNOWS_SECRET_OF]->(c)
      // KNOWS_SECRET_OF's key is the knower's id, then the loyalty's own key.
      WHERE k.loyalTo = to.id AND k.key = knower.id + '|' + l.key
      WITH knower, k
      ORDER BY coalesce(k.since, 0), knower.name, knower.id, k.key
      RETURN {
        who: knower.name,
        whoId: knower.id,
        whoIsGroup: knower:Group,
        since: k.since,
        knows: $at IS NULL OR k.since IS NULL OR k.since <= $at,
        sources: k.sources
      }
    }
  }) AS loyalties
}
RETURN
  c.film AS film,
  filmTitle,
  CASE WHEN e IS NULL THEN null ELSE {seq: e.seq, id: e.id, name: e.name} END AS atEvent,
  firstSeq,
  lastSeq,
  loyalties
