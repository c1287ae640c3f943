"""The web explorer in a real headless Chromium (Debian's), served by a real uvicorn on
loopback over the real embedded store with the bundled dataset. No request may leave
localhost: the page must work on an intranet with no internet."""
from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason="Debian's chromium is not installed; `make test` installs it with "
                                       "apt-get when run as root")
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
DATA = Path(__file__).resolve().parents[1] / "data" / "chongqing"
SHOTS = Path("/tmp/dualchain-e2e")  # screenshots for a person to look at
SHOTS.mkdir(exist_ok=True)
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-default-apps"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from api.main import create_app
    from graph.embedded_store import EmbeddedStore
    from graph.settings import Settings
    from loaders.pipeline import load_paths
    settings = Settings(home=tmp_path_factory.mktemp("e2e"))
    store = EmbeddedStore(settings)
    load_paths(store, [DATA])
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(settings, store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


def painted_pixels(page) -> int:
    return page.evaluate("""() => { const c = document.querySelector('#network canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }""")


def test_search_network_details_path_gaps_console_all_offline(server, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    requested, errors = [], []
    page.on("request", lambda r: requested.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server + "/")
    assert page.text_content("header strong") == "创新链–产业链图谱"

    page.fill("#search", "重庆交通大学")
    page.wait_for_selector("#suggest div")
    page.click("#suggest div >> nth=0")
    page.wait_for_function("Number(document.getElementById('network').dataset.nodes || 0) > 10")
    page.wait_for_selector("#detail-name")
    assert page.text_content("#detail-name") == "重庆交通大学"
    page.wait_for_selector("#network[data-drawn='1']")
    page.screenshot(path=str(SHOTS / "explorer_network.png"))
    assert painted_pixels(page) > 2000  # the network is really drawn, not just a blank canvas
    assert "高校" in page.text_content("#legend")

    page.fill("#path-from", "重庆交通大学")
    page.fill("#path-to", "智能网联新能源汽车")
    page.click("#path-go")
    page.wait_for_selector("#path-result")
    path_text = page.text_content("#path-result")
    assert path_text.startswith("路径（2 跳）") and path_text.endswith("智能网联新能源汽车")

    page.click("header a[data-page=gaps]")
    page.wait_for_selector("#page-gaps table.data")
    gaps_text = page.text_content("#page-gaps")
    for heading in ("集群创新供给缺口", "耦合协调度", "区县重点产业", "单点依赖", "关键中介", "跳数", "本地产业承接", "合作推荐"):
        assert heading in gaps_text, heading
    assert "高端摩托车" in gaps_text
    assert page.locator("#page-gaps table.data").count() == 8

    page.click("header a[data-page=console]")
    page.click("#cypher-run")
    page.wait_for_selector("#cypher-result table")
    assert "重庆交通大学" in page.text_content("#cypher-result")
    page.screenshot(path=str(SHOTS / "explorer_console.png"))

    outside = [u for u in requested if not (u.startswith(server) or u.startswith("data:"))]
    assert outside == []
    assert errors == []


def test_english_ui(server, browser):
    page = browser.new_page()
    page.goto(server + "/?lang=en")
    assert page.text_content("header strong") == "Innovation chain – industry chain graph"
    assert page.get_attribute("html", "lang") == "en"
    page.wait_for_function("document.querySelectorAll('#label-filter option').length > 3")
    assert "University" in page.text_content("#label-filter")


def test_label_filter_speaks_chinese_by_default(server, browser):
    page = browser.new_page()
    page.goto(server + "/")
    page.wait_for_function("document.querySelectorAll('#label-filter option').length > 3")
    options = page.locator("#label-filter option").all_text_contents()
    assert options[:3] == ["全部", "高校", "研究院所"]


def test_node_limit_is_announced(server, browser):
    page = browser.new_page()
    page.goto(server + "/?id=cluster.nev")
    page.wait_for_selector("#detail-name")
    page.fill("#limit", "10")
    page.dispatch_event("#limit", "change")
    page.wait_for_function("document.getElementById('notice').textContent.includes('已达节点上限')")
    assert page.evaluate("document.getElementById('network').dataset.nodes") == "10"
