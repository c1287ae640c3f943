"""Text -> cooperation items: the ◆ paragraphs of a weekly brief, or the paragraphs of a news text,
each with the organisations it names, its districts, the activities between organisations, its
topics and the 33618 clusters it serves. Pure: the caller passes the name index
(`NameIndex.from_rows`) built from the store and the lexicons under data/lexicons/.

Rules, not sentences: known actors are found by name or alias (longest first); other organisations
by their name form (…有限公司, …集团, …研究院, …大学, …人民政府); the bold name that opens an item
is its subject, and "双方", "我校", "学校", "该校" refer back to it; every other organisation in the
item is a partner of the subject, with the activity kind of the sentence that names it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

import yaml

LEXICONS = Path(__file__).resolve().parents[1] / "data" / "lexicons"
TYPE_OF_LABEL = {"University": "university", "Institute": "platform", "Platform": "platform",
                 "Enterprise": "enterprise", "Organization": "other", "District": "government"}
_CJK = r"\u4e00-\u9fff"
_BREAK = re.compile(r"[，。、；：“”‘’！？,;:!?\n《》]|(?:与|和|及|(?<![共协合])同(?![步济意时期])|赴|到|在|对|为|向|由|联合(?!创新|实验室|工程|研究)|前往|走进|分别|携手|带领|组织|开展|围绕|聚焦|共同(?!体)|设立|调研|考察|了解|深入|"
                    r"建立|打造|成立|举行|启动|共建|依托|参观|走访|推动|推进|支持|争创|实现|"
                    r"从|高标准|积极|加快|持续|建强|形成|坚持|一批|多个|[0-9０-９]+(?![A-Za-z])|个|挂牌|的|是|探访|"
                    r"参加|出席|表示|希望|落实|视察|指出|认为|介绍|要求|会见|见证|认可|感谢|欢迎|祝贺|暨|构建|搭建|源自|来自|隶属|签署|签订|计划|通过|加入|开办|建成|"
                    r"经(?=过|多方|批准|审|研究|有关|[市区县省国]))")  # 经…批准, not 经营 in a company name
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")
_CLAUSE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")  # prose: a semicolon starts a new clause, often a new actor
_HEADER_ISSUE = re.compile(r"第\s*(\d+)\s*期")
_HEADER_RANGE = re.compile(r"[（(]\s*(\d{1,2})\.(\d{1,2})\s*[—–\-~～至]+\s*(\d{1,2})\.(\d{1,2})\s*[)）]")
_YEAR = re.compile(r"(20\d\d)\s*年")
SELF_WORDS = ("双方", "我校", "学校", "该校")
_SHORT_END = (r"(?=$|[\s、，。；：！？,.;:!?“”（）()与和及的在将等为对向同则]|联合|牵头|携手|共同|签署|签订|举行|开展|"
              r"赴|走进|前往|调研|考察|团队|师生|专家|教授|学子|通过|帮助|依托|借力|借助|提供|进行)")
_SHORT_START = rf"(?:(?<![{_CJK}])|(?<=[与和同及赴到在对由为向了是将把被从请邀即如据经]))"
# a district's short name (北碚, 巴南) also counts right after a connective: "为北碚提供", "到北碚"
_DISTRICT_SHORT_START = r"(?<=[为与和同到赴在对助持进])"


@dataclass
class Lexicons:
    kinds: list[tuple[str, str]]
    clusters: dict[str, list[str]]
    forms: list[tuple[str, str]]
    ambiguous: list[str] = field(default_factory=list)
    lead_ins: list[str] = field(default_factory=list)
    generic: list[str] = field(default_factory=list)
    generic_prefixes: tuple[str, ...] = ()
    bodies: dict[str, tuple[str, str]] = field(default_factory=dict)  # short name -> (full name, type)

    def __post_init__(self) -> None:
        """Patterns built once per lexicon, not per item (extraction runs over thousands of items)."""
        self.forms = sorted(self.forms, key=lambda x: -len(x[0]))  # longer forms first
        forms = "|".join(re.escape(f) for f, _ in self.forms)
        gov = "|".join(re.escape(f) for f, t in self.forms if t == "government")
        # a city's or district's own bureau is often written with 市 / 区 / 县 alone (市药监局, 区科技局)
        self.name_form = re.compile(rf"([A-Za-z0-9{_CJK}()·]{{2,40}}(?:{forms})(?:[{_CJK}]{{1,6}}(?:分公司|分院|分中心))?"
                                    rf"|[市区县](?:{gov}))")
        self.keyword_owner = {k: c for c, kws in self.clusters.items() for k in kws}
        self.keywords = re.compile("|".join(re.escape(k) for k in sorted(self.keyword_owner,
                                                                         key=lambda k: (-len(k), k))))
        words = sorted(self.lead_ins, key=lambda w: -len(w))
        self.lead_in = re.compile("^(?:" + "|".join(map(re.escape, words)) + ")") if words else None
        self.generic_names = set(self.generic)
        shorts = sorted(self.bodies, key=lambda n: (-len(n), n))
        self.body = re.compile("|".join((_SHORT_START + re.escape(n) + _SHORT_END) if len(n) == 2 else re.escape(n)
                                        for n in shorts)) if shorts else None

    @classmethod
    def load(cls, folder: Path = LEXICONS) -> "Lexicons":
        read = lambda name: yaml.safe_load((folder / name).read_text(encoding="utf-8"))  # noqa: E731
        guards = read("name_guards.yaml")
        return cls([tuple(x) for x in read("activity_kinds.yaml")["kinds"]], read("cluster_keywords.yaml")["clusters"],
                   [tuple(x) for x in read("org_forms.yaml")["forms"]], read("ambiguous_names.yaml")["names"],
                   guards["lead_ins"], guards["generic"], tuple(guards["generic_prefixes"]),
                   {k: tuple(v) for k, v in read("known_bodies.yaml")["bodies"].items()})


@dataclass
class NameIndex:
    """Known names and aliases -> (id, label, name_zh); districts also by their short name."""

    names: dict[str, tuple[str, str, str]]
    pattern: re.Pattern | None = None

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str, str | None, list[str] | None]],
                  ambiguous: Iterable[str] = ()) -> "NameIndex":
        skip = set(ambiguous)
        names: dict[str, tuple[str, str, str]] = {}
        district_short: set[str] = set()
        for node_id, label, name, aliases in rows:
            if not name:
                continue
            forms = [name, *(aliases or [])]
            if label == "District":
                short = re.sub(r"(土家族苗族自治县|苗族土家族自治县|土家族自治县|自治县|新区|区|县)$", "", name)
                if len(short) >= 2 and short != name:
                    forms.append(short)
                    district_short.add(short)
                    if name.endswith("自治县"):
                        forms.append(f"{short}县")  # 石柱土家族自治县 is usually written 石柱县
                forms += [f"{name}人民政府", f"{name}政府"]  # a district's government acts for the district
            if name.endswith("委员会"):
                forms.append(name[:-2])  # 重庆市经济和信息化委员会 is also written …信息化委
            # Chongqing's own bodies as its news writes them: 市科学技术局 for 重庆市科学技术局
            forms += [f[2:] for f in list(forms) if f.startswith("重庆市") and len(f) >= 7]
            for form in forms:
                form = form.replace("（", "(").replace("）", ")")  # matched on text with brackets normalised
                if len(form) >= 2 and form not in names and form not in skip:
                    names[form] = (node_id, label, name)
        ordered = sorted(names, key=lambda n: (-len(n), n))
        # a two-character short name (重大, 川美) counts only where it stands as a name: before
        # punctuation, a connective or an activity verb, not inside a word (重大战略, 重大疾病)
        # and, unless it is a district's, not at the end of a word either (意义重大、责任重大)
        # a city body's short name (市科技局) is not read inside another city's (宜宾市科技局)
        parts = [("" if (len(n) != 2 or n in district_short) and not n.startswith("市") else _SHORT_START)
                 + re.escape(n) + (_SHORT_END if len(n) == 2 else "") for n in ordered]
        parts += [_DISTRICT_SHORT_START + re.escape(n) for n in ordered if len(n) == 2 and n in district_short]
        pattern = re.compile("|".join(parts)) if parts else None
        return cls(names, pattern)

    def matches(self, text: str) -> Iterator[tuple[re.Match, str, str, str]]:
        """Each known name in `text` (brackets normalised): (match, id, label, canonical name)."""
        if self.pattern is not None:
            for m in self.pattern.finditer(_clean(text)):
                yield (m, *self.names[m.group(0)])


@dataclass
class Mention:
    name: str
    start: int
    end: int
    id: str | None
    label: str | None
    type: str
    alias_of: str | None = None  # the full name a short name the text defined stands for

    @property
    def key(self) -> str:
        """What makes two mentions the same organisation: its dataset id, else its full name."""
        return self.id or self.alias_of or self.name

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "id": self.id, "label": self.label, "type": self.type,
                "start": self.start, "end": self.end, **({"alias_of": self.alias_of} if self.alias_of else {})}


@dataclass
class Item:
    index: int
    text: str
    start: int
    end: int
    line: int
    subject: Mention | None = None
    organisations: list[Mention] = field(default_factory=list)
    districts: list[dict[str, str]] = field(default_factory=list)
    relations: list[dict[str, Any]] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    clusters: list[dict[str, str]] = field(default_factory=list)


# ------------------------------------------------------------------ items
def split_items(text: str) -> list[tuple[int, int]]:
    """(start, end) of each item: a ◆ paragraph up to the next ◆ or heading; in text whose lines
    are long (web pages: the median line holds 40 characters or more) each line; else each
    paragraph between blank lines (hard-wrapped text), with sentences cut by a blank line joined."""
    if "◆" in text:
        starts = [m.start() for m in re.finditer("◆", text)]
        spans = []
        for i, s in enumerate(starts):
            end = starts[i + 1] if i + 1 < len(starts) else len(text)
            stop = re.search(r"\n\s*(?:#|---)", text[s:end])  # a heading, or the footer (分送…)
            spans.append((s, s + stop.start() if stop else end))
        return spans
    lines = sorted(len(x.strip()) for x in text.splitlines() if x.strip())
    if lines and lines[len(lines) // 2] >= 40:  # web text: long lines, one paragraph per line
        return [(m.start(), m.end()) for m in re.finditer(r"\S[^\n]*", text)]
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text)]
    return _join_broken(text, spans)


_BYLINE = re.compile(r"——[^。！？]{0,40}(?:校长|书记|院长|主任|所长|董事长|总经理|记者|通讯员)\s*[\u4e00-\u9fff·]{2,4}$")
_SENTENCE_END = "。！？!?；;…”’」』)）"
_PROSE_MARK = re.compile(r"[，、；：。,;:]")


def _join_broken(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a paragraph to the next when a blank line cut a sentence in two, as text taken
    from newspaper columns or PDFs often has ("…产业发" / "展、社会事业…"): the paragraph is
    prose (it has sentence punctuation), does not end a sentence, and the next one starts
    with a Chinese character. Headings ("合作机制——", "20多篇调研成果支撑提案") have no
    sentence punctuation, and bylines ("——西南政法大学党委副书记、校长 林维") start with a dash or
    hold a space: they stay on their own."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out:
            ps, pe = out[-1]
            prev = text[ps:pe].rstrip()
            last = prev.rsplit("\n", 1)[-1].strip()
            cut = prev and prev[-1] not in _SENTENCE_END and (re.match(rf"[{_CJK}]", prev[-1]) or prev[-1] in "，、：,")
            byline = last.startswith(("——", "—", "-")) or re.search(r"\s", last)  # "——校长 林维", headings
            if cut and not byline and _PROSE_MARK.search(prev) and re.match(rf"[{_CJK}]", text[s]):
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


def header(text: str, year: int | None = None) -> dict[str, Any]:
    """Issue number and date range of a brief ("第 41 期（4.14—4.18）"), dated when the year is known."""
    issue = _HEADER_ISSUE.search(text)
    span = _HEADER_RANGE.search(text)
    found_year = _YEAR.search(text)
    year = year or (int(found_year.group(1)) if found_year else None)
    out: dict[str, Any] = {"issue": int(issue.group(1)) if issue else None, "date": None, "date_end": None,
                           "date_text": span.group(0).strip("（）()") if span else None}
    if span and year:
        m1, d1, m2, d2 = map(int, span.groups())
        out["date"] = f"{year}-{m1:02d}-{d1:02d}"
        out["date_end"] = f"{year + (1 if m2 < m1 else 0)}-{m2:02d}-{d2:02d}"
    return out


# ------------------------------------------------------------------ organisations
def _clean(text: str) -> str:
    """Same length as `text` (offsets stay valid): bold markers and full-width brackets normalised."""
    return text.replace("**", "  ").replace("（", "(").replace("）", ")")


def find_organisations(text: str, index: NameIndex, lex: Lexicons,
                       aliases: dict[str, Mention] | None = None) -> list[Mention]:
    """Organisations named in `text`. `aliases` holds the short names the text has defined so far
    (…有限公司（以下简称“X”）); it is read and, with this item's definitions, added to."""
    clean = _clean(text)
    known = [Mention(text[m.start():m.end()], m.start(), m.end(), node_id, label, TYPE_OF_LABEL.get(label, "other"))
             for m, node_id, label, _ in index.matches(text)]  # the name as written
    if lex.body is not None:  # well-known bodies without a name form (国家电网), where no dataset name is
        for m in lex.body.finditer(clean):
            if not any(k.start < m.end() and k.end > m.start() for k in known):
                full, type_ = lex.bodies[m.group(0)]
                known.append(Mention(m.group(0), m.start(), m.end(), None, None, type_, full))
        known.sort(key=lambda k: (k.start, -k.end))
    found = list(known)
    pos = 0
    for chunk in _BREAK.split(clean):
        start = clean.find(chunk, pos) if chunk else -1
        if start < 0:
            continue
        pos = start + len(chunk)
        # greedy: within a chunk (already cut at list marks and verbs) the longest name wins, so
        # "…酒业(集团)有限公司" is one company, not "…酒业(集团" plus a remainder
        for m in lex.name_form.finditer(chunk):
            name = m.group(1)
            s, e = start + m.start(1), start + m.end(1)
            if clean[e:e + 1] in ("生", "城") and name.endswith(("大学", "学院")) or clean[e:e + 1] == "校" and name.endswith("院"):
                continue  # 大学生 (students), 大学城 (a university town), 高职院校: not an organisation
            trimmed = _guarded(re.sub(rf"^[{_CJK}]{{1,4}}[区县](?=重庆)", "", name), lex)
            if trimmed is None:
                continue
            s += len(name) - len(trimmed)
            firm = _COMPANY.match(trimmed)
            if firm and trimmed[firm.end():] in lex.generic_names:
                e -= len(trimmed) - firm.end()  # "…生物医药有限公司实验室": the company's lab is the company
                trimmed = trimmed[:firm.end()]
            inside = [k for k in known if k.start >= s and k.end <= e]
            overlaps = [k for k in known if k.start < e and k.end > s and k not in inside]
            if overlaps or any(k.end == e for k in inside):
                continue  # the same organisation (perhaps after a verb), already found by name
            if any(k.start == s and _generic_rest(clean[k.end:e], lex) for k in inside):
                continue  # "重庆交通大学相关学院": that body's units in general, not another organisation
            for k in inside:  # a longer organisation name containing a known one is another organisation
                found.remove(k)
            branch = re.search(rf"[{_CJK}]{{1,6}}(?:分院|分中心)$", trimmed)
            kind = next((t for f, t in lex.forms if trimmed.endswith(f) or branch is not None  # …研究院西部分院: a 研究院
                         and re.search(re.escape(f) + rf"[{_CJK}]{{1,6}}(?:分院|分中心)$", trimmed)), "other")
            full = trimmed[:-2] + "人民政府" if trimmed.endswith("政府") and not trimmed.endswith("人民政府") else None
            found.append(Mention(text[s:e], s, e, None, None, kind, full))  # 重庆市政府 is 重庆市人民政府
    found.sort(key=lambda m: (m.start, -m.end))
    found = [_widened(m, text, clean, known) for m in found]
    found = [m for m in found if not any(o is not m and o.start <= m.start and m.end <= o.end
                                         and o.end - o.start > m.end - m.start for o in found)]  # inside a widened name
    found = _listed_firms(text, clean, found, lex) + _outer_governments(clean, text, found)
    found.sort(key=lambda m: (m.start, -m.end))
    if aliases is not None:
        _short_forms(found, known, aliases)
        found = _defined_aliases(text, found, aliases)
    # a district name alone is a place; a district's government named in the text is an actor
    return [m for m in found if m.label != "District" or m.name.endswith("政府")]


