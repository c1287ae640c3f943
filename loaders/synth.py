"""A synthetic innovation/industry ecosystem in the loaders' own CSV formats, for
benchmarks and scale tests: `write_synthetic(n_nodes, seed, out_dir)`.

Shape (about 10 edges per node): 41 districts, 30 clusters with 5 segments each, 20 tech
areas; ~0.7% universities, institutes and platforms (the hubs); ~5% events; the rest
enterprises (leaves). District, cluster and partner choices follow Zipf-like weights,
so a few districts, clusters and universities carry most links, as in real ecosystems.
Ids and names are made up (`ent.s000123`, 合成企业123); nothing here is real data.
"""
from __future__ import annotations

import csv
import random
from bisect import bisect
from itertools import accumulate
from pathlib import Path

N_DISTRICTS, N_CLUSTERS, SEGMENTS_PER_CLUSTER, N_TECH = 41, 30, 5, 20


class _Zipf:
    """Draw indexes 0..n-1 with weight 1/(i+1)^a."""

    def __init__(self, n: int, a: float, rng: random.Random):
        self.cum = list(accumulate(1.0 / (i + 1) ** a for i in range(n)))
        self.rng = rng

    def __call__(self) -> int:
        return bisect(self.cum, self.rng.random() * self.cum[-1])


def _write(path: Path, header: list[str], rows) -> int:
    count = 0
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        for row in rows:
            w.writerow(row)
            count += 1
    return count


def write_synthetic(n_nodes: int, seed: int, out: Path) -> dict[str, int]:
    """Write the CSV files; return rows written per file."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    fixed = N_DISTRICTS + N_CLUSTERS * (1 + SEGMENTS_PER_CLUSTER) + N_TECH
    rest = max(n_nodes - fixed, 100)
    n_univ, n_inst, n_plat = max(5, rest * 2 // 1000), max(3, rest // 1000), max(5, rest * 4 // 1000)
    n_event = max(10, rest // 20)
    n_ent = rest - n_univ - n_inst - n_plat - n_event
    districts = [f"district.s{i:02d}" for i in range(N_DISTRICTS)]
    clusters = [f"cluster.s{i:02d}" for i in range(N_CLUSTERS)]
    segments = [f"seg.s{c:02d}_{j}" for c in range(N_CLUSTERS) for j in range(SEGMENTS_PER_CLUSTER)]
    tech = [f"tech.s{i:02d}" for i in range(N_TECH)]
    univ = [f"univ.s{i:05d}" for i in range(n_univ)]
    inst = [f"inst.s{i:05d}" for i in range(n_inst)]
    plat = [f"plat.s{i:05d}" for i in range(n_plat)]
    ents = [f"ent.s{i:07d}" for i in range(n_ent)]
    pick_d, pick_c, pick_t = _Zipf(N_DISTRICTS, 1.0, rng), _Zipf(N_CLUSTERS, 0.9, rng), _Zipf(N_TECH, 0.7, rng)
    innov = univ + inst + plat
    pick_hub = _Zipf(len(innov), 0.9, rng)
    pick_ent = _Zipf(n_ent, 0.7, rng)
    src = "synthetic"
    counts = {}
    counts["districts.csv"] = _write(out / "districts.csv", ["id", "name_zh", "region", "priorities", "sources"], (
        (d, f"合成区{i}", "synthetic", "|".join(sorted({clusters[pick_c()] for _ in range(3)})), src)
        for i, d in enumerate(districts)))
    counts["clusters.csv"] = _write(out / "clusters.csv", ["id", "name_zh", "tier", "tier_rank", "sources"], (
        (c, f"合成集群{i}", "synthetic", 1 + i % 4, src) for i, c in enumerate(clusters)))
    counts["segments.csv"] = _write(out / "segments.csv", ["id", "name_zh", "cluster", "sources"], (
        (s, f"合成环节{s[-4:]}", clusters[int(s[5:7])], src) for s in segments))
    counts["tech_areas.csv"] = _write(out / "tech_areas.csv", ["id", "name_zh", "level", "supports", "sources"], (
        (t, f"合成技术{i}", "field" if i < 4 else "direction",
         "|".join(sorted({clusters[pick_c()] for _ in range(3)})), src) for i, t in enumerate(tech)))
    researches = lambda: "|".join(sorted({tech[pick_t()] for _ in range(rng.randint(1, 4))}))
    counts["universities.csv"] = _write(out / "universities.csv", ["id", "name_zh", "district", "researches", "sources"], (
        (u, f"合成大学{i}", districts[pick_d()], researches(), src) for i, u in enumerate(univ)))
    counts["institutes.csv"] = _write(out / "institutes.csv", ["id", "name_zh", "level", "district", "researches", "hosts", "sources"], (
        (x, f"合成研究院{i}", rng.choice(["national", "municipal", ""]), districts[pick_d()], researches(),
         univ[rng.randrange(n_univ)], src) for i, x in enumerate(inst)))
    counts["platforms.csv"] = _write(out / "platforms.csv", ["id", "name_zh", "level", "district", "researches", "hosts", "sources"], (
        (p, f"合成平台{i}", rng.choice(["national", "municipal", "municipal", ""]), districts[pick_d()],
         researches(), rng.choice(univ + inst), src) for i, p in enumerate(plat)))
    counts["enterprises.csv"] = _write(out / "enterprises.csv", ["id", "name_zh", "leading", "district", "clusters", "leads", "sources"], (
        (e, f"合成企业{i}", "true" if i < N_CLUSTERS * 3 else "false", districts[pick_d()],
         "|".join(sorted({rng.choice([clusters[pick_c()], segments[rng.randrange(len(segments))]])
                          for _ in range(rng.randint(1, 2))})),
         clusters[i % N_CLUSTERS] if i < N_CLUSTERS * 3 else "", src) for i, e in enumerate(ents)))

    def events():
        for i in range(n_event):
            people = {innov[pick_hub()]} | {ents[pick_ent()] for _ in range(rng.randint(1, 3))}
            yield (f"event.s{i:07d}", f"合成活动{i}", rng.choice(["签约", "共建", "调研", "联合攻关", "人才培养"]),
                   f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}", districts[pick_d()], clusters[pick_c()],
                   "|".join(sorted(people)), src)
    counts["events.csv"] = _write(out / "events.csv", ["id", "name_zh", "kind", "date", "district", "concerns",
                                                       "participants", "sources"], events())

    def cooperation():
        seen = set()
        for e in ents:
            for _ in range(rng.randint(3, 12)):
                other = innov[pick_hub()] if rng.random() < 0.6 else ents[pick_ent()]
                pair = (min(e, other), max(e, other))
                if other != e and pair not in seen:
                    seen.add(pair)
                    yield ("COOPERATES_WITH", pair[0], pair[1], "stated", src)
    counts["edges.csv"] = _write(out / "edges.csv", ["type", "from", "to", "basis", "sources"], cooperation())
    return counts
