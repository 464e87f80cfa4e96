// The films in the graph, to check a film parameter and suggest the right one.
// Parameters: none.
MATCH (f:Film)
RETURN f.id AS id, f.title AS title
ORDER BY f.title, f.id
