// Double agents of a film: every covert (hidden) loyalty, the open allegiances the same
// character holds elsewhere at the same time (what the others see), and who knows the
// truth, since when. An allegiance is a membership of a group (a covert one too: it is the
// cover he keeps up) or a loyalty of another kind than the personal ones ($personalKinds:
// love, family, friendship), to a group or a character other than the real one; an
// allegiance on the real side is not one he hides behind, so the groups the real loyalty's
// character openly belongs to, and the members of the real loyalty's group, are left out.
// A character is a double agent while such an allegiance overlaps the hidden loyalty; a
// covert loyalty that none overlaps is still listed, with `open` empty (a secret, but no
// open side to contradict it in the data).
// Spans: `since` and `until` are event seqs, both included; absent means open. Two spans
// overlap when each starts before or at the other's end.
// Parameters:
//   $film           the film's id
//   $at             a moment of the story (an event's seq): the answer as it stood then, from
//                   what had begun by then (covert loyalties, allegiances and knowers whose
//                   since is at or before it); null for the whole story
//   $personalKinds  the loyalty kinds that are not allegiances (lower-case)
// Returns one row per covert loyalty, by character then start:
//   character, characterId
//   real     {to, toId, toIsGroup, kind, since, until, note, sources}: the hidden loyalty
//   open     [{via, to, toId, toIsGroup, kind, covert, role, since, until, overlapSince,
//            overlapUntil, note, sources}]: the allegiances overlapping it; via: 'loyalty' or
//            'membership' (kind 'membership', role the member's role, covert true for a
//            membership under cover); overlapSince/overlapUntil bound the time both hold
//            (null: open at that end)
//   knownBy  [{who, whoId, whoIsGroup, since, sources}]: who knows the truth, from when
//            (since null: from the start)
// Starts from the film's characters through the Character(film) index and reads only their
// own LOYAL_TO, MEMBER_OF and KNOWS_SECRET_OF relationships (and the real side's MEMBER_OF).
:param film => 'city-on-fire';
:param at => null;
:param personalKinds => ['love', 'family', 'friendship'];
MATCH (c:Character {film: $film})-[l:LOYAL_TO]->(real)
WHERE l.covert = true AND ($at IS NULL OR coalesce(l.since, 0) <= $at)
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
    CALL (c) {
      MATCH (c)-[o:LOYAL_TO]->(other)
      WHERE coalesce(o.covert, false) = false AND NOT toLower(o.kind) IN $personalKinds
      RETURN o, other, 'loyalty' AS via
      UNION
      MATCH (c)-[o:MEMBER_OF]->(other)
      RETURN o, other, 'membership' AS via
    }
    WITH o, other, via
    WHERE other <> real
      AND ($at IS NULL OR coalesce(o.since, 0) <= $at)
      AND (l.since IS NULL OR o.until IS NULL OR l.since <= o.until)
      AND (o.since IS NULL OR l.until IS NULL OR o.since <= l.until)
      AND NOT EXISTS { (real)-[rm:MEMBER_OF]->(other) WHERE NOT coalesce(rm.covert, false) }
      AND NOT EXISTS { (other)-[om:MEMBER_OF]->(real) WHERE NOT coalesce(om.covert, false) }
    WITH o, other, via
    ORDER BY coalesce(o.since, 0), other.name, other.id, via, o.key
    RETURN {
      via: via,
      to: other.name,
      toId: other.id,
      toIsGroup: other:Group,
      kind: CASE via WHEN 'membership' THEN 'membership' ELSE o.kind END,
      covert: coalesce(o.covert, false),
      role: o.role,
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
      AND ($at IS NULL OR coalesce(k.since, 0) <= $at)
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
