// Dossier of one group: who belonged to it and when, what it did and what was done to it,
// each fact with the source paragraphs that say it.
// Parameters:
//   $groupId  the group's id (find it by name with find-subject.cypher)
//   $at       a moment of the story (an event's seq): only what has begun by then (members
//             who have joined, acts up to it); null for the whole story
// Returns one row:
//   group         the node's properties (name, kind, description, film, sources) and filmTitle
//   members       [{characterId, character, role, covert, since, until, note, sources,
//                   knownBy [{id, name, since, sources}]}]   MEMBER_OF in, by when they joined
//                 (null: from the start), then name; until: when they left; covert: joined
//                 under cover, known to knownBy (KNOWS_SECRET_OF with memberOf)
//   loyalFrom     [{fromId, from, fromIsGroup, kind, covert, since, until, note, sources}]
//                 LOYAL_TO in: who is loyal to the group itself (beside its members)
//   actsDone      [{type, act, otherId, other, otherIsGroup, eventId, event, seq, how,
//                   coerced, coercedBy, note, sources}]   KILLED, BETRAYED... done by the group
//   actsSuffered  the same shape, done to the group (other = who did it)
//   events        [{seq, eventId, event, role, placeId, place, disputed, sources}]
//                 PARTICIPATED_IN by the group itself, in story order
// The shapes are the character dossier's (dossier.cypher), so a reader of one reads both.
// Starts from the group's id (a unique-constraint index); every fact is one hop from it.
:param groupId => 'heat-mccauley-crew';
:param at => null;
MATCH (g:Group {id: $groupId})
USING INDEX SEEK g:Group(id)
OPTIONAL MATCH (g)-[:APPEARS_IN]->(film:Film)
RETURN
  g {.id, .name, .kind, .description, .film, .sources, filmTitle: film.title} AS group,
  COLLECT {
    MATCH (g)<-[m:MEMBER_OF]-(c:Character)
    WHERE $at IS NULL OR coalesce(m.since, 0) <= $at
    RETURN {
      characterId: c.id, character: c.name, role: m.role, covert: coalesce(m.covert, false),
      since: m.since, until: m.until, note: m.note, sources: m.sources,
      knownBy: COLLECT {
        // KNOWS_SECRET_OF's key is the knower's id, then the membership's own key.
        MATCH (c)<-[k:KNOWS_SECRET_OF]-(who)
        WHERE k.memberOf = g.id AND k.key = who.id + '|' + m.key
          AND ($at IS NULL OR coalesce(k.since, 0) <= $at)
        RETURN {id: who.id, name: who.name, since: k.since, sources: k.sources}
        ORDER BY coalesce(k.since, 0), who.name, who.id, k.key
      }
    }
    ORDER BY coalesce(m.since, 0), c.name, c.id, m.key
  } AS members,
  COLLECT {
    MATCH (g)<-[l:LOYAL_TO]-(from)
    WHERE $at IS NULL OR coalesce(l.since, 0) <= $at
    RETURN {
      fromId: from.id, from: from.name, fromIsGroup: from:Group, kind: l.kind,
      covert: coalesce(l.covert, false), since: l.since, until: l.until, note: l.note,
      sources: l.sources
    }
    ORDER BY coalesce(l.since, 0), from.name, from.id, l.key
  } AS loyalFrom,
  COLLECT {
    MATCH (g)-[r:KILLED|WOUNDED|BETRAYED|ARRESTED|SAVED|SPARED|THREATENED|SUSPECTED|ORDERED|RECRUITED|ABANDONED|COERCED|ACTED_ON]->(other) // act types
    WHERE $at IS NULL OR r.seq <= $at
    OPTIONAL MATCH (e:Event {id: r.event})
    RETURN {
      type: type(r), act: r.act, otherId: other.id, other: other.name,
      otherIsGroup: other:Group, eventId: r.event, event: e.name, seq: r.seq, how: r.how,
      coerced: r.coerced, coercedBy: r.coercedBy, note: r.note, sources: r.sources
    }
    ORDER BY r.seq, type(r), other.name, other.id, r.key
  } AS actsDone,
  COLLECT {
    MATCH (g)<-[r:KILLED|WOUNDED|BETRAYED|ARRESTED|SAVED|SPARED|THREATENED|SUSPECTED|ORDERED|RECRUITED|ABANDONED|COERCED|ACTED_ON]-(other) // act types
    WHERE $at IS NULL OR r.seq <= $at
    OPTIONAL MATCH (e:Event {id: r.event})
    RETURN {
      type: type(r), act: r.act, otherId: other.id, other: other.name,
      otherIsGroup: other:Group, eventId: r.event, event: e.name, seq: r.seq, how: r.how,
      coerced: r.coerced, coercedBy: r.coercedBy, note: r.note, sources: r.sources
    }
    ORDER BY r.seq, type(r), other.name, other.id, r.key
  } AS actsSuffered,
  COLLECT {
    MATCH (g)-[p:PARTICIPATED_IN]->(e:Event)
    WHERE $at IS NULL OR e.seq <= $at
    OPTIONAL MATCH (e)-[:TOOK_PLACE_AT]->(place:Place)
    RETURN {
      seq: e.seq, eventId: e.id, event: e.name, role: p.role, placeId: place.id, place: place.name,
      disputed: [(e)<-[:ABOUT]-(d:Disagreement) | d.topic], sources: p.sources
    }
    ORDER BY e.seq, e.id
  } AS events