_FIRM_LIST = re.compile(r"((?:[^、，。,；;：:“”]{2,16}、)+[^、，。,；;：:“”]{2,16})等(?:[0-9０-９一二三四五六七八九十百多余]+家)?"
                        r"(?:大型|重点|知名|龙头|骨干|头部|优质|本地)?(?:企业|公司)")
_OUTER_GOV = re.compile(rf"(?<=[与和同])((?:[{_CJK}]{{2,3}}省)[{_CJK}]{{2,4}}[市县区])(?![{_CJK}]{{0,2}}(?:人民政府|政府|委|局))")
_LEGAL_END = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|集团有限公司|集团)$")
_TRADE_END = re.compile(r"(?:新材料|新能源|科技|技术|电子|医药|汽车|材料|智能|信息|网络|实业|发展|工业|制造|生物)$")
_PLACE_HEAD = re.compile(rf"^(?:[{_CJK}]{{2}}省|重庆市?|四川|贵州|云南|陕西|湖北|湖南|北京|上海|天津|广东|浙江|江苏|[{_CJK}]{{2}}市)")


def _listed_firms(text: str, clean: str, found: list[Mention], lex: Lexicons) -> list[Mention]:
    """Items of a list that ends "等15家企业" are enterprises even without a name form
    (初链科技、拓维信息、蓝卓数字科技等15家企业)."""
    out = list(found)
    for lst in _FIRM_LIST.finditer(clean):
        pos = lst.start(1)
        for part in lst.group(1).split("、"):
            start, name = pos, part
            pos += len(part) + 1
            last = _BREAK.split(name)[-1]  # "活动吸引了初链科技": the name after the clause words
            name = _guarded(last, lex) if len(last) >= 4 else (last if len(last) >= 2 else None)
            if not name or not re.fullmatch(rf"[A-Za-z0-9{_CJK}()]+", name):
                continue
            s = start + len(part) - len(name)
            if not any(m.start < s + len(name) and m.end > s for m in out):
                out.append(Mention(text[s:s + len(name)], s, s + len(name), None, None, "enterprise"))
    return out


