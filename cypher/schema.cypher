// heistgraph schema: run before loading data (the importer runs it on every import).
// Every node has an id unique among nodes of its label.
CREATE CONSTRAINT film_id IF NOT EXISTS FOR (n:Film) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT character_id IF NOT EXISTS FOR (n:Character) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT group_id IF NOT EXISTS FOR (n:Group) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT disagreement_id IF NOT EXISTS FOR (n:Disagreement) REQUIRE n.id IS UNIQUE;
// Look-ups by film and story position, and by name.
CREATE INDEX event_film_seq IF NOT EXISTS FOR (n:Event) ON (n.film, n.seq);
CREATE INDEX character_film IF NOT EXISTS FOR (n:Character) ON (n.film);
// A film by its title as typed (lower-case, no accents; see src/text/normalise.ts).
CREATE INDEX film_title_key IF NOT EXISTS FOR (n:Film) ON (n.titleKey);
// A film's whole subgraph, read back by the importer and by `heistgraph remove`.
CREATE INDEX event_film IF NOT EXISTS FOR (n:Event) ON (n.film);
CREATE INDEX group_film IF NOT EXISTS FOR (n:Group) ON (n.film);
CREATE INDEX place_film IF NOT EXISTS FOR (n:Place) ON (n.film);
CREATE INDEX source_film IF NOT EXISTS FOR (n:Source) ON (n.film);
CREATE INDEX disagreement_film IF NOT EXISTS FOR (n:Disagreement) ON (n.film);
CREATE INDEX character_role IF NOT EXISTS FOR (n:Character) ON (n.role);
// The role parallels.cypher compares, when a story maps its own role word to a built-in one.
CREATE INDEX character_parallel_role IF NOT EXISTS FOR (n:Character) ON (n.parallelRole);
// parallels.cypher: a role's films in id order (the first few read, not every holder), then
// one film's holders of the role, both from the index alone.
CREATE INDEX character_parallel_role_film IF NOT EXISTS FOR (n:Character) ON (n.parallelRole, n.film);
// Name look-ups of characters and groups (find-subject.cypher): the lower-case, accent-free
// names and aliases, and the film id to scope them, in a full-text index (phrase for names,
// fuzzy for "did you mean").
CREATE FULLTEXT INDEX subject_search IF NOT EXISTS FOR (n:Character|Group) ON EACH [n.searchKeys, n.film] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
