// What it answers: the enterprises of a cluster, directly or through one of its segments.
// Parameters: $cluster (string, cluster id), e.g. cluster.nev
// Columns: id, name_zh, leading
MATCH (e:Enterprise)-[:IN_CLUSTER]->(c:Cluster {id: $cluster})
RETURN e.id AS id, e.name_zh AS name_zh, e.leading AS leading
UNION
MATCH (e:Enterprise)-[:IN_CLUSTER]->(s:Segment)-[:PART_OF]->(c:Cluster {id: $cluster})
RETURN e.id AS id, e.name_zh AS name_zh, e.leading AS leading
