// What it answers: which universities are located in a district, with their level.
// Parameters: $district (string, district id), e.g. district.nanan
// Columns: id, name_zh, level
MATCH (u:University)-[:LOCATED_IN]->(d:District {id: $district})
RETURN u.id AS id, u.name_zh AS name_zh, u.level AS level
ORDER BY id
