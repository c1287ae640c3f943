"""The analysis step (paths, centrality, gap metrics, saved Cypher). Filled by the analysis issue."""
