"""Figures about the bundled dataset for docs/data.md.

    python data/tools/dataset_report.py            # print the figures (Markdown)
    python data/tools/dataset_report.py --write    # replace the figures block in docs/data.md

The block between the markers in docs/data.md is exactly `figures()`; a test keeps it so.
Load time is measured separately (it varies from run to run) and printed, not checked.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from graph import schema  # noqa: E402
from graph.embedded_store import EmbeddedStore  # noqa: E402
from graph.projection import to_networkx  # noqa: E402
from graph.settings import Settings  # noqa: E402
from graph.store import GraphData  # noqa: E402
from loaders.pipeline import load_paths  # noqa: E402

DATA = ROOT / "data" / "chongqing"
DOC = ROOT / "docs" / "data.md"
BEGIN, END = "<!-- figures:begin (data/tools/dataset_report.py --write) -->", "<!-- figures:end -->"


def load(data_dir: Path = DATA) -> tuple[GraphData, float]:
    with tempfile.TemporaryDirectory() as home:
        store = EmbeddedStore(Settings(home=Path(home)))
        started = time.perf_counter()
        load_paths(store, [data_dir])
        seconds = time.perf_counter() - started
        data = store.export()
        store.close()
    return data, seconds


def figures(data: GraphData) -> str:
    labels = Counter(n.label for n in data.nodes)
    types = Counter(e.type for e in data.edges)
    basis = Counter((e.type, e.props.get("basis") or "stated") for e in data.edges)
    out = ["| label | nodes |", "| --- | ---: |"]
    out += [f"| {label} | {labels[label]} |" for label in schema.NODES]
    out += [f"| **total** | **{len(data.nodes)}** |", "", "| relationship | edges | stated | curated |",
            "| --- | ---: | ---: | ---: |"]
    out += [f"| {t} | {types[t]} | {basis[(t, 'stated')]} | {basis[(t, 'curated')]} |" for t in schema.RELS]
    out += [f"| **total** | **{len(data.edges)}** | | |", ""]
    located = {e.source for e in data.edges if e.type == "LOCATED_IN"}
    out += ["| actors | with a district | share |", "| --- | ---: | ---: |"]
    actors = [n for n in data.nodes if n.label in schema.ACTORS]
    for label in schema.ACTORS:
        group = [n for n in actors if n.label == label]
        hit = sum(1 for n in group if n.id in located)
        out.append(f"| {label} | {hit} of {len(group)} | {hit / len(group):.0%} |")
    hit = sum(1 for n in actors if n.id in located)
    out += [f"| **all actors** | **{hit} of {len(actors)}** | **{hit / len(actors):.0%}** |", ""]
    g = to_networkx(data).to_undirected()
    g.remove_nodes_from([n.id for n in data.nodes if n.label == "Source"])
    parts = sorted(nx.connected_components(g), key=len, reverse=True)
    isolated = sum(1 for p in parts if len(p) == 1)
    out.append(f"Without `Source` nodes the graph has {g.number_of_nodes()} nodes in {len(parts)} connected "
               f"components; the largest holds {len(parts[0])} ({len(parts[0]) / g.number_of_nodes():.1%}); "
               f"{isolated} nodes stand alone.")
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true", help="replace the figures block in docs/data.md")
    args = parser.parse_args()
    runs = [load() for _ in range(3)]
    data = runs[0][0]
    block = figures(data)
    timing = statistics.median(seconds for _, seconds in runs)
    if args.write:
        text = DOC.read_text(encoding="utf-8")
        head, rest = text.split(BEGIN, 1)
        _, tail = rest.split(END, 1)
        DOC.write_text(f"{head}{BEGIN}\n{block}\n{END}{tail}", encoding="utf-8")
    print(block)
    print(f"\nload into a fresh embedded store: median {timing:.2f} s of 3 runs", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
