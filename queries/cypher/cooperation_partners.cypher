// What it answers: who an actor cooperates with, and the events that show it.
// Parameters: $actor (string, actor id), e.g. univ.swu
// Columns: partner_id, partner_name, evidence
MATCH (a {id: $actor})-[c:COOPERATES_WITH]-(p)
RETURN p.id AS partner_id, p.name_zh AS partner_name, c.evidence AS evidence
ORDER BY partner_id
