// What it answers: the clusters and segments a district names among its priority industries, and on what basis.
// Parameters: $district (string, district id), e.g. district.liangjiang
// Columns: target_id, target_name, basis, role, rationale
MATCH (d:District {id: $district})-[p:PRIORITIZES]->(t)
RETURN t.id AS target_id, t.name_zh AS target_name, p.basis AS basis, p.role AS role, p.rationale AS rationale
ORDER BY target_id
