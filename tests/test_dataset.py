"""The bundled Chongqing dataset: complete against the reference and the seeds, sourced,
connected, and reproducible from its build tool."""
from __future__ import annotations

import filecmp
import re
from pathlib import Path

import networkx as nx
import pytest
import yaml

from graph.embedded_store import EmbeddedStore
from graph.projection import to_networkx
from graph.settings import Settings
from loaders.pipeline import load_paths

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "chongqing"
SHARED = ROOT.parent / "shared"
ACTORS = ("University", "Institute", "Platform", "Enterprise", "Organization")
needs_shared = pytest.mark.skipif(not (SHARED / "reference").is_dir(),
                                  reason=f"{SHARED}/reference and seeds are not beside the repository "
                                         "(CI and developers have them; a bare clone does not)")


def reference(name: str) -> dict:
    return yaml.safe_load((SHARED / "reference" / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    store = EmbeddedStore(Settings(home=tmp_path_factory.mktemp("cq")))
    report = load_paths(store, [DATA])
    data = store.export()
    store.close()
    return report, data


def nodes_of(data, *labels):
    return [n for n in data.nodes if n.label in labels]


def test_the_dataset_loads_whole(graph):
    report, data = graph
    assert report.write.nodes_created == len(data.nodes) > 500
    assert report.write.edges_created == len(data.edges) > 1000


def test_every_node_and_edge_has_a_source(graph):
    _, data = graph
    assert [n.id for n in data.nodes if not n.props["sources"]] == []
    assert [e.key for e in data.edges if not e.props["sources"]] == []


def test_every_curated_edge_says_why(graph):
    _, data = graph
    curated = [e for e in data.edges if e.props["basis"] == "curated"]
    assert curated, "the dataset has curated relations (SUPPORTS, RESEARCHES, partial PRIORITIZES)"
    assert [e.key for e in curated if not e.props["rationale"]] == []
    assert {e.props["basis"] for e in data.edges if e.type == "SUPPORTS"} == {"curated"}


def test_ids_are_readable_ascii(graph):
    _, data = graph
    assert [n.id for n in data.nodes if not re.fullmatch(r"[a-z][a-z0-9_]*(\.[A-Za-z0-9_\-]+)+", n.id)] == []


def test_every_district_has_its_region(graph):
    _, data = graph
    districts = nodes_of(data, "District")
    assert len(districts) == 41
    assert [d.id for d in districts if not d.props["region"]] == []


@needs_shared
def test_counts_match_the_reference(graph):
    _, data = graph
    unis = reference("universities.yaml")
    assert len(nodes_of(data, "University")) == len(unis["universities"]) + len(unis["vocational_colleges"])
    clusters = reference("clusters_33618.yaml")
    future = reference("tech_416.yaml")["future_industries"]
    assert len(nodes_of(data, "Cluster")) == (len(clusters["clusters"])
                                             + len(clusters["rising_star_clusters"]["attested_members"])
                                             + len(future["high_growth"]) + len(future["high_potential"]))
    assert len(nodes_of(data, "Event")) == len(reference("seed_relations.yaml")["relations"])
    platform_ids = {p["id"] for p in reference("platforms.yaml")["platforms"]}
    assert platform_ids <= {n.id for n in nodes_of(data, "Platform", "Institute")}
    enterprise_ids = {e["id"] for e in reference("enterprises.yaml")["enterprises"]}
    assert enterprise_ids <= {n.id for n in nodes_of(data, "Enterprise")}


@needs_shared
def test_every_actor_in_the_seed_relations_is_present(graph):
    _, data = graph
    ids = {n.id for n in data.nodes}
    named = set()
    for r in reference("seed_relations.yaml")["relations"]:
        named |= {i for i in [r["subject"], r["object"], *(r.get("object_ids") or []), *(r.get("co_actors") or [])] if i}
    assert sorted(named - ids) == []


def _norm(text: str) -> str:
    return re.sub(r"\s|\*", "", text.replace("（", "(").replace("）", ")"))


COMPANY = re.compile(r"([A-Za-z\u4e00-\u9fff()]{2,40}?(?:股份有限公司|有限责任公司|有限公司)(?:[\u4e00-\u9fff]{1,6}分公司)?)")
COLLEGE = re.compile(r"((?:重庆|西南|四川|长江|北京|中国|西湖|上海|清华|华东)[\u4e00-\u9fff()]{0,14}?(?:大学|学院))"
                     r"(?![\u4e00-\u9fff]{0,3}(?:研究院|中心|实验室))")
CHUNKS = re.compile(r"[，。、；：“”！？与和及同]|开展|赴|走进|联合")


@needs_shared
def test_every_company_and_college_the_seeds_name_is_an_actor_node(graph):
    """Names are read from the seed texts by their legal or academic form, not picked by hand."""
    _, data = graph
    known = set()
    for n in nodes_of(data, *ACTORS):
        for name in [n.props["name_zh"], *(n.props["aliases"] or [])]:
            known |= {_norm(name), re.sub(r"\(.*?\)", "", _norm(name))}
    covered = lambda c: any(c == k or (len(k) >= 4 and k in c) or (len(c) >= 4 and c in k) for k in known)
    missing = set()
    for seed in sorted((SHARED / "seeds").glob("*.txt")):
        for chunk in CHUNKS.split(_norm(seed.read_text(encoding="utf-8"))):
            for pattern in (COMPANY, COLLEGE):
                for m in pattern.finditer(chunk):
                    name = re.sub(r"^[\u4e00-\u9fff]{1,4}[区县](?=重庆)", "", m.group(1))  # 万州区重庆…
                    if not covered(name):
                        missing.add((seed.name, name))
    assert sorted(missing) == []


@needs_shared
def test_events_quote_the_seed_line_they_cite(graph):
    _, data = graph
    seeds = {p.name: p.read_text(encoding="utf-8").splitlines() for p in (SHARED / "seeds").glob("*.txt")}
    events = nodes_of(data, "Event")
    quoted = [e for e in events if e.props["text"]]
    assert len(quoted) >= 0.95 * len(events)
    for e in quoted:
        file, line = e.props["sources"][0].rsplit(":", 1)
        following = "".join(seeds[file][int(line) - 1:int(line) + 12]).replace(" ", "")
        assert e.props["text"][:12].replace(" ", "") in following, e.id


def test_the_graph_is_connected_enough_to_analyse(graph):
    _, data = graph
    g = to_networkx(data).to_undirected()
    g.remove_nodes_from([n.id for n in nodes_of(data, "Source")])
    largest = max(nx.connected_components(g), key=len)
    assert len(largest) / g.number_of_nodes() > 0.9


@needs_shared
def test_generated_files_match_a_fresh_build(tmp_path):
    import sys
    sys.path.insert(0, str(ROOT / "data" / "tools"))
    try:
        from build_chongqing import build
    finally:
        sys.path.pop(0)
    build(SHARED / "reference", SHARED / "seeds", tmp_path)
    generated = sorted(p.name for p in tmp_path.glob("*.yaml"))
    assert generated
    mismatch = [name for name in generated if not filecmp.cmp(tmp_path / name, DATA / name, shallow=False)]
    assert mismatch == [], "run: python data/tools/build_chongqing.py"


def test_docs_data_md_figures_are_current(graph):
    import sys
    sys.path.insert(0, str(ROOT / "data" / "tools"))
    try:
        from dataset_report import BEGIN, END, figures
    finally:
        sys.path.pop(0)
    _, data = graph
    text = (ROOT / "docs" / "data.md").read_text(encoding="utf-8")
    block = text.split(BEGIN, 1)[1].split(END, 1)[0].strip()
    assert block == figures(data), "run: python data/tools/dataset_report.py --write"
