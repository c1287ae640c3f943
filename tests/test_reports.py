"""Gap reports: content equals the analysis, three formats, determinism, empty scopes."""
from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest

from graph.projection import project
from loaders.pipeline import load_paths
from queries import gaps
from reports import render
from reports.content import ReportError, build_report

DATA = Path(__file__).resolve().parents[1] / "data" / "chongqing"
DAY = dt.date(2026, 1, 1)


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    from graph.embedded_store import EmbeddedStore
    from graph.settings import Settings
    store = EmbeddedStore(Settings(home=tmp_path_factory.mktemp("rep")))
    load_paths(store, [DATA])
    return project(store)


@pytest.fixture(scope="module")
def report(graph):
    return build_report(graph, "all", "zh", data_date="2026-11-23", today=DAY)


def test_sections_follow_the_proposals_three_problems(report):
    assert [title for title, _ in report.sections] == ["一、创新链引领作用", "二、产业链创新主体地位", "三、融合生态支撑效能"]
    assert all(findings for _, findings in report.sections)
    assert 1 <= len(report.summary) <= 5


def test_figures_in_the_text_equal_the_analysis(graph, report):
    no_supply = [r for r in gaps.cluster_supply_gap(graph) if r["flag"] == "no_supply"]
    first = report.sections[0][1][0]
    assert first.figures == {"clusters_without_supply": len(no_supply)}
    assert first.sentence.startswith(f"{len(no_supply)} 个产业集群有产业基础却没有任何研发供给")
    assert "高端摩托车" in first.sentence
    cc = {r["id"]: r for r in gaps.coupling_coordination(graph)["rows"]}
    table = next(t for t in report.tables if t.title.startswith("表2"))
    assert [row[4] for row in table.rows] == [f"{r['D']:.3f}" for r in cc.values()]
    mismatches = sum(r["mismatch"] for r in gaps.district_mismatch(graph))
    assert any(f.figures.get("district_mismatches") == mismatches for f in report.sections[2][1])


def test_every_finding_that_names_organisations_cites_sources(report):
    for _, findings in report.sections:
        for f in findings:
            if f.names:
                assert f.sources, f.sentence


def test_same_data_gives_the_same_text(graph, report):
    again = build_report(graph, "all", "zh", data_date="2026-11-23", today=DAY)
    assert render.to_markdown(again)[0] == render.to_markdown(report)[0]
    assert render.to_html(again) == render.to_html(report)


def test_docx_opens_with_sections_tables_and_images(report):
    import docx
    doc = docx.Document(io.BytesIO(render.to_docx(report)))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading") or p.style.name == "Title"]
    for title in ("创新链与产业链融合缺口分析报告", "一、创新链引领作用", "二、产业链创新主体地位", "三、融合生态支撑效能",
                  "附录：方法与数据说明"):
        assert title in headings
    assert len(doc.tables) == 5
    assert doc.tables[1].rows[0].cells[4].text == "D"
    assert len(doc.inline_shapes) == 2


def test_markdown_writes_its_charts_beside_it(report, tmp_path):
    files = render.write(report, "md", tmp_path / "gaps.md")
    assert [f.name for f in files] == ["gaps.md", "chart1.png", "chart2.png"]
    text = files[0].read_text(encoding="utf-8")
    assert "![图1 各集群耦合协调度 D](gaps_files/chart1.png)" in text
    assert files[1].read_bytes().startswith(b"\x89PNG")


def test_english_report(graph):
    en = build_report(graph, "all", "en", today=DAY)
    assert en.title == "Gap report: fusing the innovation chain and the industry chain"
    assert en.sections[0][0] == "1. The innovation chain's leading role"


def test_cluster_scope_keeps_that_cluster_only(graph):
    r = build_report(graph, "cluster:cluster.motorcycle", "zh", today=DAY)
    assert r.scope_name == "高端摩托车 (cluster.motorcycle)"
    assert [row[0] for row in r.tables[0].rows] == ["高端摩托车"]


def test_scopes_without_data_give_a_clear_message(graph):
    with pytest.raises(ReportError, match="has no data yet"):
        build_report(graph, "district:district.dianjiang")
    with pytest.raises(ReportError, match="no cluster with id 'cluster.nope'"):
        build_report(graph, "cluster:cluster.nope")
    with pytest.raises(ReportError, match="scope must be all"):
        build_report(graph, "everything")


def test_an_empty_store_is_refused(embedded):
    with pytest.raises(ReportError, match="no clusters"):
        build_report(project(embedded))


def test_report_download_from_the_api(settings, embedded):
    from fastapi.testclient import TestClient

    from api.main import create_app
    load_paths(embedded, [DATA])
    with TestClient(create_app(settings, embedded)) as client:
        response = client.get("/reports/gaps", params={"format": "html", "scope": "cluster:cluster.nev"})
        assert response.status_code == 200
        assert response.headers["content-disposition"] == 'attachment; filename="dualchain-gaps-cluster-cluster.nev.html"'
        assert "智能网联新能源汽车 (cluster.nev)" in response.text
        assert f"数据日期: {dt.date.today().isoformat()}" in response.text  # the load time of the files
        bad = client.get("/reports/gaps", params={"scope": "district:district.dianjiang"})
        assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "scope"


def test_html_renders_offline_in_chromium(report, tmp_path):
    import shutil
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        pytest.skip("Debian's chromium is not installed; `make test` installs it with apt-get when run as root")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    page_file = tmp_path / "report.html"
    page_file.write_text(render.to_html(report), encoding="utf-8")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu",
                                                                    "--disable-background-networking"])
        page = browser.new_page()
        requested = []
        page.on("request", lambda r: requested.append(r.url))
        page.goto(page_file.as_uri())
        assert page.locator("h2").first.text_content() == "摘要：最突出的缺口"
        widths = page.evaluate("[...document.images].map(i => i.naturalWidth)")
        browser.close()
    assert len(widths) == 2 and all(w > 100 for w in widths)  # both charts decoded
    assert [u for u in requested if not re.match(r"^(file|data):", u)] == []
