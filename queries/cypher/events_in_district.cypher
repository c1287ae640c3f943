// What it answers: the dated cooperation events held in a district, with the sentence that states each.
// Parameters: $district (string, district id), e.g. district.beibei
// Columns: id, date, kind, text
MATCH (e:Event)-[:HELD_IN]->(d:District {id: $district})
RETURN e.id AS id, e.date AS date, e.kind AS kind, e.text AS text
ORDER BY date, id
