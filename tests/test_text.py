"""The text extractor: rules on small texts, and precision/recall against gold annotations built
by reading the texts (tests/fixtures/gold/): seed 001 (a brief), seed 003 (newspaper prose, the
development set for the prose rules) and seed 004 (a news feature, held out)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from loaders.text import Lexicons, NameIndex, as_json, extract, header
from loaders.text_eval import score

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "001_e7a2e3c515fcd3ca.txt"
GOLD = Path(__file__).parent / "fixtures" / "gold" / "seed001.yaml"

SEEDS = ROOT.parent / "shared" / "seeds"
INDEX = NameIndex.from_rows([
    ("univ.cqu", "University", "重庆大学", ["重大"]), ("univ.swupl", "University", "西南政法大学", ["西政"]),
    ("univ.scfai", "University", "四川美术学院", ["川美"]), ("ent.changan", "Enterprise", "重庆长安汽车股份有限公司", ["长安汽车"]),
    ("district.bishan", "District", "璧山区", None), ("district.shapingba", "District", "沙坪坝区", None),
    ("district.beibei", "District", "北碚区", None),
], Lexicons.load().ambiguous)


def run(text: str, **kw) -> list[dict]:
    return as_json(extract(text, INDEX, **kw))["items"]


def test_bold_subject_partner_kind_and_evidence():
    [item] = run("◆**重庆大学**与重庆长安汽车股份有限公司签署战略合作协议。双方将共建联合实验室。")
    assert item["subject"] == {"name": "重庆大学", "id": "univ.cqu", "type": "university"}
    assert item["relations"] == [{"source": {"name": "重庆大学", "id": "univ.cqu", "type": "university"},
                                  "target": {"name": "重庆长安汽车股份有限公司", "id": "ent.changan", "type": "enterprise"},
                                  "kind": "签约", "evidence": "◆重庆大学与重庆长安汽车股份有限公司签署战略合作协议。"}]


def test_unknown_organisations_by_name_form_and_lists_of_several():
    [item] = run("◆**川美**与重庆甲乙科技有限公司、重庆丙丁集团及某某研究院开展产学研合作交流。")
    assert [(o["name"], o["id"], o["type"]) for o in item["organisations"]] == [
        ("川美", "univ.scfai", "university"), ("重庆甲乙科技有限公司", None, "enterprise"),
        ("重庆丙丁集团", None, "enterprise"), ("某某研究院", None, "platform")]
    assert {r["kind"] for r in item["relations"]} == {"合作交流"}


def test_short_names_only_where_they_stand_as_names():
    assert [o["id"] for o in run("◆西政与重庆大学联合举办论坛。")[0]["organisations"]] == ["univ.swupl", "univ.cqu"]
    assert run("◆推进重大战略，服务重大疾病防治等工作。")[0]["organisations"] == []


def test_a_district_government_is_its_district_and_a_district_visit_is_a_relation():
    [signed] = run("◆**重庆大学**与沙坪坝区人民政府签署校地合作协议。")
    assert (signed["relations"][0]["target"]["id"], signed["relations"][0]["kind"]) == ("district.shapingba", "签约")
    [visit] = run("◆**重庆大学**赴璧山区开展专题调研。")
    assert visit["organisations"] == [{"name": "重庆大学", "id": "univ.cqu", "label": "University", "type": "university",
                                       "start": 3, "end": 7}]
    assert (visit["relations"][0]["target"]["id"], visit["relations"][0]["kind"]) == ("district.bishan", "调研")


def test_full_width_brackets_and_verbs_do_not_break_names():
    [item] = run("◆**重庆大学**赴万州区重庆某某酒业（集团）有限公司洽谈合作。")
    assert [o["name"] for o in item["organisations"]][1] == "重庆某某酒业（集团）有限公司"


def test_clusters_by_longest_keyword():
    [item] = run("◆**重庆大学**与重庆长安汽车股份有限公司围绕新能源汽车动力电池开展联合攻关。")
    assert [c["id"] for c in item["clusters"]] == ["cluster.nev"]


def test_header_dates_the_items():
    assert header("第 41 期（4.14—4.18）", year=2025) == {
        "issue": 41, "date": "2025-04-14", "date_end": "2025-04-18", "date_text": "4.14—4.18"}
    assert header("第 41 期（4.14—4.18）")["date"] is None  # no year in the text and none given


def test_paragraphs_without_diamonds_are_items():
    items = run("重庆大学与重庆长安汽车股份有限公司签约。\n\n川美师生赴璧山区写生。")
    assert [it["index"] for it in items] == [1, 2]
    assert items[1]["line"] == 3


def test_a_blank_line_inside_a_sentence_does_not_split_the_item_but_a_byline_does():
    text = ("“目前，校地双方已在创新、产业发\n\n展、社会事业等方面实现了全面合作。”\n\n"
            "深耕法治领域\n——某某大学校长 张三\n\n重庆大学与重庆甲乙科技有限公司签约。")
    items = run(text)
    assert [it["text"] for it in items] == ["“目前，校地双方已在创新、产业发展、社会事业等方面实现了全面合作。”",
                                            "深耕法治领域——某某大学校长 张三", "重庆大学与重庆甲乙科技有限公司签约。"]


def test_clause_words_and_generic_bodies_are_not_names():
    [item] = run("集中力量建设四大重庆实验室，争取国家实验室重庆基地布局。深化现代产业学院建设。")
    assert item["organisations"] == []
    [item] = run("加强了北碚区内的医院与重庆大学的合作，已建成并运营某某创业街（重庆某某产业技术研究院）。")
    assert [o["name"] for o in item["organisations"]] == ["重庆大学", "重庆某某产业技术研究院"]


def test_the_objects_of_a_visit_are_visited():
    [item] = run("某某学社专家组来渝，先后考察了重庆甲乙科技有限公司、某某实验室，围绕科技成果转化开展调研。")
    assert [(r["source"]["name"], r["target"]["name"], r["kind"]) for r in item["relations"]] == [
        ("某某学社", "重庆甲乙科技有限公司", "调研"), ("某某学社", "某某实验室", "调研")]


def test_school_and_both_sides_refer_to_the_university_named_before():
    items = run("重庆大学是北碚的高等学府。\n\n学校与重庆甲乙科技有限公司签订合作协议。\n\n"
                "北碚帮助学校解决了用地问题。\n\n校地双方实现了全面合作，北碚区相关负责人说。")
    pairs = [[(r["source"]["name"], r["target"]["name"], r["kind"]) for r in it["relations"]] for it in items]
    assert pairs[0] == []  # a place named beside the university is not a partner
    assert pairs[1] == [("重庆大学", "重庆甲乙科技有限公司", "签约")]
    assert pairs[2] == [("北碚区", "重庆大学", "other")]
    assert pairs[3] == [("重庆大学", "北碚区", "合作交流")]
    assert [o["name"] for o in items[1]["organisations"]] == ["重庆甲乙科技有限公司"]  # not named in that item


def test_a_byline_ends_the_university_a_school_refers_to():
    items = run("重庆大学与重庆甲乙科技有限公司签约。\n\n——重庆大学校长 张三\n\n学校与重庆丙丁科技有限公司签约。")
    assert [r["source"]["name"] for r in items[2]["relations"]] == []  # which school is unknown here


def test_web_text_has_one_paragraph_per_line_and_ascii_punctuation():
    text = ("重庆大学与重庆甲乙科技有限公司签署战略合作协议,双方将围绕新能源汽车开展联合攻关,共建联合实验室。\n"
            "四川美术学院、西南政法大学等高校则展示了代表性科技成果,吸引了众多企业前来洽谈交流。")
    items = run(text)
    assert len(items) == 2
    assert [(r["source"]["name"], r["target"]["name"], r["kind"]) for r in items[0]["relations"]] == [
        ("重庆大学", "重庆甲乙科技有限公司", "签约")]
    assert items[1]["relations"] == []  # co-listed exhibitors are not partners of each other


def test_an_organisation_after_with_is_a_partner_and_an_unnamed_school_gives_nothing():
    items = run("重庆大学推进与头部企业合作。\n\n赴北京与重庆甲乙科技有限公司签署战略合作协议。\n\n"
                "我校与璧山区签署了合作协议。")
    assert [(r["source"]["name"], r["target"]["name"]) for r in items[1]["relations"]] == []  # no subject left to carry
    items = run("我校与璧山区签署了合作协议,推动校地合作。")
    assert items[0]["relations"] == []  # which university "我校" is cannot be told
    [item] = run("重庆大学深化校企合作,先赴北京与重庆甲乙科技有限公司签署战略合作协议。")
    assert [(r["source"]["name"], r["target"]["name"], r["kind"]) for r in item["relations"]] == [
        ("重庆大学", "重庆甲乙科技有限公司", "签约")]


def _scores(embedded, seed: str) -> dict:
    from loaders.pipeline import load_paths, name_index
    load_paths(embedded, [ROOT / "data" / "chongqing"])
    [path] = SEEDS.glob(f"{seed}_*.txt")
    result = as_json(extract(path.read_text(encoding="utf-8"), name_index(embedded)))
    gold = yaml.safe_load((GOLD.parent / f"seed{seed}.yaml").read_text(encoding="utf-8"))["items"]
    scores = score(result, gold)
    print(seed, json.dumps({k: (v["precision"], v["recall"], v["f1"]) for k, v in scores.items()}))
    return scores


# floors just under the measured figures (docs/extraction.md): a rule change that costs accuracy
# on prose fails here. Seed 003 is the development text for the prose rules, seed 004 was held out.
@pytest.mark.skipif(not SEED.exists(), reason="the seed documents are not beside the repository")
@pytest.mark.parametrize("seed, floors", [("003", {"organisations": 0.92, "relations": 0.70, "clusters": 0.95}),
                                          ("004", {"organisations": 0.95, "relations": 0.90, "clusters": 0.85})])
def test_prose_scores_on_seeds_003_and_004(embedded, seed, floors):
    scores = _scores(embedded, seed)
    for part, floor in floors.items():
        assert scores[part]["f1"] >= floor, part


@pytest.mark.skipif(not SEED.exists(), reason="the seed documents are not beside the repository")
def test_precision_and_recall_on_every_item_of_seed_001(embedded):
    from loaders.pipeline import load_paths, name_index
    load_paths(embedded, [ROOT / "data" / "chongqing"])
    result = as_json(extract(SEED.read_text(encoding="utf-8"), name_index(embedded), year=2025))
    assert (result["issue"], result["date"], result["date_end"], len(result["items"])) == (41, "2025-04-14", "2025-04-18", 25)
    scores = score(result, yaml.safe_load(GOLD.read_text(encoding="utf-8"))["items"])
    print(json.dumps(scores, ensure_ascii=False))
    # Seen text: these floors keep the figures in docs/extraction.md honest; unseen text scores lower.
    assert scores["organisations"]["f1"] >= 0.95
    assert scores["relations"]["f1"] >= 0.85
    assert scores["clusters"]["f1"] >= 0.8


@pytest.mark.skipif(not SEED.exists(), reason="the seed documents are not beside the repository")
def test_load_text_adds_events_once_and_never_overwrites_curated_facts(embedded):
    from loaders.pipeline import load_paths, load_texts
    load_paths(embedded, [ROOT / "data" / "chongqing"])
    before = embedded.counts()
    cqu_before = embedded.get("univ.cqu").props
    report = load_texts(embedded, [SEED], year=2025)
    after = embedded.counts()
    assert after.nodes["Event"] - before.nodes["Event"] == 24  # items naming a partner or an industry
    assert after.edges["REPORTED_IN"] - before.edges["REPORTED_IN"] == 24
    assert embedded.get("univ.cqu").props == cqu_before  # known actors get no node record
    coop = {n.node.id: n.edge.props for n in embedded.neighbours("univ.cqjtu") if n.edge.type == "COOPERATES_WITH"}
    assert coop["ent.sgs_biaorui"]["basis"] == "stated"  # stated by the seed relations; text only adds evidence
    assert coop["ent.sgs_biaorui"]["evidence"][0] == "event.s001.03" and len(coop["ent.sgs_biaorui"]["evidence"]) == 2
    extracted = embedded.query("MATCH (o:Organization) WHERE o.basis = $b RETURN o.name_zh, o.kind ORDER BY o.name_zh",
                               {"b": "extracted"}).rows
    assert ["乡村振兴战略研究院", "platform"] in extracted
    event = embedded.query("MATCH (e:Event)-[:HELD_IN]->(d:District {id: $d}) WHERE e.basis = $b "
                           "RETURN e.date, e.date_end, e.kind", {"d": "district.wanzhou", "b": "extracted"}).rows
    assert event == [["2025-04-14", "2025-04-18", "合作交流"]]
    again = load_texts(embedded, [SEED], year=2025)
    assert again.write.changed == 0
    assert report.write.nodes_created > 0


def test_extract_command_prints_json(tmp_path, monkeypatch, capsys):
    import sys

    from api import cli
    monkeypatch.setenv("DUALCHAIN_HOME", str(tmp_path / "home"))
    text = tmp_path / "news.txt"
    text.write_text("◆**重庆大学**与重庆甲乙科技有限公司签署合作协议，围绕新能源汽车开展联合攻关。", encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["dualchain", "extract", str(text), "--json"])
    with pytest.raises(SystemExit) as done:  # typer's standalone mode always exits
        cli.main()
    assert done.value.code in (0, None)
    [result] = json.loads(capsys.readouterr().out)
    [item] = result["items"]
    assert [o["name"] for o in item["organisations"]] == ["重庆大学", "重庆甲乙科技有限公司"]
    assert [c["id"] for c in item["clusters"]] == ["cluster.nev"]


# Rules prompted by the third unseen web batch (docs/extraction.md); the company names are made up.
def _triples(items: list[dict]) -> set[tuple[str, str, str]]:
    return _as_set((r["source"]["name"], r["target"]["name"], r["kind"]) for it in items for r in it["relations"])


def _as_set(triples) -> set[tuple[str, str, str]]:
    return {(*sorted((a, b)), kind) for a, b, kind in triples}


def test_co_listed_subjects_each_act_with_the_partners_or_with_each_other():
    assert _triples(run("重庆大学、四川美术学院与重庆甲乙科技有限公司、重庆丙丁材料有限公司等企业签订合作协议。")) == _as_set([
        ("重庆大学", "重庆甲乙科技有限公司", "签约"), ("重庆大学", "重庆丙丁材料有限公司", "签约"),
        ("四川美术学院", "重庆甲乙科技有限公司", "签约"), ("四川美术学院", "重庆丙丁材料有限公司", "签约")])
    assert _triples(run("会上,重庆大学、西南政法大学签署了战略合作协议。")) == _as_set([("重庆大学", "西南政法大学", "签约")])
    # a list of who attended is not an activity between them
    assert _triples(run("重庆大学校长张三、四川美术学院院长李四出席签约仪式。")) == set()
    assert _triples(run("重庆大学与璧山区签署协议。重庆甲乙科技有限公司总经理王五、副总经理赵六出席。")) == _as_set([("重庆大学", "璧山区", "签约")])


def test_a_visit_verb_governs_its_own_phrase_and_what_is_built_is_no_party():
    [item] = run("为深入贯彻创新驱动发展战略,重庆市璧山区人民政府与重庆大学正式签署战略合作协议,共建璧山甲乙技术研究院。")
    # the district's government, named as written (with its city), and not the institute they will build
    assert _triples([item]) == _as_set([("重庆市璧山区人民政府", "重庆大学", "签约")])
    assert item["relations"][0]["source"]["id"] == "district.bishan"
    assert "璧山甲乙技术研究院" in {o["name"] for o in item["organisations"]}


def test_a_place_is_no_party_but_the_host_of_a_signing_is():
    assert _triples(run("在重庆甲乙产业园,重庆大学考察组参观了展厅。")) == set()
    assert _triples(run("重庆大学在重庆甲乙精密制造有限公司签订产学研合作协议。")) == _as_set([
        ("重庆大学", "重庆甲乙精密制造有限公司", "签约")])


def test_our_school_after_a_visiting_body_is_the_one_university_the_page_names():
    items = run("6月28日,重庆甲乙科技有限公司总经理张三一行到我校交流调研。\n\n"
                "会上,重庆大学副校长李四介绍了学校办学情况和科研成果。")
    assert _triples(items[:1]) == _as_set([("重庆甲乙科技有限公司", "重庆大学", "调研")])
    # with two universities on the page, 我校 could be either: no guess
    items = run("6月28日,重庆甲乙科技有限公司总经理张三一行到我校交流调研。\n\n"
                "会上,重庆大学与四川美术学院的代表介绍了情况。")
    assert _triples(items[:1]) == set()


def test_abbreviations_and_own_units_are_the_same_body():
    from loaders.text_names import Mention, same_body as _same_body
    m = lambda name, id_=None: Mention(name, 0, len(name), id_, None, "other")  # noqa: E731
    assert _same_body(m("中国甲乙总院"), m("中国甲乙科学研究总院集团有限公司"))
    assert _same_body(m("九三学社市委会"), m("九三学社重庆市委会", "org.jiusan_cq"))
    assert _same_body(m("重庆大学", "univ.cqu"), m("重庆大学材料科学与工程学院"))
    assert not _same_body(m("重庆甲乙科技有限公司"), m("重庆丙丁科技有限公司"))
    assert not _same_body(m("重庆大学", "univ.cqu"), m("重庆医科大学", "univ.cqmu"))  # two dataset actors


def test_unit_names_joined_by_yu_short_names_inside_words_and_clusters_in_university_names():
    [item] = run("会上,动画与数字影视学院师生代表发言,介绍了作品。此次合作意义重大、影响深远。")
    assert [o["name"] for o in item["organisations"]] == ["动画与数字影视学院"]  # not 重大 (重庆大学's short name)
    [item] = run("学院与重庆市甲乙农业科学院签订共建实践教学基地协议。")
    assert [o["name"] for o in item["organisations"]] == ["重庆市甲乙农业科学院"]
    [item] = run("重庆甲乙医药大学与璧山区签订战略合作协议。")
    assert item["clusters"] == []  # 医药 in a university's name is what it teaches


# Named bodies without a name form (docs/extraction.md, "Organisations"); company names made up.
def test_a_short_name_the_text_defines_is_that_body_in_later_paragraphs_and_in_the_graph():
    from loaders.text_records import text_records
    text = ("重庆大学与武汉甲乙数控股份有限公司（以下简称“甲乙数控”）签署战略合作协议，双方将在智能制造领域开展深度合作。\n"
            "甲乙数控将与重庆大学共建智能制造联合实验室，推动科研成果在重庆落地转化，服务本地产业发展。\n"
            "甲乙数控还与四川美术学院开展合作交流，共同培养工业设计方向的专业人才，服务本地产业发展。\n")
    result = as_json(extract(text, INDEX))
    first, second, third = result["items"]
    assert _triples([first]) == _as_set([("重庆大学", "武汉甲乙数控股份有限公司", "签约")])
    assert "甲乙数控" not in first["topics"]  # the definition is not a topic, nor another organisation
    assert [o["name"] for o in first["organisations"]] == ["重庆大学", "武汉甲乙数控股份有限公司"]
    body = next(o for o in second["organisations"] if o["name"] == "甲乙数控")
    assert body["alias_of"] == "武汉甲乙数控股份有限公司" and body["type"] == "enterprise"
    # the pair signed in the paragraph before: what they build is what the agreement covers
    assert second["relations"] == [] and first["relations"][0]["covers"] == ["共建"]
    assert {(r["source"]["alias_of"], r["target"]["name"]) for r in third["relations"]} == {("武汉甲乙数控股份有限公司", "四川美术学院")}
    nodes, edges = text_records(result, "news.txt", "news.txt", "0" * 64, set())
    assert {n.props["name_zh"] for n in nodes if n.label == "Enterprise"} == {"武汉甲乙数控股份有限公司"}  # no 甲乙数控 node
    assert len({n.id for n in nodes if n.label == "Enterprise"}) == 1
    assert len({(e.source, e.target) for e in edges if e.type == "COOPERATES_WITH"}) == 2  # with 重庆大学, 四川美术学院


def test_well_known_bodies_without_a_name_form_are_found_by_the_curated_list():
    [item] = run("重庆大学与国家电网、中国商飞签署战略合作协议。")
    grid = next(o for o in item["organisations"] if o["name"] == "国家电网")
    assert grid["id"] is None and grid["type"] == "enterprise" and grid["alias_of"] == "国家电网有限公司"
    assert _triples([item]) == _as_set([("重庆大学", "国家电网", "签约"), ("重庆大学", "中国商飞", "签约")])
    # a longer name that holds one is another organisation; a two-character one only stands as a name
    [item] = run("国网重庆电力与国家电网重庆甲乙供电公司签署协议。")  # (国网重庆电力: whole, as a bare name that signs)
    assert [o["name"] for o in item["organisations"]] == ["国网重庆电力", "国家电网重庆甲乙供电公司"]
    assert all(o.get("alias_of") != "国家电网有限公司" for o in item["organisations"])
    [item] = run("同学们上网百度相关资料，完成了课题。")
    assert item["organisations"] == []
    [item] = run("重庆大学与百度签署合作协议。")
    assert [o["name"] for o in item["organisations"]] == ["重庆大学", "百度"]


# Rules prompted by the fifth unseen web batch (docs/extraction.md); company names made up.
def test_districts_listed_with_one_that_acts_act_too():
    [item] = run("会上，重庆市甲乙委员会与重庆璧山区、北碚、沙坪坝等3区签订战略合作协议。")
    assert _triples([item]) == _as_set([("重庆市甲乙委员会", d, "签约") for d in ("璧山区", "北碚区", "沙坪坝区")])
    [item] = run("会上，璧山区、北碚区的代表介绍了情况。")
    assert item["relations"] == []  # places, not parties


def test_a_group_of_universities_stands_for_the_list_before_it():
    [item] = run("重庆大学、西南政法大学、四川美术学院等3所高校代表参会。3所高校与北碚区签署合作协议。")
    assert _triples([item]) == _as_set([(u, "北碚区", "签约") for u in ("重庆大学", "西南政法大学", "四川美术学院")])


def test_each_comma_phrase_with_its_own_pair():
    [item] = run("签约仪式上，重庆大学与璧山区，四川美术学院与北碚区分别签订合作协议。")
    assert _triples([item]) == _as_set([("重庆大学", "璧山区", "签约"), ("四川美术学院", "北碚区", "签约")])


def test_names_a_body_in_general_a_campus_and_fields_joined_by_he():
    [item] = run("甲乙县住房和城乡建设委员会、文化和旅游发展委员会技术负责人与重庆大学相关学院专家开展交流。")
    assert [o["name"] for o in item["organisations"]] == ["甲乙县住房和城乡建设委员会", "文化和旅游发展委员会", "重庆大学"]
    assert {r["target"]["name"] for r in item["relations"]} | {r["source"]["name"] for r in item["relations"]} >= {"重庆大学"}
    [item] = run("中国甲乙大学（北京）与璧山区签订合作协议。")
    assert [o["name"] for o in item["organisations"]] == ["中国甲乙大学（北京）"]
    [item] = run("（记者 张三）重庆市政府与四川美术学院签订合作协议，力争建成各类产业研究院。")
    assert [o["name"] for o in item["organisations"]] == ["重庆市政府", "四川美术学院"]


def test_a_city_body_short_name_is_not_read_inside_another_citys_name():
    index = NameIndex.from_rows([("org.cq_sci", "Organization", "重庆市科学技术局", ["市科技局"])])
    [item] = as_json(extract("活动由市科技局、甲乙市科技局联合主办。", index))["items"]
    assert [(o["name"], o["id"]) for o in item["organisations"]] == [("市科技局", "org.cq_sci"), ("甲乙市科技局", None)]


def test_later_paragraphs_about_a_pair_that_signed_say_what_the_agreement_covers():
    text = ("重庆大学与重庆甲乙科技有限公司签署战略合作协议，推动双方在智能制造领域的合作不断走深走实。\n"
            "根据协议，重庆大学将与重庆甲乙科技有限公司共建联合实验室，并联合开展人才培养和技术攻关。\n")
    first, second = run(text)
    assert _triples([first]) == _as_set([("重庆大学", "重庆甲乙科技有限公司", "签约")])
    assert second["relations"] == [] and first["relations"][0]["covers"] == ["共建"]
    # a brief's items are separate activities
    brief = run("◆**重庆大学**与重庆甲乙科技有限公司签署合作协议。\n◆**重庆大学**与重庆甲乙科技有限公司共建联合实验室。\n")
    assert [r["kind"] for it in brief for r in it["relations"]] == ["签约", "共建"]


# Rules prompted by the sixth unseen web batch (docs/extraction.md); names made up.
def test_co_hosts_and_a_citys_own_bureaus_written_with_shi_alone():
    [item] = run("此次大赛由重庆市甲乙委员会、市药监局、市知识产权局主办。")
    assert [o["name"] for o in item["organisations"]] == ["重庆市甲乙委员会", "市药监局", "市知识产权局"]
    assert _triples([item]) == _as_set([("重庆市甲乙委员会", "市药监局", "other"), ("重庆市甲乙委员会", "市知识产权局", "other"),
                                        ("市药监局", "市知识产权局", "other")])


def test_venues_event_titles_and_plaques_name_no_party():
    [item] = run("大会在甲乙工业学院、重庆大学双会场同步召开。")
    assert [o["name"] for o in item["organisations"]] == ["甲乙工业学院", "重庆大学"] and item["relations"] == []
    [item] = run("由重庆大学、四川美术学院共同发起的“甲乙产教融合发展共同体成立暨甲乙智能制造实训中心揭牌仪式”在璧山举行。")
    assert "甲乙产教融合发展共同体" in {o["name"] for o in item["organisations"]}
    assert {n for r in item["relations"] for n in (r["source"]["name"], r["target"]["name"])} == {"重庆大学", "四川美术学院"}
    [item] = run("会上重庆大学与重庆甲乙医疗科技有限公司签订共建协议，并为甲乙医疗器械研究所授牌。")
    assert _triples([item]) == _as_set([("重庆大学", "重庆甲乙医疗科技有限公司", "签约")])


def test_people_named_by_their_bodies_are_no_activity_between_the_bodies():
    assert _triples(run("中国甲乙学会院士张三和重庆大学教授李四分别作了主题演讲。")) == set()
    # 调研员 is a title, not a visit
    assert _triples(run("重庆大学与璧山区签署协议。璧山区人民政府副区长张三，重庆市甲乙委员会正处级调研员李四出席活动。")) == _as_set([
        ("重庆大学", "璧山区", "签约")])


def test_a_companys_lab_is_the_company_and_a_visited_list_has_no_later_subject():
    [item] = run("刘伟一行参观了重庆甲乙产业园展厅和重庆乙丙生物医药有限公司实验室，详细了解丙丁投资产业园的发展与规划。")
    assert "重庆乙丙生物医药有限公司" in {o["name"] for o in item["organisations"]}
    assert item["relations"] == []  # the visitors are people, not 丙丁投资产业园


def test_the_same_body_with_and_without_its_city_and_fields_after_a_clause_word():
    [item] = run("重庆大学赴重庆甲乙医药集团有限公司调研，甲乙医药集团对重庆大学的到访表示欢迎。")
    assert _triples([item]) == _as_set([("重庆大学", "重庆甲乙医药集团有限公司", "调研")])
    [item] = run("来自学校计算机与信息科学学院的专家参加考察。")
    assert [o["name"] for o in item["organisations"]] == ["计算机与信息科学学院"]


# Rules prompted by the seventh unseen web batch (docs/extraction.md); names made up.
def test_names_with_digits_branches_and_short_government_names():
    [item] = run("甲乙联通和重庆市政府签署战略合作协议，共同组建甲乙联通5G融合创新中心。")
    names = {o["name"]: o for o in item["organisations"]}
    assert "甲乙联通5G融合创新中心" in names
    assert names["重庆市政府"]["alias_of"] == "重庆市人民政府"  # one body with 重庆市人民政府 written elsewhere
    [item] = run("重庆大学与中国甲乙研究院西部分院签署合作协议。")
    assert [(o["name"], o["type"]) for o in item["organisations"]] == [("重庆大学", "university"), ("中国甲乙研究院西部分院", "platform")]


def test_a_listed_body_with_no_verb_or_link_is_no_partner():
    assert _triples(run("重庆市甲乙委员会、市甲乙处、重庆大学、四川美术学院、重庆甲乙科技有限公司等单位负责人。")) == set()
    # 依托 links them
    assert _triples(run("璧山区依托重庆大学的专业团队，编制了产业规划。")) == _as_set([("璧山区", "重庆大学", "other")])


def test_a_frame_before_the_subject_and_both_sides_said_again_add_nothing():
    [item] = run("作为甲乙产教融合共同体牵头单位，重庆大学与璧山区正式签署战略合作协议，双方将展开深度合作。")
    assert _triples([item]) == _as_set([("重庆大学", "璧山区", "签约")])
    [item] = run("作为甲乙产教融合共同体牵头单位的重庆大学与璧山区签署协议。")
    assert _triples([item]) == _as_set([("重庆大学", "璧山区", "签约")])


def test_colleges_that_each_sign_with_listed_centres():
    [item] = run("交流活动期间，甲乙职业学院、乙丙职业学院还分别与甲县职教中心、乙县职教中心签订战略合作协议。")
    assert _triples([item]) == _as_set([(a, b, "签约") for a in ("甲乙职业学院", "乙丙职业学院") for b in ("甲县职教中心", "乙县职教中心")])


def test_a_university_and_its_own_institute_are_one_side():
    index = NameIndex.from_rows([("univ.x", "University", "甲乙大学", None),
                                 ("plat.x", "Platform", "甲乙大学(重庆)产业技术研究院", None),
                                 ("district.beibei", "District", "北碚区", None)])
    [item] = as_json(extract("由甲乙大学与重庆北碚区共建的甲乙大学（重庆）产业技术研究院揭牌成立。"
                             "甲乙大学（重庆）产业技术研究院将整合甲乙大学学科资源优势。", index))["items"]
    assert _triples([item]) == _as_set([("甲乙大学", "北碚区", "共建")])


# Rules prompted by the eighth unseen web batch (docs/extraction.md); names made up.
def test_a_list_that_ends_with_so_many_firms_names_firms():
    [item] = run("活动吸引了初甲科技、拓乙信息、广州丙丁智能科技等15家企业代表参与。")
    assert [(o["name"], o["type"]) for o in item["organisations"]] == [
        ("初甲科技", "enterprise"), ("拓乙信息", "enterprise"), ("广州丙丁智能科技", "enterprise")]


def test_a_city_outside_the_dataset_named_with_its_province_is_a_party():
    [item] = run("重庆大学与浙江省甲乙市举行科技创新合作对接活动，签署校地合作协议。")
    assert _triples([item]) == _as_set([("重庆大学", "浙江省甲乙市", "签约")])


def test_founders_named_after_by_act_together_and_elections_relate_no_one():
    [item] = run("联盟由重庆甲乙集团和重庆大学联合组织发起，汇集了重庆乙丙新材料有限公司等32家企业、四川美术学院等17家高校院所。")
    assert _triples([item]) == _as_set([("重庆甲乙集团", "重庆大学", "共建")])
    [item] = run("大会选举出重庆甲乙集团张三为理事长，重庆大学化学化工学院教授李四为副理事长。")
    assert item["relations"] == []


def test_a_company_is_found_again_by_its_short_form_in_a_later_paragraph():
    text = ("在甲乙看来，四川宜宾甲乙新材料有限公司的研发总监张斌认为产学研合作让企业走上了科技研发的高速路。\n"
            "在与重庆大学的两年合作中，宜宾甲乙在富锂锰基材料研发项目上取得了突破性进展。\n")
    second = run(text)[1]
    body = next(o for o in second["organisations"] if o["name"] == "宜宾甲乙")
    assert body["alias_of"] == "四川宜宾甲乙新材料有限公司"
    assert {frozenset((r["source"]["name"], r["target"]["name"])) for r in second["relations"]} == {frozenset(("宜宾甲乙", "重庆大学"))}


def test_a_unit_written_with_its_university_is_one_name_and_later_the_same_unit():
    text = ("近日，重庆大学电子与物联网学院联合中国甲乙研究院西部分院主办产教融合交流活动，双方围绕人才培养展开深度对话。\n"
            "会后，电子与物联网学院院长张三表示，将与行业企业深化合作，推动教育链与产业链精准对接。\n")
    first, second = run(text)
    assert [o["name"] for o in first["organisations"]] == ["重庆大学电子与物联网学院", "中国甲乙研究院西部分院"]
    assert second["organisations"][0]["alias_of"] == "重庆大学电子与物联网学院"


# Rules prompted by the ninth unseen web batch (docs/extraction.md); names made up.
def test_list_mates_with_unfound_items_between_and_an_unnamed_partner():
    # 甲乙海事局 has no name form we know; the bodies around it are still one list, and they each
    # signed with 学校 (a university the page never names): no relation among them
    [item] = run("甲乙海事局、中国甲乙信息科技集团有限公司、乙丙交通检测中心、重庆丙丁控股(集团)有限公司等单位分别与学校签署战略合作协议。")
    assert item["relations"] == []


def test_joint_labs_and_what_a_brief_item_builds():
    [item] = run("甲乙公司考察调研了交通土建工程材料国家地方联合工程实验室。")
    assert "交通土建工程材料国家地方联合工程实验室" in {o["name"] for o in item["organisations"]}  # not 工程实验室
    [item] = run("◆**重庆大学**与重庆甲乙科技有限公司签署合作协议，共建智慧教育技术校企联合实验室。")
    assert _triples([item]) == _as_set([("重庆大学", "重庆甲乙科技有限公司", "签约")])


def test_so_many_large_firms_and_state_firms_by_their_short_names():
    [item] = run("重庆大学与中交、中铁等大型企业开办海外项目管理人才班。")
    assert {(o["name"], o.get("alias_of")) for o in item["organisations"]} >= {("中交", "中国交通建设股份有限公司"),
                                                                             ("中铁", "中国中铁股份有限公司")}
    assert _triples([item]) == _as_set([("重庆大学", "中交", "人才培养"), ("重庆大学", "中铁", "人才培养")])


# Rules prompted by the tenth unseen web batch (traditional characters; docs/extraction.md); names made up.
def test_traditional_characters_are_read_as_simplified():
    [item] = run("重慶大學與璧山區簽署戰略合作協議。")
    assert item["text"] == "重庆大学与璧山区签署战略合作协议。"
    assert _triples([item]) == _as_set([("重庆大学", "璧山区", "签约")])
    assert item["relations"][0]["source"]["id"] == "univ.cqu"


def test_partners_listed_after_with_and_acting_jointly_act_with_each_other():
    [item] = run("重庆大学与重庆市甲乙委员会、市科技局、重庆市丙丁协会共同主办校企对接活动。")
    bodies = ("重庆大学", "重庆市甲乙委员会", "市科技局", "重庆市丙丁协会")
    assert {frozenset(t[:2]) for t in _triples([item])} == {frozenset((a, b)) for i, a in enumerate(bodies)
                                                          for b in bodies[i + 1:]}


def test_one_founder_after_by_and_a_name_found_twice_in_one_item():
    [item] = run("甲乙绿色产业技术创新联盟由重庆甲乙产业研究院牵头，联合川渝两地高校院所共同成立。")
    assert item["relations"] == []
    [item] = run("甲乙大学与重庆市科委签订《共建甲乙大学重庆研究院合作协议》；甲乙大学与重庆丙丁金融集团签订基金协议，"
                 "优先筛选甲乙大学重庆研究院的成果。")
    assert ("甲乙大学", "重庆丙丁金融集团", "签约") in _triples([item])  # not the institute the first clause built
    assert "优先筛选甲乙大学重庆研究院" not in {o["name"] for o in item["organisations"]}


# Rules prompted by the eleventh unseen web batch (docs/extraction.md); names made up.
def test_simplified_text_is_left_as_it_is():
    from loaders.text import to_simplified
    assert to_simplified("重庆锦乾陶瓷公司著名干部") == "重庆锦乾陶瓷公司著名干部"  # 乾 is also a simplified character
    assert to_simplified("幹部與學校") == "干部与学校"


def test_a_delegation_is_no_pair_and_a_clause_word_with_a_generic_body_is_no_name():
    [item] = run("重庆市甲乙委员会总工程师张三、重庆乙丙设计有限公司总经理李四等一行8人来访四川美术学院调研交流。")
    assert _triples([item]) == _as_set([("重庆市甲乙委员会", "四川美术学院", "调研"), ("重庆乙丙设计有限公司", "四川美术学院", "调研")])
    [item] = run("希望重庆大学给予支持与帮助，提升公司自主创新能力。")
    assert [o["name"] for o in item["organisations"]] == ["重庆大学"]


# Rules prompted by the twelfth unseen web batch (colleges and firms outside Chongqing); names made up.
def _names(items: list[dict]) -> list[str]:
    return [o["name"] for it in items for o in it["organisations"]]


def test_a_clause_verb_before_a_generic_body_and_my_college_before_a_unit():
    assert _names(run("张三副书记代表学院向企方授牌。李四在致辞中代表重庆大学表示欢迎，希望不断促进学院专业建设，协助学院做好人才培养。")) == ["重庆大学"]
    assert _names(run("何总经理代表甲乙检测，向我院丙丁工程学院捐赠。")) == ["丙丁工程学院"]


def test_what_a_body_is_said_to_be_and_its_units_in_general_are_no_bodies():
    text = "吕永钟表示，丙丁大学是教育部直属重点综合性大学。今年以来，集团控股上市公司与丙丁大学相关学院进行了对接交流。"
    [item] = run(text)
    assert _names([item]) == ["丙丁大学"] and item["relations"] == []


def test_a_lab_unveiled_at_the_signing_is_no_party():
    items = run("9月4日，甲乙集团与丙丁大学举行战略合作协议签署仪式暨先进甲乙基因工程联合实验室揭牌仪式。")
    assert _triples(items) == _as_set([("甲乙集团", "丙丁大学", "签约")])


def test_a_technical_school_and_short_forms_without_place_or_after_a_country():
    text = ("9月27日，甲乙高新技术实业(集团)股份有限公司与中山市丙丁技工学校战略合作项目签约暨揭牌仪式举行。\n\n"
            "甲乙高新将全力推动项目落地，携手丙丁技工学校为中山市高质量发展贡献力量。\n\n"
            "甲乙高新集团负责人李文聪与丙丁技工学校董事长魏业奇上台签署合同。\n")
    first, second, third = run(text)
    assert [(o["name"], o["type"]) for o in first["organisations"]] == [
        ("甲乙高新技术实业(集团)股份有限公司", "enterprise"), ("中山市丙丁技工学校", "other")]
    assert [o.get("alias_of") for o in second["organisations"] + third["organisations"]] == [
        "甲乙高新技术实业(集团)股份有限公司", "中山市丙丁技工学校"] * 2
    assert second["relations"] == []  # restated after the agreement
    text = ("10月25日，学院与德国甲乙丙丁电联结(上海)有限公司举行了校企合作签约仪式。\n\n"
            "甲乙丙丁企业代表陈向军表示，将在订单班建立等方面开展合作。\n")
    assert run(text)[1]["organisations"][0]["alias_of"] == "德国甲乙丙丁电联结(上海)有限公司"
    text = "学校与重庆航空运输控股(集团)有限公司签署合作协议。\n\n航空运输行业人才需求旺盛，航空运输通信业务也发展迅速。\n"
    assert run(text)[1]["organisations"] == []  # a trade (航空运输) is no brand


def test_bodies_named_bare_whose_heads_attend():
    [item] = run("甲乙岭南、丙丁高科、戊己照明主要负责同志参加活动。")
    assert [(o["name"], o["type"]) for o in item["organisations"]] == [
        ("甲乙岭南", "other"), ("丙丁高科", "other"), ("戊己照明", "other")]
    [item] = run("重庆大学、西南大学等19家重庆市相关高校、科研院所、企业有关负责人参加活动。")
    assert _names([item]) == ["重庆大学", "西南大学"]


def test_who_a_head_leads_comes_with_the_head():
    [item] = run("10月16日，甲乙师范学院院长张三率校发展规划处、科研处、材料学院、化学化工学院相关负责人莅临丙丁化工有限公司开展调研。")
    assert _names([item]) == ["甲乙师范学院", "发展规划处", "科研处", "材料学院", "化学化工学院", "丙丁化工有限公司"]
    assert {r["target"]["name"] for r in item["relations"]} == {"丙丁化工有限公司"}  # none with 甲乙师范学院


def test_a_university_and_its_institute_by_a_short_name_are_one_side():
    text = ("6月11日，重庆大学甲乙研究院院长助理刘伟一行到重庆丙丁生物城调研。\n\n"
            "座谈会上，重庆丙丁生物城副总经理穆毅介绍了园区基本情况；重庆大学甲乙研究院院长助理刘伟详细讲解了重庆大学的"
            "历史渊源、甲乙研究院的构成、工作情况及合作体系等。\n")
    assert run(text)[1]["relations"] == []


def test_a_keyword_in_a_buildings_name_serves_no_cluster():
    [item] = run("近日，重庆大学在机电大楼209会议室与甲乙股份有限公司举行校企合作签约仪式，助力机电类专业发展。")
    assert [c["keyword"] for c in item["clusters"]] == ["机电"]
    [item] = run("近日，重庆大学在机电大楼209会议室与甲乙股份有限公司举行校企合作签约仪式。")
    assert item["clusters"] == []


# Rules prompted by the thirteenth unseen web batch (governments and universities elsewhere); names made up.
def test_the_one_university_a_page_names_outside_the_dataset_is_what_we_means():
    text = "丙丁大学与甲乙区人民政府签订深化校地合作协议\n\n王五在会上谈到，2020年我校与甲乙市政府签订城校融合发展协议以来，始终以服务社会为使命。\n"
    assert _triples(run(text)[1:]) == _as_set([("丙丁大学", "甲乙市政府", "签约")])
    text = "甲乙区人民政府与市供销合作总社签订框架协议，共建重庆丙丁职业学院。\n\n希望双方共同努力，加快推进项目前期工作。\n"
    assert run(text)[1]["relations"] == []  # a college being built is not the page's university


def test_lead_ins_a_whole_name_before_a_description_and_counts_of_bodies():
    [item] = run("根据此次甲乙市人民政府与丙丁大学签署的合作协议，双方将助推甲乙市国家中心城市建设和丙丁大学世界一流大学建设。")
    assert _names([item]) == ["甲乙市人民政府", "丙丁大学"]  # not 丙丁大学世界一流大学
    [item] = run("甲乙学院、丙丁大学等48家高校、院所分别与戊己新材料公司等企业签订了合作协议。")
    assert _names([item]) == ["甲乙学院", "丙丁大学", "戊己新材料公司"]
    assert _names(run("甲乙市与高校、科研院所、大学科技园联盟开展了合作（校科技处、技术转移中心）。")) == [
        "甲乙市", "科技处", "技术转移中心"]  # the city acts; the types of body are none


def test_what_a_bodys_officer_says_is_no_activity_with_that_body():
    [item] = run("签约仪式由甲乙市教委主任朱安达主持，戊己大学校长助理刘平表示，学校将加快科研成果转化步伐。")
    assert item["relations"] == []


def test_party_departments_offices_and_a_government_written_alone():
    [item] = run("甲乙区委常委、区委组织部部长张三，对外合作办公室主任李四参加签约仪式。")
    assert _names([item]) == ["区委组织部", "对外合作办公室"]
    [item] = run("7月7日，市政府与丙丁水利大学签署战略合作框架协议。")
    assert _triples([item]) == _as_set([("市政府", "丙丁水利大学", "签约")])


def test_a_district_government_written_alone_and_what_an_officer_speaks_about():
    [item] = run("北碚区委、区政府和学校党委、行政领导出席。")
    assert [(o["name"], o["id"]) for o in item["organisations"]] == [("区政府", "district.beibei")]
    [item] = run("甲乙区委组织部张明部长在会上详细介绍了丙丁产业园的建设进展，表达了建立深度合作关系的愿望。")
    assert _names([item]) == ["甲乙区委组织部", "丙丁产业园"] and item["relations"] == []


# Rules prompted by the fourteenth unseen web batch; names made up.
def test_bureaus_named_with_their_place_and_co_leads_without_a_later_training():
    [item] = run("此次活动由重庆市人力社保局、四川省人力社保厅、甲乙高新区管委会共同牵头实施，以专题讲座、技术培训等形式助推产业发展。")
    assert _names([item]) == ["重庆市人力社保局", "四川省人力社保厅", "甲乙高新区管委会"]
    assert {r["kind"] for r in item["relations"]} == {"other"} and len(item["relations"]) == 3
    [item] = run("近日，自贡市甲乙区科技和经信局赴丙丁大学开展合作对接交流，并参观了展厅和会议厅。")
    assert _names([item]) == ["自贡市甲乙区科技和经信局", "丙丁大学"]


def test_ministries_their_departments_and_a_democratic_partys_district_committee():
    [item] = run("会议由科技部高新司、甲乙省科技厅联合主办，民政部有关负责人出席，各级民政部门参加。")
    assert [(o["name"], o["type"]) for o in item["organisations"]] == [
        ("科技部高新司", "government"), ("甲乙省科技厅", "government"), ("民政部", "government")]
    [item] = run("九三学社北碚区委搭建科企交流合作平台。")
    assert _names([item]) == ["九三学社北碚区委"]


def test_firms_counted_in_hu_a_universitys_offices_and_its_park_as_a_unit():
    [item] = run("经梳理，沿滩区重点企业中已有甲乙新材料、丙丁醋业等8户企业与戊己大学建立9项校企合作。")
    assert _names([item]) == ["甲乙新材料", "丙丁醋业", "戊己大学"]
    [item] = run("甲乙区科技局赴戊己大学国家大学科技园开展对接交流，与戊己大学科技处相关负责人座谈。")
    assert _names([item]) == ["甲乙区科技局", "戊己大学国家大学科技园", "戊己大学科技处"]


def test_a_photo_credit_and_what_bodies_made_are_no_parties():
    text = "图为航拍甲乙职业学院新校区。丙丁路建供图甲乙职业学院是由重庆市人民政府举办、民政部与重庆市人民政府签约共建的公办普通高等学校。"
    assert _triples(run(text)) == _as_set([("民政部", "重庆市人民政府", "签约")])


def test_a_companys_first_two_characters_with_its_trade():
    text = "在重庆甲乙曲轴机械制造有限公司的生产车间，专家了解企业的生产情况。\n\n甲乙机械总经理吴晓玲说，我们一定抓紧细化方案。\n"
    assert run(text)[1]["organisations"][0]["alias_of"] == "重庆甲乙曲轴机械制造有限公司"


# Rules prompted by the fifteenth unseen web batch; names made up.
def test_a_districts_stations_and_offices_named_alone():
    [item] = run("经我院前期与北碚区果树技术推广站、北碚区土肥工作站、北碚区农业执法局等北碚区农委下属六个事业单位认真协商。")
    assert _names([item]) == ["北碚区果树技术推广站", "北碚区土肥工作站", "北碚区农业执法局", "北碚区农委"]
    [item] = run("甲乙大学副校长付川、研究生处处长刘正学、教务处副处长秦刚出席仪式，校企合作办公室主任冯湘参加了接待。")
    assert _names([item]) == ["甲乙大学", "研究生处", "教务处", "校企合作办公室"]


def test_a_district_named_alone_as_a_party_and_a_venue_district_is_none():
    text = "游仙区与重庆大学校地战略合作签约仪式近日在重庆市北碚区重庆大学举行，此次签约标志着校地融合发展掀开新的篇章。"
    [item] = run(text)
    assert [(o["name"], o.get("alias_of")) for o in item["organisations"]] == [("游仙区", "游仙区人民政府"), ("重庆大学", None)]
    assert _triples([item]) == _as_set([("游仙区", "重庆大学", "签约")])
    [item] = run("据悉，甲乙区人民政府将丙丁大学作为人才培养基地，自丙丁大学武汉校区2012年落户以来合作不断。")
    assert _names([item]) == ["甲乙区人民政府", "丙丁大学"]


def test_two_bodies_each_with_their_strengths_are_the_two_sides():
    [item] = run("为了充分发挥甲乙学院和丙丁区农委各自的优势，实现优势互补、资源共享。")
    assert {frozenset((r["source"]["name"], r["target"]["name"])) for r in item["relations"]} == {frozenset(("甲乙学院", "丙丁区农委"))}


# Rules prompted by the sixteenth unseen web batch; names made up.
def test_a_pages_owner_in_its_footer_and_its_head_with_no_body_before():
    text = ("副校长赵光强来到山东同利爆破有限公司、甲乙宝城建筑工程有限公司，实地调研企业生产经营情况。\n\n"
            "Copyright 2005- 版权所有:丙丁学院 鲁公网安备\n")
    assert _triples(run(text)) == _as_set([("丙丁学院", "山东同利爆破有限公司", "调研"), ("丙丁学院", "甲乙宝城建筑工程有限公司", "调研")])


def test_clause_words_before_a_college_and_bodies_named_alone_in_titles():
    [item] = run("座谈会上，双方代表表示感谢，并就学院办学定位提出建议，并结合学院专业优势探讨合作空间。")
    assert item["organisations"] == []
    [item] = run("甲乙县县委常委、统战部部长朱元通和工商联主席刘金荣一行，与公司党建工作部主任张平、智慧城市事业部王胜骞座谈。")
    assert _names([item]) == ["统战部", "工商联", "党建工作部", "智慧城市事业部"]


# Rules prompted by the seventeenth unseen web batch; names made up.
def test_verbs_of_regard_cut_names_and_a_firm_before_its_heads_title():
    [item] = run("丙丁区正全力建设科技创新中心，戊己集团高度评价丙丁大学。")
    assert _names([item]) == ["戊己集团", "丙丁大学"]
    text = "随行的还有重庆甲乙医药董事长李卓及公司科研管理干部。\n\n甲乙医药介绍了公司情况。\n"
    first, second = run(text)
    assert [(o["name"], o["type"]) for o in first["organisations"]] == [("重庆甲乙医药", "enterprise")]
    assert second["organisations"][0]["alias_of"] == "重庆甲乙医药"


def test_a_districts_officer_leading_a_visit_and_a_universitys_own_institute():
    text = "5月27日，璧山区委常委、副区长郑航率队来访我校，就共建研究院展开深入交流。\n\n肖刚介绍了丙丁大学的办学历史。\n"
    assert _triples(run(text)) == _as_set([("璧山区", "丙丁大学", "合作交流")])
    text = "丙丁大学重庆研究院正式签约。\n\n学校非常重视重庆研究院的建设，将大力推动人才培养。\n\n丙丁大学党委书记出席。\n"
    assert run(text)[1]["relations"] == []


# Rules prompted by the eighteenth unseen web batch (cities, academies and their institutes); names made up.
def test_a_middle_dot_joins_two_bodies_and_clause_words_before_a_firm():
    [item] = run("丙丁大学副校长张三与丁戊区代区长夏鑫签订了《甲乙市丁戊区人民政府·丙丁大学共建研究院》协议。")
    assert _triples([item]) >= _as_set([("丙丁大学", "丁戊区", "签约")])
    assert "甲乙市丁戊区人民政府" in _names([item])
    assert _names(run("同时加入的专家还有甲乙医院董竞成教授。促成了一大批以甲乙膜公司为代表的合作项目。")) == ["甲乙医院", "甲乙膜公司"]


def test_cities_as_parties_academies_in_titles_and_more_name_forms():
    [item] = run("丙丁大学与鄂州市建立了良好的紧密合作关系。")
    assert [(o["name"], o.get("alias_of")) for o in item["organisations"]] == [("丙丁大学", None), ("鄂州市", "鄂州市人民政府")]
    [item] = run("中国工程院院士苏义脑一行到甲乙产业集聚区，代表中国工程院签约。")
    assert _names([item]) == ["中国工程院"] and item["organisations"][0]["start"] > 10
    [item] = run("在上海市科协支持下，甲乙药业与戊己促进会、丁戊分院、生工学部和省政府驻上海办事处座谈。")
    assert _names([item]) == ["上海市科协", "甲乙药业", "戊己促进会", "丁戊分院", "生工学部", "省政府驻上海办事处"]
    [item] = run("校(院)党委办公室、食品学部和山科集团的相关负责同志参加。")
    assert _names([item]) == ["党委办公室", "食品学部", "山科集团"]


# Rules prompted by the nineteenth unseen web batch (counties and colleges); names made up.
def test_county_governments_and_a_district_before_with_is_no_field():
    assert _names(run("签约仪式由甲乙县政府县长范庆法主持。")) == ["甲乙县政府"]
    assert [(o["name"], o.get("alias_of")) for o in run("根据协议，我校与丙丁区将在四大方面展开合作。")[0]["organisations"]] == [
        ("丙丁区", "丙丁区人民政府")]
    assert _names(run("4月9日，石鼓区与湖南甲乙职业技术学院举行签约仪式。")) == ["石鼓区", "湖南甲乙职业技术学院"]
    assert _names(run("2021年9月，工业和信息化部中小企业发展促进中心下发通知。")) == ["工业和信息化部中小企业发展促进中心"]


def test_offices_listed_before_their_heads_and_activity_words_inside_names():
    text = ("甲乙县政府与丙丁学院签订战略合作协议；甲乙县政府办、教育局、团委、财政局、进修学校主要负责人及丙丁学院办公室、"
            "教务处、科技成果转化中心、团委等相关处室及各二级学院主要负责人出席会议。")
    [item] = run(text)
    assert _names([item]) == ["甲乙县政府", "丙丁学院", "甲乙县政府办", "教育局", "团委", "财政局", "进修学校",
                              "丙丁学院办公室", "教务处", "科技成果转化中心"]
    assert _triples([item]) == _as_set([("甲乙县政府", "丙丁学院", "签约")])


def test_a_headline_that_opens_with_a_college_and_its_leaders_touring():
    text = ("黄甲学院与正乙县签署战略合作协议\n\n在县有关领导陪同下，李国胜、刘先省一行深入君乐宝乳业集团、丙丁物流服务中心，"
            "实地了解产业情况，并就合作进行了交流。\n")
    assert _triples(run(text)[1:]) == _as_set([("黄甲学院", "君乐宝乳业集团", "调研"), ("黄甲学院", "丙丁物流服务中心", "调研")])


# Rules prompted by the twentieth unseen web batch; names made up.
def test_a_person_named_with_their_body_leads_a_later_visit_for_it():
    text = "3月12日，甲乙市工信局副局长史樱煜一行调研中试平台建设。\n\n史樱煜一行先后走访丙丁研究院、戊己储能研究院，深入交流。\n"
    assert _triples(run(text)[1:]) == _as_set([("甲乙市工信局", "丙丁研究院", "调研"), ("甲乙市工信局", "戊己储能研究院", "调研")])


def test_our_city_unnamed_a_ministrys_institute_hosts_and_a_representative():
    [item] = run("9月30日，我市在北京参加了教育部项目签约仪式。其中，我市与丙丁研究所签订了全面合作协议书。")
    assert item["relations"] == []
    assert _names(run("工业和信息化部电子第五研究所与工信部电子五所同址办公。"))[:2] == ["工业和信息化部电子第五研究所", "工信部电子五所"]
    text = "在中共甲乙区委员会、甲乙区人民政府主办的启动仪式现场，中国丙丁联盟秘书长王勇代表戊己研究院与甲乙管委会签署了合作协议。"
    assert _triples(run(text)) == _as_set([("戊己研究院", "甲乙管委会", "签约")])


# Rules prompted by the twenty-first unseen web batch; names made up.
def test_lead_ins_units_of_the_university_and_students():
    assert _names(run("南山与深圳甲乙大学研究院牵手战略合作。")) == ["深圳甲乙大学研究院"]
    assert _names(run("首批“双一流”建设高校丙丁科技大学签署协议，而甲乙区教育局则全面负责学校管理。")) == ["丙丁科技大学", "甲乙区教育局"]
    [item] = run("甲乙区文广局与校党委宣传部签署共建意向书，甲乙团区委与校团委签署共建协议。")
    assert _names([item]) == ["甲乙区文广局", "党委宣传部", "甲乙团区委", "团委"]
    assert _triples([item]) == _as_set([("甲乙区文广局", "党委宣传部", "签约"), ("甲乙团区委", "团委", "签约")])
    assert run("双方还将共建甲乙区中小学生科普教育示范基地。")[0]["organisations"] == []


def test_an_agreements_title_names_its_parties_and_witnesses_are_none():
    [item] = run("南沙牵手丙丁大学签署《甲乙经济技术开发区管理委员会 丙丁大学 合作框架协议》。")
    assert _triples([item]) == _as_set([("甲乙经济技术开发区管理委员会", "丙丁大学", "签约")])
    assert run("戊己大学、市教育局相关部门负责人见证了此次签约仪式。")[0]["relations"] == []
    [item] = run("甲乙研究院作为甲乙市政府与丙丁大学合作共建的第一个新型科研机构，建院20年来成果丰硕。")
    assert _triples([item]) == _as_set([("甲乙市政府", "丙丁大学", "共建")])


# Rules prompted by the twenty-second unseen web batch; names made up.
def test_a_miswritten_signing_a_park_zone_and_tong_inside_a_firm():
    text = "太原甲乙大学分别与山西平遥同妙机车有限公司、平遥丙丁电机铸造有限公司签定产学研合作协议。"
    assert _triples(run(text)) == _as_set([("太原甲乙大学", "山西平遥同妙机车有限公司", "签约"),
                                           ("太原甲乙大学", "平遥丙丁电机铸造有限公司", "签约")])
    assert _names(run("学院一行前往眉山甲乙技术产业园区考察，架起甲乙大学与企业合作的桥梁。")) == ["眉山甲乙技术产业园区", "甲乙大学"]


def test_those_escorting_and_those_attending_a_ceremony_are_no_parties():
    text = "在甲乙区党工委副书记董兴立和学校派驻的挂职干部陪同下，学院班子成员先后赴丙丁新材料有限公司考察。\n\n版权所有:戊己大学\n"
    assert run(text)[0]["relations"] == []
    text = ("考察结束后，班子成员与甲乙管委会副主任罗大伟、丙丁化工股份有限公司总裁唐印共同参加了甲乙技术产业园区与戊己大学"
            "产学研合作协议签约仪式。")
    assert _triples(run(text)) == _as_set([("甲乙技术产业园区", "戊己大学", "签约")])


# Rules prompted by the twenty-third unseen web batch; names made up.
def test_colleges_listed_before_a_type_and_a_bureau_organising_them():
    [item] = run("甲乙市科技局组织丙师大及丁职院等高校院所专家深入企业开展专项活动。")
    assert _names([item]) == ["甲乙市科技局", "丙师大", "丁职院"]
    assert _triples([item]) == _as_set([("甲乙市科技局", "丙师大", "other"), ("甲乙市科技局", "丁职院", "other")])


def test_a_provinces_bureau_whose_policy_is_followed_and_experts_invited_together():
    [item] = run("为了进一步落实省科技厅的要求，甲乙市科技局第一时间制定出台工作方案。")
    assert _names([item]) == ["省科技厅", "甲乙市科技局"] and item["relations"] == []
    [item] = run("我们邀请了丙丁大学合作交流处处长谢卡教授、中国科学院沈阳金属研究所研究员熊天英女士等8位专家，在新材料领域展开研讨对接。")
    assert item["relations"] == []


# Rules prompted by the twenty-fourth unseen web batch; names made up.
def test_departments_in_titles_and_an_outside_universitys_unit_found_again():
    text = "甲乙量子科技股份有限公司总经理助理兼研发部部长苗春华、人力资源部部长汪自国，我校研究生部副主任王海教授参加了仪式。"
    assert _names(run(text)) == ["甲乙量子科技股份有限公司", "研发部", "人力资源部", "研究生部"]
    text = ("2018年9月21日，丙丁科技大学光电传感与生命分析教育部重点实验室罗细亮教授与威海戊己生物技术有限公司签署了协议书。\n\n"
            "该协议的签署，意味着光电传感与生命分析教育部重点实验室有了新的突破。\n")
    first, second = run(text)
    assert _names([first])[0] == "丙丁科技大学光电传感与生命分析教育部重点实验室"
    assert [o.get("alias_of") for o in second["organisations"]] == ["丙丁科技大学光电传感与生命分析教育部重点实验室"]


# Rules prompted by the twenty-fifth unseen web batch; names made up.
def test_partners_listed_after_with_who_sign_to_build_together_whoever_the_subject():
    text = ("张政利代表我院先后与甲乙奶业协会和丙丁控股股份有限公司签约共建戊己产业学院，与甲乙省农机流通协会、"
            "庄河市科技和工业信息化局、大连丁戊科技发展有限公司签约共建乙丙产业学院。")
    assert _triples(run(text)) == _as_set([
        ("甲乙奶业协会", "丙丁控股股份有限公司", "共建"), ("甲乙省农机流通协会", "庄河市科技和工业信息化局", "共建"),
        ("甲乙省农机流通协会", "大连丁戊科技发展有限公司", "共建"), ("庄河市科技和工业信息化局", "大连丁戊科技发展有限公司", "共建")])
    text = "甲乙研究院与重庆丙丁医疗科技有限公司、重庆戊己医药科技有限公司签订了合作协议。"
    assert _triples(run(text)) == _as_set([("甲乙研究院", "重庆丙丁医疗科技有限公司", "签约"),
                                           ("甲乙研究院", "重庆戊己医药科技有限公司", "签约")])  # each signed with it
    assert "瑞立职校" in _names(run("甲乙集团一行参观了瑞立职校教学基地。"))


def test_our_company_on_a_companys_own_page_and_a_firm_named_as_a_partner():
    text = ("10月16日，甲乙师范学院院长蔡家林率校科研处、化学化工学院、材料学院相关负责人莅临我司开展校企合作调研。\n\n"
            "蔡家林表示，要进一步落实区委、区政府关于教育服务地方的要求，加强与丙丁化工的合作关系。\n")
    first, second = run(text)
    assert _triples([first]) == _as_set([("甲乙师范学院", "丙丁化工", "调研")])
    assert [(o["name"], o["type"]) for o in second["organisations"]][-1] == ("丙丁化工", "enterprise")


def test_a_bare_institute_word_refers_back_to_the_one_institute_the_text_named():
    text = ("5月8日，甲乙大学丙丁研究院在丁戊市揭牌成立。\n\n"
            "揭牌仪式上，丁戊宏大食品有限公司、丁戊美的精密模具有限公司等企业与研究院签约。\n\n"
            "该市还将培育“研究院经济”，新建一批产业技术研究院。\n")
    _, signed, later = run(text)
    assert [(o["name"], o.get("alias_of")) for o in signed["organisations"]][-1] == ("研究院", "甲乙大学丙丁研究院")
    assert _triples([signed]) == _as_set([("丁戊宏大食品有限公司", "研究院", "签约"),
                                          ("丁戊美的精密模具有限公司", "研究院", "签约")])  # 美的: a brand, not 的
    assert later["organisations"] == []  # a compound and the tail of a longer name are not the institute
    # two institutes named: the bare word could be either, so it is neither
    _, after_two = run("甲乙大学丙丁研究院与庚辛研究院签署合作协议。\n\n会后，戊己科技有限公司与研究院签约。\n")
    assert after_two["relations"] == [] and [o["name"] for o in after_two["organisations"]] == ["戊己科技有限公司"]
    # an institute the text builds is not yet the one it goes on to talk about
    _, after_built = run("重庆大学与沙坪坝区共建甲乙研究院。\n\n会后，戊己科技有限公司与研究院签约。\n")
    assert after_built["relations"] == []


def test_both_sides_of_the_last_agreement_visit_together():
    text = ("4月18日下午，甲乙县人民政府与丙丁工学院校地合作签约仪式成功举行。\n\n"
            "当天，校地双方共同调研了甲乙戊己汽车部件有限公司、庚辛计量集团有限公司等县域重点企业。\n")
    first, visits = run(text)
    assert _triples([first]) == _as_set([("甲乙县人民政府", "丙丁工学院", "签约")])
    assert _triples([visits]) == _as_set([(a, b, "调研") for a in ("甲乙县人民政府", "丙丁工学院")
                                          for b in ("甲乙戊己汽车部件有限公司", "庚辛计量集团有限公司")])
    # 双方 with nobody else named is the pair said again, not a new relation
    [again] = run("甲乙县人民政府与丙丁工学院签署战略合作协议，双方将在智能制造领域开展深度合作。")
    assert _triples([again]) == _as_set([("甲乙县人民政府", "丙丁工学院", "签约")])


def test_purpose_phrases_presenting_and_attendance_do_not_make_the_subject():
    # the school a purpose phrase speaks of does not hide the college that signs
    [signed] = run("为推动学校特色化发展，助推甲乙学院新校区建设，日前，甲乙学院与甲乙市城市建设投资(集团)有限公司签署战略合作协议。")
    assert [o["name"] for o in signed["organisations"]] == ["甲乙学院", "甲乙市城市建设投资(集团)有限公司"]
    assert _triples([signed]) == _as_set([("甲乙学院", "甲乙市城市建设投资(集团)有限公司", "签约")])
    # an institute presented (推介) and officers at a meeting are not who visits afterwards
    [day] = run("8月27日，甲乙高新区与丙丁大学举行对接交流活动。丙丁大学双创办主任张三带队参加活动。"
                "园区管委会主任李四出席会议。张三重点推介丙丁大学戊己研究院的运营模式；"
                "会后，参观了庚辛光电科技有限公司。")
    assert _triples([day]) == _as_set([("甲乙高新区", "丙丁大学", "合作交流"), ("丙丁大学", "庚辛光电科技有限公司", "调研")])


def test_units_after_cut_words_and_what_an_agreement_is_about():
    [chair] = run("签约仪式由环境科学与工程学院院长苗峰主持。此次与丙丁工学院合作，希望依托其科研优势。")
    assert [o["name"] for o in chair["organisations"]] == ["环境科学与工程学院", "丙丁工学院"]
    [signed] = run("会上，甲乙县人民政府副县长张三与丙丁大学社会合作处处长李四签订甲乙县生态产业研究院合作协议。")
    assert [o["name"] for o in signed["organisations"]][1] == "丙丁大学社会合作处"
    assert _triples([signed]) == _as_set([("甲乙县人民政府", "丙丁大学社会合作处", "签约")])


def test_a_development_zone_acts_unless_a_place_in_it_follows():
    [met] = run("甲乙高新区与丙丁大学签署合作协议，双方将在甲乙高新区新市组团共建丙丁学院。")
    assert [o["name"] for o in met["organisations"]] == ["甲乙高新区", "丙丁大学", "丙丁学院"]
    assert _as_set([("甲乙高新区", "丙丁大学", "签约")]) <= _triples([met])


def test_names_after_dates_offices_departments_and_zones():
    [item] = run("8月6日，甲乙大学与日照丙丁集团签约。我校科研处处长张三、综合部部长李四、总经理助理兼研发部部长王五出席。")
    assert [o["name"] for o in item["organisations"]] == ["甲乙大学", "日照丙丁集团", "科研处", "综合部", "研发部"]
    [zone] = run("甲乙国家高新技术产业开发区管委会与丙丁燃料电池工程技术中心、甲乙市科技创新促进中心签订合作协议。")
    assert [(o["name"], o["type"]) for o in zone["organisations"]] == [
        ("甲乙国家高新技术产业开发区管委会", "government"), ("丙丁燃料电池工程技术中心", "platform"),
        ("甲乙市科技创新促进中心", "platform")]
    [places] = run("市科技局锚定上海、南京和西安等高校资源集聚地区持续发力，带领甲乙大学各学院教授赴企业。")
    assert [o["name"] for o in places["organisations"]] == ["市科技局", "甲乙大学"]


def test_people_and_guests_stand_for_their_bodies():
    text = ("8月6日，甲乙大学与丙丁集团签约仪式举行。丙丁集团总裁赵一，戊己建材公司总经理张峰，庚辛新材料公司总经理孙海燕出席。\n\n"
            "张书东代表甲乙大学工学院分别与张峰、孙海燕签订产学研合作协议。\n")
    _, signed = run(text)
    assert _triples([signed]) == _as_set([("甲乙大学工学院", "戊己建材公司", "签约"), ("甲乙大学工学院", "庚辛新材料公司", "签约")])
    text = ("9月28日，甲乙高新技术产业开发区管委会副主任王雪梅一行来访丙丁大学。\n\n"
            "来访客人随后与管理学院、纺织与材料学院分别进行了会谈。\n\n"
            "随后，王雪梅一行参观了协同创新中心，表示将积极推进与丙丁大学的全面战略合作。\n")
    _, talks, visit = run(text)
    assert _triples([talks]) == _as_set([("甲乙高新技术产业开发区管委会", "管理学院", "合作交流"),
                                         ("甲乙高新技术产业开发区管委会", "纺织与材料学院", "合作交流")])
    assert ("甲乙高新技术产业开发区管委会", "协同创新中心", "调研") in {
        (r["source"]["name"], r["target"]["name"], r["kind"]) for r in visit["relations"]}  # a visit, not an agreement


def test_lists_that_sign_with_someone_unnamed_and_organisers_together():
    [firms] = run("东台市安航船舶、伟龙意程、明源纺织和海特尔机械等4家企业与甲乙高校专家团队合作项目现场签约。")
    assert [o["name"] for o in firms["organisations"]] == ["安航船舶", "伟龙意程", "明源纺织", "海特尔机械"]
    assert firms["relations"] == []  # they sign with the experts, not with each other
    [event] = run("产学研对接活动由甲乙省科技厅、甲乙市人民政府主办，甲乙省生产力促进中心、甲乙高新区管委会承办。")
    assert _triples([event]) == _as_set([("甲乙省科技厅", "甲乙市人民政府", "合作交流"),
                                         ("甲乙省生产力促进中心", "甲乙高新区管委会", "合作交流")])


def test_both_sides_go_on_into_the_next_phrase_and_a_delegations_departments_stay_its_own():
    text = ("12月10日，甲乙蓄电池有限公司副总经理周桂生、综合部部长刘洪涛一行到丙丁学院化学与材料工程学院进行校企合作洽谈，"
            "双方签署了合作协议。\n\n"
            "洽谈结束后，校企双方代表参观了戊己省重点实验室、庚辛工程技术中心等科研平台。\n")
    first, second = run(text)
    assert ("甲乙蓄电池有限公司", "综合部") not in {(r["source"]["name"], r["target"]["name"]) for r in first["relations"]}
    assert all(r["source"]["name"] != "综合部" for r in first["relations"])
    assert {(r["source"]["name"], r["target"]["name"], r["kind"]) for r in second["relations"]} >= {
        ("甲乙蓄电池有限公司", "戊己省重点实验室", "调研"), ("甲乙蓄电池有限公司", "庚辛工程技术中心", "调研")}


def test_names_with_he_inside_short_institute_forms_and_campuses():
    [item] = run("我所与甲乙恒和环保科技有限公司签约，丙丁新区党工委书记李四一行到访有研工研院。")
    assert [(o["name"], o["type"]) for o in item["organisations"]] == [
        ("甲乙恒和环保科技有限公司", "enterprise"), ("丙丁新区", "government"), ("有研工研院", "platform")]
    assert ("丙丁新区", "有研工研院", "调研") in {(r["source"]["name"], r["target"]["name"], r["kind"]) for r in item["relations"]}
    [heads] = run("甲乙区委书记张三先后走访丙丁大学、戊己大学秦皇岛分校，增进相互了解。")
    assert _triples([heads]) == _as_set([("甲乙区", "丙丁大学", "调研"), ("甲乙区", "戊己大学秦皇岛分校", "调研")])
    [none] = run("甲乙研究院是集团在西南地区设立的唯一一所研究所。我区召开驻区高校科研处负责人座谈会。他称研究院发展速度快。")
    assert [o["name"] for o in none["organisations"]] == ["甲乙研究院"]
    [units] = run("甲乙中心主任张三以及人力资源发展部、材料事业部、投资财务部等部门相关负责人陪同。")
    assert [o["name"] for o in units["organisations"]][-3:] == ["人力资源发展部", "材料事业部", "投资财务部"]


def test_a_short_name_defined_later_without_quotes_serves_the_headline():
    text = ("丙丁科技与戊己研究院签署联合研发中心共建协议\n\n"
            "11月4日，甲乙集团丙丁科技有限公司（以下简称“丙丁科技”）董事长张三带队赴庚辛集团旗下甲乙(重庆)戊己装备研究院有限公司"
            "（以下简称戊己研究院）交流学习，并签署协议。\n")
    headline, body = run(text)
    assert [(o["name"], o.get("alias_of")) for o in headline["organisations"]] == [
        ("丙丁科技", "甲乙集团丙丁科技有限公司"), ("戊己研究院", "甲乙(重庆)戊己装备研究院有限公司")]
    assert [r["kind"] for r in headline["relations"]] == ["签约"]
    assert [o["name"] for o in body["organisations"]] == ["甲乙集团丙丁科技有限公司", "庚辛集团", "甲乙(重庆)戊己装备研究院有限公司"]


def test_an_institutes_own_page_says_we_for_the_one_institute_it_names():
    text = ("5月17日，我院副院长张三率队前往甲乙国家技术创新中心调研交流。\n\n"
            "李四希望未来与丙丁研院加强合作。\n")
    visit, _ = run(text)
    assert _triples([visit]) == _as_set([("丙丁研院", "甲乙国家技术创新中心", "调研")])
    # two institutes named: 我院 could be either, so it is neither
    visit, _ = run(text.replace("加强合作。", "和戊己研究院加强合作。"))
    assert visit["relations"] == []


def test_offices_by_their_heads_units_joined_with_and_and_time_phrases():
    [item] = run("我校对外合作与发展处处长钟晓东、人文与艺术分院院长张三出席会议，介绍了校友会办公室与教育发展基金会办公室的作用。")
    assert [o["name"] for o in item["organisations"]] == ["对外合作与发展处", "人文与艺术分院", "校友会办公室", "教育发展基金会办公室"]
    [since] = run("一年多来我院学生工作部与甲乙家纺协会开展合作。")
    assert [o["name"] for o in since["organisations"]] == ["学生工作部", "甲乙家纺协会"]


def test_cities_as_partners_branches_speakers_and_attendees():
    [talks] = run("5月12日下午，甲乙科学院与丙丁市在丙丁举行科技合作会谈。这是丙丁市与甲乙科学院合作的深化。")
    assert _triples([talks]) == _as_set([("甲乙科学院", "丙丁市", "合作交流")])
    assert [o["name"] for o in talks["organisations"]] == ["甲乙科学院", "丙丁市"]
    [branch] = run("会上，丙丁市科技局介绍了丙丁市人民政府与甲乙科学院昆明分院深化合作的情况。周杰介绍了甲乙科学院和甲乙科学院昆明分院的有关情况。")
    assert ("丙丁市科技局", "丙丁市人民政府") not in {(r["source"]["name"], r["target"]["name"]) for r in branch["relations"]}
    assert not any({r["source"]["name"], r["target"]["name"]} == {"甲乙科学院", "甲乙科学院昆明分院"} for r in branch["relations"])
    [fair] = run("甲乙学院联合丙丁家纺协会召开洽谈会。与会的企业包括了戊己纺织有限公司、庚辛布艺有限公司。")
    assert all("戊己纺织有限公司" not in (r["source"]["name"], r["target"]["name"]) for r in fair["relations"])


def test_an_agreement_s_terms_later_in_the_same_paragraph_are_what_it_covers():
    [item] = run("甲乙大学与丙丁区签署战略合作协议。根据协议，甲乙大学将与丙丁区在人才培养、科技成果转化等方面开展深度合作。")
    assert [(r["kind"], r.get("covers")) for r in item["relations"]] == [("签约", ["人才培养"])]


def test_a_college_page_says_xueyuan_and_a_county_page_says_woxian():
    text = ("9月3日，学院与甲乙区人民政府举行校地融合发展签约仪式。\n\n"
            "徐公义、高红平分别代表丙丁技师学院和甲乙区人民政府签署政校合作框架协议。"
            "刘希忠、王观英分别代表戊己房地产集团、万和通物流集团，与学院签订校企合作协议。\n")
    first, second = run(text)
    assert _triples([first]) == _as_set([("丙丁技师学院", "甲乙区人民政府", "签约")])
    assert _as_set([("戊己房地产集团", "丙丁技师学院", "签约"), ("万和通物流集团", "丙丁技师学院", "签约")]) <= _triples([second])
    text = ("6月14日，我县与甲乙职业技术学院联合召开县校合作会商委员会会议，签署合作备忘录，并为丙丁旅游学院、戊己研究院揭牌。\n\n"
            "甲乙县与甲乙职业技术学院早在2004年就开始了县校合作。\n")
    signed, _ = run(text)
    assert _triples([signed]) == _as_set([("甲乙县", "甲乙职业技术学院", "签约")])


def test_another_citys_page_keeps_its_own_bureaus_and_events_attended_have_no_partner():
    index = NameIndex.from_rows([("org.cq_sci_tech_bureau", "Organisation", "重庆市科学技术局", ["市科技局"])],
                                Lexicons.load().ambiguous)
    text = "10月29日，市科技局与甲乙高校技术转移联盟联合举办活动，丁戊市人民政府副市长出席。今年是我市第四年组织企业赴西安对接。"
    [item] = as_json(extract(text, index))["items"]
    bureau = item["organisations"][0]
    assert (bureau["name"], bureau["id"], bureau["alias_of"]) == ("市科技局", None, "丁戊市科技局")
    assert not any("丁戊市人民政府" in (r["source"]["name"], r["target"]["name"]) for r in item["relations"])
    [attended] = run("9月30日，甲乙市人民政府在北京参加了丙丁部“蓝火计划”技术发布专场和项目签约仪式。")
    assert attended["relations"] == []
    [head] = run("6月4日下午，甲乙县**副县长田晨一行到访丙丁职业技术学院，开展专题调研。")
    assert _triples([head]) == _as_set([("甲乙县", "丙丁职业技术学院", "调研")])


def test_provinces_that_join_hands_and_bodies_inside_quoted_event_titles():
    [fair] = run("工业强省大会的余音未落，甲乙省即携手丙丁省举办产学研合作项目洽谈会。")
    assert _triples([fair]) == _as_set([("甲乙省", "丙丁省", "合作交流")])
    [events] = run("市科技局指导各区县举办了“戊己县与甲乙大学科技交流视频会”“庚辛区-丙丁理工大学校地合作云洽谈会”等活动。")
    assert events["relations"] == []
    [notice] = run("按照《关于依靠中国科协平台促进科技经济融合发展实施方案》要求，请于5月27日前报送至市科协企事业部邮箱。"
                   "学校将服务建设区域科技创新中心。")
    assert [o["name"] for o in notice["organisations"]] == ["中国科协", "市科协企事业部"]


def test_youyan_names_invitations_fields_with_ji_and_quoted_names_whole():
    [item] = run("应甲乙电池集团股份有限公司的邀请，丙丁学院与有研新能源材料(江西)有限公司签约，整合储能电池及材料重点实验室资源。"
                 "双方举行了“稀土抗菌材料研发与应用联合实验室”授牌仪式。甲乙科学院院士张三出席。")
    assert [o["name"] for o in item["organisations"]] == [
        "甲乙电池集团股份有限公司", "丙丁学院", "有研新能源材料(江西)有限公司", "储能电池及材料重点实验室", "稀土抗菌材料研发与应用联合实验室"]
    [units] = run("卫国英院长向公司高层、各研发部负责人介绍了学院科研平台。")
    assert units["organisations"] == []


def test_the_firms_said_above_and_zones_that_sign():
    [item] = run("甲乙药业股份有限公司、丙丁药业有限公司负责人介绍了技术需求。戊己大学生命科学院还与上述两家企业分别签订了产学研项目协议书。")
    assert _as_set([("戊己大学生命科学院", "甲乙药业股份有限公司", "签约"),
                    ("戊己大学生命科学院", "丙丁药业有限公司", "签约")]) <= _triples([item])
    [zone] = run("启动现场集中进行了丙丁大学与甲乙国家高新区科技创新合作签约。")
    assert _triples([zone]) == _as_set([("丙丁大学", "甲乙国家高新区", "签约")])
    [place] = run("双方将在甲乙高新区新市组团共建丙丁学院，甲乙经开区党工委书记张三出席。")
    assert "甲乙经开区" not in [o["name"] for o in place["organisations"]]


def test_a_zone_named_bare_as_a_party_and_verbs_that_end_names():
    [item] = run("本次签约仪式，经开区分别与甲乙师范大学、丙丁医学院签订了《创新谷项目校地合作框架协议》。")
    assert _triples([item]) == _as_set([("经开区", "甲乙师范大学", "签约"), ("经开区", "丙丁医学院", "签约")])
    [names] = run("充分发挥好甲乙科技协会交流优势，以保持甲乙集团的发展能力，丙丁教授受聘担任研究院院长，区属部门、国有公司负责同志参加。"
                  "双方参观了戊己测试中心和庚辛科创园。")
    assert [o["name"] for o in names["organisations"]] == ["甲乙科技协会", "甲乙集团", "戊己测试中心", "庚辛科创园"]


def test_people_signing_on_behalf_of_bodies_and_the_two_sides_they_represent():
    [item] = run("在丙丁的见证下，张建明、张德华分别代表甲乙大学、丁戊市人民政府签署协议。")
    assert _triples([item]) == _as_set([("甲乙大学", "丁戊市人民政府", "签约")])
    text = ("6月10日，甲乙省副省长郑备与丙丁大学常务副校长乔杰代表双方签署了《甲乙省人民政府、丙丁大学全面深化战略合作协议》；"
            "戊己市委副书记、市长王凤朝与乔杰代表双方共同签署了《戊己市人民政府、丙丁大学战略合作协议》。")
    [both] = run(text)
    assert ("甲乙省人民政府", "戊己市人民政府") not in {tuple(sorted((r["source"]["name"], r["target"]["name"]))) for r in both["relations"]}
    [lists] = run("甲乙大学与丙丁省及戊己市之间长期保持良好的合作关系。在蓉知名高校、大院大所、重大科研项目、金融界的相关负责人出席。"
                  "中科院院士薛其坤出席。")
    assert "丙丁省及戊己市" not in [o["name"] for o in lists["organisations"]]
    assert all(o["name"] not in ("大院大所", "金融界", "中科院") for o in lists["organisations"])


def test_a_delegation_that_comes_to_a_body():
    [item] = run("10月23日上午，甲乙市人民政府发展研究中心主任胡毅雄一行来丙丁产业技术研究院参观考察。"
                 "张国杰带领党群工作部负责人等一行6人来市产研院交流对接。")
    assert [o["name"] for o in item["organisations"]][:2] == ["甲乙市人民政府发展研究中心", "丙丁产业技术研究院"]
    assert "市产研院" in [o["name"] for o in item["organisations"]]
    assert _as_set([("甲乙市人民政府发展研究中心", "丙丁产业技术研究院", "调研")]) <= _triples([item])


def test_universities_by_the_short_names_news_uses():
    [item] = run("希望能够依托哈工大的人才力量与科研优势，与上海交大、北航开展合作，推动北大荒农业发展。")
    assert [(o["name"], o.get("alias_of")) for o in item["organisations"]] == [
        ("哈工大", "哈尔滨工业大学"), ("上海交大", "上海交通大学"), ("北航", "北京航空航天大学")]


def test_offices_named_in_full_power_words_and_contact():
    [item] = run("我校科学技术处积极联系甲乙市科技局，调研团队走访了丙丁功率半导体研究院。")
    assert [o["name"] for o in item["organisations"]] == ["科学技术处", "甲乙市科技局", "丙丁功率半导体研究院"]


def test_an_office_named_without_its_body_is_one_node_per_text_not_one_for_all():
    from loaders.text_names import bare_office
    from loaders.text_records import text_records
    assert bare_office("科技处") and bare_office("校企合作办公室") and bare_office("综合部")
    assert not bare_office("重庆大学科技处") and not bare_office("中华人民共和国科学技术部") and not bare_office("甲乙市科技局")
    text = "甲乙公司与科技处签订合作协议。"
    a = text_records(as_json(extract(text, INDEX)), "a.txt", "a.txt", "1" * 64, set())[0]
    b = text_records(as_json(extract(text, INDEX)), "b.txt", "b.txt", "2" * 64, set())[0]
    office = lambda nodes: next(n for n in nodes if n.props.get("name_zh") == "科技处")
    firm = lambda nodes: next(n for n in nodes if n.props.get("name_zh") == "甲乙公司")
    assert office(a).id != office(b).id and "one node for a.txt only" in office(a).props["notes"]
    assert firm(a).id == firm(b).id  # a firm named in full is one node wherever it is named
    school = "化材学院与甲乙公司签订合作协议。"
    c = text_records(as_json(extract(school, INDEX)), "c.txt", "c.txt", "3" * 64, set())[0]
    d = text_records(as_json(extract(school, INDEX)), "d.txt", "d.txt", "4" * 64, set())[0]
    unit = lambda nodes: next(n for n in nodes if n.props.get("name_zh") == "化材学院")
    assert unit(c).id != unit(d).id  # a school named without its university: whose, the text alone may say
    level = "省科协与甲乙公司签订合作协议。"  # which province's: each text says, or none does
    e = text_records(as_json(extract(level, INDEX)), "e.txt", "e.txt", "5" * 64, set())[0]
    f = text_records(as_json(extract(level, INDEX)), "f.txt", "f.txt", "6" * 64, set())[0]
    body = lambda nodes: next(n for n in nodes if n.props.get("name_zh") == "省科协")
    assert body(e).id != body(f).id and "named by its level alone" in body(e).props["notes"]


# Rules prompted by the thirty-seventh unseen web batch (docs/extraction.md); names made up.
CAS = NameIndex.from_rows([("org.cas", "Organization", "中国科学院", ["中科院"]),
                           ("univ.cqu", "University", "重庆大学", ["重大"])], Lexicons.load().ambiguous)


def test_an_academicians_title_before_another_title_and_an_academys_institute_by_its_short_name():
    [item] = as_json(extract("中国科学院院士、甲乙大学校长张三出席签约仪式。", CAS))["items"]
    assert [o["name"] for o in item["organisations"]] == ["甲乙大学"]
    [still] = as_json(extract("中国科学院院士、所长行活动在重庆大学举行。", CAS))["items"]
    assert "重庆大学" in [o["name"] for o in still["organisations"]]
    first, second = as_json(extract("甲乙市科技局组织企业走进中科院丙丁化物所。\n\n丙丁化物所专家与企业开展对接。", CAS))["items"]
    assert [o["name"] for o in first["organisations"]] == ["甲乙市科技局", "中科院丙丁化物所"]
    assert [(o["name"], o.get("alias_of")) for o in second["organisations"]] == [("丙丁化物所", "中科院丙丁化物所")]


def test_clause_words_before_names_and_a_department_that_is_a_verb():
    names = _names(run("此次共建是继甲乙大学技术转移中心落地后的又一成果，源于区政府的信任，比如丙丁化学新材料产业园也参加了。"))
    assert names == ["甲乙大学技术转移中心", "区政府", "丙丁化学新材料产业园"]
    assert _names(run("组织部分企业与重庆大学专家开展线上对接。")) == ["重庆大学"]
    assert _names(run("发布时间:2022-11-24 来源:甲乙融媒体中心 发布开发区:安徽甲乙经济开发区")) == ["甲乙融媒体中心", "安徽甲乙经济开发区"]


def test_a_delegation_a_head_leads_and_a_district_that_comes_to_the_school():
    [item] = run("甲乙区委副书记张三率丙镇、工信局、航产中心、科技局、财政局等负责人来校推进校地合作，就双方合作协议内容进行了商谈。")
    assert _names([item]) == ["甲乙区", "丙镇", "工信局", "航产中心", "科技局", "财政局"]
    assert item["relations"] == []  # one delegation: its members are not partners of each other
    [head] = run("甲乙区来校推进校地合作")
    assert _names([head]) == ["甲乙区"]


def test_more_universities_by_their_short_names():
    [item] = run("市科技局副局长李明东同合工大教授一行到我县开展企业技术需求调研。")
    assert [(o["name"], o.get("alias_of")) for o in item["organisations"]] == [("市科技局", None), ("合工大", "合肥工业大学")]


def test_the_visitors_a_later_paragraph_calls_the_team_are_all_who_came():
    first, second = run("甲乙市科技局副局长张三同丙丁大学教授一行到我县开展企业技术需求调研。\n\n"
                        "调研组一行分别走访了戊己科技有限公司、庚辛模具有限公司。")
    assert _triples([second]) == _as_set([("甲乙市科技局", "戊己科技有限公司", "调研"), ("甲乙市科技局", "庚辛模具有限公司", "调研"),
                                          ("丙丁大学", "戊己科技有限公司", "调研"), ("丙丁大学", "庚辛模具有限公司", "调研")])


def test_a_districts_federation_industrial_parks_and_named_service_platforms():
    assert _names(run("区机械行业商会会员及区工商联、区经信局和甲乙工业园区相关负责人赴丙丁研究院考察。")) == [
        "区机械行业商会", "区工商联", "区经信局", "甲乙工业园区", "丙丁研究院"]
    assert _names(run("研究院建有农业机械技术创新服务平台，打造一站式服务平台。")) == ["农业机械技术创新服务平台"]
    assert _names(run("甲乙学院走访了丙丁路桥建设有限公司。")) == ["甲乙学院", "丙丁路桥建设有限公司"]  # 设有 in a name


def test_what_is_built_is_no_subject_what_a_body_has_is_no_partner_and_whose_needs_are_met_is_none():
    [item] = run("此次共建甲乙研究院是继丙丁大学技术转移中心落地后的又一成果。")
    assert item["relations"] == []
    [own] = run("戊己研究院下设六个研究所，建有农业机械技术创新服务平台、汽摩配公共服务平台和缝纫机设备产业技术服务平台。")
    assert own["relations"] == []
    [needs] = run("甲乙研究院成立后，将结合庚辛市人民政府及全省产业发展需求，开展关键技术研发和成果转化。")
    assert needs["relations"] == []


def test_a_universitys_own_offices_and_schools_reviewing_together_are_not_partners():
    [item] = run("会上，科技处、社会合作处、机械与汽车工程学院、电气工程学院等负责人共同审议合作协议。")
    assert _names([item]) == ["科技处", "社会合作处", "机械与汽车工程学院", "电气工程学院"] and item["relations"] == []
    [two] = run("甲乙学院、丙丁学院等负责人共同签署合作协议。")  # two colleges, no office: two bodies
    assert _triples([two]) == _as_set([("甲乙学院", "丙丁学院", "签约")])


def test_a_firm_from_a_province_before_with_and_a_firm_named_again_without_its_legal_form():
    assert _names(run("甲乙创新中心“撮合” 河南神玖天航与轻院研究院“结缘”")) == ["甲乙创新中心", "轻院研究院"]
    first, second, third = run("长寿经开区与重庆甲乙复合材料股份有限公司、河南丙丁新材料股份有限公司签约。\n\n"
                               "重庆甲乙复合材料参加。\n\n丙丁新材料也参加。")
    assert [(o["name"], o.get("alias_of")) for o in second["organisations"] + third["organisations"]] == [
        ("重庆甲乙复合材料", "重庆甲乙复合材料股份有限公司"), ("丙丁新材料", "河南丙丁新材料股份有限公司")]


def test_societies_command_posts_city_committees_centres_by_their_heads_and_bases():
    assert _names(run("甲乙经开区与中国材料研究学会签约，莞韶对口帮扶指挥部副指挥长张三出席。")) == [
        "甲乙经开区", "中国材料研究学会", "莞韶对口帮扶指挥部"]
    assert _names(run("他希望，在巢湖市委市政府的大力支持下深化合作。")) == ["巢湖市委", "市政府"]
    assert _names(run("首届产教融合展于中国甲乙科学会展中心开幕。")) == []  # 会展中心, not a society
    assert _names(run("巢湖市农委主任李立胜、推广中心主任胡鹏等陪同调研。")) == ["巢湖市农委", "推广中心"]
    assert _names(run("甲乙市政府与中关村科技园管理委员会签订协议，共建甲乙中关村科技成果产业化基地。")) == [
        "甲乙市政府", "中关村科技园管理委员会", "甲乙中关村科技成果产业化基地"]
    assert _names(run("丙丁创新协同中心通过深度调研，挖掘出辖区轻院研究院，是专注成果转化的创新性综合服务平台。")) == [
        "丙丁创新协同中心", "轻院研究院"]
    assert _names(run("共同推动上海交通大学和上海交大深研院的科技成果转化落地。")) == ["上海交通大学", "上海交大深研院"]


def test_an_unnamed_universitys_own_units_act_for_it_when_it_leads_them_or_says_ours():
    [item] = run("6月21日上午，校长胡伟率领化材学院负责人、科研处负责人前往浙江甲乙化学品有限公司展开调研。")
    assert _triples([item]) == _as_set([("化材学院", "浙江甲乙化学品有限公司", "调研"), ("科研处", "浙江甲乙化学品有限公司", "调研")])
    [ours] = run("我校科技处走访了丙丁科技有限公司。")
    assert _triples([ours]) == _as_set([("科技处", "丙丁科技有限公司", "调研")])
    [signs] = run("我校与涪陵区人民政府签署合作协议。")  # the university itself, unnamed: nothing
    assert signs["relations"] == []
    [two] = run("学校社会合作处要牵头做好项目服务，科技处要牵头做好项目实施。")  # two units of one university
    assert two["relations"] == []


def test_a_policy_frame_first_does_not_hand_the_clause_to_the_subject_before_and_more_clause_words():
    first, second = run("甲乙大学与丙丁管委会联合共建戊己研究院。\n\n"
                        "为贯彻落实丙丁管委会主任办公会精神，庚辛协同中心近期通过深度调研，建议双方联合共建实验室。")
    assert all(r["source"]["name"] != "甲乙大学" for r in second["relations"])
    names = _names(run("中国科协、重庆市科协以建设创新创业共同体为著力点，企业、协会、产业园区管委会以及高等院校参加，中国科协学会部门组织活动。"))
    assert names == ["中国科协", "重庆市科协"]
    [party] = run("他希望在甲乙市委市政府的大力支持下，与丙丁科技有限公司深化合作。")
    assert ("甲乙市委", "市政府") not in {(r["source"]["name"], r["target"]["name"]) for r in party["relations"]}
    assert _names(run("双方就合作建设甲乙中关村科技成果产业化基地达成共识。")) == ["甲乙中关村科技成果产业化基地"]


def test_a_firm_after_a_description_and_more_words_that_end_names():
    [item] = run("对接会上，武清区招商引资企业克伦斯(天津)轨道交通科技有限公司与南开大学成功签约，正好契合公司发展需要。")
    assert _triples([item]) == _as_set([("克伦斯(天津)轨道交通科技有限公司", "南开大学", "签约")])
    assert _names(run("市科技局积极推进市校合作工作，促成河北工业大学与我市企业建立关系，市工业和信息化局参加。")) == [
        "市科技局", "河北工业大学", "市工业和信息化局"]
    assert _names(run("会议介绍了甲乙化物所“十四五”时期研究所研究方向。")) == []


def test_going_to_a_body_for_an_exchange_is_a_visit():
    [item] = run("甲乙工程研究院院长曹驰一行先后赴丙丁智能制造研究院、戊己先进制造技术研究院开展学习交流。")
    assert {r["kind"] for r in item["relations"]} == {"调研"} and len(item["relations"]) == 2


def test_hosts_after_an_unnamed_body_and_huitong_act_together():
    [item] = run("4月26日，由市教育两委会同市科技局、市知识产权局、武清区人民政府联合举办的对接会在武清区举行。")
    assert len(item["relations"]) == 3 and {r["kind"] for r in item["relations"]} == {"合作交流"}


def test_firms_with_tong_a_party_branch_descriptions_parks_and_a_department_by_its_head():
    assert _names(run("近日，国际贸易系教工党支部党员教师赴河南同舟棉业有限公司开展实地调研。")) == [
        "国际贸易系教工党支部", "河南同舟棉业有限公司"]
    names = _names(run("根据年初部署区科技局领导走访了甲乙学院。甲乙学院是一所具有60年办学历史的综合型大学。"
                       "叶局介绍了丙丁科技信息孵化园和丙丁创新创业园的建设情况。"))
    assert names == ["区科技局", "甲乙学院", "丙丁科技信息孵化园", "丙丁创新创业园"]
    assert _names(run("7月7日，副院长王迎秋，教育系党总支书记宗金北一行5人前往甲乙投资公司。")) == ["教育系", "甲乙投资公司"]


def test_a_team_that_goes_on_after_its_leader_and_visits_in_turn():
    first, second = run("我校信息工程学院院长袁锋带队赴甲乙市等地走访调研。\n\n赴甲乙市调研组先后参观了丙丁制药集团有限公司的展览馆。")
    assert _triples([second]) == _as_set([("信息工程学院", "丙丁制药集团有限公司", "调研")])
    [turns] = run("田永全一行先后到甲乙数字技术有限公司、丙丁智能科技有限公司进行实地考察，与丙丁智能科技有限公司签订项目合作协议。")
    assert all(r["source"]["name"] != "甲乙数字技术有限公司" for r in turns["relations"])


def test_both_sides_of_a_visit_sign_when_the_text_says_they_do():
    items = run("4月11日，海运学院赴甲乙联通西青分公司进行走访调研。\n\n随后，双方签署党建共建协议。")
    assert ("海运学院", "甲乙联通西青分公司", "签约") in _triples(items)
    topic = run("海运学院赴甲乙联通西青分公司进行走访调研。\n\n双方围绕人才联合培养、丙丁技术创新中心共建合作等方面展开交流。")
    assert all("丙丁技术创新中心" not in (r["source"]["name"], r["target"]["name"]) for it in topic for r in it["relations"])
    titled = run("甲乙区科技局局长一行到我校经济学院交流调研。\n\n会上，双方签订《甲乙区科技局 丙丁大学经济学院战略合作协议》。")
    assert frozenset(("经济学院", "丙丁大学经济学院")) not in {
        frozenset((r["source"]["name"], r["target"]["name"])) for it in titled for r in it["relations"]}


def test_a_county_government_office_bureaus_joined_with_he_and_counties_that_visit():
    [item] = run("6月1日至3日，衡山县人民政府办副主任颜文佳与该县科技和工业信息化局党组书记赵卫平带队到安化县学习交流。"
                 "安化县人民政府办副主任刘龙军与县科工局局长周欢民陪同。")
    assert _names([item]) == ["衡山县人民政府办", "科技和工业信息化局", "安化县", "安化县人民政府办", "县科工局"]
    assert {r["kind"] for r in item["relations"] if r["target"]["name"] == "安化县"} == {"调研"}  # 带队到 a county
    [team] = run("衡山县颜文佳一行先后考察了中茶湖南安化第一茶厂有限公司。")
    assert _triples([team]) == _as_set([("衡山县", "中茶湖南安化第一茶厂有限公司", "调研")])
    [made] = run("甲乙职业技术学院和丙丁公司联合成立了“现代学徒制合作企业联盟”。")
    assert all("现代学徒制合作企业联盟" not in (r["source"]["name"], r["target"]["name"]) for r in made["relations"])


def test_a_province_and_a_city_in_it_are_two_and_academy_institutes_joined_with_yu():
    [item] = run("中国科学院与安徽省在合肥召开会议。会上，甲乙研究院院长袁家虎与安徽省合肥市人民政府市长凌云签署了合作协议。")
    assert {frozenset((r["source"]["name"], r["target"]["name"])) for r in item["relations"] if r["kind"] == "签约"} == {
        frozenset(("甲乙研究院", "安徽省合肥市人民政府"))}
    names = _names(as_json(extract("中科院与地方共同新建了中科院广州生物医药与健康研究院、中科院宁波材料技术与工程研究所等。"
                                   "如与甘肃白银市共建的产业园。", CAS))["items"])
    assert names == ["中科院", "中科院广州生物医药与健康研究院", "中科院宁波材料技术与工程研究所", "甘肃白银市"]


def test_a_delegation_formed_by_bureaus_that_comes_to_a_park():
    [item] = run("9月27日，以四川省广元市科技和知识产权局副局长郭建华等一行7人组成的科技与经济考察团来上理工科技园参观考察。")
    assert _names([item]) == ["四川省广元市科技和知识产权局", "上理工科技园"]


def test_a_universitys_short_named_institute_and_a_county_a_delegation_comes_to():
    assert _names(run("聊城经济技术开发区管委会和浙江大学山东农研院合作签约仪式举行。")) == ["聊城经济技术开发区管委会", "浙江大学山东农研院"]
    [visit] = run("3月5日，中国工程物理研究院黄渝鸿教授一行来天宁区凤凰新城考察。")
    assert _triples([visit]) == _as_set([("中国工程物理研究院", "天宁区", "调研")])


def test_a_web_blocks_headlines_stand_apart_and_a_caption_finds_the_universities_listed_above():
    # menus and headlines make most lines short, but one line of 100+ characters says the block was never wrapped
    page = ("东方网首页\n东方多媒体\n虹口区政府与重庆大学签订战略合作框架协议\n"
            "6月6日下午，虹口区人民政府与重庆大学战略合作框架协议签约仪式在虹口区政府举行。" + "双方将在人才培养、科技创新等方面开展合作。" * 4 + "\n"
            "衡阳市城区全面启动林权登记工作\n潍坊职业农民创业学院揭牌\n")
    items = run(page)
    assert items[0]["text"] == "虹口区政府与重庆大学签订战略合作框架协议"
    assert {o["name"] for i in items for o in i["organisations"]} == {"虹口区政府", "虹口区人民政府", "重庆大学", "潍坊职业农民创业学院"}
    caption = ("代表参会。" + "与会高校开展座谈交流。" * 8 + "\n"
               "臧小林副校长代表与会高校致辞\n3所高校与武隆区政府签署意向性合作协议\n")
    items = run("4月7日，重庆大学、西南政法大学、四川美术学院等3所高校" + caption)
    assert {(r["source"]["name"], r["target"]["name"], r["kind"]) for r in items[-1]["relations"]} == {
        ("重庆大学", "武隆区政府", "签约"), ("西南政法大学", "武隆区政府", "签约"), ("四川美术学院", "武隆区政府", "签约")}


def test_a_foreign_academicians_academy_a_county_before_a_firm_and_a_units_enterprise_centre():
    [item] = run("4月15日，中国科学院外籍院士李永熙与湖北景锂环保科技有限公司共建院士工作站揭牌仪式在谷城湖北景锂公司举行。")
    assert [o["name"] for o in item["organisations"]] == ["湖北景锂环保科技有限公司", "湖北景锂公司"]
    assert item["relations"] == []  # a person's station with the firm: the academy is only the person's title
    [item] = run("由贵州省科协、中国科协企业创新服务中心联合主办的开站仪式在龙里县举行。")
    assert [o["name"] for o in item["organisations"]] == ["贵州省科协", "中国科协企业创新服务中心"]
    [item] = run("招商局重庆交通科研设计院有限公司与重庆交通大学签约。")  # a brand before a place stays
    assert item["organisations"][0]["name"] == "招商局重庆交通科研设计院有限公司"


def test_academy_institutes_by_short_name_a_person_inside_a_name_and_what_a_body_relies_on():
    [item] = run("大连化物所与甲乙投资发展有限公司签署战略合作协议，依托于丙丁科创中心推进合作。")
    assert [(o["name"], o.get("alias_of")) for o in item["organisations"]] == [
        ("大连化物所", "中国科学院大连化学物理研究所"), ("甲乙投资发展有限公司", None), ("丙丁科创中心", None)]
    [item] = run("泰州产研院与兰州化物所签订战略合作协议。")  # a short name is whole: no field joins it before 与
    assert [o["name"] for o in item["organisations"]] == ["泰州产研院", "兰州化物所"]
    [item] = run("大连市副市长张志宏沙区政府区委书记孙明参加了签约仪式。")
    assert item["organisations"] == []  # a person between two bodies, a comma left out: no one name
    [item] = run("周院长表达了入驻鄞州创新创业园想法，省科协将给予支持。")
    assert [o["name"] for o in item["organisations"]] == ["鄞州创新创业园", "省科协"]


def test_a_level_only_name_is_the_body_the_text_names_with_its_place_and_academies_and_cooperatives():
    items = run("温州市政府与省农科院正式合作\n1月29日，温州市政府与浙江省农科院正式签订合作协议。" + "双方将在现代农业等方面合作。" * 5)
    first = items[0]["organisations"][1]
    assert (first["name"], first.get("alias_of"), first["type"]) == ("省农科院", "浙江省农科院", "platform")
    [item] = run("6月29日，湖南省农业科学院与我县云集高科技农民专业合作社举行签约仪式，湖南农业信息与工程研究所参加。")
    assert [(o["name"], o["type"]) for o in item["organisations"]] == [
        ("湖南省农业科学院", "platform"), ("云集高科技农民专业合作社", "other"), ("湖南农业信息与工程研究所", "platform")]
    assert [(r["source"]["name"], r["target"]["name"]) for r in item["relations"]][0] == ("湖南省农业科学院", "云集高科技农民专业合作社")
    items = run("邵东县与湖南省农业科学院携手打造现代农业示范基地\n6月29日，湖南省农业科学院与我县云集高科技农民专业合作社举行"
                "现代农业示范基地签约仪式。" + "双方将在现代农业等方面合作。" * 4)
    assert [(r["source"]["name"], r["target"]["name"]) for r in items[1]["relations"]] == [
        ("湖南省农业科学院", "云集高科技农民专业合作社")]  # 我县 before the cooperative says whose it is: no party


def test_a_bare_party_after_its_visit_and_more_words_that_start_or_cut_no_name():
    items = run("5月17日，经济管理学院一行前往内江市走访调研，同甲乙市委宣传部进行交流。\n"
                "随后，一行人来到四川华玉车辆板簧有限公司参观交流。" + "双方就人才培养进行了深入交流。" * 3)
    assert [(r["source"]["name"], r["target"]["name"], r["kind"]) for r in items[1]["relations"]] == [
        ("经济管理学院", "四川华玉车辆板簧有限公司", "调研")]  # 一行人: the team that came, named before
    names = [o["name"] for i in run("我院将与古田县、宁德市合作建设福建省农业科学院闽东分院，院科技管理局参加。"
                                    "这是新形势下高校联盟的重要举措，企业代表对自身公司作了介绍，为谱写学院发展新篇章，将创建技术服务平台。")
             for o in i["organisations"]]
    assert names == ["古田县", "宁德市", "福建省农业科学院闽东分院", "科技管理局"]


def test_an_academys_own_page_and_a_city_a_team_goes_to():
    page = ("为落实我院与重庆市人民政府签定的科技合作协议，我院与重庆市北碚区人民政府在北碚签署了农业科技合作协议。"
            "中国农业科学院副院长唐华俊出席了签字仪式。")
    [item] = run(page)
    assert ("中国农业科学院", "重庆市北碚区人民政府", "签约") in {
        (r["source"]["name"], r["target"]["name"], r["kind"]) for r in item["relations"]}
    [item] = run("5月17日，经济管理学院学工组一行前往内江市进行走访调研。学院一行赴三明市清流县考察调研。")
    assert [(r["source"]["name"], r["target"]["name"], r["kind"]) for r in item["relations"]] == [
        ("经济管理学院", "内江市", "调研"), ("经济管理学院", "清流县", "调研")]  # (三明市 is where 清流县 is, not visited)


def test_places_listed_after_with_that_build_together_and_a_firm_a_team_goes_to_see():
    [item] = run("福建省农业科学院将与古田县、宁德市合作建设福建省农业科学院闽东分院。")
    assert [(o["name"], o.get("alias_of")) for o in item["organisations"]][1:3] == [
        ("古田县", "古田县人民政府"), ("宁德市", "宁德市人民政府")]
    [item] = run("接下来，经济管理学院一行来到东林机械参观访谈，并走访西安进行技术交流。")
    assert [o["name"] for o in item["organisations"]] == ["经济管理学院", "东林机械"]


def test_visited_firms_attend_nothing_each_with_one_and_lists_of_who_came():
    [item] = run("9月22日，武汉理工大学资源与环境工程学院副院长李柏林教授一行先后走访了湖北雄韬锂电有限公司、"
                 "京山启利来科技有限公司，深入挖掘企业技术需求，市科技和经信局负责人陪同调研。")
    assert {(r["target"]["name"], r["kind"]) for r in item["relations"]} == {
        ("湖北雄韬锂电有限公司", "调研"), ("京山启利来科技有限公司", "调研")}
    [item] = run("活动现场，甲乙公司分别和重庆大学、西南政法大学等高校签署战略合作协议。")
    assert {(r["source"]["name"], r["target"]["name"]) for r in item["relations"]} == {
        ("甲乙公司", "重庆大学"), ("甲乙公司", "西南政法大学")}  # each with the firm, not with each other
    [item] = run("出席仪式的甲乙职业技术学院的领导有校长郑信军，智能制造学院院长高斌；丙区的领导有区长夏禹桨，区政府办公室、"
                 "新区科技和人才局(区科技局)、区人力社保局、永中街道办事处等单位主要负责人；区教育局负责人共同见证了本次仪式。")
    assert item["relations"] == []  # who came, no activity between them
    names = [o["name"] for o in run("学院发展规划处副处长李炎炎，涵江区相关科局领导参加。这次和广东工业大学展开合作，"
                                    "广东工业大学电子精密制造技术与装备国家重点实验室主任陈新致辞，介绍了企校联合创新中心备案条件。")[0]["organisations"]]
    assert names == ["发展规划处", "广东工业大学", "广东工业大学电子精密制造技术与装备国家重点实验室"]


def test_a_county_after_its_city_a_district_its_head_represents_and_a_groups_own_firm():
    [item] = run("10月15日，成果转化中心李广军主任一行八人赴衡阳市石鼓区开展政产学研用考察交流。")
    assert [o["name"] for o in item["organisations"]] == ["成果转化中心", "石鼓区"]
    [item] = run("签约仪式上，区委副书记、区长张杨代表站前区与营口理工学院签署战略合作协议。")
    assert [(r["source"]["name"], r["target"]["name"], r["kind"]) for r in item["relations"]] == [
        ("站前区", "营口理工学院", "签约")]
    [item] = run("近日，港投集团下属港投产业公司组织园区企业赴成都技师学院开展校企合作交流。")
    assert item["relations"][0]["source"]["name"] == "港投产业公司"  # the group only says whose the firm is
    names = [o["name"] for i in run("中國科學院錢逸泰院士來院作指導，資産管理處負責人參加。我院與颍上縣合作共建研究院。"
                                    "签约仪式在有色金属新材料科创园举行。随着齐鲁医药学院落户经开区，经开区要做好学院与企业的桥梁，"
                                    "推进地方应用型高水平大学建设，看望学院的科研团队。")
             for o in i["organisations"]]
    assert names == ["颍上县", "有色金属新材料科创园", "齐鲁医药学院"]  # no academy in a title, no clause words
    from loaders.text import to_simplified
    assert to_simplified("資産管理處") == "资产管理处"  # 産, a variant of 產, is read as 产 too


def test_units_a_head_leads_lines_under_sixty_many_with_many_and_a_new_situation():
    [item] = run("4月28日，鲁加升董事长带领机电学院和教务处负责人，来到工业区，对甲乙自动化科技有限公司进行了实地考察。")
    assert {(r["source"]["name"], r["target"]["name"], r["kind"]) for r in item["relations"]} == {
        ("机电学院", "甲乙自动化科技有限公司", "调研"), ("教务处", "甲乙自动化科技有限公司", "调研")}
    page = ("化学与化工学院赴甲乙工矿设备有限公司参观交流\n作者：陈俊勇\n来源：化学与化工学院\n"
            "12月18日上午，化学与化工学院党委书记巩磊一行赴甲乙工矿设备有限公司开展参观学习活动，董事长徐言军热情接待并全程陪同。\n")
    items = run(page)  # a line of 60 characters or more: never wrapped, so its headline and byline stand apart
    assert items[0]["text"].endswith("参观交流") and items[-1]["text"].startswith("12月18日")
    assert [(r["source"]["name"], r["kind"]) for r in items[-1]["relations"]] == [("化学与化工学院", "调研")]
    [item] = run("14日上午，威鹰机械、锁龙消防等20家企业现场与东南大学、江苏大学等15家高校院所正式签约。")
    assert item["relations"] == []  # which firm signed with which university, the text does not say
    [item] = run("李旭锋表示，要开拓区校合作共赢新局面。")
    assert item["organisations"] == []


def test_places_included_in_a_list_counted_firms_and_more_forms():
    [item] = run("会上，包括朝阳市、铁岭市、锦州市在内的3个辽宁省内城市科技部门与大连工业大学签署了合作共同宣言。")
    assert {(r["source"]["name"], r["target"]["name"]) for r in item["relations"]} == {
        ("朝阳市", "大连工业大学"), ("铁岭市", "大连工业大学"), ("锦州市", "大连工业大学")}
    [item] = run("一年来，上海第二工业大学先后和伟博化工、哈亿曼电子科技、三鑫钢管3家企业签订4项合作协议。")
    assert [o["name"] for o in item["organisations"]] == ["上海第二工业大学", "伟博化工", "哈亿曼电子科技", "三鑫钢管"]
    [item] = run("我市分别走进华中科技大学、岳麓山大学科技城开展对接，华中科技大学校长、中国工程院尤政院士会见了一行。"
                 "上海第二工业大学周志萍处长一行来我海盐经济开发区开展合作活动，探索建立10个以上高校产学研联盟中心。")
    assert [o["name"] for o in item["organisations"]] == ["华中科技大学", "岳麓山大学科技城", "上海第二工业大学", "海盐经济开发区"]


def test_bodies_named_by_level_or_office_alone_are_one_node_per_text_in_the_store(embedded, tmp_path):
    from loaders.pipeline import load_paths, load_texts
    load_paths(embedded, [ROOT / "data" / "chongqing"])
    for name in ("a.txt", "b.txt"):  # two pages, each about its own province's 省科协 and its own 科技处
        (tmp_path / name).write_text(f"{name}：省科协与甲乙新材料科技有限公司签订合作协议，科技处与甲乙新材料科技有限公司座谈交流。",
                                     encoding="utf-8")
    load_texts(embedded, [tmp_path / "a.txt", tmp_path / "b.txt"])
    rows = embedded.query("MATCH (o) WHERE o.basis = $b AND o.name_zh IN $names RETURN o.name_zh, o.notes ORDER BY o.name_zh",
                          {"b": "extracted", "names": ["省科协", "科技处", "甲乙新材料科技有限公司"]}).rows
    names = [r[0] for r in rows]
    assert names.count("省科协") == 2 and names.count("科技处") == 2  # one per text: whose, only each text says
    assert names.count("甲乙新材料科技有限公司") == 1  # a firm named in full is one node wherever it is named
    assert all("one node for" in r[1] for r in rows if r[0] == "省科协")


def test_a_field_station_is_its_universitys_unit_and_a_titled_person_leads_a_later_visit():
    [item] = run("中国农业大学吴桥实验站位于吴桥县曹洼乡，始建于1983年。此次中国农业大学与吴桥县人民政府合作框架协议的签署，将提升实验站条件。")
    assert ("中国农业大学吴桥实验站", "platform") in {(o["name"], o["type"]) for o in item["organisations"]}
    assert {(r["source"]["name"], r["target"]["name"], r["kind"]) for r in item["relations"]} == {
        ("中国农业大学", "吴桥县人民政府", "签约")}  # the station's name holds the university's: still two bodies
    [item] = run("省科技厅副厅长杨治平和农村科技处负责人参加了仪式。次日，杨治平副厅长在常德市科技局赵星局长等陪同下，"
                 "考察了甲乙水殖公司、市林科所等单位。")
    assert {(r["source"]["name"], r["target"]["name"], r["kind"]) for r in item["relations"]} == {
        ("省科技厅", "甲乙水殖公司", "调研"), ("省科技厅", "市林科所", "调研")}  # 杨治平 was named with 省科技厅
    [item] = run("大邑县科技局局长卢庆及大邑县甲乙肉牛养殖场负责人一行来校交流，学工处处长出席。")
    assert {(o["name"], o["type"]) for o in item["organisations"]} >= {("大邑县甲乙肉牛养殖场", "enterprise"), ("学工处", "other")}


def test_a_delegation_that_visits_by_fang_wen():
    [item] = run("1月28日，甲乙县人民政府副县长王秀江率县直部门负责人一行13人，访问青岛农业大学合作社学院。")
    assert [o["name"] for o in item["organisations"]] == ["甲乙县人民政府", "青岛农业大学合作社学院"]  # 访问 starts no name
    assert [(r["source"]["name"], r["target"]["name"], r["kind"]) for r in item["relations"]] == [
        ("甲乙县人民政府", "青岛农业大学合作社学院", "调研")]


def test_a_universitys_usual_short_form_and_what_a_subjectless_signing_builds():
    items = run("湖南农业大学与甲乙县人民政府签订合作协议。\n\n会上，湖南农大专家介绍了成果。\n\n贵州师范大学校长出席。\n\n期间，贵师大一行参观了甲乙产业园。")
    names = [o["name"] for it in items for o in it["organisations"]]
    assert "湖南农大" in names and "贵师大" in names  # 湖南农业大学 / 贵州师范大学 written the usual short way
    [item] = run("11月8日，与贵州师范大学签订战略合作协议，共同组建“电子器件增材制造联合实验室”。")
    assert item["relations"] == []  # the signer is left out; the laboratory is what they build, no party


def test_a_teams_head_named_without_a_body_and_bodies_described_together():
    page = ("甲乙大学新闻网\n\n6月25日，党委书记关延平，副校长赵长林一行到丙丁经济技术开发区考察调研。\n\n"
            "关延平一行先后来到戊己客车股份有限公司、庚辛食品集团股份有限公司，了解企业生产情况。\n\n"
            "戊己客车与庚辛食品是各自行业的龙头企业，甲乙大学拥有一批人才，具有开展深度合作的便利条件。")
    items = run(page)
    assert [(r["source"]["name"], r["target"]["name"], r["kind"]) for r in items[-2]["relations"]] == [
        ("甲乙大学", "戊己客车股份有限公司", "调研"), ("甲乙大学", "庚辛食品集团股份有限公司", "调研")]  # the team that came
    assert items[-1]["relations"] == []  # what the firms are, not something they did together


def test_liaising_is_an_exchange():
    [item] = run("甲乙市科技局近期与中国科学院大学积极沟通接洽，探索推进合作共建科技成果转化平台工作。")
    assert [(r["source"]["name"], r["target"]["name"], r["kind"]) for r in item["relations"]] == [
        ("甲乙市科技局", "中国科学院大学", "合作交流")]  # (exploring a platform to build is not building it)


def test_two_bodies_hosting_an_event_together():
    [item] = run("10月16日，甲乙产投集团与华中科技大学经济学院金融系教师党支部联合举办了主题党日活动，通过实地调研、集中学习和深度交流，凝聚共识。")
    assert [(r["source"]["name"], r["target"]["name"], r["kind"]) for r in item["relations"]] == [
        ("甲乙产投集团", "华中科技大学经济学院金融系教师党支部", "other")]  # the event, not the visits it held


def test_a_cooperation_base_is_built_together():
    [item] = run("同时，湖南农业大学授予了甲乙食品公司等七家企业“湖南农业大学产学研合作基地”匾牌。")
    assert [(r["source"]["name"], r["target"]["name"], r["kind"]) for r in item["relations"]] == [
        ("湖南农业大学", "甲乙食品公司", "共建")]


def test_a_team_that_goes_to_firms_in_turn_and_a_verb_before_an_alliance():
    [item] = run("10月26日，甲乙市科学技术局局长许洪斌带队调研。许洪斌一行先后到花千源蜂业、山地鸡遗传资源研究所等企业，"
                 "详细询问科技成果转化运用情况。")
    assert {(r["target"]["name"], r["kind"]) for r in item["relations"]} == {("花千源蜂业", "调研"), ("山地鸡遗传资源研究所", "调研")}
    [item] = run("重庆市经信委全力支持产业联盟，积极配合联盟的发展需求。")
    assert [o["name"] for o in item["organisations"]] == ["重庆市经信委"]  # (配合 starts no name: not 配合联盟)


def test_counties_visited_in_turn_and_a_district_a_team_goes_to():
    [item] = run("9月3日，生工学院教工第二党支部组织党员先赴六安市舒城县、金寨县和叶集区等地，走访当地的种植基地。")
    assert [(r["target"]["name"], r["kind"]) for r in item["relations"]] == [
        ("舒城县", "调研"), ("金寨县", "调研"), ("叶集区", "调研")]  # each county visited, not 六安市 they are in
    [item] = run("7月11日，甲乙经开区科协陈绍云等一行到北碚区考察交流院士专家工作站等相关工作。")
    assert [(r["source"]["name"], r["target"]["name"], r["target"]["id"], r["kind"]) for r in item["relations"]] == [
        ("甲乙经开区科协", "北碚区", "district.beibei", "调研")]  # a Chongqing district of the dataset


def test_one_firm_a_team_visits_before_deng_qiye():
    [item] = run("随后，考察组一行实地参观考察了梁平区天胜电子等企业。")
    assert [(o["name"], o["type"]) for o in item["organisations"]] == [("天胜电子", "enterprise")]  # where it is, cut


def test_a_person_before_yu_an_incubator_a_base_before_its_firm_and_more_forms():
    [item] = run("8月7日，校长吕传毅、副校长张祥云与科技处处长魏修亭赴甲乙汽车工业集团考察调研。")
    assert [o["name"] for o in item["organisations"]][0] == "科技处"  # not 副校长张祥云与科技处: a person, then an office
    [item] = run("近日，学院一行前往我院的产学研合作基地甲乙汽车制造有限公司和天津圣纳汽车科技企业孵化器有限公司进行了参观调研。")
    assert [o["name"] for o in item["organisations"]] == ["甲乙汽车制造有限公司", "天津圣纳汽车科技企业孵化器有限公司"]
    [item] = run("上海申康医院发展中心主任王兴鹏表示，要打通市级医院临床创新与转化的链路。苏州九龙医院是江苏省卫计委确认的三级甲等医院。")
    assert [o["name"] for o in item["organisations"]] == ["上海申康医院发展中心", "苏州九龙医院", "江苏省卫计委"]


def test_the_pages_university_and_its_own_office_are_one_side_and_a_holding_firms_short_name():
    page = ("甲乙理工大学新闻网\n\n8月7日，校长吕传毅与科技处处长魏修亭赴聊城考察，并出席我校与丙丁客车控股有限公司战略合作签约仪式。\n\n"
            "8日，吕传毅一行参观了丙丁客车生产车间。")
    items = run(page)
    assert {(r["source"]["name"], r["target"]["name"], r["kind"]) for it in items for r in it["relations"]} == {
        ("甲乙理工大学", "丙丁客车控股有限公司", "签约"), ("甲乙理工大学", "聊城", "调研")}  # not 科技处 with its own university
    assert [o["name"] for o in items[-1]["organisations"]] == ["丙丁客车"]  # 丙丁客车控股有限公司 without 控股


def test_cas_by_its_usual_short_name_is_the_same_body():
    [item] = run("9月23日，甲乙市科学技术局与中国科学院成都分院达成战略合作协议。甲乙市科学技术局与中科院成都分院共建高端科技智库。")
    pairs = {frozenset((r["source"]["name"], r["target"]["name"])) for r in item["relations"]}
    assert frozenset(("中国科学院成都分院", "中科院成都分院")) not in pairs  # one body written two ways, not partners
    assert {r["target"]["name"] for r in item["relations"]} == {"中国科学院成都分院"}


def test_a_bare_name_that_opens_a_sentence_and_signs():
    [item] = run("近日，时代新材与中国电建集团北京勘测设计研究院、北京化工大学在北京共同签署《工程新材料技术创新与推广合作协议》。")
    assert [o["name"] for o in item["organisations"]][0] == "时代新材"  # no name form, but it signs first
    assert {r["target"]["name"] for r in item["relations"] if r["source"]["name"] == "时代新材"} == {
        "中国电建集团北京勘测设计研究院", "北京化工大学"}
    [item] = run("3月1日，孟春青与甲乙投资有限公司签订协议。区内单位与西南大学签订实习合作协议。")
    assert [o["name"] for o in item["organisations"]] == ["甲乙投资有限公司", "西南大学"]  # a person, a type of body


def test_a_later_clause_that_calls_the_visitors_their_team_goes_on_with_their_visit():
    items = run("10月22日，甲乙工业学校校长张三一行前往丙丁科技有限公司调研。\n\n调研队伍首先参观了戊己企业孵化园及庚辛智能制造有限公司。")
    assert _triples(items[1:]) == _as_set([("甲乙工业学校", "戊己企业孵化园", "调研"), ("甲乙工业学校", "庚辛智能制造有限公司", "调研")])
    items = run("由我校机械学院、生化学院的教授一行9人组成的小分队赴甲乙县开展对接活动。\n\n"
                "在甲乙县科技局领导的陪同下，我校教师一行先后参观考察了丙丁食品有限公司。")
    assert _triples(items[1:]) == _as_set([("机械学院", "丙丁食品有限公司", "调研"), ("生化学院", "丙丁食品有限公司", "调研")])
    items = run("甲乙学院党委书记张三一行前往丙丁高新技术产业园区考察调研。\n\n"
                "在丙丁高新区管委会副主任李四的陪同下，学院班子成员先后赴丙丁高新区化学工业园、戊己新材料有限公司进行实地考察。")
    assert _as_set([("甲乙学院", "戊己新材料有限公司", "调研")]) <= _triples(items[1:])  # where they went, not who went with them
    # a research team at work is not the visitors
    items = run("甲乙学院院长张三一行前往丙丁科技有限公司调研。\n\n科研团队在戊己研究院完成了试验。")
    assert _triples(items[1:]) == set()


def test_the_body_that_invites_is_no_subject_and_a_district_gone_to_for_a_visit_about_a_topic():
    [item] = run("应甲乙科技有限公司的邀请，丙丁大学一行到戊己制药有限公司考察。")
    assert _triples([item]) == _as_set([("丙丁大学", "戊己制药有限公司", "调研")])
    [item] = run("丙丁职业学校一行前往北碚区，就工业设计成果转化工作展开深度调研。")
    assert _triples([item]) == _as_set([("丙丁职业学校", "北碚区", "调研")])  # a visit about transfer, not a transfer


def test_the_people_of_several_bodies_who_visit_are_one_delegation():
    [item] = run("我校材化学院院长张三教授、新能源材料实验室负责人李四教授、王五博士对甲乙电池集团有限公司进行了交流访问。甲乙大学")
    assert _triples([item]) == _as_set([("材化学院", "甲乙电池集团有限公司", "调研"),
                                        ("新能源材料实验室", "甲乙电池集团有限公司", "调研")])
    [attended] = run("甲乙大学校长张三、丙丁集团有限公司总经理李四出席并参观了戊己科技有限公司。")
    assert ("甲乙大学", "丙丁集团有限公司", "调研") not in _triples([attended])
    # 以 … 组成: who make up the team, not a frame; 对A、B嘉宾一行表示欢迎: the guests, welcomed together
    [team] = run("9月27日，以甲乙市科技局副局长张三、甲乙市招商局副局长李四等一行7人组成的考察团来丙丁大学科技园参观考察。")
    assert {("丙丁大学科技园", "甲乙市科技局", "调研"), ("丙丁大学科技园", "甲乙市招商局", "调研")} <= _triples([team])
    [welcome] = run("甲乙精密制造有限公司总经理张三首先对丙丁高新区管委会、戊己理工大学嘉宾一行表示热烈欢迎。")
    assert ("丙丁高新区管委会", "戊己理工大学", "other") not in _triples([welcome])


def test_a_nameless_schools_team_of_people_from_its_units_visits_and_a_host_is_not_the_visitor():
    [item] = run("8月29日，学校副院长马凯、校企合作处处长华英、汽车工程学院院长孔春花等一行7人先后走访调研了甲乙光学有限公司、丙丁能源科技股份有限公司。")
    assert _triples([item]) == _as_set([(u, f, "调研") for u in ("校企合作处", "汽车工程学院")
                                        for f in ("甲乙光学有限公司", "丙丁能源科技股份有限公司")])
    items = run("10月30日，学校副校长许磊一行赴甲乙产业有限公司开展调研。甲乙产业有限公司副董事长陶贵明等热情接待了调研组一行。\n\n"
                "许磊一行先后深入企业展厅、丙丁公司注塑车间。")
    assert all(r["source"]["name"] != "甲乙产业有限公司" for r in items[1]["relations"])  # the host received them


def test_a_workshop_before_and_is_not_half_of_a_lab_name():
    [item] = run("许磊一行先后深入甲乙公司飞轮车间及甲乙实验室，实地调研生产流程。")
    assert _names([item]) == ["甲乙公司", "甲乙实验室"]


def test_a_team_a_head_leads_into_two_firms_and_a_school_joining_two_fields():
    [item] = run("为扎实推进甲乙市域产教联合体建设工作，丙丁产教联合体秘书处赴高新区企业开展调研。"
                 "周多道带领机械与汽车工程学院有关教师走进戊己洁净技术和庚辛光电两家公司。")
    assert "机械与汽车工程学院" in _names([item]) and "丙丁产教联合体秘书处" in _names([item])
    assert {"戊己洁净技术", "庚辛光电"} <= set(_names([item]))  # no name form, but the count says they are firms
    subjects = {r["source"]["name"] for r in item["relations"]} | {r["target"]["name"] for r in item["relations"]}
    assert "甲乙市域产教联合体" not in subjects  # what the purpose phrase promotes does nothing


def test_later_items_of_a_counted_firm_list_keep_their_first_character_and_a_visit_told_again():
    items = run("在甲乙市总商会的协调下，我院部分老师对丙丁镇的部分企业进行调研。调研活动由工商联陈志勇副主席和我院钱锦东副院长带队。\n\n"
                "本次调研了：戊己电子科技股份有限公司、同大机械等两家公司。")
    assert _names(items[1:]) == ["戊己电子科技股份有限公司", "同大机械"]  # not 大机械 (同 is no "with" here)
    assert _triples(items[1:]) == _as_set([("工商联", "戊己电子科技股份有限公司", "调研"), ("工商联", "同大机械", "调研")])
    assert all("甲乙市总商会" not in (r["source"]["name"], r["target"]["name"]) for it in items for r in it["relations"])


def test_bodies_whose_leaders_attend_with_the_schools_are_not_its_partners():
    [item] = run("8月3日，甲乙中心与甲乙理工大学联合建设的实验室揭牌仪式在甲乙理工大学举行。"
                 "丙丁省教育厅、丙丁市科技局领导，学校主要领导出席签约揭牌仪式。")
    assert all("丙丁省教育厅" not in (r["source"]["name"], r["target"]["name"]) for r in item["relations"])
    [visit] = run("甲乙理工大学位于丙丁市。丙丁市科技局局长一行到学校交流。")
    assert ("丙丁市科技局", "甲乙理工大学", "合作交流") in _triples([visit])  # a visit to the school still is one


def test_a_college_school_joining_two_fields_a_department_by_its_managers_title_and_companions_along():
    assert "甲乙学院物理与机电工程学院" in _names(run("社市委副主委、甲乙学院物理与机电工程学院教授陈虹微参加。"))
    assert _names(run("甲乙集团副总裁杨志超，市场开发总监、市场开发部总经理赵晖参加会议。")) == ["甲乙集团", "市场开发部"]
    assert _names(run("甲乙集团是唯一一家集国有资本投资公司试点于一身的中央企业。")) == ["甲乙集团"]
    [item] = run("由甲乙市科技局局长林振宇牵头，会同甲乙市财政局、丙丁海洋开发研究院等单位的相关负责人赴戊己市考察交流。")
    assert _triples([item]) == _as_set([("甲乙市科技局", "戊己市", "调研")])  # those who come along are no one's partners
    [talks] = run("甲乙市科技局会同甲乙市丙区、丁县等与戊己大学积极沟通接洽。")
    assert _triples([talks]) == _as_set([("甲乙市科技局", "戊己大学", "合作交流")])


def test_speakers_in_turn_attendees_of_a_signing_a_department_head_after_his_name_and_what_a_firm_is():
    [item] = run("仪式上，甲乙学院新材料学院负责人和丙丁桥架股份有限公司负责人分别作了交流发言。")
    assert item["relations"] == []  # each spoke; no exchange between them
    [item] = run("4月21日上午,丙丁桥架股份有限公司与甲乙学院“校企合作协议”签约仪式,在甲乙学院新材料与能源学院A4三楼举行,"
                 "甲乙学院副院长郑直,戊己经济技术开发区管委会蔚钟声主任,甲乙学院校地合作办主任郭超峰,"
                 "丙丁桥架股份有限公司董事长尚新春等参加签约仪式。")
    assert all("戊己经济技术开发区管委会" not in (r["source"]["name"], r["target"]["name"])
               for r in item["relations"])  # who attended the signing, not who signed
    assert "机电技术系" in _names(run("学校顾伟国副校长、合作交流处戴勤处长、机电技术系李友节主任等热情地接待了来宾。"))
    assert "科技人才办" in _names(run("会上，甲乙区科技局、科技人才办主任张三介绍了情况。"))  # an office by its head's title
    [item] = run("甲乙家居用品有限公司2014年成立，是瑞典丙丁国际集团的优质供应商之一。")
    assert item["relations"] == []  # what the firm is, not an activity
    assert _names(run("6月4日，八角湾科创中心烟台甲乙科技有限公司总经理解秀丽一行到产教融合学院座谈交流。"))[0] == "烟台甲乙科技有限公司"


def test_a_partys_district_committee_a_government_office_and_counted_types():
    assert _names(run("4月2日，致公党甲乙区工委会组织20余名党员走进丙丁科技有限公司。")) == ["致公党甲乙区工委会", "丙丁科技有限公司"]
    assert "区政府办" in _names(run("甲乙区人民政府方力区长带领区政府办、发改委等单位负责人一行来到丙丁研究院进行参观交流。"))
    assert "海外创新中心" not in _names(run("建设孵化器与创新产业基地38个，海外创新中心7家。"))
    assert "四川省泸州市农业科学院" in _names(run("甲乙学院与中国科学院成都生物研究所、四川省泸州市农业科学院2个科研院所签订协议。"))


def test_who_a_description_says_made_or_set_up_a_body_built_it_together():
    [item] = run("创新中心负责人介绍，该中心是璧山区政府和重庆大学联合打造的创新孵化平台。")
    assert _triples([item]) == _as_set([("璧山区政府", "重庆大学", "共建")])
    [item] = run("甲乙研究院1996年由甲乙市人民政府与丙丁大学合作设立，是第一家新型研发机构。")
    assert ("丙丁大学", "甲乙市人民政府", "共建") in _triples([item])
    [item] = run("目前，甲乙研究院与丙丁科创集团有限公司已成功孵化企业3100多个。")
    assert _triples([item]) == _as_set([("甲乙研究院", "丙丁科创集团有限公司", "成果转化")])


def test_a_body_that_goes_into_a_centre_is_remembered_as_the_visitor():
    items = run("4月2日，甲乙区工委会组织20余名党员走进甲乙先进技术创新中心。\n\n调研组一行实地走访了丙丁科技有限公司。")
    assert _triples(items[1:]) == _as_set([("甲乙区工委会", "丙丁科技有限公司", "调研")])


def test_a_service_team_named_again_a_firm_reached_and_a_vice_presidents_units():
    items = run("8月14日，由学校合作发展处、科研处、乡村振兴研究院负责人组成的乡村振兴服务队一行7人，到甲乙县对接交流。\n\n"
                "乡村振兴服务队一行到达甲乙县水发集团，参观了智慧大棚项目。")
    assert "合作发展处" in _names(items[:1])  # not 由学校合作发展处
    assert _names(items[1:]) == ["甲乙县水发集团"]  # not 达甲乙县水发集团
    assert _as_set([("合作发展处", "甲乙县水发集团", "调研")]) <= _triples(items[1:])  # the team named again
    assert "达胜健身器材" in _names(run("交流会后还分别到达胜健身器材、京海表面技术等企业参观。"))  # a brand that starts with 达
    [item] = run("甲乙师范学院教授博士服务团20余人，奔赴丙丁县、戊己县，开展了科技服务活动，将科研成果转化为新质生产力。")
    assert {r["kind"] for r in item["relations"]} == {"调研"}  # where they went, whatever the activity's topic
    [item] = run("甲乙技术师范大学百名博士行活动举行。该校副校长戴青云教授率领科研处、交叉学科研究院等团队赴丙丁市调研。")
    assert all("交叉学科研究院" not in (r["source"]["name"], r["target"]["name"])
               or "甲乙技术师范大学" not in (r["source"]["name"], r["target"]["name"]) for r in item["relations"])  # one team


def test_where_a_body_is_located_is_no_party():
    [item] = run("甲乙创新产业园是由丙丁研究院参与策划的科技产业综合体，位于戊己工业园区新市组团。")
    assert all("戊己工业园区" not in (r["source"]["name"], r["target"]["name"]) for r in item["relations"])


def test_a_school_named_by_one_field_and_a_time_word_before_it():
    [item] = run("2月14日，工学院院长张三带队，到甲乙实业有限公司、丙丁智能设备有限公司等2家企业现场开展走访调研。")
    assert _triples([item]) == _as_set([("工学院", "甲乙实业有限公司", "调研"), ("工学院", "丙丁智能设备有限公司", "调研")])
    assert [c["id"] for c in item["clusters"]] == ["cluster.smart_equipment"]  # 智能设备
    assert _names(run("今年工学院将进一步深化校企合作。")) == ["工学院"]  # not 今年工学院
    assert _names(run("化工学院与甲乙化工有限公司签约。"))[0] == "化工学院"  # two characters before 学院: the form as before


def test_a_school_after_its_college_with_a_dash_and_its_second_name_in_brackets():
    [item] = run("6月6日，甲乙学院-种子与设施农业工程学院(现代园艺研究院)-张三书记一行四人来到丙丁照明集团有限公司进行参观交流。")
    assert _names([item]) == ["甲乙学院", "种子与设施农业工程学院", "现代园艺研究院", "丙丁照明集团有限公司"]
    assert _triples([item]) == _as_set([("种子与设施农业工程学院", "丙丁照明集团有限公司", "调研")])  # the school acts
    second = next(o for o in item["organisations"] if o["name"] == "现代园艺研究院")
    assert second["alias_of"] == "种子与设施农业工程学院"  # one body: the loader makes one node of it


def test_a_company_whose_name_holds_lianhe_and_an_alliance_school():
    assert "甲乙临港联合发展有限公司" in _names(run("甲乙区科协副主席张三与甲乙临港联合发展有限公司相关负责人来学院访问交流。"))
    [item] = run("港投产业公司组织企业赴盟校丙丁技师学院参加产教融合大会。")
    assert "丙丁技师学院" in _names([item])  # what the college is to them (盟校), then its name


def test_an_institutes_office_a_department_by_its_staff_and_attendees_of_talks():
    assert "甲乙材料研究所技术转移与知识产权处" in _names(run("甲乙材料研究所技术转移与知识产权处处长张三出席了签约仪式。"))
    [item] = run("丙丁区工信局局长李四、戊己实业股份有限公司董事长王五、甲乙材料研究所技术转移与知识产权处处长张三出席了签约仪式。")
    assert item["relations"] == []  # who attended; 技术转移 is an office's name, no activity
    assert "产业合作部" in _names(run("甲乙研究所副所长张三、李四，产业合作部相关人员也参加了签约仪式。"))
    [item] = run("甲乙县委组织部副部长张三，甲乙农业农村局党委副书记李四等参与座谈。")
    assert item["relations"] == []  # those who took part in the talks, not partners of each other


def test_people_who_sign_for_a_type_word_and_for_the_pair_named_before():
    [item] = run("6月26日，甲乙研究所所长张三与丙丁实业集团有限公司董事长李四分别代表研究所和戊己生物科技有限公司在协议书上签字。")
    assert _triples([item]) == _as_set([("甲乙研究所", "戊己生物科技有限公司", "签约")])  # 研究所: the one named before
    items = run("8月26日，甲乙材料研究所和丙丁区人民政府科技创新合作协议签约仪式在甲乙材料研究所举行。"
                "甲乙材料研究所副所长张三与丙丁区委常委、组织部长李四代表双方签署了合作协议。")
    assert _triples(items) == _as_set([("甲乙材料研究所", "丙丁区人民政府", "签约")])  # not the department head's 组织部


def test_a_graduate_school_a_towns_government_and_places_with_short_names():
    [item] = run("甲乙农林大学研究生院副院长张三带队一行6人走访调研丙丁科创园。")
    assert _triples([item]) == _as_set([("甲乙农林大学研究生院", "丙丁科创园", "调研")])
    assert "石练镇政府" in _names(run("在与石练镇政府领导座谈中，双方交流了合作情况。"))
    [item] = run("7月27日，社会合作处处长张三率有关人员专程赴遂昌调研社会服务工作。")
    assert _triples([item]) == _as_set([("社会合作处", "遂昌", "调研")])
    assert _names(run("赴基层调研，了解企业需求。")) == []  # a word for places in general
    [item] = run("凤县赴甲乙农林科技大学、丙丁职业技术学院开展“一把手”进高校活动。")
    assert _triples([item]) == _as_set([("凤县", "甲乙农林科技大学", "调研"), ("凤县", "丙丁职业技术学院", "调研")])
    assert "凤县政府" in _names(run("凤县政府主要领导带领有关部门负责人赴甲乙大学考察调研。"))
    assert _names(run("全县共有企业200家。")) == []  # 全县: no county's name


def test_going_to_a_body_for_talks_is_an_exchange_and_a_persons_name_is_no_keyword():
    [item] = run("甲乙生物科技有限公司于活动第二天赴丙丁大学进一步沟通对接。")
    assert {r["kind"] for r in item["relations"]} == {"合作交流"}  # talks where they went, not a visit
    [item] = run("甲乙大学党委书记李卫星出席了会议。")
    assert item["clusters"] == []  # 卫星 in a person's name is no satellite industry


def test_many_teams_with_many_firms_firms_brought_along_and_a_schools_labs():
    [item] = run("来自甲乙大学、丙丁大学等8所高校的13个团队按照经开区产业需求分成4组与经开区的戊己玻璃有限公司、"
                 "庚辛制药股份有限公司等15家企业开展了精准对接活动。")
    assert item["relations"] == []  # who with whom, the text does not say
    [item] = run("3月11日，甲乙开发区管委会副主任张三携丙丁新材料、戊己昊融和庚辛优锐三家企业赴甲乙大学开展合作洽谈。")
    assert {"丙丁新材料", "戊己昊融", "庚辛优锐"} <= set(_names([item]))  # a list counted, its last two joined by 和
    assert all("甲乙大学" in (r["source"]["name"], r["target"]["name"]) for r in item["relations"])  # the firms come along
    assert _names(run("参会双方共同参观了材料科学与工程学院实验室。")) == []  # a school's labs: a facility


def test_a_schools_page_names_itself_by_its_secretarys_title():
    [item] = run("9月5日，我院分别与甲乙三局、丙丁建筑集团两家企业开展校企交流座谈。座谈会由材料学院党委书记张三主持。")
    assert _triples([item]) == _as_set([("材料学院", "甲乙三局", "合作交流"), ("材料学院", "丙丁建筑集团", "合作交流")])


def test_a_topic_before_ji_is_no_field_clause_verbs_end_names_and_an_academys_centre():
    [item] = run("调研组来甲乙调研丙丁项目建设情况及丙丁电子信息产业研究院组建事宜。")
    assert "情况及丙丁电子信息产业研究院" not in _names([item])  # 情况 is no field of a two-field name
    assert _names(run("平阳将给予丙丁电子信息产业研究院最优服务。")) == ["丙丁电子信息产业研究院"]
    assert _names(run("让更多科技成果走出实验室、走进产业链。")) == []
    cas = NameIndex.from_rows([("org.cas", "Institute", "中国科学院", ["中科院"])])
    items = as_json(extract("中科院软件中心党委书记张三线上出席签约活动。", cas))["items"]
    assert _names(items) == ["中科院软件中心"]  # the academy's centre, not the academy


def test_a_team_that_looks_over_firms_visits_them():
    items = run("甲乙学院副校长毛艳丽出席仪式。\n\n签约仪式举行前，毛艳丽一行实地察看了丙丁装备制造集团股份有限公司、"
                "戊己新材科技股份有限公司发展情况。")
    assert _triples(items[1:]) == _as_set([("甲乙学院", "丙丁装备制造集团股份有限公司", "调研"),
                                           ("甲乙学院", "戊己新材科技股份有限公司", "调研")])


def test_firms_with_universities_uncounted_an_exchange_and_a_years_edition():
    [item] = run("目前，已有甲乙石墨、丙丁科技、戊己生物、庚辛汽配等4家企业与甲乙工业大学、丙丁轻工大学等高校达成合作协议。")
    assert item["relations"] == []  # four firms with the universities: who with whom, the text does not say
    [item] = run("甲乙理工学院、丙丁大学等48家高校、院所分别与戊己新材料公司等企业签订了产学研合作协议50项。")
    assert ("丙丁大学", "戊己新材料公司", "签约") in _triples([item])  # 分别与: each of them with the firm
    assert "上海技术交易所" in _names(run("长春市科技局和上海技术交易所共建技术转移基地。"))
    assert not any(n.startswith("度") for n in _names(run("省科学技术厅公布2020年度湖北省企校联合创新中心备案清单。")))


def test_two_that_co_built_a_base_whose_unveiling_others_attend():
    [item] = run("12月22日，由甲乙市科技局和丙丁技术交易所共建的“技术转移基地”揭牌仪式在甲乙市举行，甲乙市副市长张三出席会议。")
    assert _triples([item]) == _as_set([("甲乙市科技局", "丙丁技术交易所", "共建")])


def test_comma_between_two_names_lists_them_and_the_evidence_keeps_the_comma():
    [item] = run("由甲乙压力容器有限公司,丙丁流体技术有限公司与戊己科技学院共同举办的校企合作实习基地签约仪式顺利进行。")
    assert _triples([item]) == _as_set([("甲乙压力容器有限公司", "戊己科技学院", "签约"),
                                        ("丙丁流体技术有限公司", "戊己科技学院", "签约")])
    assert all("有限公司,丙丁" in r["evidence"] for r in item["relations"])  # as written, not as read
    assert {c["id"] for c in item["clusters"]} == {"cluster.smart_equipment"}  # 压力容器: equipment


def test_names_with_he_inside_titles_of_a_department_and_a_body_counted():
    assert _names(run("1月22日，碳中和科学与工程学院张三一行赴京调研。")) == ["碳中和科学与工程学院"]
    assert _names(run("甲乙科学与工程学系副系主任张三出席。丙丁与戊己系系主任李四出席。")) == [
        "甲乙科学与工程学系", "丙丁与戊己系"]  # the 系 of 系主任 is the title's, not the name's
    assert _names(run("总经理张三指出，甲乙不仅仅是一个企业，也是一个社会大学。")) == []  # a kind of body, counted
    assert _names(run("甲乙研究院前沿科学中心将充分调动专家资源。")) == ["甲乙研究院前沿科学中心"]


def test_a_county_named_with_its_province_and_city_and_an_autonomous_county():
    [item] = run("日前，河北省甲乙市丙丁回族自治县与戊己研究院签署战略合作框架协议。")
    [county] = [o for o in item["organisations"] if o["type"] == "government"]
    assert (county["name"], county["alias_of"]) == ("河北省甲乙市丙丁回族自治县", "丙丁回族自治县人民政府")
    assert _triples([item]) == _as_set([("河北省甲乙市丙丁回族自治县", "戊己研究院", "签约")])
    assert _names(run("丙丁回族自治县与戊己研究院签约。")) == ["丙丁回族自治县", "戊己研究院"]


def test_a_founding_year_a_team_later_speakers_and_attendees_of_an_unnamed_signing():
    assert run("据了解，甲乙研究院成立于2000年，是由丙丁部主管的科研机构。")[0]["relations"] == []
    items = run("甲乙科学与工程学院张三一行赴京开展调研。\n\n团队首站走访丙丁环科科技有限公司。")
    assert _triples(items[1:]) == _as_set([("甲乙科学与工程学院", "丙丁环科科技有限公司", "调研")])  # the team: the visitors
    [item] = run("座谈中，甲乙发展中心张三部长、丙丁成果转化服务有限公司董事长李四等分享了专项政策。")
    assert item["relations"] == []  # speakers in turn, not partners
    [item] = run("我院与甲乙高速公路有限公司签订校企合作办学协议，院长张三、丙丁与戊己系系主任李四、丙丁与戊己系实习生等出席了签约仪式。")
    assert item["relations"] == []  # the department attends what the unnamed 我院 signed


def test_a_committee_before_its_government_offices_and_words_that_end_names():
    assert _names(run("近年来，甲乙县委、县政府牢牢把握高质量发展首要任务。")) == ["甲乙县委", "县政府"]
    assert _names(run("同时，期待甲乙县委、县政府继续关心和支持丙丁学院的发展。")) == ["县政府", "丙丁学院"]  # no place alone before 县委
    assert _names(run("丙丁研究所科技处及党政办负责人参加了签约仪式。")) == ["丙丁研究所科技处", "党政办"]
    assert _names(run("校长办公室、学科办和材料工程学校相关负责人陪同调研。")) == ["校长办公室", "学科办", "材料工程学校"]
    assert _names(run("围绕城市更新、科技创新、乡村振兴三方面集团主营业务，双方以联合实验室为平台。")) == []
    assert _names(run("双方围绕工程技术中心、研究生实践基地等方面进行了深入交流。")) == []  # a kind of centre


def test_a_groups_page_names_itself_by_its_heads_titles():
    items = run("近日，集团党委书记、总裁张三赴甲乙信息工程大学参观访问。\n\n他介绍了丙丁控股集团的发展概况。")
    assert _triples(items) == _as_set([("丙丁控股集团", "甲乙信息工程大学", "调研")])
    assert {c["id"] for c in run("校长一行走访甲乙建材集团。")[0]["clusters"]} == {"cluster.advanced_materials"}


def test_an_agreements_title_cited_not_signed_and_a_citys_delegation():
    items = run("研究院全面完成了《甲乙市人民政府丙丁理工大学共建丙丁理工大学甲乙研究院合作协议书》要求的目标。")
    assert _names(items)[:2] == ["甲乙市人民政府", "丙丁理工大学"] and _triples(items) == set()  # two parties, cited only
    assert _triples(run("甲乙市人民政府与丙丁理工大学签署了《甲乙市人民政府丙丁理工大学合作协议书》。")) == _as_set(
        [("甲乙市人民政府", "丙丁理工大学", "签约")])
    assert _names(run("甲乙市代表团来校考察。")) == ["甲乙市"]
    assert "科技服务团" in _names(run("绿色纺织产业科技服务团由中国纺织工程学会牵头组建，将服务团资源注入学会搭建的平台。"))[0]
    assert _names(run("集聚甲乙集团及清华、西交大等共同组建。"))[-1] == "西交大"


def test_bodies_gathered_after_a_lead_co_found_with_it():
    [item] = run("智能制造产业联盟由甲乙大学牵头，联合丙丁有限公司、戊己集团等共同组建。")
    assert _triples([item]) == _as_set([("甲乙大学", "丙丁有限公司", "共建"), ("甲乙大学", "戊己集团", "共建"),
                                        ("丙丁有限公司", "戊己集团", "共建")])
    [item] = run("联盟由甲乙大学牵头，丙丁有限公司负责运营，于2020年成立。")
    assert _triples([item]) == set()  # the lead alone founds it


def test_names_cut_at_a_title_a_lead_in_and_labs_toured_beside_a_workshop():
    assert _names(run("签约仪式上，甲乙工程学院力学学科副主任王建山作学院力学研究方向简介。")) == ["甲乙工程学院"]
    assert _names(run("据丙丁县工业集中发展区管委会主任何涛介绍，园区主要有三大产业。")) == ["丙丁县工业集中发展区管委会"]
    items = run("一行参观了转鼓实验室、三电实验室和试制车间。随后参观了甲乙汽车国家重点实验室。")
    assert _names(items) == ["甲乙汽车国家重点实验室"]  # a firm's rooms beside a workshop; a ranked lab stays
    assert _names(run("与研究院主要领导，以及技术部、人力资源部等部门负责人进行了深入交流。")) == ["技术部", "人力资源部"]


def test_a_short_form_after_the_full_name_and_a_bracketed_abbreviation():
    [item] = run("理工学院张三一行赴甲乙新能源商用车研究院调研，与商用车研究院主要领导进行了深入交流。")
    assert _names([item]) == ["理工学院", "甲乙新能源商用车研究院", "商用车研究院"]  # both written forms, one body
    assert _triples([item]) == _as_set([("理工学院", "甲乙新能源商用车研究院", "调研")])
    items = run("甲乙汽车技术研究中心(甲汽中心)是1985年经国家科委批准成立的科研院所。甲汽中心汽车工程研究院由甲汽中心全资建设。")
    assert "甲汽中心" in _names(items)
    assert not any(r["kind"] == "共建" for it in items for r in it["relations"])  # approved, not co-founded


def test_people_who_sign_for_both_sides_sign_for_the_pair_named_first():
    [item] = run("7月2日，甲乙动力零部件有限公司与丙丁学院党建共建启动仪式举行。仪式上，张三与李四分别代表双方签署共建协议。")
    assert ("丙丁学院", "甲乙动力零部件有限公司", "签约") in _triples([item])


def test_a_quoted_name_joined_by_a_dash_venues_outlets_and_party_committees():
    [item] = run("近日，我校与甲乙医药集团股份有限公司签署战略合作协议，“丙丁药科大学-甲乙医药女性健康药物创新中心”同步揭牌。")
    assert "丙丁药科大学" not in _names([item])  # named only inside the centre's name
    assert _names(run("签约仪式在戊己研究院学术报告厅举行。平台基地设在丙丁大学虎溪校区。")) == []  # places
    [item] = run("10月30日，在民盟甲乙市委会、中共甲乙市丙丁区委主办的开幕式上，举行了揭牌仪式。")
    assert "中共甲乙市丙丁区委" in _names([item])
    [item] = run("经民盟甲乙市委会联系引荐，甲乙大学储能技术创新平台到丙丁储能科技有限公司进行考察。")
    assert _triples([item]) == _as_set([("甲乙大学储能技术创新平台", "丙丁储能科技有限公司", "调研")])  # 经A: a frame


def test_a_firms_place_and_brand_before_its_full_name_and_clause_words_before_he():
    items = run("甲乙区与丙丁大学、厦门海辰举行合作交流座谈会。\n\n厦门海辰新能源科技有限公司董事长吴祖钰介绍有关情况。")
    assert "厦门海辰" in _names(items[:1])  # the headline's short form, named in full a paragraph later
    assert _names(run("三峡集团期待和丙丁大学开展全方位的深度合作。"))[-1] == "丙丁大学"
    assert _names(run("推动丙丁大学建设成为有特色、高水平的现代化大学。")) == ["丙丁大学"]
    assert _names(run("甲乙创新平台下辖电化学储能研究中心等4个中心。")) == ["甲乙创新平台", "电化学储能研究中心"]


def test_team_members_bodies_offices_and_an_unnamed_college_that_talks():
    assert _names(run("服务团成员甲乙市民营经济发展研究中心张三副主任，自贸区经发局副局长李四一行深入企业。")) == [
        "甲乙市民营经济发展研究中心", "自贸区经发局"]
    assert _names(run("辽宁省“多链融合”服务团甲乙高新区服务团继续对企业开展调研工作。")) == ["甲乙高新区服务团"]
    assert _names(run("甲乙示范区管委会行政审批局局长张三、科教城管理中心主任李四参加会议。")) == [
        "甲乙示范区管委会行政审批局", "科教城管理中心"]
    names = _names(run("参观了园区新能源企业以及天康集团公司等，希望甲乙高新院帮助甲乙经开区发展。"))
    assert "天康集团公司" in names and not any(n.endswith("经开区") and "帮助" in n for n in names)
    assert _names(run("我院院长张三率一行四人对安徽甲乙经济开发区进行了实地调研。")) == ["安徽甲乙经济开发区"]
    [item] = run("对接洽谈阶段，我院成功与甲乙食品有限公司、丙丁食品有限公司等多家企业进行了对接洽谈。")
    assert item["relations"] == []  # 我院 the page never names: no guess


def test_national_centres_a_provinces_government_and_those_who_guide():
    [item] = run("会上，国家技术转移海峡中心与国家技术转移东部中心签订了战略合作框架协议。")
    assert _triples([item]) == _as_set([("国家技术转移海峡中心", "国家技术转移东部中心", "签约")])
    [item] = run("甲乙中心是以丙丁技术转移中心为依托，在科技部与福建省政府指导下，倾力打造的服务机构。")
    assert "福建省政府" in _names([item]) and _triples([item]) == set()  # guidance: no party
    assert _names(run("捐赠签约仪式在学术交流服务中心举行。两所驻外研究院形成了特色。")) == []  # a venue; a kind
    assert _names(run("来自甲乙市经济技术开发区的100多家企业代表进行对接洽谈。")) == []  # where the firms come from


def test_a_body_that_gathers_others_to_found_an_alliance_and_short_university_names():
    [item] = run("今天，甲乙部科技发展中心联合北京大学、清华大学等85所高校在德州召开中国高校技术转移联盟成立大会。")
    assert _triples([item]) == _as_set([("甲乙部科技发展中心", "北京大学", "共建"), ("甲乙部科技发展中心", "清华大学", "共建"),
                                        ("北京大学", "清华大学", "共建")])
    assert _names(run("甲乙公司与辽宁省甲乙大学教育发展基金会签署捐赠协议，希望与大工开展合作。")) == [
        "甲乙公司", "辽宁省甲乙大学教育发展基金会", "大工"]
    assert _names(run("张国军预祝华中大70周年校庆顺利举行。")) == ["华中大"]


def test_a_school_after_a_team_going_an_office_for_talks_and_a_committee_after_dui():
    assert _names(run("校政企对接处处长王浩一行赴计算机与信息工程学院调研。")) == ["政企对接处", "计算机与信息工程学院"]
    assert "甲乙县县委" in _names(run("李伟表示欢迎，对甲乙县县委、县政府长期以来的支持表示感谢。"))
    items = run("7月10日，签约仪式在甲乙理工大学举行，乐亭县领导出席。")
    assert "甲乙理工大" not in _names(items)  # the venue's name is dropped whole, not cut to a short form


def test_a_person_who_represents_a_body_leads_its_team_later():
    items = run("张三县长代表甲乙县签署协议。\n\n张三一行实地参观了丙丁理工大学。")
    assert ("丙丁理工大学", "甲乙县", "调研") in _triples(items[1:])


def test_counted_kinds_a_societys_head_and_a_committee_after_you():
    assert _names(run("启动仪式上，3家新建市级院士工作站授牌。会上为第七批共25家中关村开放实验室授牌。")) == []
    assert _names(run("北京民协会长王小兰出席会议并发言。")) == ["北京民协"]
    assert _names(run("本次活动由扬州市委、市政府主办。"))[0] == "扬州市委"
    names = _names(run("活动吸引了大族电机、光韵达光电、广东金鼎光学等来自全国各地近40余家企业到园区调研考察。"))
    assert names[:3] == ["大族电机", "光韵达光电", "广东金鼎光学"]  # a firm list closed by a count after 来自…
    assert "多家企业与业务对口实验室" not in _names(run("多家企业与业务对口实验室达成初步合作意向。"))  # 企业 is no field


def test_bodies_gathered_with_lianhe_that_host_together():
    [item] = run("本次活动由甲乙市委、市政府主办，市科协联合市委人才办、市工信局共同承办。")
    assert _triples([item]) == _as_set([("市科协", "市委人才办", "other"), ("市科协", "市工信局", "other"),
                                        ("市委人才办", "市工信局", "other")])


def test_thanks_are_no_activity_and_two_that_build_a_body_together():
    [item] = run("张三代表甲乙市政府，对丙丁大学化学学院长期以来给予甲乙发展的大力支持表示衷心感谢。")
    assert item["relations"] == []  # thanks, no activity
    [item] = run("5月17日，由中国甲乙经济联合会与丙丁市人民政府共同打造的“乌镇院士之家”迎来院士入驻。")
    assert _triples([item]) == _as_set([("中国甲乙经济联合会", "丙丁市人民政府", "共建")])
    assert {c["id"] for c in run("致力于国产高端科研仪器和医疗设备的研发。")[0]["clusters"]} == {
        "cluster.smart_equipment", "cluster.biomedicine"}


def test_markets_a_department_named_before_its_head_and_our_own_schools():
    assert _names(run("临沂市公共资源交易有限公司(临沂市技术成果交易中心)董事长一行来江苏省技术市场徐州分中心考察交流。")) == [
        "临沂市公共资源交易有限公司", "临沂市技术成果交易中心", "江苏省技术市场徐州分中心"]
    assert "教育培训部" in _names(run("甲乙国家技术转移中心张力总经理、教育培训部赵杰部长应邀参加。"))
    assert "项目及电信学院" not in _names(run("其中我校机械学院张三团队的“检测系统”项目及电信学院李四团队的项目得到关注。"))
    [item] = run("其中我校机械学院张三团队的项目、能动学院李四团队的项目得到多家企业的问询，企业希望到学校实地走访。")
    assert item["relations"] == []  # the page's own schools, one side


def test_two_that_host_a_matchmaking_meeting_together():
    [item] = run("11月8日，河南省工信委与河南省科技厅联合举办的先进技术转移专题对接会在郑州举行。")
    assert _triples([item]) == _as_set([("河南省工信委", "河南省科技厅", "合作交流")])


# Rules prompted by the seventy-fifth unseen web batch; names made up.
def test_exchange_centres_new_districts_and_development_bureaus_by_their_forms():
    assert _names(run("甲乙科学技术交流中心副主任张三一行到访丙丁市对外科技交流中心。")) == [
        "甲乙科学技术交流中心", "丙丁市对外科技交流中心"]
    assert _names(run("记者从戊己新区经济发展局了解到，戊己新区积极拓展合作资源。")) == ["戊己新区经济发展局", "戊己新区"]


def test_departments_by_their_staff_and_a_groups_institute_and_its_department():
    assert "甲乙交流部" in _names(run("公司副总经理张三接待来宾，甲乙交流部有关人员参加调研交流活动。"))
    [item] = run("12月25日,丙丁集团研究院科技部部长张三一行到戊己科技有限公司进行交流座谈。")
    assert _names([item]) == ["丙丁集团研究院科技部", "戊己科技有限公司"]  # not the ministry 科技部
    [item] = run("12月25日,丙丁集团研究院院长张三一行到戊己科技有限公司调研。")
    assert _triples([item]) == _as_set([("丙丁集团研究院", "戊己科技有限公司", "调研")])  # not 丙丁集团


def test_a_name_found_by_its_heads_title_is_found_where_it_is_written_again():
    [item] = run("12月25日,甲乙研究院院长张三一行到丙丁文献情报中心进行交流座谈。丙丁文献情报中心副主任李四参加了座谈会。")
    assert _triples([item]) == _as_set([("甲乙研究院", "丙丁文献情报中心", "合作交流")])


def test_short_forms_a_text_uses_without_defining_them():
    items = run("11月25日,甲乙大学丙丁泵阀工程研究院院长张三一行赴戊己大学激光与光电智能制造研究院开展交流。\n\n"
                "与戊己激光院交流\n\n张三介绍了甲乙丙丁泵阀院新一轮建设的有关情况。\n")
    assert {(o["name"], o.get("alias_of")) for it in items for o in it["organisations"]} >= {
        ("戊己激光院", "戊己大学激光与光电智能制造研究院"), ("甲乙丙丁泵阀院", "甲乙大学丙丁泵阀工程研究院")}
    [item] = run("由大连化物所张三研究员带队，一行8人与甲乙市科技局就大化所与甲乙市在精细化工领域加强合作达成意向。")
    assert ("大化所", "中国科学院大连化学物理研究所") in {(o["name"], o.get("alias_of")) for o in item["organisations"]}
    # a string another form finds is that body, not a short form (丙丁工程学院 is no 丙丁大学…工程学院)
    items = run("丙丁大学机械与运载工程学院院长张三一行到访。\n\n丙丁工程学院院长李四参加。\n")
    assert ("丙丁工程学院", None) in {(o["name"], o.get("alias_of")) for it in items for o in it["organisations"]}


def test_a_platform_results_are_posted_on_and_a_city_gone_to():
    assert _names(run("甲乙新区会同市科技局走访了高校，并将高校成果在甲乙公共服务平台上进行了公告。")) == ["甲乙新区", "市科技局"]
    [item] = run("应丙丁市科技局的邀请，甲乙研究所张三研究员带队，一行8人到丙丁市进行合作交流洽谈，并与丙丁市科技局就加强合作达成意向。")
    assert _triples([item]) == _as_set([("甲乙研究所", "丙丁市", "调研"), ("甲乙研究所", "丙丁市科技局", "合作交流")])


# Rules prompted by the seventy-sixth unseen web batch; names made up.
def test_a_places_college_of_engineering_is_the_page_university_its_heads_sign_for():
    items = run("日前,副校长张三一行赴丙丁市开展校地合作交流,并与丙丁市签署了战略合作协议。\n"
                "丙丁市市长李四表示,甲乙工学院的优势学科与丙丁市产业契合度高。\n"
                "签约仪式上,副校长张三与副市长王五签署校地合作共建协议。\n")
    assert _triples(items) == _as_set([("甲乙工学院", "丙丁市", "调研"), ("甲乙工学院", "丙丁市", "签约")])
    assert _names(run("甲乙大学化工学院院长张三出席。")) == ["甲乙大学化工学院"]  # (a school: one character before 工学院)


def test_bureaus_and_offices_named_before_their_heads_titles():
    [item] = run("招就处处长张三与人社局局长李四签署校地人才合作协议。")
    assert _triples([item]) == _as_set([("招就处", "人社局", "签约")])
    assert {o["name"]: o["type"] for o in item["organisations"]}["人社局"] == "government"
    assert _names(run("市委组织部副部长、老干部局局长张三,第十四批科技镇长团团长李四出席活动。")) == [
        "市委组织部", "老干部局", "第十四批科技镇长团"]
    assert _names(run("甲乙学院副院长张三,公管系主任李四,办公室主任王五等出席。")) == ["甲乙学院", "公管系", "办公室"]
    assert _names(run("第一批企业代表出席。")) == []  # a count, no body


def test_heads_of_units_that_sign_each_with_a_firm_named_by_its_trade():
    [item] = run("合作处处长张三、机材学院院长李四、自动化学院党委书记王五分别与甲乙电气、丙丁机械、戊己电气签署产学研合作协议。")
    assert _triples([item]) == _as_set([("合作处", "甲乙电气", "签约"), ("机材学院", "丙丁机械", "签约"),
                                        ("自动化学院", "戊己电气", "签约")])
    [item] = run("甲乙大学、丙丁学院分别与戊己电气、庚辛机械签署合作协议。")  # bodies listed bare: each with each
    assert len(item["relations"]) == 4


def test_what_a_clause_founds_is_no_body_at_its_head_nor_a_type_its_quotes_name():
    [item] = run("自动化学院与高校区签署协议,发起成立“甲乙高新区丙丁工学院研究生工作站总站”。")
    assert _names([item]) == ["自动化学院"]
    [item] = run("7月8日下午,甲乙经济技术开发区举行“政校企”工作联盟成立大会。与会领导共同为“政校企”工作联盟揭牌。")
    assert _names([item]) == ["甲乙经济技术开发区"]


def test_clause_words_before_a_field_school_venues_slips_and_parks_in_general():
    [item] = run("甲乙集团作为国有企业,非常荣幸能与工学院进行合作。")
    assert _names([item]) == ["甲乙集团", "工学院"]
    [item] = run("甲乙省工信厅张三厅长一行在深圳市丙丁大学产学研基地与戊己省家电商会常务副会长李四进行了考察交流。")
    assert _triples([item]) == _as_set([("甲乙省工信厅", "戊己省家电商会", "调研")])  # the base is where they met
    assert _names(run("感谢深圳深圳市甲乙研究院搭建了桥梁。")) == ["深圳市甲乙研究院"]  # the place written twice by a slip
    assert _names(run("甲乙会对促进丙丁省工业园区转型升级提出了建议。")) == []  # a province's parks in general
    assert "甲乙师范学院科技处" in _names(run("甲乙师范学院科技处、联合技术转移中心主要负责人参加活动。"))
    assert "联合技术转移中心" in _names(run("甲乙师范学院科技处、联合技术转移中心主要负责人参加活动。"))


def test_a_short_name_defined_after_a_parks_project():
    items = run("甲乙经开区管委会副主任张三带队赴丙丁智园产业园项目(简称丙丁智园)进行调研。\n听取了丙丁智园建设的介绍。\n")
    assert {(o["name"], o.get("alias_of")) for it in items for o in it["organisations"]} >= {("丙丁智园", "丙丁智园产业园")}


# Rules prompted by the seventy-seventh unseen web batch; names made up.
def test_offices_by_their_staff_and_credit_lines_and_institutes_by_three_characters():
    assert _names(run("甲乙转化处相关人员参加了签约仪式。")) == ["甲乙转化处"]
    assert _names(run("来源: 产业化办 张三     点击:")) == ["产业化办"]
    [item] = run("甲乙所副所长张三代表甲乙所与丙丁县人民政府签订协议。")
    assert _triples([item]) == _as_set([("甲乙所", "丙丁县人民政府", "签约")])
    assert {o["name"]: o["type"] for o in item["organisations"]}["甲乙所"] == "platform"
    assert _names(run("我所与丙丁市人民政府签订协议。")) == ["丙丁市人民政府"]  # 我所: no name


def test_a_universitys_office_by_its_heads_title_visits_a_city_and_firms_by_their_trades():
    [item] = run("甲乙工业大学就业处处长张三、计算机学院党委副书记李四等一行赴丙丁开展校企合作调研,先后走访戊己电子、庚辛集团。")
    assert _names([item]) == ["甲乙工业大学就业处", "计算机学院", "丙丁", "戊己电子", "庚辛集团"]
    assert len(item["relations"]) == 6 and {r["kind"] for r in item["relations"]} == {"调研"}
    assert "戊己电子" in _names(run("张三一行与戊己电子总经理李四等座谈。"))


def test_an_academys_institute_its_own_short_names_and_a_countys_stem_that_acts():
    items = run("1月16日,甲乙县与省农科院丙丁工程所成功签订服务战略合作协议。\n"
                "省农科院丙丁工程所所长张三出席。\n签约仪式上,张三对丙丁工程所的科研机构设置进行介绍。\n"
                "甲乙与省农科院工程所签订协议。\n")
    assert {(o["name"], o.get("alias_of")) for it in items for o in it["organisations"]} >= {
        ("丙丁工程所", "省农科院丙丁工程所"), ("甲乙", "甲乙县人民政府")}  # the county acts by its government
    assert _names(run("会议同时举行了中国农科院各研究所与甲乙市11个县的签约仪式。")) == []  # its institutes in general


def test_a_county_with_its_city_a_partys_city_committee_and_a_citys_own_committee():
    assert _names(run("——甲乙所与丙丁市戊己县签订三年科技帮扶协议")) == ["丙丁市戊己县"]
    [item] = run("10月26日,致公党甲乙市委组织部分民营企业家党员走进高校,与丙丁大学的专家接触。")
    assert _triples([item]) == _as_set([("致公党甲乙市委", "丙丁大学", "调研")])  # 走进: a visit
    assert _names(run("围绕贯彻落实市委、市政府关于发展的部署要求,甲乙大学的专家参加。")) == ["市委", "市政府", "甲乙大学"]
    assert _names(run("为贯彻落实国务院《中国制造2025》和农业部《意见》,双方决定加强合作。")) == ["国务院", "农业部"]


# Rules prompted by the seventy-eighth unseen web batch; names made up.
def test_an_owner_before_what_it_owns_and_a_school_that_organises_a_signing():
    [item] = run("甲乙交通集团所属丙丁公共运输职业学院与戊己股份有限公司签署战略合作协议。")
    assert _triples([item]) == _as_set([("丙丁公共运输职业学院", "戊己股份有限公司", "签约")])
    [item] = run("6月15日下午,由车辆学院牵头承办的甲乙职业技术学院与丙丁汽车有限公司校企合作签约仪式隆重举行。")
    assert _triples([item]) == _as_set([("甲乙职业技术学院", "丙丁汽车有限公司", "签约")])


def test_a_firms_department_an_ordinal_type_and_firms_served_by_teams_from_universities():
    assert _names(run("丙丁汽车(集团)有限公司人力行政部总经理张三出席。")) == ["丙丁汽车(集团)有限公司人力行政部"]
    assert _names(run("现场宣布拟成立第一届共同体专家智库。")) == []
    [item] = run("从甲乙医科大学、丙丁职业技术学院等高校,选聘87名科技工作者担任特派员,对接服务戊己、庚辛等420家重点企业。")
    assert "戊己" in _names([item]) and "接服务戊己" not in _names([item])
    assert item["relations"] == []  # who serves whom, the text does not say


# Rules prompted by the seventy-ninth unseen web batch; names made up.
def test_a_firm_by_its_city_without_shi_and_clause_words_and_a_parents_system():
    items = run("甲乙材料研究所与深圳丙丁戊己共建技术中心\n\n4月29日,甲乙材料研究所与深圳市丙丁戊己实业有限公司签订协议书。\n")
    assert ("深圳丙丁戊己", "深圳市丙丁戊己实业有限公司") in {(o["name"], o.get("alias_of")) for it in items for o in it["organisations"]}
    assert _names(run("当前公司在广州设有分公司,香港和欧洲设有合资公司,进一步确立公司在该领域的品牌优势。")) == []
    [item] = run("会上,张三介绍了甲乙材料研究所作为中科院新建研究所的立所理念,希望通过共建的平台实现共赢。李四介绍了丙丁公司与中科院系统的合作渊源。")
    assert "中科院新建研究所" not in _names([item]) and _triples([item]) == set()


def test_a_units_researcher_signs_for_the_pair_and_a_firm_by_two_characters_and_a_trade():
    items = run("甲乙材料研究所与丙丁实业有限公司签订协议书。\n\n表面事业部研究员张三和丙丁实业有限公司董事长李四分别代表双方签约。\n")
    assert _triples(items) == _as_set([("甲乙材料研究所", "丙丁实业有限公司", "签约")])
    assert "甲乙气体" in _names(run("甲乙气体首席技术官张三一行到丙丁实验室座谈交流。"))
    assert {c["id"] for c in run("双方围绕聚乳酸多元醇的应用开展合作。")[0]["clusters"]} == {"cluster.advanced_materials"}


def test_districts_that_hold_a_meeting_talk_or_whose_two_heads_visit():
    assert _names(run("3月27日,甲乙区召开校地合作联席会议。区委组织部、区人社局等部门作了书面发言。")) == [
        "甲乙区", "区委组织部", "区人社局"]
    assert _names(run("座谈会上,我校和丙丁区就深化校地合作进行交流。")) == ["丙丁区"]
    [item] = run("日前,甲乙区委书记张三,区委副书记、区长李四到丙丁大学走访服务,并与丙丁大学党委书记王五座谈。")
    assert _triples([item]) == _as_set([("甲乙区", "丙丁大学", "调研")])


# Rules prompted by the eightieth unseen web batch; names made up.
def test_a_kind_described_a_level_hospital_and_a_firm_by_a_brand_inside_its_name():
    assert _names(run("甲乙医院作为一所以骨科为特色的三级甲等综合性医院,基础良好。")) == ["甲乙医院"]
    items = run("4月30日,医院与哈尔滨丙丁戊智能医疗设备股份有限公司战略合作启动会顺利举行。"
                "省医院党委书记张三与丙丁戊董事长李四共同签订了战略合作协议。")
    assert _triples(items) == _as_set([("省医院", "丙丁戊", "签约")])
    assert ("丙丁戊", "哈尔滨丙丁戊智能医疗设备股份有限公司") in {(o["name"], o.get("alias_of")) for it in items for o in it["organisations"]}


def test_offices_of_a_department_and_a_centre_after_jian_and_an_institutes_field_short_name():
    assert _names(run("甲乙省科技厅创新一处处长张三、甲乙大学国内合作处处长兼技术转移中心主任李四出席了启动会。")) == [
        "甲乙省科技厅创新一处", "甲乙大学国内合作处", "技术转移中心"]
    items = run("省科学院丙丁医学研究所与戊己医院举行战略合作签约仪式。\n\n丙丁医学所隶属省科学院,是骨干科研机构。\n")
    assert ("丙丁医学所", "省科学院丙丁医学研究所") in {(o["name"], o.get("alias_of")) for it in items for o in it["organisations"]}


def test_bodies_listed_with_their_people_who_hold_talks_and_what_a_clause_founds_in_quotes():
    [item] = run("5月22日,甲乙大学张三教授、丙丁医院李四博士、戊己公司王五总经理就人工心脏项目召开了洽谈会。")
    assert _triples([item]) == _as_set([("甲乙大学", "丙丁医院", "合作交流"), ("甲乙大学", "戊己公司", "合作交流"),
                                        ("丙丁医院", "戊己公司", "合作交流")])
    [item] = run("今天,甲乙医工所与丙丁集团签署战略合作协议,将协助丙丁集团组建“丙丁(苏州)研究院”。")
    assert _names([item]) == ["甲乙医工所", "丙丁集团"]


# Rules prompted by the eighty-first unseen web batch; names made up.
def test_a_countys_offices_that_come_to_visit_a_universitys_page():
    items = run("3月15日,甲乙县县长张三,县改革和发展局、人力资源和社会保障局、投资促进合作中心负责人及部分企业家一行专程来访,对接洽谈战略合作事宜。\n"
                "副校长张三会见了一行,回顾了前期与甲乙县合作的情况。\n"
                "李四表示,戊己大学具有很大的优势。\n")
    assert _as_set([("县改革和发展局", "戊己大学", "调研"), ("投资促进合作中心", "戊己大学", "调研")]) <= _triples(items)
    assert "甲乙县" in _names(items)  # 与甲乙县合作: the county, a party


def test_a_film_owner_a_page_universitys_own_school_a_ranked_type_and_a_side_of_talks():
    items = run("期间,大家集体观看了甲乙大学宣传片,参会领导与学校相关部门进行了深入交流,参观了化工学院、机电学院实验室和国家大学科技园。\n")
    assert _triples(items) == set() and "国家大学科技园" not in _names(items)
    [item] = run("8月13日上午,丙丁师范大学—戊己县政产学研对接交流会召开。")
    assert _triples([item]) == _as_set([("丙丁师范大学", "戊己县", "合作交流")])


# Rules prompted by the eighty-second unseen web batch; names made up.
def test_firms_counted_by_trade_a_town_gone_to_and_a_team_of_experts_that_calls():
    assert _names(run("“问诊团”将面向路达、金龙、立林等43家机械制造企业开展“专家问诊”。")) == ["路达", "金龙", "立林"]
    items = run("甲乙大学教授赴丙丁镇开展产学研对接\n\n近日,甲乙大学两位教授应邀来丙丁镇开展产学研技术对接交流活动。\n\n"
                "专家团队一行先后走访了戊己船舶、庚辛重工等6家企业。\n")
    assert _triples(items) == _as_set([("甲乙大学", "丙丁镇", "调研"), ("甲乙大学", "戊己船舶", "调研"),
                                       ("甲乙大学", "庚辛重工", "调研")])
    assert _names(run("下一步,借助科技镇长团的专业优势搭建桥梁。")) == []  # the programme's teams in general


def test_a_named_team_a_college_leads_a_zone_it_goes_to_and_a_firm_after_the_zone():
    items = run("1月11日上午,我院副院长张三教授带队“甲乙市智能制造产业科技特派员服务团”一行九人前往丙丁示范区进行走访调研。\n\n"
                "随后,特派员服务团一行赴丙丁示范区河南省戊己医疗器械有限公司等企业进行实地考察。\n")
    assert _triples(items) == _as_set([("甲乙市智能制造产业科技特派员服务团", "丙丁示范区", "调研"),
                                       ("特派员服务团", "河南省戊己医疗器械有限公司", "调研")])
    assert ("特派员服务团", "甲乙市智能制造产业科技特派员服务团") in {
        (o["name"], o.get("alias_of")) for it in items for o in it["organisations"]}  # its own last words