def _outer_governments(clean: str, text: str, found: list[Mention]) -> list[Mention]:
    """A city or county outside the dataset, named with its province after 与 / 和 (与浙江省永康市举行…):
    its government is the party."""
    return [Mention(text[m.start(1):m.end(1)], m.start(1), m.end(1), None, None, "government")
            for m in _OUTER_GOV.finditer(clean) if not any(f.start < m.end(1) and f.end > m.start(1) for f in found)]


def _short_forms(found: list[Mention], known: list[Mention], aliases: dict[str, Mention]) -> None:
    """Short forms a later paragraph may use for a body named in full, added to the text's aliases:
    a company without its place, trade and legal form (四川宜宾鲍莉新材料有限公司 → 宜宾鲍莉), and a
    unit named after its body (重庆电子科技职业大学电子与物联网学院 → 电子与物联网学院)."""
    for m in found:
        if m.id is not None or m.alias_of is not None:
            continue
        core = _LEGAL_END.sub("", m.name)
        if core != m.name:
            core = _TRADE_END.sub("", core)
            for short in {core, _PLACE_HEAD.sub("", core)}:
                if len(short) >= 4 and short != m.name:
                    aliases.setdefault(short, m)
        parent = next((k for k in known if k.start == m.start and k.end < m.end and k.id is not None), None)
        if parent is not None and len(m.name) - len(parent.name) >= 4 and m.name.endswith(_UNIT_END):
            aliases.setdefault(m.name[len(parent.name):], m)


_DEFINES = re.compile(r"\s*[(（]\s*(?:以下|下文|下)?(?:简称|称)[为:：]?\s*[“\"「‘]([^”\"」’()（）]{2,12})[”\"」’]\s*[)）]")


