// Revenge: killings where the killer stood for someone the victim had wronged before.
// The rule. A killing (killer)-[:KILLED]->(victim) avenges X when
//   1. the killer is bound to X at the killing's seq: X is the killer himself, or someone the
//      killer is LOYAL_TO, or a group the killer is a MEMBER_OF, with the loyalty's or
//      membership's span holding at that seq (since and until included; absent = open). A
//      mole's pose is no bond (docs/writing-a-film.md, undercover characters): neither a
//      covert membership of the group he infiltrates nor his `cover` loyalty to it makes him
//      stand for it (his covert loyalty, to the side he really serves, does);
//   2. the victim had wronged X at or before the killing's seq: the victim KILLED X, or
//      BETRAYED X of his own will (coerced not true), or forced someone else to betray X (a
//      BETRAYED with coercedBy = the victim). A betrayal the traitor was forced into is laid
//      at the door of whoever forced it, not the traitor's. A wrong in the same event as the
//      killing counts: the victim acted before he died (marked sameEvent).
// Only the victim's own acts count, not those of a group he belongs to.
// Parameters:
//   $film  the film's id
// Returns one row per killing, avenged party and earlier wrong, in story order:
//   killer, killerId, killerIsGroup, victim, victimId
//   avenged, avengedId, avengedIsGroup, avengesSelf (X is the killer himself)
//   bonds    [{via: 'self'|'loyalty'|'membership', kind, since, until, sources}]: what ties the
//            killer to X at the killing (kind is the loyalty's kind or the membership's role)
//   wrong    {type: 'KILLED'|'BETRAYED', by, byId, forcedByVictim, event, seq, how, sources}:
//            `by` is the victim, or the one he forced to betray X (forcedByVictim true)
//   killing  {event, seq, how, sources}
//   sameEvent  the wrong happened in the event of the killing
// Starts from the film's characters through the Character(film) index and reads only the
// relationships of the victim, the killer and the party avenged.
:param film => 'heat';
MATCH (victim:Character {film: $film})<-[k:KILLED]-(killer)
CALL (killer, k) {
  RETURN killer AS avenged, {via: 'self', kind: null, since: null, until: null, sources: []} AS bond
  UNION
  MATCH (killer)-[l:LOYAL_TO]->(avenged)
  WHERE (l.since IS NULL OR l.since <= k.seq) AND (l.until IS NULL OR k.seq <= l.until)
    AND toLower(coalesce(l.kind, '')) <> 'cover'
  RETURN
    avenged,
    {via: 'loyalty', kind: l.kind, since: l.since, until: l.until, sources: l.sources} AS bond
  UNION
  MATCH (killer)-[m:MEMBER_OF]->(avenged)
  WHERE (m.since IS NULL OR m.since <= k.seq) AND (m.until IS NULL OR k.seq <= m.until)
    AND NOT coalesce(m.covert, false)
  RETURN
    avenged,
    {via: 'membership', kind: m.role, since: m.since, until: m.until, sources: m.sources} AS bond
}
WITH victim, k, killer, avenged, collect(bond) AS bonds
WHERE avenged <> victim
CALL (victim, k, avenged) {
  MATCH (victim)-[w:KILLED|BETRAYED]->(avenged)
  WHERE w.seq <= k.seq AND coalesce(w.coerced, false) = false
  RETURN w, victim AS doer
  UNION
  MATCH (avenged)<-[w:BETRAYED]-(doer)
  WHERE w.coerced = true AND w.coercedBy = victim.id AND w.seq <= k.seq
  RETURN w, doer
}
RETURN
  killer.name AS killer,
  killer.id AS killerId,
  killer:Group AS killerIsGroup,
  victim.name AS victim,
  victim.id AS victimId,
  avenged.name AS avenged,
  avenged.id AS avengedId,
  avenged:Group AS avengedIsGroup,
  avenged = killer AS avengesSelf,
  bonds,
  {
    type: type(w),
    by: doer.name,
    byId: doer.id,
    forcedByVictim: doer <> victim,
    event: w.event,
    seq: w.seq,
    how: w.how,
    sources: w.sources
  } AS wrong,
  {event: k.event, seq: k.seq, how: k.how, sources: k.sources} AS killing,
  w.seq = k.seq AS sameEvent
ORDER BY killing.seq, killer, avenged, wrong.seq, wrong.type, killerId, victim, victimId, avengedId,
  wrong.byId, wrong.event, killing.event
