// What it answers: the platforms and institutes that rely on (依托) a host organisation.
// Parameters: $host (string, host id), e.g. univ.cqu
// Columns: id, name_zh, kind, level
MATCH (p)-[:HOSTED_BY]->(h {id: $host})
RETURN p.id AS id, p.name_zh AS name_zh, p.kind AS kind, p.level AS level
ORDER BY id
