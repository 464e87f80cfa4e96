// heistgraph schema: run before loading data (the importer runs it on every import).
// Every node has an id unique among nodes of its label.
CREATE CONSTRAINT film_id IF NOT EXISTS FOR (n:Film) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT character_id IF NOT EXISTS FOR (n:Character) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT group_id IF NOT EXISTS FOR (n:Group) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT disagreement_id IF NOT EXISTS FOR (n:Disagreement) REQUIRE n.id IS UNIQUE;
// Every relationship has a key unique among relationships of its type (its ends' ids, then
// the fact's identity between them: src/import/plan.ts, relKey), so a duplicate can never be
// committed, whoever writes it. One constraint per type of src/dataset/vocabulary.ts.
CREATE CONSTRAINT appears_in_key IF NOT EXISTS FOR ()-[r:APPEARS_IN]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT in_film_key IF NOT EXISTS FOR ()-[r:IN_FILM]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT member_of_key IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT loyal_to_key IF NOT EXISTS FOR ()-[r:LOYAL_TO]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT knows_secret_of_key IF NOT EXISTS FOR ()-[r:KNOWS_SECRET_OF]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT participated_in_key IF NOT EXISTS FOR ()-[r:PARTICIPATED_IN]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT took_place_at_key IF NOT EXISTS FOR ()-[r:TOOK_PLACE_AT]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT located_in_key IF NOT EXISTS FOR ()-[r:LOCATED_IN]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT next_key IF NOT EXISTS FOR ()-[r:NEXT]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT about_key IF NOT EXISTS FOR ()-[r:ABOUT]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT summarises_key IF NOT EXISTS FOR ()-[r:SUMMARISES]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT killed_key IF NOT EXISTS FOR ()-[r:KILLED]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT wounded_key IF NOT EXISTS FOR ()-[r:WOUNDED]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT betrayed_key IF NOT EXISTS FOR ()-[r:BETRAYED]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT arrested_key IF NOT EXISTS FOR ()-[r:ARRESTED]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT saved_key IF NOT EXISTS FOR ()-[r:SAVED]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT spared_key IF NOT EXISTS FOR ()-[r:SPARED]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT threatened_key IF NOT EXISTS FOR ()-[r:THREATENED]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT suspected_key IF NOT EXISTS FOR ()-[r:SUSPECTED]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT ordered_key IF NOT EXISTS FOR ()-[r:ORDERED]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT recruited_key IF NOT EXISTS FOR ()-[r:RECRUITED]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT abandoned_key IF NOT EXISTS FOR ()-[r:ABANDONED]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT coerced_key IF NOT EXISTS FOR ()-[r:COERCED]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT married_to_key IF NOT EXISTS FOR ()-[r:MARRIED_TO]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT romance_with_key IF NOT EXISTS FOR ()-[r:ROMANCE_WITH]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT parent_of_key IF NOT EXISTS FOR ()-[r:PARENT_OF]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT step_parent_of_key IF NOT EXISTS FOR ()-[r:STEP_PARENT_OF]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT sibling_of_key IF NOT EXISTS FOR ()-[r:SIBLING_OF]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT informant_for_key IF NOT EXISTS FOR ()-[r:INFORMANT_FOR]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT employed_by_key IF NOT EXISTS FOR ()-[r:EMPLOYED_BY]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT superior_of_key IF NOT EXISTS FOR ()-[r:SUPERIOR_OF]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT fence_for_key IF NOT EXISTS FOR ()-[r:FENCE_FOR]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT former_cellmate_of_key IF NOT EXISTS FOR ()-[r:FORMER_CELLMATE_OF]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT friend_of_key IF NOT EXISTS FOR ()-[r:FRIEND_OF]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT rival_of_key IF NOT EXISTS FOR ()-[r:RIVAL_OF]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT acted_on_key IF NOT EXISTS FOR ()-[r:ACTED_ON]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT tied_to_key IF NOT EXISTS FOR ()-[r:TIED_TO]-() REQUIRE r.key IS UNIQUE;
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
// The same keys whole (one term per name or alias, the keyword analyzer): a name or alias
// typed in full is found without reading the postings of its every word, which a phrase
// query of subject_search does (names that share words, such as "Person 12-3", make that
// the look-up's largest cost). find-subject.cypher asks it first.
CREATE FULLTEXT INDEX subject_key IF NOT EXISTS FOR (n:Character|Group) ON EACH [n.searchKeys] OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}};
