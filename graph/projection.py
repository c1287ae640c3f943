"""Store -> networkx, and networkx -> files for Gephi and friends.

The analysis issue extends this with filters and a cache; export uses the plain form.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from .store import GraphData, GraphStore

EXPORT_FORMATS = ("graphml", "gexf", "json")


def to_networkx(data: GraphData) -> nx.MultiDiGraph:
    """Every node (key: id; attributes: label and properties) and every edge
    (key: relationship type; attributes: type and properties)."""
    g = nx.MultiDiGraph()
    for n in data.nodes:
        g.add_node(n.id, label=n.label, **{k: v for k, v in n.props.items() if k != "id"})
    for e in data.edges:
        g.add_edge(e.source, e.target, key=e.type, type=e.type, **e.props)
    return g


def project(store: GraphStore) -> nx.MultiDiGraph:
    return to_networkx(store.export())


def _flat(attrs: dict[str, Any]) -> dict[str, Any]:
    """GraphML and GEXF take scalars only: drop empty values, JSON-encode lists."""
    out = {}
    for k, v in attrs.items():
        if v is None:
            continue
        out[k] = json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
    return out


def write_export(data: GraphData, fmt: str, path: Path) -> None:
    g = to_networkx(data)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "json":
        doc = nx.node_link_data(g, edges="links")
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
        return
    flat = nx.MultiDiGraph()
    flat.add_nodes_from((n, _flat(a)) for n, a in g.nodes(data=True))
    flat.add_edges_from((u, v, k, _flat(a)) for u, v, k, a in g.edges(keys=True, data=True))
    if fmt == "graphml":
        nx.write_graphml(flat, path, encoding="utf-8")
    elif fmt == "gexf":
        nx.write_gexf(flat, path, encoding="utf-8")
    else:
        raise ValueError(f"unknown export format {fmt!r}")