def _defined_aliases(text: str, found: list[Mention], aliases: dict[str, Mention]) -> list[Mention]:
    """A short name the text defines ("武汉华中数控股份有限公司（以下简称“华中数控”）") is that body
    wherever the text uses it after, here and in later items, whether or not it has a name form of
    its own (立讯集团 has, 华中数控 has not). The definition itself is not another mention."""
    for m in found:
        d = _DEFINES.match(text, m.end)
        if d and d.group(1) not in aliases:
            aliases[d.group(1)] = m
    if not aliases:
        return found
    defs = [(d.start(), d.end()) for d in _DEFINES.finditer(text)]
    out = []
    for m in found:
        if any(a <= m.start < b for a, b in defs):
            continue  # inside the definition's brackets
        full = aliases.get(m.name)
        if full is not None and full.name != m.name:
            m = Mention(m.name, m.start, m.end, full.id, full.label, full.type, full.alias_of or full.name)
        out.append(m)
    pattern = re.compile("|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True)))
    for a in pattern.finditer(text):
        if any(s <= a.start() < e for s, e in defs) or any(m.start < a.end() and m.end > a.start() for m in out):
            continue
        full = aliases[a.group(0)]
        out.append(Mention(a.group(0), a.start(), a.end(), full.id, full.label, full.type, full.alias_of or full.name))
    return sorted(out, key=lambda m: (m.start, -m.end))


_UNIT_END = ("学院", "研究院", "研究所", "中心", "实验室", "系")
# government bodies whose names join two fields with 和 (住房和城乡建设委员会, 文化和旅游局)
_BODY_END = ("委员会", "局", "委", "厅")
_ROLE_END = re.compile("(?:人|员|长|们|者|家|代表)$")  # "技术负责人与…学院": a person, not a field
_NOT_A_FIELD = {"学校", "我校", "本校", "该校", "学院", "我院", "本院", "该院", "双方", "企业", "高校", "政府", "学生", "师生",
                "校企", "校地", "专家", "团队"}
_PLACE_START = re.compile(rf"(?:中国|国家|[{_CJK}]{{2,3}}[省市])")


def _widened(m: Mention, text: str, clean: str, known: list[Mention]) -> Mention:
    """The whole written name where a match stopped short: a district's government written with
    its city (重庆市九龙坡区人民政府), and a unit whose name joins two fields with 与
    (材料科学与工程学院, 动画与数字影视学院; the name form alone finds 数字影视学院). The part
    before 与 joins only when it stands alone (2-6 characters after punctuation or the start) and
    is not itself an organisation or a word like 学校 / 企业."""
    if m.label == "District" and m.name.endswith("政府"):
        city = re.search(rf"(?:重庆|[{_CJK}]{{2}})市$", clean[max(0, m.start - 3):m.start])
        if city:
            s = m.start - len(city.group(0))
            return Mention(text[s:m.end], s, m.end, m.id, m.label, m.type)
    joined = clean[m.start - 1] if m.start > 0 else ""
    if (m.id is None and (joined == "与" and m.name.endswith(_UNIT_END + ("集团",)) or joined == "和" and m.name.endswith(_BODY_END))
            and not _PLACE_START.match(m.name)):  # "学院与重庆市…科学院": two bodies
        left = _field_before(clean, m.start - 1)
        if (left is not None and left[1] not in _NOT_A_FIELD and not _ROLE_END.search(left[1])
                and not any(k.end > left[0] and k.start < m.start for k in known)):
            s = left[0]
            parent = next((k for k in known if k.end == s and k.id is not None), None)
            if parent is not None:  # "重庆电子科技职业大学电子与物联网学院": the unit written with its body
                s = parent.start
            return Mention(text[s:m.end], s, m.end, None, None, m.type)
    campus = re.match(rf"\(([{_CJK}]{{2,3}})\)", clean[m.end:m.end + 5]) if m.name.endswith(("大学", "学院")) else None
    if campus and m.id is None:  # 中国地质大学（北京）: the campus is part of the name
        return Mention(text[m.start:m.end + campus.end()], m.start, m.end + campus.end(), None, None, m.type)
    return m


_COMPANY = re.compile(r".{2,}(?:股份有限公司|有限责任公司|有限公司|集团)")


_FIELD_CUT = re.compile(r"学校|我校|本校|该校|来自|对|和|与|及|的|了|并|在|为|还|也|均|都|将|已|分别|研究院|研究所|大学|学院|公司|集团|中心|"
                        r"共建|建设|揭牌|成立|打造|组建|牵头")


def _field_before(clean: str, end: int) -> tuple[int, str] | None:
    """The field name that stands before a 与 / 和 at `end` ("计算机" in "来自学校计算机与信息科学学院"):
    the Chinese characters after punctuation, cut after the last clause word, if 2-6 of them."""
    run = re.search(rf"[{_CJK}]{{1,14}}$", clean[:end])
    if run is None:
        return None
    start = max([run.start()] + [run.start() + c.end() for c in _FIELD_CUT.finditer(run.group(0))])
    field = clean[start:end]
    return (start, field) if 2 <= len(field) <= 6 else None


def _generic_rest(rest: str, lex: Lexicons) -> bool:
    return rest.startswith(lex.generic_prefixes) or _COUNT.match(rest) is not None


_COUNT = re.compile(r"^(?:[一二两三四五六七八九十百千几多数]+[大个家所批项支类些地校市县区]|该|这|那|此|各|[0-9０-９]+)")


def _guarded(name: str, lex: Lexicons) -> str | None:
    """A name found by its form, without the clause words before it; None when what is left
    is not one organisation: too short, a generic type of body, or a count ("四大…")."""
    if "(" in name and ")" not in name[name.rindex("("):]:
        name = name[name.rindex("(") + 1:]  # "…运营天生创新创业街(西南大学…研究院": the bracketed name
    if ")" in name and "(" not in name[:name.rindex(")")]:
        name = name[name.rindex(")") + 1:]  # "(记者 张三)重庆市政府": a closing bracket ends what came before
    cut = max(name.rfind(c) for c in "了把被")
    if cut >= 0:
        name = name[cut + 1:]
    if lex.lead_in is not None:
        while True:
            m = lex.lead_in.match(name)
            if not m or len(name) - m.end() < 4:
                break
            name = name[m.end():]
    if len(name) < 4 or name in lex.generic_names or _COUNT.match(name) or name.startswith(lex.generic_prefixes):
        return None
    return name


# ------------------------------------------------------------------ one item
def extract_item(i: int, text: str, start: int, line: int, index: NameIndex, lex: Lexicons,
                 context: Mention | None = None, aliases: dict[str, Mention] | None = None) -> Item:
    """One item. `context` is the university named last in the items before (prose only):
    an item with no subject of its own that says 学校 / 我校 / 校地 / 双方 is about it. `aliases`:
    the short names the text has defined so far (see `find_organisations`)."""
    item = Item(i, text, start, start + len(text), line)
    mentions = find_organisations(text, index, lex, {} if aliases is None else aliases)
    districts = _districts(text, index)
    bold = re.match(r"\s*◆?\s*\*\*(.+?)\*\*", text)
    subject = None
    if bold:
        b0, b1 = bold.start(1), bold.end(1)
        subject = next((m for m in mentions if m.start >= b0 and m.end <= b1), None)
        if subject is None:
            district = next((d for d in districts if d["name"] in bold.group(1) or bold.group(1) in d["name"]), None)
            if district:
                subject = Mention(bold.group(1), b0, b1, district["id"], "District", "government")
    if not bold:  # prose: who did what with whom, sentence by sentence
        subject, item.relations = _prose_relations(text, mentions, index, context, lex, districts)
        item.subject = subject
        item.organisations = list(_distinct(mentions).values())
        item.districts = districts
    else:
        _brief_relations(item, text, subject, mentions, districts, lex)
    item.topics = sorted((set(re.findall(r"[“\"]([^”\"]{2,30})[”\"]", text)) - set(aliases or ()))
                         | set(re.findall(r"《([^》]{2,60})》", text)))
    item.clusters = _clusters(text, lex, [m for m in mentions if m.type in ("university", "government")])
    return item


_SELF = re.compile("|".join(SELF_WORDS + ("校地", "我们学校")))
_VISITED = re.compile(r"考察|调研|走访|参观|探访|来到|走进|赴|前往|深入|带领|率领|率队")


def _distinct(mentions: list[Mention]) -> dict[str, Mention]:
    """The first mention of each organisation, by key, in text order."""
    out: dict[str, Mention] = {}
    for m in mentions:
        out.setdefault(m.key, m)
    return out


def _relation(source: Mention | None, target: Mention, kind: str, sentence: str) -> dict[str, Any]:
    return {"source": _ref(source), "target": _ref(target), "kind": kind,
            "evidence": sentence.strip().replace("**", "")}


def _brief_relations(item: Item, text: str, subject: Mention | None, mentions: list[Mention],
                     districts: list[dict[str, str]], lex: Lexicons) -> None:
    """A brief's item: the bold subject with each organisation named after it."""
    item.subject = subject
    seen = _distinct(mentions)
    if subject is not None:
        seen.pop(subject.key, None)
    item.organisations = ([subject] if subject else []) + list(seen.values())
    item.districts = districts
    sentences = [(s.start(), s.end(), s.group(0)) for s in _SENTENCE.finditer(text)]
    sentence_of = lambda m: next((s for s in sentences if s[0] <= m.start < s[1]), (0, len(text), text))  # noqa: E731
    # what the item builds ("…共建智慧教育技术校企联合实验室") is no partner
    seen = {k: m for k, m in seen.items() if not (m.start >= 0 and _built(text, sentence_of(m)[0], m, mentions))}
    if not seen:  # an activity with a district (校地合作, a visit): the district is the partner
        own = subject.id if subject else None
        for d in districts:
            if d["id"] != own:
                seen[d["id"]] = Mention(d["name"], d["start"], d["end"], d["id"], "District", "government")
                break
    for partner in seen.values():
        s0, s1, sentence = sentence_of(partner)
        kind = _nearest_kind(sentence, partner.end - s0, lex) or _kind(sentences[0][2] if sentences else text, lex)
        item.relations.append(_relation(subject, partner, kind or "other", sentence))


# a district acts (rather than being a place) when a connective or action follows its name, or
# it is the one something is done with or for
_DISTRICT_ACTS_AFTER = re.compile(r"与|和|同|联合|携手|依托|借力|借助|通过|帮助|对|则|制定|出台|组织|成立|推动|推进|支持|启动|"
                                  r"共同|签署|签订|举办|打造|建设|搭建|引进|接收|常态化")
_DISTRICT_ACTS_BEFORE = re.compile(r"(?:与|和|同|由|为|帮助|支持|服务|针对|面向)(?:重庆市?)?$")
# between two listed districts: 、 和 及, perhaps 重庆, perhaps other short items (高新区) between
_DISTRICT_LIST = re.compile(rf"(?:\s*[、和及]\s*(?:重庆市?)?[{_CJK}]{{2,5}}?)*?\s*[、和及]\s*(?:重庆市?)?")
_OWN = re.compile(r"学校|我校|该校|校方")
_JOINTLY = re.compile(r"\s*(?:等\S{0,6}?)?(?:共同|联合|携手|一起|一道)")
_WITH_BEFORE = re.compile(r"(?:与|同|跟)\s*$")
_WITH_AFTER = re.compile(r"\s*(?:与|和|同)")
# between two bodies of one list: 、 和 及, perhaps with other listed items no name form found (海南海事局)
_PERSON = re.compile(r"长|书记|主任|总监|经理|教授|院士|主席|专家|负责人|代表")  # "A董事长X、B院长Y": people, not bodies
_LIST_MATES = re.compile(r"[、和及\s]*(?:[^、，,。；;：:与同]{2,24}?[、和及]\s*)*?")
_WITH_SELF = re.compile(r"(?:与|同|和)(?:学校|我校|本校|该校|校方)")  # "A、B分别与学校签署": each with the university
# a group that stands for universities listed before it: "11所高校", "与会高校", "上述院校"
_GROUP = re.compile(r"(?:[0-9０-９]+|[一二两三四五六七八九十]+)所(?:高校|大学|院校)|(?:与会|参会|上述|这些)(?:高校|大学|院校)")
_LOCAL = re.compile(r"校地|双方|地方|区校")
_AGREEMENT = re.compile(r"签署|签订|签约")
_VISIT_OBJECT = re.compile(r"考察|走访|参观|调研|来到|走进")
_BUILT = re.compile(r"(?:共建|组建|筹建|新建|建设|建立|成立|设立|打造|揭牌|创设)的?[“\"《]?$")
_LIST_GAP = re.compile(r"[”\"》]?[、，,和及与]?[“\"《]?")
_NOT_AGENT = re.compile(r"(?:以|把|对|从|通过|依托|围绕|聚焦|作为)$")
_ATTENDS = re.compile(r"出席|参加|参会|陪同|主持|列席")
_CO_ACTION = re.compile(r"签署|签订|签约|共建|组建|出资|合资|共同|联合|主办|承办|联办|启动建设|发起")
_PHRASE_END = re.compile(r"[，,：:]")
_ELECTS = re.compile(r"选举|当选|推选|任命|聘任|聘请|增补")
_FOUNDS = re.compile(r"\s*(?:等\S{0,6}?)?(?:发起|组建|牵头|出资|成立|主办)")
_LINKED = re.compile(r"与|同|跟|和|携手|联合|帮助|支持|为|向|对|到|赴|走进|来到|合作|共同|签|依托|借力|借助|通过|联手|牵手|协同|邀请")
# after a venue: the meeting held there ("在A、B双会场同步召开"), not a signing or an unveiling
_VENUE = re.compile(r"[^，,。；;]{0,12}?(?:召开|举行|举办|开幕|开展)(?![^，,。；;]{0,6}(?:签|揭牌|授牌))")
_EVENT_END = re.compile(r"(?:仪式|大会|会议|论坛|峰会|对接会|推介会|活动)[”\"]")
_TITLE = re.compile(r"(?:外籍|资深|首席|名誉|党委|党组|副)?(?:院士|教授|研究员|校长|院长|所长|主任|书记|董事长|总经理|局长|处长|部长|区长|县长|市长|专家)")


def _acting_districts(text: str, index: NameIndex) -> list[Mention]:
    found = [Mention(name, m.start(), m.end(), node_id, "District", "government")
             for m, node_id, label, name in index.matches(text) if label == "District"]
    acts = [bool(_DISTRICT_ACTS_AFTER.match(text, d.end) or _DISTRICT_ACTS_BEFORE.search(text, max(0, d.start - 5), d.start))
            for d in found]
    # a district listed with one that acts acts too: "与两江新区、江北、南岸等9区县签订", "璧山、铜梁与…"
    for i in [*range(1, len(found)), *range(len(found) - 2, -1, -1)]:
        for j in (i - 1, i + 1):
            if 0 <= j < len(found) and acts[j] and not acts[i]:
                a, b = sorted((found[i], found[j]), key=lambda d: d.start)
                acts[i] = _DISTRICT_LIST.fullmatch(text, a.end, b.start) is not None
    return [d for d, yes in zip(found, acts) if yes]


def _prose_relations(text: str, mentions: list[Mention], index: NameIndex, context: Mention | None,
                     lex: Lexicons, item_districts: list[dict[str, str]]) -> tuple[Mention | None, list[dict[str, Any]]]:
    """Prose: in each sentence, the first actor (an organisation, or a district that acts) that
    is not the object of a visit verb is the subject, and each other actor its partner. A
    sentence with no subject of its own continues the one before; 学校 / 校地 / 双方 bring in
    the university named last before this item (`context`). Returns (first subject, relations)."""
    actors_all = sorted(mentions + [d for d in _acting_districts(text, index)
                                    if not any(m.start <= d.start < m.end for m in mentions)],
                        key=lambda m: (m.start, -m.end))
    relations: list[dict[str, Any]] = []
    seen_pairs: set[tuple[frozenset, str]] = set()
    # a body written again another way (厚捷医药集团 after 重庆厚捷医药集团有限公司) is the first one
    first_as: dict[tuple[int, int], Mention] = {}
    for i, m in enumerate(actors_all):
        first_as[(m.start, m.end)] = next((x for x in actors_all[:i] if x.key != m.key and _same_body(x, m)
                                           and x.id is None and m.id is None), m)

    def add(a: Mention, b: Mention, kind: str, sentence: str) -> None:
        a, b = first_as.get((a.start, a.end), a), first_as.get((b.start, b.end), b)
        pair = (frozenset((a.key, b.key)), kind)
        if pair not in seen_pairs and not _same_body(a, b):
            seen_pairs.add(pair)
            relations.append(_relation(a, b, kind, sentence))

    ctx = Mention(context.name, -1, -1, context.id, context.label, context.type) if context else None  # not in this text
    first_subject = current = None
    for s in _CLAUSE.finditer(text):
        s0, s1, sentence = s.start(), s.end(), s.group(0)
        actors = list(_distinct([m for m in actors_all if s0 <= m.start < s1 and not _is_place(text, m)]).values())
        subject = next((m for m in actors if not _governed(text, s0, m)), None)
        if actors and subject is not None and subject is not actors[0] and (
                current is not None or not _DISTRICT_ACTS_AFTER.match(text, subject.end)):
            subject = None  # "（他们）参观了A、B，了解C的…": the visitors (the subject before), not C
        own = _OWN.search(text, s0, s1)
        if own and (subject is None or own.start() < subject.start):
            if ctx is None:  # "我校与涪陵区…签署": a university we cannot name; better nothing than a guess
                current = None
                continue
            subject = ctx  # "学校与沙坪坝区深度合作": the university of the text acts first
        elif subject is not None and _WITH_BEFORE.search(text, max(s0, subject.start - 3), subject.start):
            after = [m for m in actors if m.start > subject.end and not _governed(text, s0, m)]
            # "在与A的两年合作中，B…": B acts with A; else "赴北京与A签署…": the subject is left out
            subject = after[0] if current is None and after and re.search(
                r"[，,]", text[subject.end:after[0].start]) else None
        group = _GROUP.search(text, s0, s1)
        listed = _last_list(text, actors_all, group.start()) if group and (subject is None or group.start() < subject.start) else []
        if listed:  # "A、B、C等11所高校代表参会…11所高校与武隆区签署": the universities listed before
            subject = listed[0]
        if subject is None:
            subject = current
        if subject is None and ctx is not None and _SELF.search(sentence):
            subject = ctx  # 学校 / 校地 / 双方 with no organisation named: the university of the text
        founders = _founders(text, s0, s1, actors, subject)
        if founders:  # "联盟由A和B联合发起": A and B found it together; it is no party
            verb = _FOUNDS.match(text, founders[-1].end) or _JOINTLY.match(text, founders[-1].end)
            founded = re.search("发起|组建|出资|成立", text[verb.end():verb.end() + 6] if verb else "") or (
                verb is not None and re.search("发起|组建|出资|成立", verb.group(0)))
            kind = _nearest_kind(sentence, founders[-1].end - s0, lex) or ("共建" if founded else "other")
            for i, x in enumerate(founders):
                for y in founders[i + 1:]:
                    add(x, y, kind, sentence)
            current = founders[0]
            first_subject = first_subject or founders[0]
            continue
        # what the clause builds (…签署协议，共建A研究院) is not a party to it
        partners = [m for m in actors if (subject is None or m.key != subject.key) and not _built(text, s0, m, actors)
                    and not (subject is not None and m.end <= subject.start and _framed(text, s0, m))]
        co_subjects: list[Mention] = []
        if subject is not None and subject.start >= 0:  # "A、B、C等高校展示了成果": co-subjects, not partners
            chain, end = [], subject.end
            for m in partners:
                if m.start >= end and _LIST_MATES.fullmatch(text, end, m.start) and not _PERSON.search(text, end, m.start):
                    chain.append(m)
                    end = m.end
                elif m.start >= end:
                    break
            partners = [m for m in partners if m not in chain]
            # "由A、B、C共同牵头组建", "A、B出资成立…", "《A B合作协议》": they act together; with
            # partners named ("A、B与C签订…") each of them acts with the partners
            if chain and (_JOINTLY.match(text, end) or (not partners and _CO_ACTION.search(sentence)
                                                        and not _ATTENDS.search(sentence)
                                                        and not _WITH_SELF.search(sentence, end - s0))):
                kind = _agreed(_nearest_kind(sentence, end - s0, lex) or "other", sentence, end - s0)
                for i, x in enumerate([subject] + chain):
                    for y in chain[i:]:
                        add(x, y, kind, sentence)
            co_subjects = chain
        if listed:
            co_subjects = listed[1:]
        if ctx is not None and subject is not None and _SELF.search(sentence):
            if subject.label == "District" and all(m.key != ctx.key for m in partners):
                partners.append(ctx)  # "北碚帮助学校…": the district with the university
            elif (subject.type != "university" and subject.start >= 0 and _OWN.search(text, subject.end, s1)
                  and all(m.key != ctx.key for m in partners)):
                partners.append(ctx)  # "A局长一行到我校交流": the body with the university of the text
            elif subject.key == ctx.key and not partners and _LOCAL.search(sentence) and item_districts:
                d = item_districts[0]  # "校地双方": the university with the district of the text
                partners.append(Mention(d["name"], -1, -1, d["id"], "District", "government"))
        if subject is None:
            continue
        if _ELECTS.search(sentence):
            current = subject
            continue  # "选举A的X为理事长，B院长Y为副理事长": people's positions, not activities
        current = subject
        first_subject = first_subject or subject
        heads = [subject] + co_subjects
        for partner in partners:
            if _starts_pair(text, s0, partner, heads[0]):
                heads = [partner]  # "A与B，C与D签约": C acts with D, not with A
                continue
            head = heads[0]
            if head.name in partner.name or (head.label == "University" and context is not None
                                             and head.id == context.id and context.name in partner.name):
                continue  # the subject's own unit (重庆交通大学前沿技术交叉研究院): not a partner
            at = partner.end - s0 if partner.start >= 0 else len(sentence)
            kind = _nearest_kind(sentence, at, lex)
            if kind is None and _ATTENDS.search(sentence):
                continue  # "A主任…、B领导…出席": a list of who attended, not an activity between them
            if kind is None and partner.start >= 0 and _TITLE.match(text, partner.end):
                continue  # "A院士X和B院士Y作了演讲": people named by their bodies, no activity between them
            if (kind is None and partner.start > head.end >= s0
                    and not _LINKED.search(text, head.end, partner.start)):
                continue  # "A、B、C、D" with no verb or connective: a list, not an activity between them
            if partner.start >= 0 and _attends(sentence, at, lex):
                continue
            kind = _agreed(kind or "other", sentence, max(0, at))
            visited = partner.start >= 0 and _VISIT_OBJECT.search(text, max(s0, head.end), partner.start)
            if visited and kind != "签约":
                kind = "调研"
            for actor in heads:
                if partner.start < 0 and any(frozenset((actor.key, partner.key)) == p for p, _ in seen_pairs):
                    continue  # "双方将…": the pair already related in this item, said again
                add(actor, partner, kind, sentence)
    return first_subject, relations


def _founders(text: str, s0: int, s1: int, actors: list[Mention], subject: Mention | None) -> list[Mention]:
    """"X由A、B和C联合发起 / 共同组建": A, B, C (two or more, listed right after 由, later than the
    clause's first actor) when they act jointly or found something; else []."""
    by = next((m for m in actors if m.start > s0 and text[m.start - 1] == "由" and subject is not None
               and m.start >= subject.start), None)
    if by is None:
        return []
    chain, end = [by], by.end
    for m in actors:
        if m.start >= end and re.fullmatch(r"[、和及与\s]*", text[end:m.start]):
            chain.append(m)
            end = m.end
    if len(chain) >= 2 and (_JOINTLY.match(text, end) or _FOUNDS.match(text, end)):
        return chain
    return []


def _last_list(text: str, actors: list[Mention], before: int) -> list[Mention]:
    """The last list of two or more universities named before `before` (A、B和C), in text order."""
    unis = [m for m in actors if m.type == "university" and m.end <= before]
    run: list[Mention] = []
    for m in reversed(unis):
        if run and re.fullmatch(r"[、和及\s]*", text[m.end:run[0].start]) is None:
            break
        run.insert(0, m)
    return run if len(run) >= 2 else []


def _starts_pair(text: str, s0: int, m: Mention, head: Mention) -> bool:
    """`m` opens a comma phrase of its own with 与 / 和 / 同 after it, later in the clause than the
    subject: "A与B，C与D签约" pairs C with D."""
    if m.start < 0 or head.start < s0 or m.start <= head.end:
        return False
    start = max((p.end() for p in _PHRASE_END.finditer(text, s0, m.start)), default=s0)
    return start > head.end and not text[start:m.start].strip() and _WITH_AFTER.match(text, m.end) is not None


def _framed(text: str, s0: int, m: Mention) -> bool:
    """`m` is the object of 以 / 依托 / 作为… in its own comma phrase ("作为A牵头单位，B与C签署"): a frame
    for the clause, not a party to it."""
    start = max((p.end() for p in _PHRASE_END.finditer(text, s0, m.start)), default=s0)
    return bool(_NOT_AGENT.search(text, start, m.start))


def _governed(text: str, s0: int, m: Mention) -> bool:
    """`m` is the object of a visit verb (考察了A) or a preposition (以A…, 依托A…) in its own comma
    phrase, so not the one who acts: "为深入贯彻…，A与B签署" does not make A visited."""
    start = max((p.end() for p in _PHRASE_END.finditer(text, s0, m.start)), default=s0)
    return bool(_VISITED.search(text, start, m.start) or _NOT_AGENT.search(text, start, m.start))


def _is_place(text: str, m: Mention) -> bool:
    """在A，…", "在A办理…": an organisation named only as the place is not a party ("在A签订协议" is
    A's agreement, so a place is only one followed by a comma or an errand done there). Nor are the
    venues of a meeting (大会在A、B双会场同步召开) or a body named inside the quoted title of an
    event (“…共同体成立暨A揭牌仪式”)."""
    if m.start < 0:
        return False
    if m.start > 0 and text[m.start - 1] == "在" and re.match(r"[，,]|办理|注册", text[m.end:m.end + 2]) is not None:
        return True
    venue = re.search(r"在(?:[^，,。；;“”]{2,40}?、)?$", text[max(0, m.start - 42):m.start])
    if venue and _VENUE.match(text, m.end):
        return True
    title = re.search(r"[“\"][^”\"]*$", text[:m.start])
    close = re.search(r"[”\"]", text[m.end:])
    return bool(title and close and _EVENT_END.search(text, m.end, m.end + close.start() + 1))


def _agreed(kind: str, sentence: str, at: int) -> str:
    """A clause that signs an agreement after naming the parties: the agreement is the act."""
    return "签约" if _AGREEMENT.search(sentence, at) else kind


def _built(text: str, s0: int, m: Mention, actors: list[Mention]) -> bool:
    """What a clause builds ("…共建A研究院", "共同打造“A”“B”等平台") is not a party to it."""
    if _BUILT.search(text, s0, m.start):
        return True
    if m.start > 0 and text[m.start - 1] == "为" and re.match(r"(?:授牌|揭牌)", text[m.end:m.end + 2]):
        return True  # "为A授牌": the platform the plaque names
    before = [a for a in actors if a.end <= m.start]
    return bool(before) and _LIST_GAP.fullmatch(text, before[-1].end, m.start) is not None and _built(text, s0, before[-1], actors)


def _attends(sentence: str, at: int, lex: Lexicons) -> bool:
    """The partner is named in a list of who attended: 出席 / 参加 follows it with no activity word
    between ("…B管委会副主任饶静、…出席会议")."""
    m = _ATTENDS.search(sentence, at)
    return m is not None and not any(word in _unroled(sentence[at:m.start()]) for word, _ in lex.kinds)


def _same_body(a: Mention, b: Mention) -> bool:
    """The same organisation written two ways in one text: one name is the other's abbreviation
    (中国机械总院 / 中国机械科学研究总院集团有限公司, 九三学社市委会 / 九三学社重庆市委会): they share
    their first four characters and the short one is the long one with characters left out. Two
    dataset actors are never the same body by name."""
    if a.key == b.key:
        return True
    (short, s_alias), (long, _) = sorted(((a.name, a.alias_of), (b.name, b.alias_of)), key=lambda x: len(x[0]))
    if a.id is not None and b.id is not None:  # two dataset actors: only a body and its own unit
        return len(short) >= 4 and long.startswith(short) and long.endswith(_UNIT_END + ("医院",))
    if (len(short) >= 4 or s_alias is not None and len(short) >= 2) and long.startswith(short):
        return True  # a body and its own unit (重庆理工大学 / …材料科学与工程学院; 西门子 / 西门子中国有限公司)
    bare = re.sub(r"^(?:重庆市?|中国)", "", long)
    if bare != long and len(short) >= 4 and bare.startswith(short):
        return True  # 厚捷医药集团 / 重庆厚捷医药集团有限公司
    if len(short) < 5 or short[:4] != long[:4]:
        return False
    rest = iter(long)
    return all(ch in rest for ch in short)


def _clusters(text: str, lex: Lexicons, names: list[Mention] = ()) -> list[dict[str, str]]:
    """Clusters whose keywords occur, longest keyword first and without overlaps (新能源汽车 is a
    vehicle keyword, not 新能源 plus 汽车); not inside the `names` given (a university's name, such
    as 重庆医科大学, says what it teaches, not what the activity serves)."""
    found: dict[str, str] = {}
    for m in lex.keywords.finditer(text):
        if any(n.start <= m.start() < n.end for n in names):
            continue
        found.setdefault(lex.keyword_owner[m.group(0)], m.group(0))
    return [{"id": c, "keyword": k} for c, k in sorted(found.items())]


def _ref(m: Mention | None) -> dict[str, Any] | None:
    if m is None:
        return None
    return {"name": m.name, "id": m.id, "type": m.type, **({"alias_of": m.alias_of} if m.alias_of else {})}


def _nearest_kind(sentence: str, after: int, lex: Lexicons) -> str | None:
    """The activity named nearest after the partner in its sentence (else nearest before it);
    equally near words go by the lexicon's order. An activity word that is part of a title
    (调研员) names no activity."""
    sentence = _unroled(sentence)
    best = None
    for rank, (word, kind) in enumerate(lex.kinds):
        for m in re.finditer(re.escape(word), sentence):
            distance = m.start() - after if m.start() >= after else 10_000 + after - m.end()
            if best is None or (distance, rank) < best[:2]:
                best = (distance, rank, kind)
    return best[2] if best else None


def _unroled(sentence: str) -> str:
    """Same length: activity words inside a job title (正处级调研员) blanked out."""
    return re.sub(r"(?:调研|研究)员", lambda m: "□" * len(m.group(0)), sentence)


def _kind(sentence: str, lex: Lexicons) -> str | None:
    return next((kind for word, kind in lex.kinds if word in sentence), None)


def _districts(text: str, index: NameIndex) -> list[dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for m, node_id, label, name in index.matches(text):
        if label == "District":
            out.setdefault(node_id, {"id": node_id, "name": name, "start": m.start(), "end": m.end()})
    return list(out.values())


def extract(text: str, index: NameIndex, lex: Lexicons | None = None, year: int | None = None) -> dict[str, Any]:
    """Every item of a text, with the header's issue and dates (which date the items)."""
    lex = lex or Lexicons.load()
    head = header(text, year)
    items = []
    brief = "◆" in text
    # the university named last (prose: what 学校 / 我校 / 校地 refer to); before any is named, the
    # one university the whole text names, if it names only one (a university's own news page)
    context: Mention | None = None if brief else _sole_university(text, index)
    aliases: dict[str, Mention] = {}  # short names the text defines (以下简称“X”), for the items after too
    agreements: dict[frozenset, dict[str, Any]] = {}  # pairs that signed in an item before (news: see _restated)
    line, counted = 1, 0  # line numbers counted as we go (counting from the start each time is quadratic)
    for i, (s, e) in enumerate(split_items(text), 1):
        line += text.count("\n", counted, s)
        counted = s
        body = re.sub(r"\s*\n\s*", "", text[s:e].strip())  # hard wraps and blank lines inside an item
        if len(body) < 8 or body.startswith("#"):
            continue
        item = extract_item(i, body, s, line, index, lex, None if brief else context, aliases)
        item.end = e
        if not brief:
            item.relations = _restated(item.relations, agreements)
        items.append(item)
        acting = [r["source"] for r in item.relations if r["source"] and r["source"]["id"]]
        named = [m for m in item.organisations if m.label == "University" and m.start >= 0
                 and (m is item.subject or any(a["id"] == m.id for a in acting) or m is item.organisations[0])]
        if _BYLINE.search(body):
            context = None  # a byline ("——…校长 林维") closes a section; the next may be another university's
        elif named:  # a university that acts (or opens the item), not one listed among many
            context = max(named, key=lambda m: m.start)
    return {**head, "items": items}


def _restated(relations: list[dict[str, Any]], agreements: dict[frozenset, dict[str, Any]]) -> list[dict[str, Any]]:
    """News prose, after a paragraph that reports two parties signing: later paragraphs about the same
    pair set out what the agreement covers (共建…, 人才培养…), not new activities. Their kinds go
    to the agreement's `covers`; the relations themselves are dropped. Briefs are not affected (each
    ◆ item is its own activity), nor is one paragraph naming several kinds."""
    out = []
    for r in relations:
        if r["source"] is None:
            out.append(r)
            continue
        pair = frozenset(x.get("id") or x.get("alias_of") or x["name"] for x in (r["source"], r["target"]))
        signed = agreements.get(pair)
        if signed is not None and r["kind"] != "签约":
            if r["kind"] != "other" and r["kind"] not in signed.setdefault("covers", []):
                signed["covers"].append(r["kind"])
            continue
        out.append(r)
    for r in out:
        if r["source"] is not None and r["kind"] == "签约":
            pair = frozenset(x.get("id") or x.get("alias_of") or x["name"] for x in (r["source"], r["target"]))
            agreements.setdefault(pair, r)
    return out


def _sole_university(text: str, index: NameIndex) -> Mention | None:
    found = {node_id: name for _, node_id, label, name in index.matches(text) if label == "University"}
    if len(found) != 1:
        return None
    [(node_id, name)] = found.items()
    return Mention(name, -1, -1, node_id, "University", "university")


def as_json(result: dict[str, Any]) -> dict[str, Any]:
    return {**{k: v for k, v in result.items() if k != "items"},
            "items": [{"index": it.index, "text": it.text, "start": it.start, "end": it.end, "line": it.line,
                       "subject": _ref(it.subject), "organisations": [m.as_dict() for m in it.organisations],
                       "districts": it.districts, "relations": it.relations, "topics": it.topics,
                       "clusters": it.clusters} for it in result["items"]]}
