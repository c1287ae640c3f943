"""The gap report as structured content, built from the analysis results only.

`build_report(g, scope, lang)` returns a `Report`: findings grouped under the three
problems the 2026 proposal names (创新链引领作用 / 产业链创新主体地位 / 融合生态支撑效能), each one
sentence with its figures, named organisations and sources; tables; charts; and a method
appendix. Everything is sorted, so the same data gives the same text (the date aside).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graph.errors import KgError
from queries import gaps

from . import charts


class ReportError(KgError):
    pass


@dataclass
class Finding:
    sentence: str
    figures: dict[str, Any]
    names: list[str]
    sources: list[str]


@dataclass
class Table:
    title: str
    columns: list[str]
    rows: list[list[Any]]


@dataclass
class Chart:
    title: str
    png: bytes
    alt: str


@dataclass
class Report:
    lang: str
    title: str
    scope: str
    scope_name: str
    data_date: str
    generated: str
    summary: list[Finding]
    sections: list[tuple[str, list[Finding]]]
    tables: list[Table]
    charts: list[Chart]
    appendix: list[tuple[str, list[str]]]
    data_gaps: list[str] = field(default_factory=list)


TEXT = {
    "zh": {
        "title": "创新链与产业链融合缺口分析报告", "all": "全市",
        "s1": "一、创新链引领作用", "s2": "二、产业链创新主体地位", "s3": "三、融合生态支撑效能",
        "no_supply": "{n} 个产业集群有产业基础却没有任何研发供给（无高校、平台或技术领域支撑）：{names}。",
        "lagging": "{n} 个集群的创新指数低于产业指数（创新滞后），耦合协调度最低的是{worst}（D = {d}，{level}）。",
        "absorb": "{n} 个技术领域有研发力量却没有本地企业承接：{names}。",
        "no_partner": "{n} 家企业中有 {k} 家（{share}）与高校、院所或平台没有任何合作记录；龙头企业中无合作记录的有 {lead}：{names}。",
        "reco": "按共享区县、技术领域和产业集群计算，最值得对接的未合作组合是{pair}（得分 {score}），共同点：{why}。",
        "spof": "{n} 个集群通往创新侧只有一条独立路径或完全没有：{names}。",
        "reach": "{n} 个集群距离最近的国家级平台 3 跳以上或不可达：{names}。",
        "mismatch": "{n} 项区县重点产业在本区县既无研发供给也无合作活动，例如：{names}。",
        "none_found": "未发现此类缺口。",
        "t_supply": "表1 产业集群创新供给与产业基础", "t_cc": "表2 耦合协调度（集群）",
        "t_spof": "表3 单点依赖与关键中介", "t_mismatch": "表4 区县重点产业错配", "t_reco": "表5 合作推荐（前10）",
        "c_cc": "图1 各集群耦合协调度 D", "c_heat": "图2 集群 × 技术领域研发覆盖（研究该领域的机构数）",
        "summary": "摘要：最突出的缺口", "appendix": "附录：方法与数据说明", "data_gaps": "数据的已知缺口",
        "scope": "范围", "data_date": "数据日期", "generated": "生成日期", "sources": "来源",
    },
    "en": {
        "title": "Gap report: fusing the innovation chain and the industry chain", "all": "whole city",
        "s1": "1. The innovation chain's leading role", "s2": "2. Enterprises as the main innovators",
        "s3": "3. The ecosystem that joins the chains",
        "no_supply": "{n} clusters have an industry base but no research supply at all (no university, platform or tech area): {names}.",
        "lagging": "{n} clusters have an innovation index below their industry index (innovation lags); the lowest coupling coordination is {worst} (D = {d}, {level}).",
        "absorb": "{n} tech areas have researchers but no local enterprise to take their work up: {names}.",
        "no_partner": "{k} of {n} enterprises ({share}) have no recorded cooperation with a university, institute or platform; leading firms without one: {lead}: {names}.",
        "reco": "By shared districts, tech areas and clusters, the most promising unlinked pair is {pair} (score {score}); in common: {why}.",
        "spof": "{n} clusters have one independent route or none to the innovation side: {names}.",
        "reach": "{n} clusters are 3 or more hops from the nearest national platform, or cannot reach one: {names}.",
        "mismatch": "{n} district priority industries have neither local research supply nor local activity, e.g. {names}.",
        "none_found": "No gap of this kind was found.",
        "t_supply": "Table 1 Cluster innovation supply and industry base", "t_cc": "Table 2 Coupling coordination (clusters)",
        "t_spof": "Table 3 Single points of failure and brokers", "t_mismatch": "Table 4 District priority mismatches",
        "t_reco": "Table 5 Partner recommendations (top 10)",
        "c_cc": "Figure 1 Coupling coordination D by cluster", "c_heat": "Figure 2 Cluster × tech area research coverage (number of actors)",
        "summary": "Summary: the most serious gaps", "appendix": "Appendix: method and data", "data_gaps": "Known gaps in the data",
        "scope": "Scope", "data_date": "Data date", "generated": "Generated", "sources": "Sources",
    },
}


TIER_SUFFIX = {"zh": {"rising_star": "（新星）", "future": "（未来产业）"},
               "en": {"rising_star": " (rising star)", "future": " (future industry)"}}


def display(v: gaps.View, node: str, lang: str = "zh") -> str:
    """A name for prose: clusters of the 新星 tier and future industries say so (two share 低空经济)."""
    name = v.name(node) or node
    tier = v.s.nodes[node].get("tier") if v.label(node) == "Cluster" else None
    return name + TIER_SUFFIX[lang].get(tier, "")


def _names(v: gaps.View, ids: list[str], lang: str, limit: int = 8) -> str:
    shown = [display(v, i, lang) for i in ids[:limit]]
    more = len(ids) - limit
    if lang == "zh":
        return "、".join(shown) + (f" 等 {len(ids)} 个" if more > 0 else "")
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def _sources(v: gaps.View, ids: list[str], limit: int = 4) -> list[str]:
    out: list[str] = []
    for i in ids:
        for s in v.s.nodes[i].get("sources") or []:
            if s not in out and not s.startswith("chongqing/") and not s.startswith("data/"):
                out.append(s)
    return sorted(out)[:limit]


def _scope_filter(g: nx.MultiDiGraph, scope: str) -> tuple[str, str, set[str] | None]:
    """('cluster'|'district'|'all', id, the clusters in scope or None for all)."""
    if not any(d.get("label") == "Cluster" for _, d in g.nodes(data=True)):
        raise ReportError("the store holds no clusters, so there is nothing to report; load data first "
                          "(dualchain load) / 图谱中没有产业集群数据，请先加载数据")
    if scope == "all":
        return "all", "all", None
    kind, _, ident = scope.partition(":")
    if kind not in ("cluster", "district") or not ident:
        raise ReportError(f"scope must be all, cluster:ID or district:ID, not {scope!r}")
    if ident not in g or g.nodes[ident].get("label") != kind.capitalize():
        raise ReportError(f"no {kind} with id {ident!r}")
    v = gaps.View(g)
    if kind == "cluster":
        return kind, ident, {ident}
    clusters = set().union(*(v.cluster_of(x) for x in v.linked(ident, "PRIORITIZES", "out")), set())
    local = v.linked(ident, "LOCATED_IN", "in") | v.linked(ident, "HELD_IN", "in")
    if not clusters and not local:
        raise ReportError(f"{v.name(ident)} ({ident}) 暂无数据：没有有来源的重点产业，也没有位于该区县的机构或活动，"
                          f"无法生成报告 / has no data yet: no priority industries and no organisations or "
                          "events located there, so there is nothing to report")
    return kind, ident, clusters


def data_date_of(store) -> str:
    """The data date of a report: the day the loaded files were (last) first loaded."""
    rows = store.query("MATCH (s:Source) WHERE s.kind = $kind RETURN max(s.loaded_at) AS d", {"kind": "file"})
    return ((rows.rows[0][0] or "") if rows.rows else "")[:10]


def build_report(g: nx.MultiDiGraph, scope: str = "all", lang: str = "zh", data_date: str | None = None,
                 today: dt.date | None = None) -> Report:
    if lang not in TEXT:
        raise ReportError("lang must be zh or en")
    T = TEXT[lang]
    v = gaps.View(g)
    kind, ident, clusters = _scope_filter(g, scope)
    sep = "、" if lang == "zh" else ", "
    in_scope = (lambda c: True) if clusters is None else (lambda c: c in clusters)

    supply = [r for r in gaps.cluster_supply_gap(g) if in_scope(r["id"])]
    cc = gaps.coupling_coordination(g, "cluster", lang=lang)
    cc_rows = [r for r in cc["rows"] if in_scope(r["id"])]
    absorb = gaps.absorption_gap(g)
    if clusters is not None:
        absorb = [r for r in absorb if set(r["clusters"]) & clusters]
    spof = [r for r in gaps.single_points_of_failure(g) if in_scope(r["id"])]
    reach = [r for r in gaps.reach(g) if in_scope(r["id"])]
    mismatch = [r for r in gaps.district_mismatch(g) if in_scope(r["cluster"])
                and (kind != "district" or r["district"] == ident)]
    reco_all = gaps.partner_recommendations(g, top=200)["rows"]
    firms_in_scope = None if clusters is None else set().union(*(v.profile(c)["enterprises"] for c in clusters), set())
    reco = [r for r in reco_all if firms_in_scope is None or r["enterprise"] in firms_in_scope][:10]
    if clusters is not None and not (supply or mismatch):
        raise ReportError(f"scope {scope} has no data to report")

    s1, s2, s3 = [], [], []
    # 1. innovation chain leading role
    no_supply = [r["id"] for r in supply if r["flag"] == "no_supply"]
    s1.append(Finding(T["no_supply"].format(n=len(no_supply), names=_names(v, no_supply, lang)) if no_supply
                      else T["none_found"], {"clusters_without_supply": len(no_supply)}, no_supply, _sources(v, no_supply)))
    lag = sorted([r for r in cc_rows if r["lagging"] == "innovation"], key=lambda r: (r["D"], r["id"]))
    if lag:
        s1.append(Finding(T["lagging"].format(n=len(lag), worst=display(v, lag[0]["id"], lang), d=f"{lag[0]['D']:.3f}",
                                              level=lag[0]["level"]),
                          {"innovation_lags": len(lag), "lowest_D": lag[0]["D"]}, [r["id"] for r in lag],
                          _sources(v, [r["id"] for r in lag])))
    no_ind = [r["id"] for r in absorb if r["flag"] == "no_industry"]
    if no_ind:
        s1.append(Finding(T["absorb"].format(n=len(no_ind), names=_names(v, no_ind, lang)),
                          {"tech_areas_without_industry": len(no_ind)}, no_ind, _sources(v, no_ind)))
    # 2. enterprises as main innovators
    firms = sorted(firms_in_scope) if firms_in_scope is not None else v.of("Enterprise")
    lonely = [f for f in firms if not _has_innovation_partner(v, f)]
    leaders = [f for f in lonely if v.s.nodes[f].get("leading")]
    if firms:
        share = f"{len(lonely) / len(firms):.0%}"
        s2.append(Finding(T["no_partner"].format(n=len(firms), k=len(lonely), share=share, lead=len(leaders),
                                                 names=_names(v, leaders, lang) or "—"),
                          {"enterprises": len(firms), "without_innovation_partner": len(lonely),
                           "leading_without_partner": len(leaders)}, leaders, _sources(v, leaders)))
    if reco:
        top = reco[0]
        s2.append(Finding(T["reco"].format(pair=f"{top['innovation_name']} × {top['enterprise_name']}",
                                           score=f"{top['score']:.3f}",
                                           why=sep.join(x["name_zh"] or x["id"] for x in top["shared"])),
                          {"score": top["score"]}, [top["innovation"], top["enterprise"]],
                          _sources(v, [top["innovation"], top["enterprise"]])))
    # 3. ecosystem support
    weak = [r["id"] for r in spof if r["routes"] <= 1]
    s3.append(Finding(T["spof"].format(n=len(weak), names=_names(v, weak, lang)) if weak else T["none_found"],
                      {"clusters_with_at_most_one_route": len(weak)}, weak, _sources(v, weak)))
    far = [r["id"] for r in reach if r["hops_national_platform"] is None or r["hops_national_platform"] >= 3]
    if far:
        s3.append(Finding(T["reach"].format(n=len(far), names=_names(v, far, lang)),
                          {"clusters_far_from_national_platform": len(far)}, far, _sources(v, far)))
    miss = [r for r in mismatch if r["mismatch"]]
    if miss:
        pairs = [f"{r['district_name']}—{r['cluster_name']}" for r in miss]
        s3.append(Finding(T["mismatch"].format(n=len(miss), names=sep.join(pairs[:6])),
                          {"district_mismatches": len(miss)}, sorted({r["district"] for r in miss}),
                          _sources(v, sorted({r["district"] for r in miss}))))

    summary = [f for f in s1 + s2 + s3 if f.names][:5]  # the findings that name organisations, in section order
    tables = _tables(v, T, supply, cc_rows, spof, mismatch, reco, lang)
    names = {r["id"]: display(v, r["id"], lang) for r in supply}
    chart_list = [Chart(T["c_cc"], charts.coupling_bars(cc_rows, names, lang), T["c_cc"]),
                  Chart(T["c_heat"], charts.coverage_heatmap(v, [r["id"] for r in supply], names, lang), T["c_heat"])]
    scope_name = T["all"] if kind == "all" else f"{v.name(ident)} ({ident})"
    return Report(lang, T["title"], scope, scope_name, data_date or "", (today or dt.date.today()).isoformat(),
                  summary, [(T["s1"], s1), (T["s2"], s2), (T["s3"], s3)], tables, chart_list,
                  _appendix(cc, lang), _data_gaps(v, lang))


def _has_innovation_partner(v: gaps.View, firm: str) -> bool:
    partners = v.linked(firm, "COOPERATES_WITH", "out") | v.linked(firm, "COOPERATES_WITH", "in")
    for e in v.linked(firm, "PARTICIPATED_IN", "out"):
        partners |= v.linked(e, "PARTICIPATED_IN", "in")
    return any(v.label(p) in gaps.ACTORS_INNOVATION for p in partners)


def _tables(v, T, supply, cc_rows, spof, mismatch, reco, lang) -> list[Table]:
    zh = lang == "zh"
    return [
        Table(T["t_supply"], ["集群", "供给", "基础", "缺口", "标记"] if zh else ["cluster", "supply", "base", "gap", "flag"],
              [[display(v, r["id"], lang), r["supply"], r["base"], f"{r['gap']:.3f}", r["flag"] or ""] for r in supply]),
        Table(T["t_cc"], ["集群", "U1 创新", "U2 产业", "C", "D", "等级", "滞后方"] if zh
              else ["cluster", "U1 innovation", "U2 industry", "C", "D", "level", "lagging"],
              [[display(v, r["id"], lang), f"{r['U1']:.3f}", f"{r['U2']:.3f}", f"{r['C']:.3f}", f"{r['D']:.3f}", r["level"],
                {"innovation": "创新" if zh else "innovation", "industry": "产业" if zh else "industry"}.get(r["lagging"], "")]
               for r in cc_rows]),
        Table(T["t_spof"], ["集群", "独立路径", "唯一连接点"] if zh else ["cluster", "routes", "sole connectors"],
              [[display(v, r["id"], lang), r["routes"], "、".join(r["cut_node_names"])] for r in spof if r["routes"] <= 1]),
        Table(T["t_mismatch"], ["区县", "重点集群", "本地研发机构", "本地活动"] if zh
              else ["district", "priority cluster", "local research actors", "local events"],
              [[r["district_name"], r["cluster_name"], len(r["local_supply"]), len(r["local_events"])]
               for r in mismatch if r["mismatch"]]),
        Table(T["t_reco"], ["创新主体", "企业", "得分", "共同点"] if zh else ["innovation actor", "enterprise", "score", "in common"],
              [[r["innovation_name"], r["enterprise_name"], f"{r['score']:.3f}",
                "、".join(x["name_zh"] or x["id"] for x in r["shared"])] for r in reco]),
    ]


def _appendix(cc: dict[str, Any], lang: str) -> list[tuple[str, list[str]]]:
    defs = [f"{name}: {(getattr(gaps, name).__doc__ or '').strip().split(chr(10) + chr(10))[0].replace(chr(10), ' ')}"
            for name in ("cluster_supply_gap", "absorption_gap", "coupling_coordination",
                         "single_points_of_failure", "brokers", "reach", "district_mismatch",
                         "partner_recommendations")]
    w = cc["weights"]
    weights = [f"U1 {k}: {x}" for k, x in w["innovation"].items()] + [f"U2 {k}: {x}" for k, x in w["industry"].items()]
    formulas = ["x' = (x − min) / (max − min) across clusters", "p_ij = x'_ij / Σ_i x'_ij; e_j = −Σ_i p_ij ln p_ij / ln m; "
                "w_j = (1 − e_j) / Σ_k (1 − e_k)", "U1 = Σ w_j x'_j (innovation); U2 = Σ w_j x'_j (industry)",
                "C = 2·sqrt(U1·U2) / (U1 + U2); T = 0.5·U1 + 0.5·U2; D = sqrt(C·T)",
                "corrected C (Wang et al. 2021): sqrt[(1 − |U2 − U1|) · min(U1,U2) / max(U1,U2)]",
                "D bands: ≤0.1 极度失调, ≤0.2 严重失调, ≤0.3 中度失调, ≤0.4 轻度失调, ≤0.5 濒临失调, ≤0.6 勉强协调, "
                "≤0.7 初级协调, ≤0.8 中级协调, ≤0.9 良好协调, ≤1.0 优质协调"]
    title = ("公式", "指标权重（熵值法）", "指标定义") if lang == "zh" else ("Formulas", "Indicator weights (entropy method)", "Definitions")
    return [(title[0], formulas), (title[1], weights), (title[2], defs)]


def _data_gaps(v: gaps.View, lang: str) -> list[str]:
    clusters = [c for c in v.of("Cluster") if v.s.nodes[c].get("tier") == "rising_star"]
    unverified = [t for t in v.of("TechArea") if v.s.nodes[t].get("verified") is False]
    no_priority = [d for d in v.of("District") if not v.linked(d, "PRIORITIZES", "out")]
    actors = [n for n in v.s if v.label(n) in gaps.ACTORS_INNOVATION + ("Enterprise",)]
    no_district = [n for n in actors if not v.linked(n, "LOCATED_IN", "out")]
    if lang == "zh":
        return [f"“33618”的 18 个新星集群中，已有来源的只有 {len(clusters)} 个。",
                f"“416”的 16 个方向尚无来源列出；现有 {len(unverified)} 个方向未经核实（verified = false）。",
                f"{len(no_priority)} 个区县尚无有来源的重点产业（表示“未找到”，不是“没有”）。",
                f"{len(no_district)} 个机构和企业尚无区县信息。",
                "中试平台和概念验证中心只有数量，没有具体名单；合作关系目前只来自五份种子文件。"]
    return [f"Only {len(clusters)} of the 18 rising-star (新星) clusters are named by a source.",
            f"No source lists the 16 directions of 416; {len(unverified)} directions present are unverified.",
            f"{len(no_priority)} districts have no sourced priority industries yet (not found, not none).",
            f"{len(no_district)} organisations and enterprises have no district yet.",
            "Pilot and proof-of-concept platforms exist only as counts; cooperation comes from the five seed documents only."]
