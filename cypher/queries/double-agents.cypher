// Double agents of a film: every covert (hidden) loyalty, the open loyalties the same
// character holds to someone else at the same time (what the others see), and who knows the
// truth, since when. A character is a double agent while an open loyalty to another
// character or group overlaps the hidden one; a covert loyalty that no open one overlaps is
// still listed, with `open` empty (a secret, but no open side to contradict it in the data).
// Spans: `since` and `until` are event seqs, both included; absent means open. Two spans
// overlap when each starts before or at the other's end.
// Parameters:
//   $film  the film's id
// Returns one row per covert loyalty, by character then start:
//   character, characterId
//   real     {to, toId, toIsGroup, kind, since, until, note, sources}: the hidden loyalty
//   open     [{to, toId, toIsGroup, kind, since, until, overlapSince, overlapUntil, note,
//            sources}]: the open loyalties overlapping it; overlapSince/overlapUntil bound the
//            time both hold (null: open at that end)
//   knownBy  [{who, whoId, whoIsGroup, since, sources}]: who knows the truth, from when
//            (since null: from the start)
// Starts from the film's characters through the Character(film) index and reads only their
// own LOYAL_TO and KNOWS_SECRET_OF relationships.
:param film => 'city-on-fire';
MATCH (c:Character {film: $film})-[l:LOYAL_TO]->(real)
WHERE l.covert = true
RETURN
  c.name AS character,
  c.id AS characterId,
  {
    to: real.name,
    toId: real.id,
    toIsGroup: real:Group,
    kind: l.kind,
    since: l.since,
    until: l.until,
    note: l.note,
    sources: l.sources
  } AS real,
  COLLECT {
    MATCH (c)-[o:LOYAL_TO]->(other)
    WHERE coalesce(o.covert, false) = false
      AND other <> real
      AND (l.since IS NULL OR o.until IS NULL OR l.since <= o.until)
      AND (o.since IS NULL OR l.until IS NULL OR o.since <= l.until)
    WITH o, other
    ORDER BY coalesce(o.since, 0), other.name, other.id, o.kind, o.key
    RETURN {
      to: other.name,
      toId: other.id,
      toIsGroup: other:Group,
      kind: o.kind,
      since: o.since,
      until: o.until,
      overlapSince: CASE
        WHEN l.since IS NULL THEN o.since
        WHEN o.since IS NULL OR o.since < l.since THEN l.since
        ELSE o.since
      END,
      overlapUntil: CASE
        WHEN l.until IS NULL THEN o.until
        WHEN o.until IS NULL OR o.until > l.until THEN l.until
        ELSE o.until
      END,
      note: o.note,
      sources: o.sources
    }
  } AS open,
  COLLECT {
    MATCH (knower)-[k:KNOWS_SECRET_OF]->(c)
    // KNOWS_SECRET_OF's key is the knower's id, then the loyalty's own key.
    WHERE k.loyalTo = real.id AND k.key = knower.id + '|' + l.key
    WITH knower, k
    ORDER BY coalesce(k.since, 0), knower.name, knower.id, k.key
    RETURN {
      who: knower.name,
      whoId: knower.id,
      whoIsGroup: knower:Group,
      since: k.since,
      sources: k.sources
    }
  } AS knownBy
ORDER BY character, characterId, coalesce(real.since, 0), real.since, real.to, real.toId, real.kind
