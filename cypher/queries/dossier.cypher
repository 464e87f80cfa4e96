// Dossier of one character: everything the graph says about them, each fact with the
// source paragraphs that say it.
// Parameters:
//   $characterId  the character's id (find it by name with find-subject.cypher)
//   $at           a moment of the story (an event's seq): only what has begun by then (acts
//                 and events up to it, memberships, loyalties, ties and secrets begun by it);
//                 null for the whole story
// Returns one row:
//   character      the node's properties (name, aliases, role, occupation, fate, description,
//                  note, unnamed, count, film, sources) and filmTitle
//   groups         [{groupId, group, kind, role, covert, since, until, note, sources,
//                    knownBy [{id, name, since, sources}]}]                     MEMBER_OF;
//                  covert: joined under cover; knownBy: who knows, from KNOWS_SECRET_OF
//   loyalties      [{toId, to, toIsGroup, kind, covert, since, until, note, sources,
//                    knownBy [{id, name, since, sources}]}]                     LOYAL_TO out;
//                  knownBy (who knows a covert loyalty) comes from KNOWS_SECRET_OF
//   loyalFrom      [{fromId, from, fromIsGroup, kind, covert, since, until, note, sources}]
//                                                                                LOYAL_TO in
//   secretsKnown   [{ofId, of, loyalToId, loyalTo, memberOfId, memberOf, since, sources}]
//                  others' hidden loyalties (loyalTo) and covert memberships (memberOf) they
//                  know of (KNOWS_SECRET_OF out)
//   actsDone       [{type, act, otherId, other, otherIsGroup, eventId, event, seq, how,
//                    coerced, coercedBy, note, sources}]   KILLED, BETRAYED, SAVED... done by
//                  them, and ACTED_ON; act: the story's own word for it, if it has one
//   actsSuffered   the same shape, done to them (other = who did it)
//   ties           [{type, tie, direction ('out'|'in'), otherId, other, status, since, until,
//                    note, sources}]   MARRIED_TO, FRIEND_OF, SUPERIOR_OF... and TIED_TO (tie:
//                    the story's own word)
//   events         [{seq, eventId, event, role, placeId, place, disputed, sources}]
//                  PARTICIPATED_IN, in story order; disputed lists the topics of
//                  disagreements about the event
//   disagreements  [{id, topic, accounts, sources}]   where the sources disagree about them
// Starts from the character's id (a unique-constraint index); every fact is one hop from
// the character, plus the event an act belongs to (looked up by its unique id).
:param characterId => 'ko-chow';
:param at => null;
MATCH (c:Character {id: $characterId})
USING INDEX SEEK c:Character(id)
OPTIONAL MATCH (c)-[:APPEARS_IN]->(film:Film)
RETURN
  c {
    .id, .name, .role, .occupation, .fate, .description, .note, .count, .film, .sources,
    aliases: coalesce(c.aliases, []), unnamed: coalesce(c.unnamed, false), filmTitle: film.title
  } AS character,
  COLLECT {
    MATCH (c)-[m:MEMBER_OF]->(g:Group)
    WHERE $at IS NULL OR coalesce(m.since, 0) <= $at
    RETURN {
      groupId: g.id, group: g.name, kind: g.kind, role: m.role, covert: coalesce(m.covert, false),
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
    ORDER BY coalesce(m.since, 0), g.name, g.id, m.key
  } AS groups,
  COLLECT {
    MATCH (c)-[l:LOYAL_TO]->(to)
    WHERE $at IS NULL OR coalesce(l.since, 0) <= $at
    RETURN {
      toId: to.id, to: to.name, toIsGroup: to:Group, kind: l.kind, covert: coalesce(l.covert, false),
      since: l.since, until: l.until, note: l.note, sources: l.sources,
      knownBy: COLLECT {
        MATCH (c)<-[k:KNOWS_SECRET_OF]-(who)
        WHERE k.loyalTo = to.id AND ($at IS NULL OR coalesce(k.since, 0) <= $at)
        RETURN {id: who.id, name: who.name, since: k.since, sources: k.sources}
        ORDER BY coalesce(k.since, 0), who.name, who.id, k.key
      }
    }
    ORDER BY coalesce(l.covert, false) DESC, coalesce(l.since, 0), to.name, to.id, l.key
  } AS loyalties,
  COLLECT {
    MATCH (c)<-[l:LOYAL_TO]-(from)
    WHERE $at IS NULL OR coalesce(l.since, 0) <= $at
    RETURN {
      fromId: from.id, from: from.name, fromIsGroup: from:Group, kind: l.kind,
      covert: coalesce(l.covert, false), since: l.since, until: l.until, note: l.note,
      sources: l.sources
    }
    ORDER BY coalesce(l.since, 0), from.name, from.id, l.key
  } AS loyalFrom,
  COLLECT {
    MATCH (c)-[k:KNOWS_SECRET_OF]->(of)
    WHERE $at IS NULL OR coalesce(k.since, 0) <= $at
    OPTIONAL MATCH (of)-[l:LOYAL_TO]->(loyalTo {id: k.loyalTo})
    OPTIONAL MATCH (of)-[m:MEMBER_OF]->(memberOf:Group {id: k.memberOf})
    WITH DISTINCT k, of, loyalTo, memberOf
    RETURN {
      ofId: of.id, of: of.name, loyalToId: k.loyalTo, loyalTo: loyalTo.name,
      memberOfId: k.memberOf, memberOf: memberOf.name, since: k.since, sources: k.sources
    }
    ORDER BY coalesce(k.since, 0), of.name, of.id, k.key
  } AS secretsKnown,
  COLLECT {
    MATCH (c)-[r:KILLED|WOUNDED|BETRAYED|ARRESTED|SAVED|SPARED|THREATENED|SUSPECTED|ORDERED|RECRUITED|ABANDONED|COERCED|ACTED_ON]->(other) // act types
    WHERE $at IS NULL OR r.seq <= $at
    OPTIONAL MATCH (e:Event {id: r.event})
    RETURN {
      type: type(r), act: r.act, otherId: other.id, other: other.name,
      otherIsGroup: other:Group, eventId: r.event, event: e.name, seq: r.seq, how: r.how, coerced: r.coerced,
      coercedBy: r.coercedBy, note: r.note, sources: r.sources
    }
    ORDER BY r.seq, type(r), other.name, other.id, r.key
  } AS actsDone,
  COLLECT {
    MATCH (c)<-[r:KILLED|WOUNDED|BETRAYED|ARRESTED|SAVED|SPARED|THREATENED|SUSPECTED|ORDERED|RECRUITED|ABANDONED|COERCED|ACTED_ON]-(other) // act types
    WHERE $at IS NULL OR r.seq <= $at
    OPTIONAL MATCH (e:Event {id: r.event})
    RETURN {
      type: type(r), act: r.act, otherId: other.id, other: other.name,
      otherIsGroup: other:Group, eventId: r.event, event: e.name, seq: r.seq, how: r.how, coerced: r.coerced,
      coercedBy: r.coercedBy, note: r.note, sources: r.sources
    }
    ORDER BY r.seq, type(r), other.name, other.id, r.key
  } AS actsSuffered,
  COLLECT {
    MATCH (c)-[r:MARRIED_TO|ROMANCE_WITH|PARENT_OF|STEP_PARENT_OF|SIBLING_OF|INFORMANT_FOR|EMPLOYED_BY|SUPERIOR_OF|FENCE_FOR|FORMER_CELLMATE_OF|FRIEND_OF|RIVAL_OF|TIED_TO]-(other) // tie types
    WHERE $at IS NULL OR coalesce(r.since, 0) <= $at
    RETURN {
      type: type(r), tie: r.tie, direction: CASE WHEN startNode(r) = c THEN 'out' ELSE 'in' END,
      otherId: other.id, other: other.name, status: r.status, since: r.since, until: r.until,
      note: r.note, sources: r.sources
    }
    ORDER BY type(r), other.name, other.id, startNode(r).id, r.key
  } AS ties,
  COLLECT {
    MATCH (c)-[p:PARTICIPATED_IN]->(e:Event)
    WHERE $at IS NULL OR e.seq <= $at
    OPTIONAL MATCH (e)-[:TOOK_PLACE_AT]->(place:Place)
    RETURN {
      seq: e.seq, eventId: e.id, event: e.name, role: p.role, placeId: place.id, place: place.name,
      disputed: [(e)<-[:ABOUT]-(d:Disagreement) | d.topic], sources: p.sources
    }
    ORDER BY e.seq, e.id
  } AS events,
  COLLECT {
    MATCH (c)<-[:ABOUT]-(d:Disagreement)
    RETURN {id: d.id, topic: d.topic, accounts: d.accounts, sources: d.sources}
    ORDER BY d.id
  } AS disagreements
