"""Scale benchmark: synthetic ecosystems of growing size, through the whole flow.

    python bench/bench_scale.py                      # 10k and 100k nodes
    python bench/bench_scale.py --sizes 10000 100000 1000000

For each size: write the synthetic files (`dualchain synth`), load them into a fresh
embedded store, project it the way `dualchain centrality` / `gaps` do (the networkx
projection below --compact-from nodes, the compact array projection from there on),
run the full centrality report (igraph above 2,000 nodes) and every gap metric, and time
single shortest-path queries.

The baseline is plain networkx on the same graph: on the projection's undirected graph,
or, for compact sizes, on an attribute-free nx.Graph built from the same edges (the full
networkx projection needs about 3 GB per 100k nodes, more than the machine at 1M).
Where networkx would take longer than --baseline-budget seconds, the slow metrics are
timed on a few sampled sources and extrapolated (marked "est."). Figures are printed,
nothing asserted.
"""
from __future__ import annotations

import argparse
import gc
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.embedded_store import EmbeddedStore  # noqa: E402
from graph.compact import CompactGraph  # noqa: E402
from graph.projection import project  # noqa: E402
from graph.settings import Settings  # noqa: E402
from loaders.pipeline import load_paths  # noqa: E402
from loaders.synth import write_synthetic  # noqa: E402
from queries import centrality as cen  # noqa: E402
from queries.gaps import all_gaps  # noqa: E402
from queries.paths import NoPath, shortest_path, simple_graph, with_evidence  # noqa: E402


def timed(fn, *args, **kwargs):
    started = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - started


def rss_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024


def networkx_baseline(s: nx.Graph, budget: float, seed: int) -> dict[str, str]:
    """The same metrics on plain networkx; slow ones estimated from a few sources."""
    out = {}
    n = s.number_of_nodes()
    exact = n <= cen.EXACT_LIMIT
    _, t = timed(nx.pagerank, s, alpha=0.85, tol=1e-10)
    out["pagerank"] = f"{t:.1f} s"
    probe = 4
    sources = random.Random(seed).sample(list(s), probe)
    _, t = timed(nx.betweenness_centrality_subset, s, sources, list(s), normalized=False)
    per_source = t / probe
    full = per_source * (n if exact else cen.SAMPLE)
    out["betweenness"] = f"{full:.1f} s" + (" (est.)" if full > budget else "")
    out["harmonic"] = f"{per_source * (n if exact else cen.SAMPLE) * 0.5:.1f} s (est.)"
    innov = [v for v, d in s.nodes(data=True) if d.get("label") in cen.INNOVATION_LABELS]
    out["cross_chain_betweenness"] = f"{per_source * min(len(innov), cen.SAMPLE):.1f} s (est.)"
    if n <= 20000:
        _, t = timed(nx.community.louvain_communities, s, seed=seed)
        out["communities"] = f"{t:.1f} s"
    else:
        out["communities"] = "not run (networkx Louvain at this size exceeds the budget)"
    return out


def baseline_graph(c: CompactGraph) -> nx.Graph:
    """Plain networkx graph of the compact one's nodes (with labels) and edges."""
    s = nx.Graph()
    s.add_nodes_from((n, {"label": c.label(n)}) for n in c)
    s.add_edges_from(c.edges())
    return s


def run(n: int, seed: int, budget: float, compact_from: int, analysis: bool = True) -> None:
    print(f"\n=== {n:,} nodes (seed {seed}) ===", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        counts, t = timed(write_synthetic, n, seed, tmp / "data")
        print(f"synth: {sum(counts.values()):,} rows in {t:.1f} s")
        store = EmbeddedStore(Settings(home=tmp / "home"))
        report, t = timed(load_paths, store, [tmp / "data"])
        print(f"load into embedded store: {report.nodes:,} nodes, {report.edges:,} edges in {t:.1f} s "
              f"({(report.nodes + report.edges) / t:,.0f} records/s); peak RSS so far {rss_gb():.2f} GB", flush=True)
        if n < compact_from:
            g, t = timed(project, store)
            s, t2 = timed(simple_graph, g)
            print(f"projection (networkx): {t:.1f} s (+ {t2:.1f} s undirected analysis graph: "
                  f"{s.number_of_nodes():,} nodes, {s.number_of_edges():,} edges); peak RSS {rss_gb():.1f} GB",
                  flush=True)
        else:
            top, t = timed(store.export_topology)
            g, t2 = timed(CompactGraph, top, exclude={"Source"})
            del top
            _, t3 = timed(g.igraph)
            print(f"projection (compact): {t:.1f} s topology export + {t2:.1f} s arrays + {t3:.1f} s igraph: "
                  f"{g.number_of_nodes():,} nodes, {g.number_of_edges():,} edges, arrays "
                  f"{g.memory_bytes() / 1e9:.2f} GB; peak RSS {rss_gb():.1f} GB", flush=True)
        if analysis:
            cen_report, t = timed(cen.centrality_report, g, seed=seed)
            steps = ", ".join(f"{k} {v['seconds']:.1f} s ({v['method']})" for k, v in cen_report["metrics"].items())
            print(f"centrality report ({cen_report['engine']}): {t:.1f} s total; {steps}; "
                  f"communities {cen_report['communities']['seconds']:.1f} s", flush=True)
            if isinstance(g, CompactGraph):
                s, t = timed(baseline_graph, g)
                print(f"networkx baseline graph (topology only) built in {t:.1f} s; peak RSS {rss_gb():.1f} GB",
                      flush=True)
            baseline = networkx_baseline(s, budget, seed)
            del s
            gc.collect()
            print("networkx baseline: " + "; ".join(f"{k} {v}" for k, v in baseline.items()), flush=True)
            _, t = timed(all_gaps, g)
            print(f"gaps (all metrics): {t:.1f} s", flush=True)
        rng = random.Random(seed)
        nodes = list(simple_graph(g))
        times, no_path, with_store = [], 0, []
        for _ in range(50):
            a, b = rng.sample(nodes, 2)
            started = time.perf_counter()
            try:
                found = shortest_path(g, a, b)
                if isinstance(g, CompactGraph):  # what the CLI / API add: each hop's evidence from the store
                    at = time.perf_counter()
                    with_evidence(found, store)
                    with_store.append((time.perf_counter() - at) * 1000)
            except NoPath:  # answered "no path": timed like any other answer
                no_path += 1
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        print(f"single shortest-path query: median {statistics.median(times):.2f} ms, "
              f"p95 {times[int(len(times) * 0.95) - 1]:.2f} ms, max {times[-1]:.2f} ms "
              f"(50 random pairs, {no_path} without a path)")
        if with_store:
            print(f"  of which reading the hops' evidence from the store: median {statistics.median(with_store):.2f} ms")
        print(f"peak RSS {rss_gb():.1f} GB", flush=True)
        store.close()
        del g
        gc.collect()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--baseline-budget", type=float, default=120.0)
    parser.add_argument("--compact-from", type=int, default=Settings().compact_from,
                        help="nodes from which the compact projection is used (as DUALCHAIN_COMPACT_FROM)")
    parser.add_argument("--skip-analysis", action="store_true",
                        help="only load, projection and path queries (no centrality, baseline or gaps)")
    args = parser.parse_args()
    for n in args.sizes:
        run(n, args.seed, args.baseline_budget, args.compact_from, analysis=not args.skip_analysis)
    return 0


if __name__ == "__main__":
    sys.exit(main())
