"""The graph step: one schema, records, and the stores that hold them.

`graph/` imports nothing from `loaders/`, `queries/`, `api/` or `viz/`.
"""
