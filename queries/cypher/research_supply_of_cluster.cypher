// What it answers: which universities, institutes and platforms research a tech area that supports a cluster.
// Parameters: $cluster (string, cluster id), e.g. cluster.biomedicine
// Columns: actor_id, actor_name, tech_area, basis
MATCH (a)-[r:RESEARCHES]->(t:TechArea)-[:SUPPORTS]->(c:Cluster {id: $cluster})
RETURN a.id AS actor_id, a.name_zh AS actor_name, t.name_zh AS tech_area, r.basis AS basis
ORDER BY actor_id, tech_area
