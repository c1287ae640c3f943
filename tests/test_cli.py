"""The `dualchain` command, run in-process: output, exit codes, files it writes."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from api import cli

from .conftest import BAD, SOURCES


@pytest.fixture
def run(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("DUALCHAIN_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("DUALCHAIN_STORE", raising=False)

    def invoke(*args: str) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "argv", ["dualchain", *args])
        code = 0
        try:
            cli.main()
        except SystemExit as exit_:
            code = exit_.code or 0
        out, err = capsys.readouterr()
        return code, out, err
    return invoke


def test_load_prints_what_it_did_as_json(run):
    code, out, _ = run("load", str(SOURCES))
    assert code == 0
    report = json.loads(out)
    assert (report["files"], report["nodes_created"], report["edges_created"]) == (6, 17, 12)
    assert report["store"]["total_nodes"] == 17


def test_load_twice_gives_identical_stats(run):
    run("load", str(SOURCES))
    _, first, _ = run("stats", "--json")
    code, out, _ = run("load", str(SOURCES))
    assert json.loads(out)["nodes_created"] == 0
    _, second, _ = run("stats", "--json")
    assert first == second


def test_bad_input_exits_1_with_file_line_on_stderr_and_store_unchanged(run):
    run("load", str(SOURCES))
    _, before, _ = run("stats", "--json")
    code, out, err = run("load", str(SOURCES), str(BAD / "enterprises.yaml"))
    assert code == 1
    assert out == ""
    assert err.splitlines() == [f"{BAD}/enterprises.yaml:5: district: unknown id 'district.nowhere'",
                                "1 error; nothing was written."]
    assert run("stats", "--json")[1] == before


def test_default_load_is_the_bundled_dataset(run):
    code, out, _ = run("load")
    assert code == 0
    assert json.loads(out)["store"]["nodes"]["University"] >= 4


def test_validate_writes_nothing(run):
    code, out, _ = run("validate", str(SOURCES))
    assert (code, json.loads(out)["errors"]) == (0, 0)
    assert json.loads(run("stats", "--json")[1])["total_nodes"] == 0


def test_query_with_parameters_prints_json_rows(run):
    run("load", str(SOURCES))
    code, out, _ = run("query", "MATCH (u:University) WHERE u.name_zh = $name RETURN u.id AS id, u.tags AS tags",
                       "-p", "name=重庆大学", "--json")
    assert code == 0
    assert json.loads(out) == {"columns": ["id", "tags"], "rows": [{"id": "univ.cqu", "tags": ["985", "211"]}],
                               "truncated": False}


def test_query_parameter_values_are_json_when_they_parse(run):
    run("load", str(SOURCES))
    code, out, _ = run("query", "MATCH (c:Cluster) WHERE c.tier_rank = $rank RETURN c.id", "-p", "rank=3", "--json")
    assert json.loads(out)["rows"] == [{"c.id": "cluster.biomedicine"}]


def test_write_query_is_refused_with_exit_1(run):
    run("load", str(SOURCES))
    code, out, err = run("query", "MATCH (n) DETACH DELETE n")
    assert (code, out) == (1, "")
    assert err.strip() == "error: read-only: DETACH is not allowed here (queries may only read)"


def test_row_cap_is_announced(run):
    code, out, err = run("query", "UNWIND range(1, 20) AS x RETURN x", "--max-rows", "5", "--json")
    assert json.loads(out)["truncated"] is True
    assert "only the first 5 rows" in err


@pytest.mark.parametrize("args", [("clear",), ("query", "RETURN 1", "-p", "novalue"), ("nosuchcommand",),
                                  ("export", "--format", "pdf", "-o", "x.pdf")])
def test_bad_usage_exits_2(run, args):
    assert run(*args)[0] == 2


def test_unknown_store_kind_exits_2(run):
    code, _, err = run("--store", "sqlite", "stats")
    assert code == 2
    assert "DUALCHAIN_STORE must be one of embedded, neo4j" in err


def test_neo4j_without_settings_names_the_missing_variable(run, monkeypatch):
    monkeypatch.delenv("DUALCHAIN_NEO4J_URI", raising=False)
    code, _, err = run("--store", "neo4j", "stats")
    assert code == 2
    assert "DUALCHAIN_NEO4J_URI is not set" in err


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_export_reads_back_with_networkx(run, tmp_path, fmt, reader):
    run("load", str(SOURCES))
    target = tmp_path / f"g.{fmt}"
    code, out, _ = run("export", "--format", fmt, "-o", str(target))
    assert code == 0
    g = reader(target)
    assert (g.number_of_nodes(), g.number_of_edges()) == (17, 12)
    assert g.nodes["univ.cqu"]["name_zh"] == "重庆大学"
    assert json.loads(g.nodes["univ.cqu"]["aliases"]) == ["重大", "CQU"]


def test_export_json_is_node_link(run, tmp_path):
    run("load", str(SOURCES))
    target = tmp_path / "g.json"
    run("export", "--format", "json", "-o", str(target))
    g = nx.node_link_graph(json.loads(target.read_text(encoding="utf-8")), edges="links")
    assert (g.number_of_nodes(), g.number_of_edges()) == (17, 12)
    assert g.nodes["ent.changan"]["leading"] is True


def test_clear_with_yes_empties_the_store(run):
    run("load", str(SOURCES))
    code, out, _ = run("clear", "--yes")
    assert (code, json.loads(out)["store"]["total_nodes"]) == (0, 0)


def test_every_command_has_help():
    commands = ["load", "validate", "stats", "query", "export", "clear"]
    for name in commands:
        result = subprocess.run([sys.executable, "-m", "api.cli", name, "--help"], capture_output=True, text=True)
        assert result.returncode == 0, name
        assert "Usage:" in result.stdout and len(result.stdout.splitlines()) > 3, name


def test_the_installed_command_runs():
    script = Path(sys.executable).parent / "dualchain"  # the console script pip installed beside python
    result = subprocess.run([str(script), "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert "load" in result.stdout and "query" in result.stdout


def test_unreachable_neo4j_is_a_clear_error_not_a_traceback(run, monkeypatch):
    monkeypatch.setenv("DUALCHAIN_NEO4J_URI", "bolt://127.0.0.1:1")
    monkeypatch.setenv("DUALCHAIN_NEO4J_USER", "neo4j")
    monkeypatch.setenv("DUALCHAIN_NEO4J_PASSWORD", "x")
    code, out, err = run("--store", "neo4j", "stats")
    assert (code, out) == (1, "")
    assert err.startswith("error: Neo4j at bolt://127.0.0.1:1 is not available")


def test_paths_by_chinese_name(run):
    run("load", str(SOURCES))
    code, out, _ = run("paths", "重庆大学", "智能网联新能源汽车", "--json")
    assert code == 0
    [path] = json.loads(out)
    assert [n["id"] for n in path["nodes"]] == ["univ.cqu", "ent.changan", "cluster.nev"]


def test_paths_unknown_entity_and_no_path_exit_1(run):
    run("load", str(SOURCES))
    code, _, err = run("paths", "重庆大", "cluster.nev")
    assert code == 1 and "did you mean 重庆大学 = univ.cqu" in err
    code, _, err = run("paths", "univ.cqjtu", "cluster.nev")
    assert code == 1 and "no path from 'univ.cqjtu' to 'cluster.nev'" in err


def test_centrality_json_for_one_label(run):
    run("load", str(SOURCES))
    code, out, _ = run("centrality", "--metric", "degree", "--label", "Enterprise", "--top", "1", "--json")
    report = json.loads(out)
    assert code == 0
    assert report["metrics"]["degree"]["top"] == [
        {"id": "ent.changan", "label": "Enterprise", "name_zh": "重庆长安汽车股份有限公司", "score": 3.0}]
    assert run("centrality", "--metric", "fame")[0] == 2


def test_gaps_json_has_every_metric(run):
    run("load", str(SOURCES))
    code, out, _ = run("gaps", "--json")
    assert code == 0
    assert set(json.loads(out)) == {"cluster_supply_gap", "absorption_gap", "coupling_coordination",
                                    "single_points_of_failure", "brokers", "reach", "district_mismatch",
                                    "partner_recommendations"}


def test_recommend_gives_reasons(run):
    run("load", str(SOURCES.parent / "mini_chain"))
    code, out, _ = run("recommend", "ent.f2", "--json")
    assert code == 0
    assert [(r["innovation"], r["score"], [x["id"] for x in r["shared"]]) for r in json.loads(out)["rows"]] == [
        ("plat.p", 0.5, ["cluster.a", "tech.x"]), ("univ.u", 0.5, ["cluster.a", "tech.x"])]


def test_docker_image_copies_every_package_the_app_imports():
    """The Dockerfile lists folders by hand; a package missing there breaks the API in compose."""
    root = Path(__file__).resolve().parents[1]
    dockerfile = (root / "Dockerfile").read_text(encoding="utf-8")
    import tomllib
    packages = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]["find"]["include"]
    for pattern in packages:
        name = pattern.rstrip("*")
        assert f"COPY {name} ./{name}" in dockerfile, name
