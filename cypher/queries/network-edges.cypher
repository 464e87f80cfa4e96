// The edges of the betrayal network: betrayals, killings, woundings and loyalties between the
// characters and groups of a film (or of all films), with their story time.
// Parameters:
//   $films  the films' ids (every film's for the network of all films)
// Returns one row per edge: id, type, source, target, seq (acts: the event's position),
//   since and until (loyalties: the span they hold), covert, coerced, how, sources
:param films => ['heat'];
// From the films' characters and groups through the Character(film) and Group(film) indexes:
// the network of one film reads that film only, however many others the graph holds.
CALL () {
  MATCH (a:Character)
  WHERE a.film IN $films
  RETURN a
  UNION
  MATCH (a:Group)
  WHERE a.film IN $films
  RETURN a
}
MATCH (a)-[r:BETRAYED|KILLED|WOUNDED|LOYAL_TO]->(b:Character|Group)
RETURN
  a.id + ' ' + type(r) + ' ' + b.id + ' ' + r.key AS id,
  type(r) AS type,
  a.id AS source,
  b.id AS target,
  r.seq AS seq,
  r.since AS since,
  r.until AS until,
  coalesce(r.covert, false) AS covert,
  coalesce(r.coerced, false) AS coerced,
  coalesce(r.how, r.kind) AS how,
  r.sources AS sources
ORDER BY coalesce(seq, since, 0), type, source, target, id
