"""Organisations in text: the lexicons (data/lexicons/), the index of known names and aliases
built from the store, and the rules that find organisations by name, by name form (…有限公司,
…研究院, …人民政府), by a short name the text defines or a list that says what its items are.
Pure; used by loaders/text.py."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Iterator

import yaml

LEXICONS = Path(__file__).resolve().parents[1] / "data" / "lexicons"
TYPE_OF_LABEL = {"University": "university", "Institute": "platform", "Platform": "platform",
                 "Enterprise": "enterprise", "Organization": "other", "District": "government"}
CJK = r"\u4e00-\u9fff"
_BREAK = re.compile(r"[，。、；：“”‘’！？,;:!?\n《》·•]|[(（](?=\s*(?:以下|下文|下称|简称))|(?:[多以年]来|与|(?<![恒祥永太谐])(?<!碳中)和(?![平谐睦记]|信息化)|及|(?<![共协合])同(?![步济意时期筑利方仁心德创兴盛福泰达信康妙舟])|赴|到访?|在|对接(?!处)|对(?!外|口|接)|为|向|由|(?<!、)联合(?!体|创新|实验室|工程|研究|发展|会)|前往|走进|分别|携手|携(?!程)|带领|组织(?!部)|开展|围绕|聚焦|共同(?!体)|设立|调研|考察|了解|深入|"
                    r"建立起?|打造|成立|举行|启动|共建|合作建设|依托于?|做好|落户|以上|参观|走访|察看|推动|推进|支持|争创|实现|给予|走出|创建|搭建起|架起|[形情]势下|背景下|"
                    r"从|高标准|积极|加快|持续|建强|形成|坚持|一批|多个|[0-9０-９]+(?:年度|[年月日号](?![A-Za-z0-9０-９]))?(?![A-Za-z])|个|挂牌|(?<!美)的|是|探访|"
                    r"参加|出席|表示|希望|落实|视察|指出|认为|介绍|推介|推荐|助推|助力|来访|到访|访问(?!学者)|授予|配合|打通|一行|召开|举办|旗下|下属|(?<!研究)所属|(?<=[长任记])兼|他称|她称|据称|关于|依靠|报送|担任|受聘|聘任|(?<=[行人团组])来(?![自源])|要求|会见|见证|认可|感谢|欢迎|祝贺|暨|构建|搭建|源自|源于|来自|比如|例如|发布|契合|符合|标志着|促成|时期|部署|以(?=建设|推动|促进|打造|提升|服务)|隶属|签署|签订|计划|通过|加入|开办|建成|建有(?!限)|设有(?!限)|下设|共筑|同筑|筛选|整合|"
                    r"代表(?!大会|处)|促进(?!会|中心)|协助|致辞|莅临|率领|(?<![效频比概税汇利速功])率(?![先达])|会同|联系|"
                    r"已有|现有|共有|还有|一大批|大批|方面|双方|关心|注入|探讨|包括|下辖|加深|期待|成员|帮助|以及|进行|将(?![军乐])|建议|发挥好?|就(?!业|处|办)|结合|选择|重视|评价|全力|大力|提升|牵手|作为|"
                    r"(?<![高中平初同均对相甲乙丙])等(?![离级])|"
                    r"经(?=过|多方|批准|审|研究|有关|[市区县省国]|民[盟革建进]|九三|农工|致公|中共))")  # 经…批准, not 经营 in a company name
_SHORT_END = (r"(?=$|[\s、，。；：！？,.;:!?“”（）()与和及的在将等为对向同则]|联合|牵头|携手|共同|签署|签订|举行|开展|"
              r"赴|走进|前往|调研|考察|团队|师生|专家|教授|学子|通过|帮助|依托|借力|借助|提供|进行)")
_SHORT_START = rf"(?:(?<![{CJK}])|(?<=[与和同及赴到在对由为向了是将把被从请邀即如据经]))"
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
        offices = "|".join(sorted({re.escape(f) for f, _ in self.forms if f.endswith("处")} | set(_STANDALONE), key=len, reverse=True))
        self.name_form = re.compile(rf"([A-Za-z0-9{CJK}()·]{{2,40}}(?:{forms})(?:[{CJK}]{{1,6}}(?:分公司|分院|分中心))?"
                                    rf"|[省市区县](?:{gov}|{_LEVEL_BODIES})|(?:{offices})"  # 教务处副处长: the office alone
                                    rf"|(?<![{CJK}])[{CJK}]{{2,6}}部(?=副?(?:部长|总经理)|[相有]关(?:负责|工作)?人员|[{CJK}]{{2,3}}副?部长)"  # 综合部部长, 市场开发部总经理: a department, by its head's title (产业合作部相关人员, 区域发展咨询部相关工作人员: by its staff)
                                    rf"|(?<![{CJK}])[{CJK}]{{2,6}}处(?=副?处长|[相有]关(?:负责|工作)?人员|\s*供[稿图])"  # 成果转化处相关人员, (成果转化处 供稿)
                                    # an institute's three-character short name where it acts (资划所副所长X, 代表资划所与…)
                                    rf"|(?:(?<![{CJK}])|(?<=代表)|(?<=[与和同由、]))(?![该我本各两此其每全一这那诸有无之研院])[{CJK}]{{2}}所(?=副?所长|与|和|、|签|负责)"
                                    rf"|(?<![{CJK}])[{CJK}]{{2,6}}局(?=副?局长)"  # 人社局局长童峰: a bureau, by its head's title
                                    rf"|(?<![{CJK}])[{CJK}]{{2,6}}中心(?=副?主任)"  # 推广中心主任胡鹏
                                    rf"|(?<![{CJK}])[{CJK}]{{2,6}}办(?=副?主任)"  # 校企合作办主任: an office by its short form
                                    rf"|(?<![{CJK}])办公室(?=副?主任[{CJK}]{{2,3}}(?:[，,、。；;等]|$))"  # 办公室主任王霆: the office of the body named before
                                    rf"|(?<![{CJK}])[{CJK}]{{2,6}}(?<!系)(?<!系副)系(?=党总支|党支部|(?:副?系)?副?主任|[{CJK}]{{2,3}}副?主任)"  # 教育系党总支书记, 机电技术系李友节主任
                                    # (电子与电气系系主任, …学系副系主任: the 系 of the title is not the name's)
                                    rf"|(?<![{CJK}]){_FIELD_SCHOOL}"  # 工学院院长: a school named by one field
                                    rf"|国家[{CJK}]{{2,12}}?中心"  # 国家技术转移东部中心: a national centre, whatever its last words
                                    rf"|(?:(?<![{CJK}])|(?<=[与和同及赴到在对由为向是将把被从访]))[{CJK}]{{2,4}}研院(?!所))")
        # an institute's usual short form where it stands as a word (有研工研院, 山东产研院; not 科研院所)
        self.short_government = re.compile(rf"[省市区县](?:{gov}|{_LEVEL_BODIES})")  # 市政府, 区科技局, 省科协: three characters
        self.kind_patterns = [(re.compile(re.escape(word)), kind) for word, kind in self.kinds]
        self.keyword_owner = {k: c for c, kws in self.clusters.items() for k in kws}
        self.keywords = re.compile("|".join(re.escape(k) for k in sorted(self.keyword_owner,
                                                                         key=lambda k: (-len(k), k))))
        words = sorted(self.lead_ins, key=lambda w: -len(w))
        self.lead_in = re.compile("^(?:" + "|".join(map(re.escape, words)) + ")") if words else None
        self.generic_names = set(self.generic)
        # a generic word inside a candidate, after a whole name: "武汉大学|相关学院"
        self.inner_generic = re.compile("|".join(map(re.escape, sorted(self.generic_prefixes, key=len, reverse=True))))
        shorts = sorted(self.bodies, key=lambda n: (-len(n), n))
        self.body = re.compile("|".join((_SHORT_START + re.escape(n) + _SHORT_END) if len(n) == 2
                                        else re.escape(n) + ("(?!门)" if n.endswith("部") else "")  # 民政部门: any such office
                                        for n in shorts)) if shorts else None

    @classmethod
    def load(cls, folder: Path = LEXICONS) -> "Lexicons":
        read = lambda name: yaml.safe_load((folder / name).read_text(encoding="utf-8"))  # noqa: E731
        guards = read("name_guards.yaml")
        return cls([tuple(x) for x in read("activity_kinds.yaml")["kinds"]], read("cluster_keywords.yaml")["clusters"],
                   [tuple(x) for x in read("org_forms.yaml")["forms"]], read("ambiguous_names.yaml")["names"],
                   guards["lead_ins"], guards["generic"], tuple(guards["generic_prefixes"]),
                   {k: tuple(v) for k, v in read("known_bodies.yaml")["bodies"].items()})


Hit = tuple[re.Match, str, str, str]  # a known name in a text: (match, id, label, canonical name)


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

    def matches(self, text: str) -> Iterator[Hit]:
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

    def at(self, start: int = -1, end: int = -1) -> "Mention":
        """The same body standing somewhere else: at a word that means it (我院, 来访客人, 张峰), or
        nowhere in the text at hand (-1, -1: remembered from another item)."""
        return replace(self, start=start, end=end)

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "id": self.id, "label": self.label, "type": self.type,
                "start": self.start, "end": self.end, **({"alias_of": self.alias_of} if self.alias_of else {})}


# an office or department named without its body (科技处, 教务处, 综合部, 校企合作办公室): every
# university and firm has one, so the name alone must not make one node of them all
_BARE_OFFICE = re.compile(r"[\u4e00-\u9fff]{2,8}(?:处|部|办公室|办|团委|系)")
_PLACE_OR_BODY = re.compile(r"[省市区县国]|大学|学院|公司|集团|研究院|政府")
_BARE_SCHOOL = re.compile(r"[\u4e00-\u9fff]{1,12}学院")


def bare_office(name: str) -> bool:
    """`name` is an office with no body or place in it (科技处, not 重庆大学科技处 or 科技部)."""
    return _BARE_OFFICE.fullmatch(name) is not None and _PLACE_OR_BODY.search(name) is None


def bare_unit(name: str) -> bool:
    """`name` is an office or a school with no body or place in it (科技处, 化材学院)."""
    return bare_office(name) or _BARE_SCHOOL.fullmatch(name) is not None and _PLACE_OR_BODY.search(name[:-2]) is None


_LEVEL_ONLY = re.compile(rf"[省市区县][{CJK}()]+")


def level_only(name: str) -> bool:
    """`name` is a body named by its level alone, with no place before 省 / 市 / 区 / 县 (省农科院,
    市人民政府, 区科技局): which province's or city's, only the text around it can say. One test serves
    the text's links (省农科院 → 浙江省农科院) and the loader's one node per text.

    >>> level_only("省农科院"), level_only("市委"), level_only("浙江省农科院"), level_only("科技处")
    (True, True, False, False)
    """
    return _LEVEL_ONLY.fullmatch(name) is not None


def units_of_one_body(names: list[str]) -> bool:
    """Offices and schools named without their body, at least one of them an office (科技处、社会合作处、
    电气工程学院): one body's own units, not bodies that cooperate with each other."""
    return any(bare_office(n) for n in names) and all(bare_unit(n) for n in names)


# ------------------------------------------------------------------ organisations
def _clean(text: str) -> str:
    """Same length as `text` (offsets stay valid): bold markers and full-width brackets normalised."""
    return text.replace("**", "  ").replace("（", "(").replace("）", ")")


def find_organisations(text: str, index: NameIndex, lex: Lexicons, aliases: dict[str, Mention] | None = None,
                       hits: list[Hit] | None = None) -> list[Mention]:
    """Organisations named in `text`. `aliases` holds the short names the text has defined so far
    (…有限公司（以下简称“X”）); it is read and, with this item's definitions, added to. `hits`: the
    known names in `text` when the caller has already scanned for them (`index.matches`)."""
    clean = _clean(text)
    known = [Mention(text[m.start():m.end()], m.start(), m.end(), node_id, label, TYPE_OF_LABEL.get(label, "other"))
             for m, node_id, label, _ in (index.matches(text) if hits is None else hits)  # the name as written
             if not (label != "District" and _academician_title(clean, m.group(0), m.end()))]  # 中科院院士薛其坤: a title
    if lex.body is not None:  # well-known bodies without a name form (国家电网), where no dataset name is
        for m in lex.body.finditer(clean):
            if clean.startswith(("院士", "外籍院士", "资深院士"), m.end()) or _NAMED_ACADEMICIAN.match(clean, m.end()):
                continue  # "中国工程院院士苏义脑": an academician's title, not the academy acting
            if not any(k.start < m.end() and k.end > m.start() for k in known):
                full, type_ = lex.bodies[m.group(0)]
                owner = _owner_before(clean, m.start(), lex) if m.group(0).endswith("部") else None
                if owner is not None:  # "兰石集团研究院科技部部长": that institute's department, not the ministry
                    known.append(Mention(text[owner:m.end()], owner, m.end(), None, None, "other"))
                    continue
                dept = _DEPARTMENT.match(clean, m.end()) if m.group(0).endswith("部") else None
                if dept and _BREAK.search(dept.group(0)):
                    dept = None  # clause words, not one department's name
                if dept:  # 科技部高新司: a department of the ministry, named as written
                    known.append(Mention(text[m.start():dept.end()], m.start(), dept.end(), None, None, type_))
                    continue
                inst = _SHORT_INSTITUTE.match(clean, m.end()) if type_ == "university" else None
                if inst:  # 上海交大深研院: the university's institute, by its short name
                    known.append(Mention(text[m.start():inst.end()], m.start(), inst.end(), None, None, "platform"))
                    continue
                known.append(Mention(m.group(0), m.start(), m.end(), None, None, type_, full))
        known.sort(key=lambda k: (k.start, -k.end))
    found = list(known)
    for k in [k for k in known if k.name in _ACADEMIES or k.name.endswith("科学院")]:
        inst = _ACADEMY_INSTITUTE.match(clean, k.end)
        joined = inst is not None and "与" in inst.group(0)  # 中科院宁波材料技术与工程研究所: two fields, one institute
        if (inst and not _BREAK.search(inst.group(0).replace("与", ""))
                and (joined or not inst.group(0).endswith("研究所"))):  # (the form finds those without 与)
            # 中科院兰州化物所: the academy's institute, named short
            found[found.index(k)] = Mention(text[k.start:inst.end()], k.start, inst.end(), None, None, "platform")
    described: list[tuple[int, int]] = []
    pos = 0
    for chunk in _BREAK.split(clean):
        start = clean.find(chunk, pos) if chunk else -1
        if start < 0:
            continue
        pos = start + len(chunk)
        # greedy: within a chunk (already cut at list marks and verbs) the longest name wins, so
        # "…酒业(集团)有限公司" is one company, not "…酒业(集团" plus a remainder
        for name, s, e, second in _bracketed(lex, chunk, start):
            if (clean[e:e + 1] in ("生", "城") and name.endswith(("大学", "学院", "中学", "小学"))
                    or clean[e:e + 1] == "校" and name.endswith("院") and clean[e + 1:e + 2] not in tuple("地企友区长园庆史")
                    or _academician_title(clean, name, e) or clean[s - 1:s] == "各"  # 中国科学院院士朱兆良, 各研发部: no body acting
                    or name.endswith("部") and clean[e:e + 1] == "分"  # "组织部分企业": 组织 + 部分
                    or name.endswith("学会") and clean[e:e + 1] in ("部", "展", "堂")):  # 中国科协学会部, 科学会展中心
                continue  # 大学生, 中小学生 (students), 大学城 (a university town), 高职院校: not an organisation
                # (but 河南工学院校地合作, 甲学院校长: the college)
            if _ONE_OF_A_KIND.search(clean, max(0, s - 20), s):
                continue  # "也是一个社会大学", "一所综合性大学": a kind of body, counted, not one named
            if name[0] in _MEASURE and clean[s - 1:s].isdigit():
                name, s = name[1:], s + 1  # "等48家高校": the count's measure word is no part of a name
            if re.search(r"[0-9０-９]+[多余]?[家个所座]$", clean[max(0, s - 8):s]):
                continue  # "为25家中关村开放实验室授牌", "3家新建市级院士工作站": a kind counted, no one body
            head = _HE_HEAD.search(clean, max(0, s - 6), s) if s >= 2 and clean[s - 1] == "和" else None
            if (head and head.group(1) not in lex.generic_names and not head.group(1).endswith(("省", "市", "区", "县"))
                    and not (lex.lead_in is not None and lex.lead_in.match(head.group(1)))  # "这次和A大学": not 这次和…
                    and not lex.name_form.fullmatch(head.group(1))  # "学科办和A学校": a body before 和, not part of a name
                    and not _BREAK.search(head.group(1))  # "期待和青海大学": a clause word, not a name's start
                    and not any(k.start < s and k.end > head.start(1) for k in known)):
                name, s = head.group(1) + "和" + name, head.start(1)  # "、万和通物流集团": 和 inside the name
            count = _NAMED_COUNT.search(name)
            if count:  # "唯一一所研究所": a count, then a kind of body, no name
                name, s = name[count.end():], s + count.end()
            trimmed = _guarded(re.sub(rf"^[{CJK}]{{1,4}}[区县](?=重庆)", "", name), lex)
            if trimmed is None:
                continue
            province = _PROVINCE.search(trimmed, 2)
            if (province and province.start() <= 4 and trimmed.endswith(("公司", "集团")) and not _PROVINCE.match(trimmed)
                    and any(f.name.startswith(trimmed[province.start():province.start() + 4]) and f.type == "enterprise"
                            for f in found)):
                trimmed = trimmed[province.start():]  # "在谷城湖北景锂公司" after 湖北景锂环保…公司: a place before it
            if clean[s - 1:s] == "是" and _DESCRIPTION.search(trimmed):
                described.append((s, e))  # nor is a body named inside the description (教育部直属…)
                continue
            s += len(name) - len(trimmed)
            inner = next((i.start() for i in lex.inner_generic.finditer(trimmed, 4)
                          if lex.name_form.fullmatch(trimmed[:i.start()]) and i.group(0) != "企业"), None)
            if inner is not None:  # "武汉大学相关学院", "四川大学世界一流大学建设": the university
                e -= len(trimmed) - inner
                trimmed = trimmed[:inner]
            if (trimmed.startswith("达") and s > 0 and clean[s - 1] == "到"
                    and (_PROVINCE.match(trimmed, 1) or re.match(rf"[{CJK}]{{2,3}}[省市县区]", trimmed[1:]))):
                s, trimmed = s + 1, trimmed[1:]  # "到达庆云县水发集团": 到达 then the name (not 达胜健身器材's 达)
            park = _PARK_THEN_FIRM.match(trimmed)
            if park:  # "八角湾科创中心烟台绿圃科技有限公司": the firm, not the park it is in
                s += park.end(1)
                trimmed = trimmed[park.end(1):]
            firm = _COMPANY.match(trimmed)
            if (firm and trimmed[firm.end():] in lex.generic_names and not trimmed.endswith("集团公司")
                    and not (firm.group(0).endswith("集团") and trimmed.endswith(("研究院", "研究所")))):
                # (but 兰石集团研究院: a group's institute is a body of its own)
                e -= len(trimmed) - firm.end()  # "…生物医药有限公司实验室": the company's lab is the company
                trimmed = trimmed[:firm.end()]
            if trimmed.endswith("协会") and clean[e:e + 1] == "长" and len(trimmed) >= 5:
                trimmed, e = trimmed[:-1], e - 1  # "北京民协会长王小兰": 北京民协 and its 会长
            titled = _TITLE_INSIDE.search(trimmed, 2)
            if titled:  # "机械工程学院力学学科副主任王建山作学院…": a name, then a person's title and more
                head_name = lex.name_form.match(trimmed[:titled.start()])
                if head_name is None:
                    continue
                e -= len(trimmed) - head_name.end()
                trimmed = head_name.group(0)
            if _COUNTED_AFTER.match(clean, e):
                continue  # "海外创新中心7家": a type of body counted, not one body
            inside = [k for k in known if k.start >= s and k.end <= e]
            overlaps = [k for k in known if k.start < e and k.end > s and k not in inside]
            if overlaps or any(k.end == e for k in inside):
                continue  # the same organisation (perhaps after a verb), already found by name
            if any(k.start == s and _generic_rest(clean[k.end:e], lex) for k in inside):
                continue  # "重庆交通大学相关学院": that body's units in general, not another organisation
            for k in inside:  # a longer organisation name containing a known one is another organisation
                if k in found:  # (not an academy already read as its institute)
                    found.remove(k)
            branch = re.search(rf"[{CJK}]{{1,6}}(?:分院|分中心)$", trimmed)
            kind = next((t for f, t in lex.forms if trimmed.endswith(f) or branch is not None  # …研究院西部分院: a 研究院
                         and re.search(re.escape(f) + rf"[{CJK}]{{1,6}}(?:分院|分中心)$", trimmed)),
                        "platform" if trimmed.endswith(("研院", "所")) else "government" if trimmed.endswith("局") else "other")
            full = trimmed[:-2] + "人民政府" if trimmed.endswith("政府") and not trimmed.endswith("人民政府") else None
            found.append(Mention(text[s:e], s, e, None, None, kind, full or second))  # 重庆市政府 is 重庆市人民政府
    found = sorted((m for m in found if not any(a <= m.start and m.end <= b for a, b in described)),
                   key=lambda m: (m.start, -m.end))
    found = _said_again(text, found, lex)
    pairs = [(m, _widened(m, text, clean, known, found)) for m in found]
    widened = {m.name: w.name for m, w in pairs if w.name != m.name}
    found = [replace(w, alias_of=widened[w.alias_of]) if w.alias_of in widened else w  # (a second name's body)
             for _, w in pairs]
    found = [m for m in found if not any(o is not m and o.start <= m.start and m.end <= o.end
                                         and o.end - o.start > m.end - m.start for o in found)]  # inside a widened name
    founded = set()  # quoted names a clause founds (组建“A”, 成立“B”)
    for q in _QUOTED_NAME.finditer(clean):  # “稀土抗菌材料研发与应用联合实验室”: the quoted name whole
        if BUILT_BEFORE.search(clean, max(0, q.start() - 8), q.start() + 1):
            founded.add(q.span(1))
        inner = [m for m in found if q.start(1) <= m.start and m.end <= q.end(1)]
        whole = re.sub(r"[-—–－]", "", q.group(1))
        if (inner and all(m.id is None and (m.start, m.end) != q.span(1) for m in inner)
                and lex.name_form.fullmatch(whole) and _guarded(whole, lex) == whole):
            kind = next((t for f, t in lex.forms if q.group(1).endswith(f)), "other")
            found = [m for m in found if m not in inner] + [Mention(text[q.start(1):q.end(1)], q.start(1), q.end(1), None, None, kind)]
        elif inner and q.span(1) in founded:
            # "发起成立“扬中高新区淮阴工学院研究生工作站总站”": what is founded, named whole by no form;
            # the names at its head are the first words of its name, not bodies of their own
            found = [m for m in found if not (m in inner and m.end < q.end(1) and m.id is None)]
    # "组建“威高(苏州)研究院”", "成立“…联合研究中心”": what the clause founds, quoted whole, is no party yet
    found = [m for m in found if not ((m.start, m.end) in founded and m.id is None)]
    # "“政校企”工作联盟": a type of body its quoted words name; the words its form found alone are no name
    found = [m for m in found if not (m.id is None and len(m.name) <= 6 and _QUOTED_MODIFIER.search(clean, max(0, m.start - 10), m.start))]
    found = [part for m in found for part in _committee_and_government(m, text)]
    found = [part for m in found for part in _government_then_university(m, text)]
    for c in _PARTY_PLACE_COMMITTEE.finditer(clean):  # "致公党常州市委组织…": a democratic party's city committee
        if not any(f.start < c.end() and f.end > c.start() and f.label != "District" for f in found):
            found = [f for f in found if not (f.start < c.end() and f.end > c.start())]
            found.append(Mention(text[c.start():c.end()], c.start(), c.end(), None, None, "other"))
    for c in _PARTY_COMMITTEE.finditer(clean):  # "中共重庆市铜梁区委主办的…": a party committee acting
        if not any(f.start < c.end() and f.end > c.start() and f.label != "District" for f in found):
            found = [f for f in found if not (f.start < c.end() and f.end > c.start())]  # (not its district)
            found.append(Mention(text[c.start():c.end()], c.start(), c.end(), None, None, "government"))
    # "无极县委、县政府牢牢把握…": the committee acts too, named by a place the text names as a government
    places = {re.sub("(?:人民)?政府$", "", f.name) for f in found if f.type == "government" and len(f.name) > 3}
    for c in _COMMITTEE_BEFORE_GOVERNMENT.finditer(clean):
        place = next((p for p in sorted(places, key=len, reverse=True)
                      if p.endswith(c.group(1)) and clean.startswith(p, c.end(1) - len(p))), None)
        bare = next((n for n in (2, 3) if place is None and c.start() > n and re.fullmatch(rf"[{CJK}]+", clean[c.start() - n:c.start()])
                     and (not "\u4e00" <= clean[c.start() - n - 1] <= "\u9fff" or clean[c.start() - n - 1] in _FUNCTION_CHARS)), 0)
        if bare:  # "近年来，无极县委、县政府…", "由扬州市委、市政府主办", "对岚县县委…": a place alone or after 由 / 对
            place = clean[c.start() - bare:c.end(1)]
        elif place is None and _PLANS_OF.search(clean, max(0, c.start() - 4), c.start()):
            place = clean[c.start():c.end(1)]  # "贯彻落实市委、市政府关于…的部署": the level alone, the text's own city
        s = c.end(1) - len(place) if place else -1
        if place and not any(f.start < c.end() and f.end > s for f in found):
            found.append(Mention(text[s:c.end()], s, c.end(), None, None, "government"))
    found = _suffix_names(text, found, lex)
    found = _listed_heads(text, clean, _listed_firms(text, clean, found, lex), lex) + _outer_governments(clean, text, found)
    found = _place_bureaus(clean, text, found)
    found += _firms_by_head(text, clean, found, lex)
    found = _short_places(clean, text, known, found)
    found = _listed_colleges(text, clean, found, lex)
    for c in _CREDIT_OFFICE.finditer(clean):  # "来源: 产业化办 张玉": the office a credit line names
        if not any(f.start < c.end(1) and f.end > c.start(1) for f in found) and _guarded(c.group(1), lex) == c.group(1):
            found.append(Mention(text[c.start(1):c.end(1)], c.start(1), c.end(1), None, None, "other"))
    found = _without_toured_labs(clean, found)
    found.sort(key=lambda m: (m.start, -m.end))
    if aliases is not None:
        _short_forms(found, known, aliases, text)
        found = _defined_aliases(text, found, aliases)
    found = [_local_government(m, known) for m in found]
    # "在天士力研究院学术报告厅举行", "设在重庆大学虎溪校区", "仪式在学术交流服务中心举行": places (a park where a
    # signing is held stays listed, as batch 48's gold has it: docs/annotation.md)
    found = [m for m in found if not _VENUE_BEFORE.search(clean, max(0, m.start - 3), m.start)
             or not (_ROOM_AFTER.match(clean, m.end)
                     or m.id is None and not m.name.endswith("园") and _HELD_THERE.match(clean, m.end)
                     or m.name.endswith("平台") and clean.startswith("上", m.end))]  # "在新区公共服务平台上公告": a medium
    # a district name alone is a place; a district's government named in the text is an actor
    return [m for m in found if (m.label != "District" or m.name.endswith("政府")) and not _zone_as_place(clean, m)]


# a place named by two characters alone where a team goes to survey it (赴遂昌调研, 前往河源开展调研);
# Chongqing's districts are known by their short names already
_PLACE_GONE = re.compile(rf"(?:赴|前往|奔赴)([{CJK}]{{2}})(?=(?:开展|进行)?(?:调研|考察|走访)|(?:开展|进行)[{CJK}]{{2,6}}?(?:调研|考察|走访))"
                         rf"|(?:赴|前往|奔赴|应邀来|应邀到)([{CJK}]{{2}}镇|[{CJK}]{{2,4}}示范区)(?=(?:开展|进行)[{CJK}]{{0,8}}?(?:调研|考察|走访|对接))")
# (…, a town or a demonstration zone a team goes to: 赴八桥镇开展产学研对接, 前往平原示范区进行走访调研)
# (赴济南开展校企合作调研: the survey named with its topic)
# a county whose name is one character (凤县, 沛县), where it acts or its government is named
_COUNTY_ACTS = re.compile(rf"(?<![{CJK}])((?![该全本我各两邻郊每一此大强分小属辖诸其外县省市区乡镇副院校])[{CJK}]县"
                          rf"(?:(?:人民)?政府|(?=赴|前往|与|和|同|组织|一行|代表团|考察团|党政)))")
_NOT_A_PLACE = {"乡村", "农村", "基层", "一线", "企业", "现场", "外地", "各地", "当地", "园区", "高校", "学校", "社区", "村镇",
                "海外", "国外", "省外", "市外", "县域", "乡镇", "街道", "车间", "田间", "工地", "市场", "京津"}


def _said_again(text: str, found: list[Mention], lex: Lexicons) -> list[Mention]:
    """A name found once by what follows it (兰州文献情报中心副主任: a 中心 by its head's title) is the same
    body where the item writes it again with nothing after that tells (…一行到兰州文献情报中心座谈)."""
    names = {m.name: m for m in found if m.id is None and m.alias_of is None and len(m.name) >= 5
             and not lex.name_form.fullmatch(m.name)}  # (a name its form finds anywhere needs no help)
    if not names:
        return found
    extra = []
    for name, m in names.items():
        at = text.find(name)
        while at >= 0:
            if not any(f.start < at + len(name) and f.end > at for f in found + extra):
                extra.append(replace(m, start=at, end=at + len(name)))
            at = text.find(name, at + len(name))
    return sorted(found + extra, key=lambda m: (m.start, -m.end)) if extra else found


_OWNER_END = ("研究院", "研究所", "集团", "公司", "大学", "学院", "中心")


def _owner_before(clean: str, start: int, lex: Lexicons) -> int | None:
    """Where a body's name starts that ends right at `start` and fills its phrase (the words since the
    last break): a ministry's short name after it (兰石集团研究院科技部) is the body's own department."""
    if not clean.endswith(_OWNER_END, 0, start):
        return None
    left = max(clean.rfind(c, 0, start) for c in "，,、。；;：:(“\"\n ") + 1
    return left if start - left <= 24 and lex.name_form.fullmatch(clean, left, start) else None


def _short_places(clean: str, text: str, known: list[Mention], found: list[Mention]) -> list[Mention]:
    """Places no name form finds: a two-character place a team goes to survey (赴遂昌调研) and a
    county named by one character where it acts or its government is named (凤县赴…, 凤县政府, which
    the form reads as 县政府 alone)."""
    for p in [*_PLACE_GONE.finditer(clean), *_COUNTY_ACTS.finditer(clean)]:
        s, e = p.span(p.lastindex)
        inside = [m for m in found if s <= m.start and m.end <= e and m.id is None]
        if p.group(p.lastindex) in _NOT_A_PLACE or any(m.start < e and m.end > s and m not in inside for m in [*known, *found]):
            continue
        found = [m for m in found if m not in inside] + [Mention(text[s:e], s, e, None, None, "government")]
    return found


_PARTY_COMMITTEE = re.compile(rf"中共[{CJK}]{{2,12}}?[省市区县]委(?:员会)?(?!书记|副书记|常委|委员|组织部|宣传部|统战部)")
_PLANS_OF = re.compile(r"(?:落实|贯彻|按照|根据|遵照|响应)$")  # whose plans a text follows
_PARTY_PLACE_COMMITTEE = re.compile(rf"(?:致公党|民革|民盟|民建|民进|农工党|台盟)(?:[{CJK}]{{1,4}}[区县]|[{CJK}]{{2,3}}[市省])委(?![员会])")
_COMMITTEE_BEFORE_GOVERNMENT = re.compile(r"([市区县])委(?=[、和及]\1(?:人民)?政府)")
_COMMITTEE_AND_GOVERNMENT = re.compile(rf"([{CJK}]{{2,4}}?([市区县])委)(\2(?:人民)?政府)")


def _committee_and_government(m: Mention, text: str) -> list[Mention]:
    """"巢湖市委市政府" names two bodies, the city's party committee and its government (as
    "巢湖市委、市政府" does)."""
    both = _COMMITTEE_AND_GOVERNMENT.fullmatch(m.name) if m.id is None else None
    if both is None:
        return [m]
    s, mid = m.start, m.start + both.end(1)
    return [Mention(text[s:mid], s, mid, None, None, "government"),
            Mention(text[mid:m.end], mid, m.end, None, None, "government")]


_GOVERNMENT_THEN_UNIVERSITY = re.compile(rf"([{CJK}]{{2,10}}?人民政府)([{CJK}]{{2,12}}(?:大学|学院))")


def _government_then_university(m: Mention, text: str) -> list[Mention]:
    """"洛阳市人民政府大连理工大学" (two parties written with no mark between, as in an agreement's
    title) names two bodies: no university's name holds a government's."""
    both = _GOVERNMENT_THEN_UNIVERSITY.fullmatch(m.name) if m.id is None else None
    if both is None:
        return [m]
    mid = m.start + both.end(1)
    return [Mention(text[m.start:mid], m.start, mid, None, None, "government"),
            Mention(text[mid:m.end], mid, m.end, None, None, "university")]


def _zone_as_place(clean: str, m: Mention) -> bool:
    """A development zone written before the place in it (长寿高新区新市组团, 眉山高新区化学工业园) is
    where that place is, not a body acting; one followed by a break (姜堰高新区与…) may act."""
    if m.id is None and m.name.endswith(_ZONES) and clean.endswith("来自", 0, m.start) and clean.startswith("的", m.end):
        return True  # "来自德州市经济技术开发区的100多家企业": where the firms come from
    return (m.id is None and m.name.endswith(_ZONES) and m.end < len(clean) and "\u4e00" <= clean[m.end] <= "\u9fff"
            and _BREAK.match(clean, m.end) is None and _ZONE_ACTS.match(clean, m.end) is None)


_ZONE_ACTS = re.compile(r"[^，,。；;：:]{0,12}?(?:合作|签约|签署|签订)")  # "扬州国家高新区科技创新合作签约": the zone signs


_ZONES = ("高新区", "经开区", "开发区")


def _local_government(m: Mention, known: list[Mention]) -> Mention:
    """区政府 / 县政府 written alone after a district is named in the item ("北碚区委、区政府") is
    that district's government: the district."""
    if m.id is None and m.name in ("区政府", "县政府", "区人民政府", "县人民政府"):
        district = next((k for k in reversed(known) if k.label == "District" and k.end <= m.start), None)
        if district is not None:
            return Mention(m.name, m.start, m.end, district.id, "District", "government")
    return m


_FIRMS = (r"(?:大型|重点|知名|龙头|骨干|头部|优质|本地)?(?:机械制造|装备制造|高新技术|科技型|制造|汽车零部件|医药|化工|电子)?"
          r"(?:企业|公司)")  # what a list of firms closes with (…等43家机械制造企业)
_FIRM_LIST = re.compile(r"((?:[^、，。,；;：:“”]{2,16}、)+[^、，。,；;：:“”]{2,16})等(?:(?:来自[^，,。；;、]{0,10}?)?[0-9０-９一二两三四五六七八九十百多余]+[余多]?[家户])?"
                        + _FIRMS +  # (or counted with no 等: "伟博化工、哈亿曼电子科技、三鑫钢管3家企业")
                        r"|((?:[^、，。,；;：:“”与和这我]{2,12}、)+[^、，。,；;：:“”与和这我]{2,12}?(?:[和及][^、，。,；;：:“”与和这我]{2,12}?)?)"
                        r"[0-9０-９一二两三四五六七八九十]+家"
                        + _FIRMS +  # (or one firm a team visits: "参观考察了梁平区天胜电子等企业")
                        r"|(?:(?<=参观了|考察了|走访了|调研了)|(?<=考察|参观))(?P<one>[^、，。,；;：:“”与和这我]{2,16}?)等" + _FIRMS +
                        # (or the two firms a team goes into: "走进斯派德洁净技术和桐力光电两家公司")
                        r"|(?:(?<=参观了|考察了|走访了|调研了|走进了)|(?<=考察|参观|走进|走访))"
                        r"(?P<two>[^、，。,；;：:“”与和这我]{2,12}?和[^、，。,；;：:“”与和这我]{2,12}?)(?:两|2|２)家" + _FIRMS)
# a district or county (两江新区 too), not a campus, park, zone or community (校区, 园区, 开发区, 社区, 主城区…)
_PROVINCE = re.compile("河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|"
                       "甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|北京|天津|上海|重庆|香港|澳门")
_DISTRICT_END = "(?<![校园社景小片厂街矿营辖郊地验范能发贸开保税区县])(?<!主城)(?<!老城)(?:(?<!山)区|县)"  # (衡山县, not 山区)
_OUTER_GOV = re.compile(rf"(?<=[与和同])((?:[{CJK}]{{2,3}}省)(?:(?![及和与])[{CJK}]){{2,4}}[市县区])(?![{CJK}]{{0,2}}(?:人民政府|政府|委|局))")
# an autonomous county or prefecture (孟村回族自治县, 彭水苗族土家族自治县), a form no other pattern finds
_AUTONOMOUS = rf"[{CJK}]{{2,3}}(?:[{CJK}]{{1,3}}族)+自治[县州旗]"
_BARE_GOV = re.compile(rf"(?:(?<![{CJK}])|(?<=[与和同])|(?<=代表))(?![为与和同及在对向由从将把被推是赴到])"
                       rf"((?:(?:(?:{_PROVINCE.pattern})省)?[{CJK}]{{2,3}}市(?=[{CJK}]{{2,}}?[县区]))?"  # 河北省沧州市…县, 安康市平利县: one name
                       rf"(?:{_AUTONOMOUS}|[{CJK}]{{2,3}}(?:{_DISTRICT_END}"
                       rf"|(?<![城超都上门夜股集])市|(?<![{CJK}]{{3}})省)))"
                       rf"(?=(?:即|也|还|又)?(?:与|和|携手)|签署|签订|签约|建立|开展|将|召开|就(?!业)|合作(?!伙伴|社)|[{CJK}]{{0,3}}?(?:长|书记)[{CJK}]{{2,3}}(?:签署|签订|签约)"
                       rf"|[{CJK}]{{0,3}}?(?:长|书记)[{CJK}]{{2,3}}[，,][^。；;]{{0,16}}?(?:长|书记)[{CJK}]{{2,3}}(?:一行|等)?(?:到|赴|来到|前往)[^，,。；;]{{2,16}}?(?:走访|调研|考察|座谈)"
                       rf"|\s*[{CJK}]{{0,3}}?(?:长|书记)[{CJK}]{{2,3}}(?:一行|等)?(?:先后)?(?:到访|来访|走访|调研|考察|莅临|来到|赴|前往|率|带队|带领)"
                       rf"|[{CJK}]{{2,3}}一行(?:先后)?(?:到访|来访|走访|调研|考察|莅临|来到|赴|前往)"  # 衡山县颜文佳一行先后考察
                       r"|来(?:我?校|院)(?=[\u4e00-\u9fff])"
                       r"|(?:代表团|考察团|调研组)(?:一行)?(?:来|到|赴|莅临|考察|调研)"  # 张家港市代表团来校考察
                       rf"|[{CJK}]{{0,8}}?(?:对接|交流|洽谈)[{CJK}]{{0,4}}会)")  # 安庆师范大学—宿松县政产学研对接交流会: a side
# (…, or whose head visits or leads a delegation: "海港区委书记张士兆先后走访A", two heads "南开区委书记X，区长Y到A走访服务", "天衢新区党工委书记祁小青一行到访A",
# "甲区委副书记张三率…来校"; or that comes to the school of the page: "湾沚区来校推进校地合作")
# a zone's own page naming it bare as a party ("经开区分别与A、B签订…"; not 高新区, the dataset's ambiguous short name)
_BARE_ZONE = re.compile(rf"(?<![{CJK}])(经开区|开发区)(?=分别|与|和|携手|签署|签订)")
# a district, county or city outside the dataset that a delegation goes to (带队到安化县学习交流)
_VISITED_COUNTY = re.compile(rf"(?<=[到赴来往])(?!周边|各|相关|全|本|该|我)(?:[{CJK}]{{2,3}}市(?=[{CJK}]{{2,3}}[县区]))?"
                             rf"([{CJK}]{{2,3}}(?:{_DISTRICT_END}|(?<![城超都上门夜股集])市(?![{CJK}]{{2,3}}[县区]|[(（])))"
                             rf"(?!调研组|考察团|调研团)(?=[{CJK}]{{0,4}}?(?:学习|考察|调研|交流|参观|开展|指导))")
# (前往内江市进行走访调研: a city too, but not one before the county visited: 赴三明市清流县 is 清流县, 临沂市(费县);
# nor the team named after where it went: 赴临沂市调研组)
# provinces and province-level cities, written without 省 / 市
# a city or county named alone as the partner of a meeting or signing ("A与天津市在天津举行科技合作会谈")
_WITH_GOV = re.compile(rf"(?:(?<=与)|(?<=携手))((?:{_PROVINCE.pattern})?[{CJK}]{{2,3}}(?:{_DISTRICT_END}|(?<![城超都上门夜股集])市|省))"
                       r"(?=在|举行|举办|进行|开展|召开|共同|座谈|会谈|共建|合作共建|合作建设)")  # (与甘肃白银市共建的…)
_PLACE_NAME = rf"[{CJK}]{{2,3}}(?:{_DISTRICT_END}|(?<![城超都上门夜股集])市)"
_WITH_GOV_LIST = re.compile(rf"(?<=与)((?:{_PLACE_NAME}、)+{_PLACE_NAME})(?=合作建设|合作共建|共同|共建|签署|签订)"
                            rf"|(?<=包括)((?:{_PLACE_NAME}、)+{_PLACE_NAME})(?=在内的)"  # (包括朝阳市、铁岭市…在内的5个城市)
                            rf"|(?<=[到赴往])(?:[{CJK}]{{2,3}}市(?=[{CJK}]{{2,3}}[县区]))?((?:{_PLACE_NAME}[、和及])+{_PLACE_NAME})"
                            rf"(?:等地)?(?=[，,]?[{CJK}]{{0,6}}?(?:学习|考察|调研|交流|参观|开展|走访))")
# (… or visited in turn: "赴六安市舒城县、金寨县和叶集区等地，走访…", each county, not the city they are in)
# (places listed after 与 that build or sign together: "与古田县、宁德市合作建设…分院")
_LEGAL_END = re.compile(r"(?:控股)?(?:股份有限公司|有限责任公司|有限公司|集团有限公司|集团)$")  # (中通客车控股有限公司 → 中通客车)
_TRADES = "新材料|新能源|科技|技术|电子|医药|汽车|材料|智能|信息|网络|实业|发展|工业|制造|生物|化工"  # what firms' names end with
_TRADE_END = re.compile(f"(?:{_TRADES})$")
_PLACE_HEAD = re.compile(rf"^(?:[{CJK}]{{2}}省|重庆市?|四川|贵州|云南|陕西|湖北|湖南|北京|上海|天津|广东|浙江|江苏|[{CJK}]{{2}}市|"
                         r"德国|美国|日本|英国|法国|韩国|瑞士|意大利|荷兰|瑞典|新加坡|香港|台湾)")
_FIRM_PLACE = re.compile(rf"^(?:[{CJK}]{{2}}省|[{CJK}]{{2}}市|{_PROVINCE.pattern})")  # 河南神玖天航新材料 → 神玖天航新材料
# what a company's name says it does, after its four-character brand (中炬高新|技术实业, 魏德米勒|电联结)
_TRADE_START = re.compile(r"新能源|技术|科技|实业|工程|电|信息|新材料|材料|化工|化学|机械|汽车|医药|生物|环保|能源|建设|建筑|"
                          r"发展|控股|投资|智能|网络|数字|光电|照明|检测|制造|工业|装备|设计|文化|农业|食品|物流|贸易|软件|通信|"
                          r"交通|运输|航空|船舶|钢铁|纺织|建材|数据|产业")


_VENUE_BEFORE = re.compile(r"(?:在|于|设在|位于)$")
_HELD_THERE = re.compile(r"(?:隆重|顺利|成功)?(?:举行|召开|举办)")
_ROOM_AFTER = re.compile(rf"[{CJK}]{{0,6}}?(?:会议室|报告厅|多功能厅|礼堂|会堂|校区|大楼|展厅|基地(?=与|和|同|举行|召开|进行))")
_TITLE_INSIDE = re.compile(r"(?:主任|书记|处长|局长|部长|校长|董事长|总经理|总监|总工程师)(?=[\u4e00-\u9fff]{2})")
_TOURED = re.compile(r"参观了?((?:[^，,。；;、]{2,16}[、和及])+[^，,。；;、]{2,16})")
_FACILITY = re.compile(r"(?:车间|展厅|生产线|产线|厂房|试验场|试车场)$")


def _without_toured_labs(clean: str, found: list[Mention]) -> list[Mention]:
    """Labs a list of things toured names beside a workshop or a showroom ("参观了转鼓实验室、三电实验室
    和试制车间") are a firm's rooms, not bodies; a lab with a rank or a parent (…国家重点实验室) stays."""
    rooms = [t.span(1) for t in _TOURED.finditer(clean)
             if any(_FACILITY.search(part) for part in re.split("[、和及]", t.group(1)))]
    return [m for m in found if not (m.id is None and m.name.endswith("实验室") and len(m.name) <= 8
                                     and not re.search("国家|省|重点|联合|工程", m.name)
                                     and any(a <= m.start < b for a, b in rooms))]


def _suffix_names(text: str, found: list[Mention], lex: Lexicons) -> list[Mention]:
    """A name found by its form that ends with another name found in the item, after three or more
    characters of clause words the breaks missed ("优先筛选同济大学重庆研究院" beside
    "同济大学重庆研究院"), or after one function character ("自长江大学…落户" beside "长江大学"), is
    that name; a place before it (璧山高新区管委会) stays."""
    names = sorted({m.name for m in found if len(m.name) >= 4}, key=len, reverse=True)
    out = []
    for m in found:
        tail = next((n for n in names if m.id is None and n != m.name and m.name.endswith(n)
                     and (len(m.name) - len(n) >= 3 and len(n) >= 6 and any(o.name == n and o.start < m.start for o in found)
                          or m.name[:-len(n)] in _FUNCTION_CHARS)  # (吉利新能源商用车研究院 … 商用车研究院: a short form later)
                     and not re.fullmatch(rf"[{CJK}]{{1,4}}[省市区县]", m.name[:-len(n)])
                     and not lex.name_form.fullmatch(m.name[:-len(n)])), None)  # 某某大学|国家大学科技园: its own
        if tail is not None and not any(o.name == tail and o.start == m.end - len(tail) for o in found):
            s = m.end - len(tail)
            m = Mention(text[s:m.end], s, m.end, None, None, m.type, m.alias_of)
        longer = next((o for o in out if m.id is None and m.alias_of is None and len(m.name) >= 5 and o.id is None
                       and o.name != m.name and o.name.endswith(m.name) and o.end <= m.start
                       and m.name.endswith(_UNIT_END)), None)
        if longer is not None:  # "赴吉利新能源商用车研究院调研，与商用车研究院领导交流": the body named before, shorter
            m = replace(m, alias_of=longer.alias_of or longer.name)
        out.append(m)
    return out


def _listed_firms(text: str, clean: str, found: list[Mention], lex: Lexicons) -> list[Mention]:
    """Items of a list that ends "等15家企业" are enterprises even without a name form
    (初链科技、拓维信息、蓝卓数字科技等15家企业)."""
    out = list(found)
    for lst in _FIRM_LIST.finditer(clean):
        g = lst.lastindex  # the list before 等 or before its count
        parts = [(lst.start(g) + p.start(), p.group(0)) for p in re.finditer("[^、]+", lst.group(g))]
        tail = re.search(rf"(?<=[{CJK}])[和及](?=[{CJK}]{{2}})", parts[-1][1]) if len(parts) > 1 or lst.lastgroup == "two" else None
        if tail:  # "…、明源纺织和海特尔机械等": the last two items
            at, last_part = parts.pop()
            parts += [(at, last_part[:tail.start()]), (at + tail.end(), last_part[tail.end():])]
        for i, (start, part) in enumerate(parts):
            name = part
            # "活动吸引了初链科技": the name after the clause words, which only the first item has (…、同大机械等)
            last = _BREAK.split(name)[-1] if i == 0 else name
            lead = _LIST_LEAD.match(last) if i == 0 else None
            if lead and len(last) - lead.end() >= 2:
                last = last[lead.end():]  # "对接服务科瑞德、泸天化等420家重点企业": what they serve
            place = _LIST_PLACE.match(last) if i == 0 and (len(parts) > 1 or lst.lastgroup == "one") else None
            if place and len(last) - place.end() >= 4:
                last = last[place.end():]  # "东台市安航船舶、伟龙意程…": the city is where all of them are
            if re.search(r"[0-9０-９]$", name[:len(name) - len(last)]) or last in lex.generic_names:
                continue  # "兰州大学等48家高校": a count of bodies, not one
            name = _guarded(last, lex) if len(last) >= 4 else (last if len(last) >= 2 else None)
            if not name or not re.fullmatch(rf"[A-Za-z0-9{CJK}()]+", name):
                continue
            s = start + len(part) - len(name)
            if not any(m.start < s + len(name) and m.end > s for m in out):
                out.append(Mention(text[s:s + len(name)], s, s + len(name), None, None, "enterprise"))
    return out


_LIST_LEAD = re.compile(r"服务于?|覆盖|涵盖|带动|联系|帮扶")  # verbs before a list of firms
_COUNTED_AFTER = re.compile(r"\s*[0-9０-９]+[多余]?[家个所座](?=[，,。；;、]|$)")  # (not "A、B2个科研院所": the list counted)
_PARK_THEN_FIRM = re.compile(rf"([{CJK}]{{2,8}}(?:科创中心|科技园|产业园|创业园|孵化园|科创园|创新港))[{CJK}()]{{4,}}(?:有限公司|有限责任公司)$")
_HEADS_LEAD = re.compile(r"(?:由|经|在)?(?:学校|我校|本校|该校|学院|我院)?")
_LIST_PLACE = re.compile(rf"[{CJK}]{{2,3}}[市县区](?=[{CJK}]{{4}})")
_HEADS_LIST = re.compile(rf"(?:(?<![{CJK}])|(?<=以及)|(?<=率))((?:[{CJK}]{{2,10}}、){{2,}}[{CJK}]{{2,10}}?)(?:等(?:相关|有关)?(?:处室|部门|单位)"
                         rf"(?:及[^，。；、]{{0,12}}?)?|等)?(?:的)?(?:主要|相关|有关)?(?:负责同志|负责人)")
_GENERAL = re.compile("相关|有关|下属|所属")  # "…相关高校": bodies in general
# "在蓉知名高校、大院大所、重大科研项目、…金融界的相关负责人": kinds of body, not bodies
_BODY_TYPES = re.compile(r"(?:高校|院所|大所|项目|机构|产业|界|部门|企业|单位|行业)$|来自")
_NOT_BODY = re.compile(r"书记|院长|校长|主任|部长|经理|董事|主席|处长|局长|代表|专家|教授|老师|学生|领导|干部|成员")


_FIRM_BY_HEAD = re.compile(rf"(?:(?<![{CJK}])|(?<=[有及和与、]))([{CJK}]{{4,10}}?(?:{_TRADES}))"
                           r"(?=董事长|总经理|副总经理|总裁|创始人|首席)"
                           rf"|(?<![{CJK}])([{CJK}]{{2}}(?:{_TRADES}|气体))(?=董事长|总经理|副总经理|总裁|首席)"  # 昊华气体首席技术官X
                           rf"|(?<=与)([{CJK}]{{2,4}}(?:{_TRADES}))(?=的(?:合作|交流|联系)|合作|签)"  # 加强与天原化工的合作
                           rf"|(?:(?<=来到)|(?<=走进)|(?<=走访))((?:(?!进行|开展)[{CJK}]){{2,4}}(?:机械|科技|电子|医药|制药|化工|实业))"
                           r"(?=参观|调研|考察|交流|访谈|、[^，,。；;]{2,12}(?:集团|公司))")  # (走访积成电子、小鸭集团: a list a named firm ends)
# (…, or the firm a team goes to see: "一行人来到东林机械参观访谈")
# firms a signing lists by their trade names, two or more ("分别与中天电气、亚奥机械、万威电气签署")
_TRADE_LIST = re.compile(rf"(?<=与)((?:[{CJK}]{{2,4}}(?:{_TRADES}|电气|机械|电器|装备|股份|药业|重工|光电)、)+"
                         rf"[{CJK}]{{2,4}}(?:{_TRADES}|电气|机械|电器|装备|股份|药业|重工|光电))(?=签|合作|的合作)")
# a bare name that opens a sentence (after its date) and signs with a named body: "近日，时代新材与A、B…共同签署…"
_SIGNS_FIRST = re.compile(rf"(?:^|[。！？；;]\s*)(?:(?:近日|日前|目前|今天|昨天|[0-9０-９]+月[0-9０-９]+日[上下]?午?)[，,]\s*)?"
                          rf"([{CJK}]{{4,6}})(?=与[^，,。；;]{{2,60}}?(?:签署|签订|签约))")  # (not 2-3: a person)
_PLACE_NAMED = re.compile(rf"[{CJK}]{{1,4}}[省市区县]|(?:{_PROVINCE.pattern})")


def _firms_by_head(text: str, clean: str, found: list[Mention], lex: Lexicons) -> list[Mention]:
    """A firm named bare before its head's title, its name ending in a trade ("随行的还有重庆全领医药
    董事长李卓"), as the partner of a cooperation ("加强与天原化工的合作关系"), or as what a team goes
    to see ("来到东林机械参观"): an enterprise, though it has no legal form. And a bare name that
    opens a sentence and signs with a named body ("近日，时代新材与A…签署"): an organisation of a
    kind the text does not say."""
    out = []
    for m in _SIGNS_FIRST.finditer(clean):  # "近日，时代新材与A、B…共同签署…": the bare name that signs first
        s, e = m.span(1)
        name = clean[s:e]
        if (any(f.start == e + 1 for f in found) and not any(f.start < e and f.end > s for f in found)
                and _guarded(name, lex) == name  # (not a type of body, a count, a clause word before a name)
                and not _BODY_TYPES.search(name) and not _PLACE_NAMED.fullmatch(name)):  # (区内单位, 重庆市)
            out.append(Mention(text[s:e], s, e, None, None, "other"))
    for m in _TRADE_LIST.finditer(clean):  # "分别与中天电气、亚奥机械、万威电气签署": each firm
        at = m.start(1)
        for part in m.group(1).split("、"):
            s, e = at, at + len(part)
            at = e + 1
            if _guarded(part, lex) == part and not any(f.start < e and f.end > s for f in found + out):
                out.append(Mention(text[s:e], s, e, None, None, "enterprise"))
    for m in _FIRM_BY_HEAD.finditer(clean):
        s, e = m.span(m.lastindex)
        name = _guarded(_BREAK.split(clean[s:e])[-1], lex)  # "还有重庆全领医药": without the clause words
        if name is None:
            continue
        s = e - len(name)
        if not any(f.start < e and f.end > s for f in found + out):
            out.append(Mention(text[s:e], s, e, None, None, "enterprise"))
    return out


def _listed_heads(text: str, clean: str, found: list[Mention], lex: Lexicons) -> list[Mention]:
    """Three or more bodies whose heads attend, named bare ("中金岭南、风华高科、国星光电主要负责同志"):
    each is an organisation though it has no name form; not when an item is a title or a type of body."""
    out = list(found)
    for lst in _HEADS_LIST.finditer(clean):
        parts, pos, new = lst.group(1).split("、"), lst.start(1), []
        lead = _HEADS_LEAD.match(parts[0])
        if lead.end() and len(parts[0]) - lead.end() >= 2:  # "由学校合作发展处、科研处…负责人": the office
            parts[0], pos = parts[0][lead.end():], pos + lead.end()
        if any(_NOT_BODY.search(p) or p in lex.generic_names or _COUNT.match(p) or _GENERAL.search(p)
               or p.startswith(lex.generic_prefixes) or _BODY_TYPES.search(p) for p in parts):
            continue  # "…相关高校、科研院所、企业有关负责人": types of body, not bodies
        for part in parts:
            s, e = pos, pos + len(part)
            inside = [m for m in out if m.start == s and m.end < e and m.id is None and e - m.end <= 3
                      and not re.search("[和与及]", clean[m.end:e])]
            if inside:  # "甲乙县政府办": the government's office, not the government
                out = [m for m in out if m not in inside]
            if not any(m.start < e and m.end > s for m in out):
                new.append(Mention(text[s:e], s, e, None, None, "other"))
            pos += len(part) + 1
        out += new
    return out


_PLACE_BUREAU = re.compile(
    rf"(?:(?<![{CJK}0-9０-９])|(?<=[由与和同及为向在赴到对据经从以]))"  # (not "3家新建市级…工作站": a count)
    rf"(?![由与和同及为向在赴到对据经从该本我此以])((?:[{CJK}]{{2,3}}省|重庆市|[{CJK}]{{2,3}}市(?:[{CJK}]{{1,4}}{_DISTRICT_END})?|[{CJK}]{{1,4}}{_DISTRICT_END})"
    rf"[{CJK}]{{2,8}}?(?:和[{CJK}]{{1,6}}?)?(?:(?<![格布大全结开当变展餐客厅会议报告士])[局厅](?![面势限])|(?<=工作)站))")  # (not 新局面)


def _place_bureaus(clean: str, text: str, found: list[Mention]) -> list[Mention]:
    """`found` with, added, a bureau named with its place (重庆市人力社保局, 四川省人力社保厅, 自贡市沿滩区科技和经信局, 万州区土肥
    工作站): a government body, though its ending (局, 厅, 工作站) alone is no name form (布局, 展厅,
    博士后工作站)."""
    out = []
    for m in _PLACE_BUREAU.finditer(clean):
        s, e = m.span(1)
        inner = [f for f in found if s < f.start and f.end == e and f.id is None and f.name.endswith("局")]
        if inner and "和" in clean[s:inner[0].start]:  # "广元市科技和知识产权局局长": the whole bureau, not 知识产权局
            found = [f for f in found if f is not inner[0]]
        if (not any(f.start < e and f.end > s for f in found + out if f.label != "District" or f.name.endswith("政府"))
                and not _BREAK.search(clean[s:e].replace("和", "")) and not re.search("相关|有关", clean[s:e])):
            out.append(Mention(text[s:e], s, e, None, None, "government"))
    return found + out


_ACADEMIES = ("农科院", "科学院", "中科院", "农业科学院", "林科院", "社科院")
_CREDIT_OFFICE = re.compile(rf"(?:来源|供稿|稿件来源)\s*[:：]\s*([{CJK}]{{2,6}}(?:办|处|部|室|科))(?=\s|$)")
_ONE_OF_A_KIND = re.compile(r"一[个所家座](?:[^，,。；;、]{0,12}的)?$")  # "作为一所以骨科为特色的三级甲等综合性医院": a kind
_PROVINCE_INSIDE = re.compile(rf"(?<=[区县市])(?:{_PROVINCE.pattern})省")
_FIRM_DEPT = re.compile(rf"[{CJK}]{{2,6}}?部(?=副?(?:部长|总经理|经理|主任))")  # …有限公司人力行政部总经理
_HEADED_OFFICE = re.compile(rf"[{CJK}]{{2,6}}?处(?=副?处长)")  # …大学就业处处长
_ACADEMY_INSTITUTE = re.compile(rf"[{CJK}]{{1,6}}?所(?![有以属在得谓])")  # 省农科院工程所
_MADE_INSIDE = re.compile("(?:新建|组建|筹建)(?=[^()]+$)")
_PLACE_TWICE = re.compile(rf"([{CJK}]{{2}})\1[省市]")
_PROVINCE_PARKS = re.compile(rf"[{CJK}]{{2,3}}省(?:工业园区|产业园区|开发区|高新区|园区)")
_EACH_INSTITUTE = re.compile("各(?:研究所|研究院|院所|所)$")
_ORDINAL = re.compile(r"第[一二三四五六七八九十百0-9０-９]+[批届期]")
_TEAM_ENDS = ("服务团", "服务队", "帮扶团")  # teams a text names in full, then by their last words
_STEM_OF = re.compile(rf"(?:[{CJK}]{{2,3}}[省市])?([{CJK}]{{2}})[市县](?:人民政府|政府)?")
_STEM_BEFORE = re.compile(rf"(?:^|(?<![{CJK}])|(?<=[与和同、]))$")
_STEM_AFTER = re.compile(r"与|和|同|深化|签署|签订|合作|共建")
_TAIL_OF = re.compile(rf"(?:{'|'.join(_ACADEMIES)})([{CJK}]{{2,8}}所)$")
_TAIL_BEFORE = re.compile(rf"(?:^|(?<![{CJK}])|(?<=[与和同对由向为是将把被、]))$")


_FIRM_HEAD_AFTER = re.compile("董事长|总经理|副总经理|总裁|公司")


def titled_brands(text: str, named: list[Mention]) -> dict[str, Mention]:
    """A firm the text names in full, written later by three or four characters of its name before its
    head's title or 公司 ("思哲睿董事长杜志江", "思哲睿公司" for 哈尔滨思哲睿智能医疗设备股份有限公司): short → firm."""
    firms = [m for m in named if m.type == "enterprise" and m.id is None and m.alias_of is None and len(m.name) >= 8]
    out: dict[str, Mention] = {}
    for t in _FIRM_HEAD_AFTER.finditer(text) if firms else ():
        for n in (4, 3):
            short = text[t.start() - n:t.start()]
            if (t.start() < n or not re.fullmatch(rf"[{CJK}]+", short) or _NOT_BRANDS.search(short)
                    or any(f.start <= t.start() - n < f.end for f in named)):
                continue
            owners = [f for f in firms if short in f.name and not f.name.startswith(short)]
            if len({f.name for f in owners}) == 1:
                out.setdefault(short, owners[0].at())
                break
    return out


_NOT_BRANDS = re.compile("有限|股份|集团|科技|技术|智能|医疗|设备|实业|控股|发展|责任|分|总")  # words of any firm's name


def stems_and_tails(named: list[Mention]) -> list[tuple[str, Mention, bool | None]]:
    """Short forms a text may use for bodies it names in full (`named`: the whole text's names): a
    city's or county's two-character stem (岳西 for 岳西县, 安康 for 安康市人民政府) and an academy's
    institute by its own name (农业工程所, 工程所 for 省农科院农业工程所). Each as (short, the body,
    whether it is a stem, which counts only where it acts; None for a team's full name, whose own last
    words the item may write)."""
    out: dict[str, tuple[str, Mention, bool | None]] = {}
    for m in named:
        if m.id is not None or m.start < 0:
            continue
        stem = _STEM_OF.fullmatch(m.name) if m.type == "government" else None
        if stem:
            out.setdefault(stem.group(1), (stem.group(1), m.at(), True))
        tail = _TAIL_OF.search(m.name) if m.type == "platform" else None
        if tail:
            shorts = {tail.group(1), tail.group(1)[-3:]}
            if tail.group(1).endswith("研究所") and len(tail.group(1)) >= 6:
                shorts = {tail.group(1), tail.group(1)[:-3] + "所"}  # 省科学院健康医学研究所 → 健康医学所
            for short in shorts:
                out.setdefault(short, (short, m.at(), False))
        if len(m.name) >= 9 and m.name.endswith(_TEAM_ENDS):
            out.setdefault(m.name, (m.name, m.at(), None))  # its own tails, later (…科技特派员服务团 → 特派员服务团)
    return list(out.values())


def add_short_forms(text: str, found: list[Mention], shorts: list[tuple[str, Mention, bool | None]]) -> list[Mention]:
    """`found` with the short forms of `stems_and_tails` where this item writes them as words: a stem
    where it acts ("岳西与省农科院工程所签订…", "中国农科院与安康深化…"), an institute's own name anywhere
    but before 长 (工程所长: a title)."""
    clean = _clean(text)
    fulls = [(short, body) for short, body, stem in shorts if stem is None]
    out = [next((replace(m, alias_of=body.alias_of or body.name) for full, body in fulls
                 if m.id is None and m.alias_of is None and len(m.name) >= 5 and full != m.name and full.endswith(m.name)), m)
           for m in found]
    shorts = [x for x in shorts if x[2] is not None]
    for short, body, stem in sorted(shorts, key=lambda x: -len(x[0])):
        for x in re.finditer(re.escape(short), clean):
            at, e = x.start(), x.end()
            if any(m.start < e and m.end > at for m in out) or any(m.name == short and m.id is not None for m in out):
                continue
            if (_STEM_BEFORE.search(clean, 0, at) and _STEM_AFTER.match(clean, e) if stem
                    else _TAIL_BEFORE.search(clean, 0, at) and not clean.startswith("长", e)):
                out.append(Mention(text[at:e], at, e, None, None, body.type, body.alias_of or body.name))
    return sorted(out, key=lambda m: (m.start, -m.end))


_COLLEGE_LIST = re.compile(rf"(?:(?<![{CJK}])|(?<=组织)|(?<=[与和同及对由]))((?:[{CJK}]{{2,8}}(?:、|及|和))+[{CJK}]{{2,8}})"
                           r"等(?:[0-9０-９一二三四五六七八九十多余]+所)?(?:高校|院校|高校院所|科研院所)"
                           r"(?!资源|集聚|聚集|密集|云集|地区|城市)")  # not "上海、南京等高校资源集聚地区": places


def _listed_colleges(text: str, clean: str, found: list[Mention], lex: Lexicons) -> list[Mention]:
    """Items of a list that ends "等高校" / "等科研院所" are universities or institutes even when named by
    a short form no dataset holds (组织浙师大及金职院等高校院所专家…)."""
    out = list(found)
    for lst in _COLLEGE_LIST.finditer(clean):
        pos = lst.start(1)
        for part in re.split("(、|及|和)", lst.group(1)):
            if part in ("、", "及", "和"):
                pos += 1
                continue
            s, e = pos, pos + len(part)
            pos = e
            if part in lex.generic_names or _BREAK.search(part) or any(m.start < e and m.end > s for m in out):
                continue
            out.append(Mention(text[s:e], s, e, None, None, "university" if part.endswith(("大", "大学", "院", "学院")) else "platform"))
    return out


def _outer_governments(clean: str, text: str, found: list[Mention]) -> list[Mention]:
    """A city or county outside the dataset, named with its province after 与 / 和 (与浙江省永康市举行…),
    or a district or county named alone as a party to a signing (游仙区与西南大学…, 与蔡甸区签署):
    its government is the party."""
    out: list[Mention] = []
    spans = [m.span(1) for m in [*_OUTER_GOV.finditer(clean), *_BARE_GOV.finditer(clean), *_WITH_GOV.finditer(clean),
                                 *_BARE_ZONE.finditer(clean), *_VISITED_COUNTY.finditer(clean)]]
    for m in _WITH_GOV_LIST.finditer(clean):  # "与古田县、宁德市合作建设…": each place of the list
        at = m.start(m.lastindex)
        for part in re.split("[、和及]", m.group(m.lastindex)):
            spans.append((at, at + len(part)))
            at += len(part) + 1
    for s, e in spans:
        if not any(f.start < e and f.end > s for f in found + out):  # 游仙区: 游仙区人民政府
            # (河北省沧州市孟村回族自治县: the county's government, named as the county alone names it)
            place = re.sub(rf"^(?:{_PROVINCE.pattern})省[{CJK}]{{2,3}}市(?=[{CJK}]{{2}})", "", clean[s:e])
            full = None if place.endswith(("经开区", "开发区")) else place + "人民政府"
            out.append(Mention(text[s:e], s, e, None, None, "government", full))
    return out


def early_short_forms(named: list[Mention], text: str) -> dict[str, Mention]:
    """The short forms of bodies a whole text names in full (see `_short_forms`), for the items
    before the full name too: a headline often calls a firm by its place and brand (厦门海辰) that a
    later paragraph names in full."""
    shorts: dict[str, Mention] = {}
    _short_forms([m for m in named if m.type == "enterprise"], [], shorts, text)
    return shorts


def _short_forms(found: list[Mention], known: list[Mention], aliases: dict[str, Mention], text: str = "") -> None:
    """Short forms a later paragraph may use for a body named in full, added to the text's aliases:
    a company without its place, trade and legal form (四川宜宾鲍莉新材料有限公司 → 宜宾鲍莉), its
    four-character brand where a trade follows (中炬高新技术实业(集团)股份有限公司 → 中炬高新), and a
    unit named after its body (重庆电子科技职业大学电子与物联网学院 → 电子与物联网学院); any other body
    without its place (中山市德成技工学校 → 德成技工学校)."""
    for m in found:
        if m.id is not None or m.alias_of is not None:
            continue
        core = _LEGAL_END.sub("", m.name)
        placeless = _PLACE_HEAD.sub("", m.name)
        if core == m.name and len(placeless) >= 4 and placeless != m.name:
            aliases.setdefault(placeless, m)  # 中山市德成技工学校 → 德成技工学校
        if core != m.name:
            for short in (core, _FIRM_PLACE.sub("", core)):  # 重庆国际复合材料, (河南)神玖天航新材料: without the legal form
                if len(short) >= 4 and "(" not in short:
                    aliases.setdefault(short, m)
            core = _TRADE_END.sub("", re.sub(r"\([^()]*\)", "", core))  # …实业(集团)股份…, …电联结(上海)有限…
            bare = _PLACE_HEAD.sub("", core)
            brand = (bare[:4] if len(bare) > 4 and _TRADE_START.match(bare, 4) and not _TRADE_START.search(bare[:4])
                     and not bare.startswith(("中国", "国家", "中华")) else core)  # not 交通运输, 中国交通
            # its first two characters with a trade its name holds (重庆达望曲轴机械制造有限公司 → 达望机械)
            pairs = {bare[:2] + t.group(0) for t in _TRADE_START.finditer(bare, 2) if len(t.group(0)) == 2} \
                if len(bare) >= 5 and brand != core and not _TRADE_START.search(bare[:2]) else set()
            city = re.match(rf"([{CJK}]{{2}})市(?=[{CJK}]{{4}})", core)  # 深圳市光华伟业 → 深圳光华伟业: the city without 市
            for short in {core, bare, brand, city.group(1) + core[city.end():] if city else core} | pairs:
                if len(short) >= 4 and short != m.name:
                    aliases.setdefault(short, m)
        usual = _UNIVERSITY_ABBREVIATED.fullmatch(m.name) if m.type == "university" else None
        if usual:  # 湖南农业大学 → 湖南农大, 贵州师范大学 → 贵师大: the usual short forms of a university's kind
            place, kind = usual.groups()
            for short in (place + _UNIVERSITY_KINDS[kind], place[0] + _UNIVERSITY_KINDS[kind]):
                aliases.setdefault(short, m)
        tail = next((t for t in _BACK_REFERENCE if m.name.endswith(t) and len(m.name) > len(t) + 1
                     and not (m.start >= 0 and built_here(text, m.start))), None)
        if tail is not None:  # "…与研究院签约" after 西南大学广东研究院: that institute, if the text's only one not being built
            aliases[tail] = m if aliases.get(tail) in (None, m) or same_body(aliases[tail], m) else _AMBIGUOUS
        parent = next((k for k in known if k.start == m.start and k.end < m.end and k.id is not None), None)
        if parent is not None and len(m.name) - len(parent.name) >= 4 and m.name.endswith(_UNIT_END):
            aliases.setdefault(m.name[len(parent.name):], m)
        elif parent is None and (own := _OWN_UNIT.fullmatch(m.name)):  # 中国药科大学重庆研究院 → 重庆研究院
            aliases.setdefault(own.group(2), m)


# universities by their kind's usual short form, after a two-character place (湖南农大, 贵师大)
_UNIVERSITY_KINDS = {"农业": "农大", "师范": "师大", "工业": "工大", "科技": "科大", "理工": "理工大", "医科": "医大",
                     "财经": "财大", "交通": "交大", "林业": "林大"}
_UNIVERSITY_ABBREVIATED = re.compile(rf"([{CJK}]{{2}})({'|'.join(_UNIVERSITY_KINDS)})大学")
# a university outside the dataset with a unit after it, by their forms
_OWN_UNIT = re.compile(rf"([{CJK}]{{2,10}}?大学)([{CJK}]{{2,16}}(?:研究院|研究所|学院|中心|实验室))")
BUILT_BEFORE = re.compile(r"(?:共建|组建|筹建|新建|建设|建立|成立|设立|打造|揭牌|创设|建有|下设|设有)了?的?[“\"《]?$")


def built_here(text: str, start: int) -> bool:
    """A name at `start` is what the words before it build (共建A学院, 新建的“A”)."""
    return BUILT_BEFORE.search(text, max(0, start - 8), start) is not None


# generic words a news text uses for a body it has named in full (研究院 for 西南大学广东研究院)
_BACK_REFERENCE = ("研究院", "研究所", "研究中心")
_AMBIGUOUS = Mention("", -1, -1, None, None, "other")  # a generic word two bodies of the text could mean
_AFTER_WORD = re.compile(r"[与和及同在向对为由该本其从到赴给把被、，。；：“”\"\s]$")
_COMPOUND = re.compile(r"(?:经济|模式|集群|体系|园区|[型类群式])")


def _stands_alone(text: str, start: int, end: int) -> bool:
    """A generic word (研究院) is a body only as a word of its own: after a function word or a
    break, not the tail of a longer name (产业技术研究院) nor the head of a compound (研究院经济)."""
    before = start == 0 or not ("\u4e00" <= text[start - 1] <= "\u9fff") or _AFTER_WORD.search(text, start - 1, start)
    return bool(before) and _COMPOUND.match(text, end) is None
def defined_aliases(text: str, index: NameIndex, lex: Lexicons, hits: list[Hit] | None = None) -> dict[str, Mention]:
    """The short names a whole text defines (…有限公司（以下简称“X”）), for the items before the
    definition too: a headline often uses the short name a later paragraph defines."""
    if _DEFINES.search(text) is None:
        return {}
    whole: dict[str, Mention] = {}
    find_organisations(text, index, lex, whole, hits)
    defined = {d.group(1) or d.group(2) for d in _DEFINES.finditer(text)}
    return {k: v for k, v in whole.items() if k in defined}


_BRACKETED_SHORT = re.compile(rf"\s*[(（]([{CJK}]{{2,8}})[)）]")


def _abbreviates(short: str, full: str) -> bool:
    """`short` is `full` abbreviated: shorter, its first character, the rest in order (中汽中心 for
    中国汽车技术研究中心)."""
    rest = iter(full[1:])
    return len(short) < len(full) and short[0] == full[0] and all(c in rest for c in short[1:])


_ABBREVIATED_END = ("院", "所")
_WORD_BEFORE = re.compile(r"[与和及同在向对为由该本其从到赴给把被了就是、，。；：“”\"\s(（]")


def bare_abbreviations(text: str, named: list[Mention]) -> dict[str, Mention]:
    """Short forms a text uses for an institute or college it names in full without defining them: the
    full name's first and last characters and some of those between, in order (温大激光院 after
    温州大学激光与光电智能制造研究院, 大化所 after 大连化物所), written as a word of its own where no
    other name is found. A string another name form finds (重庆工程学院) is that body, not a short form."""
    shorts: dict[str, Mention] = {}
    bodies = {}
    for m in named:
        if m.start >= 0 and len(m.name) >= 5 and m.name.endswith(_ABBREVIATED_END):
            bodies.setdefault(m.name, m)
    if not bodies:
        return shorts
    taken = [(m.start, m.end) for m in named]
    for name, m in bodies.items():
        first, last = name[0], name[-1]
        at = text.find(first, m.end)
        while at >= 0:
            end = text.find(last, at + 2, at + len(name) - 1)
            while end >= 0:
                short = text[at:end + 1]
                if (_abbreviates(short, name) and re.fullmatch(rf"[{CJK}]+", short)
                        and (at == 0 or _WORD_BEFORE.match(text, at - 1) or len(short) >= 5)
                        and not any(s < at + len(short) and e > at for s, e in taken)):
                    shorts.setdefault(short, m)
                    break
                end = text.find(last, end + 1, at + len(name) - 1)
            at = text.find(first, at + 1)
    return shorts


_DEFINES = re.compile(r"\s*[(（]\s*(?:以下|下文|下)?(?:简称|称)[为:：]?\s*(?:[“\"「‘]([^”\"」’()（）]{2,12})[”\"」’]"
                      r"|([^”\"」’()（）\s]{2,12}))\s*[)）]")  # quoted, or not (以下简称西南研究院)


def _defined_aliases(text: str, found: list[Mention], aliases: dict[str, Mention]) -> list[Mention]:
    """A short name the text defines ("武汉华中数控股份有限公司（以下简称“华中数控”）") is that body
    wherever the text uses it after, here and in later items, whether or not it has a name form of
    its own (立讯集团 has, 华中数控 has not). The definition itself is not another mention."""
    for m in found:
        d = _DEFINES.match(text, m.end) or (_DEFINES.match(text, m.end + 2) if text.startswith("项目", m.end) else None)
        short = d and (d.group(1) or d.group(2))  # (…产业园项目(简称南山智园): the park's short name)
        bare = _BRACKETED_SHORT.match(text, m.end) if not short else None
        if bare and _abbreviates(bare.group(1), m.name):
            short = bare.group(1)  # "中国汽车技术研究中心(中汽中心)": its abbreviation, bracketed bare
        if short and short not in aliases:
            aliases[short] = m
    if not aliases:
        return found
    defs = [(d.start(), d.end()) for d in _DEFINES.finditer(text)]
    out = []
    for m in found:
        if any(a <= m.start < b for a, b in defs):
            continue  # inside the definition's brackets
        full = aliases.get(m.name) or (aliases.get(_LEGAL_END.sub("", m.name)) if m.id is None else None)
        if full is not None and full is not _AMBIGUOUS and full.name != m.name:  # 中炬高新集团: the 中炬高新 defined before
            m = Mention(m.name, m.start, m.end, full.id, full.label, full.type, full.alias_of or full.name)
        out.append(m)
    usable = [a for a, full in aliases.items() if full is not _AMBIGUOUS]
    if not usable:
        return sorted(out, key=lambda m: (m.start, -m.end))
    pattern = re.compile("|".join(re.escape(a) for a in sorted(usable, key=len, reverse=True)))
    for a in pattern.finditer(text):
        inside = [m for m in out if a.start() <= m.start and m.end <= a.end() and m.end - m.start < len(a.group(0))
                  and m.id is None]  # "…光电传感与生命分析…实验室" again: the whole short name, not its tail
        out = [m for m in out if m not in inside]
        if any(s <= a.start() < e for s, e in defs) or any(m.start < a.end() and m.end > a.start() for m in out):
            out += inside
            continue
        if a.group(0) in _BACK_REFERENCE and not _stands_alone(text, a.start(), a.end()):
            out += inside
            continue
        full = aliases[a.group(0)]
        out.append(Mention(a.group(0), a.start(), a.end(), full.id, full.label, full.type, full.alias_of or full.name))
    return sorted(out, key=lambda m: (m.start, -m.end))


_UNIT_END = ("学院", "研究生院", "分院", "研究院", "所", "中心", "实验室", "系", "科技园", "处", "办公室", "实验站", "试验站")
# government bodies whose names join two fields with 和 (住房和城乡建设委员会, 文化和旅游局)
_BODY_END = ("委员会", "局", "委", "厅")
_TITLED = re.compile("校长|院长|所长|局长|处长|部长|书记|主任|经理|总监|教授|院士|研究员|董事长")  # a title: no field holds one
_ROLE_END = re.compile("(?:人|员|长|们|者|家|代表)$")  # "技术负责人与…学院": a person, not a field
_NOT_FIELD_WORDS = re.compile("荣幸|非常|十分|希望|愿意|乐意|期待|能够|可以")  # "非常荣幸能与工学院进行合作": a clause
_NOT_A_FIELD = {"学校", "我校", "本校", "该校", "学院", "我院", "本院", "该院", "双方", "企业", "高校", "政府", "学生", "师生",
                "校企", "校地", "专家", "团队", "情况", "事宜", "工作", "问题", "需求", "项目"}  # (项目建设情况及…研究院组建事宜: no field)
_PLACE_START = re.compile(rf"(?:中国|国家|[{CJK}]{{2,3}}[省市])")


_FIELD_WORD = re.compile(r"(?:信息|技术|材料|科学|工程|农业|生物|化学|环境|能源|机械|医学|管理|经济)$")  # a field, not a brand


def _widened(m: Mention, text: str, clean: str, known: list[Mention], found: list[Mention] = ()) -> Mention:
    """The whole written name where a match stopped short: a district's government written with
    its city (重庆市九龙坡区人民政府), and a unit whose name joins two fields with 与
    (材料科学与工程学院, 动画与数字影视学院; the name form alone finds 数字影视学院). The part
    before 与 joins only when it stands alone (2-6 characters after punctuation or the start) and
    is not itself an organisation or a word like 学校 / 企业; a short name (兰州化物所, one the text
    defines) is whole already."""
    if m.label == "District" and m.name.endswith("政府"):
        city = re.search(rf"(?:重庆|[{CJK}]{{2}})市$", clean[max(0, m.start - 3):m.start])
        if city:
            s = m.start - len(city.group(0))
            return Mention(text[s:m.end], s, m.end, m.id, m.label, m.type)
    joined = clean[m.start - 1] if m.start > 0 else ""
    if (m.id is None and m.alias_of is None and (joined in ("与", "及") and m.name.endswith(_UNIT_END + ("集团",)) or joined == "和" and m.name.endswith(_BODY_END))
            and not _PLACE_START.match(m.name)  # "学院与重庆市…科学院": two bodies
            and not re.search("大学|学院", m.name[:-2])):  # "南山与深圳清华大学研究院": a field comes before no university
        left = _field_before(clean, m.start - 1, [k.end for k in [*known, *found] if k.type in ("university", "platform")])
        if left is not None and m.name.endswith("集团") and len(left[1]) < 4:
            left = None  # "金同元与信发集团": a person and a group, not 生命科技与新材料产业集团
        if (left is not None and left[1] not in _NOT_A_FIELD and not _ROLE_END.search(left[1])
                and not _NOT_FIELD_WORDS.search(left[1])
                and not _TITLED.search(left[1])  # "副校长张祥云与科技处处长…": a person, then an office
                and not (_PROVINCE.match(left[1]) and not m.name.endswith("集团") and not _FIELD_WORD.search(left[1]))
                # "河南神玖天航与轻院研究院": two bodies; "湖南农业信息与工程研究所": one, its fields joined
                and not re.search("(?:[省市区县系所部]|政府|委员会|局|厅|委|大学|学院|公司|集团|中心|办公室|处|车间|工厂|展厅|企业)$", left[1])
                and not (re.search("(?:科技|实业|股份|控股)$", left[1]) and not m.name.endswith("集团")
                         and not (joined == "和" and m.name.endswith(_BODY_END)))  # 科技和工业信息化局: a bureau's two fields
                # "石鼓区与…学院", "衡远科技与西南研究院": two bodies (生命科技与新材料产业集团: one)
                and not any(k.end > left[0] and k.start < m.start for k in known)):
            s = left[0]
            parent = next((k for k in [*known, *found] if k.end == s and (k.id is not None or k.name.endswith(("大学", "学院", "所")))), None)
            if parent is not None:  # "重庆电子科技职业大学电子与物联网学院", "龙岩学院物理与机电工程学院": the unit with its body
                s = parent.start
            return Mention(text[s:m.end], s, m.end, None, None, m.type)
    local = re.match(rf"(?:[{CJK}]{{1,4}}[区县]|[{CJK}]{{2,3}}市)委(?![员会])", clean[m.end:m.end + 8]) if m.name.endswith(_PARTIES) else None
    if local and m.id is None:  # 九三学社北碚区委: a democratic party's district committee
        return Mention(text[m.start:m.end + local.end()], m.start, m.end + local.end(), None, None, "other")
    institute = _SHORT_INSTITUTE.match(clean, m.end) if m.id is None and m.name.endswith("大学") else None
    if institute:  # 浙江大学山东农研院: the university's institute, by its short name
        return Mention(text[m.start:institute.end()], m.start, institute.end(), None, None, "platform")
    dept = _FIRM_DEPT.match(clean[m.end:m.end + 9]) \
        if m.id is None and m.name.endswith(("有限公司", "集团")) else None
    if dept and not _BREAK.search(dept.group(0)):  # "…(集团)有限公司人力行政部总经理罗红": the firm's department
        return Mention(text[m.start:m.end + dept.end()], m.start, m.end + dept.end(), None, None, "other")
    office = _HEADED_OFFICE.match(clean[m.end:m.end + 9]) \
        if m.id is None and m.name.endswith(("大学", "学院", "厅", "委", "局")) else None
    if office and not _BREAK.search(office.group(0)):  # 西安工业大学就业处处长, 黑龙江省科技厅创新一处处长: its office
        return Mention(text[m.start:m.end + office.end()], m.start, m.end + office.end(), None, None, "other")
    institute = _ACADEMY_INSTITUTE.match(clean[m.end:m.end + 8]) if m.name.endswith(_ACADEMIES) else None
    if (institute and not _BREAK.search(institute.group(0)) and not clean.startswith(("院士", "院所"), m.end)
            and not re.match("新建|组建|筹建|直属|各", institute.group(0))):  # (中科院新建研究所: what it made)
        return Mention(text[m.start:m.end + institute.end()], m.start, m.end + institute.end(), None, None, "platform")
        # 省农科院工程所, 省农科院农业工程所: the academy's institute, named after it
    campus = re.match(rf"\(([{CJK}]{{2,3}})\)|[{CJK}]{{2,4}}分校", clean[m.end:m.end + 6]) if m.name.endswith(("大学", "学院")) else None
    if campus and m.id is None:  # 中国地质大学（北京）, 东北大学秦皇岛分校: the campus is part of the name
        return Mention(text[m.start:m.end + campus.end()], m.start, m.end + campus.end(), None, None, m.type)
    return m


_COMPANY = re.compile(r".{2,}(?:股份有限公司|有限责任公司|有限公司|集团)")
_PARTIES = ("九三学社", "民革", "民盟", "民建", "民进", "农工党", "致公党", "台盟")  # the democratic parties


_FIELD_CUT = re.compile(r"学校|我校|本校|该校|该县|该市|该区|来自|对(?!外)|(?<!碳中)和|与|及|的|了|并|在|为|还|也|均|都|将|已|分别|研究院|研究所|大学|学院|公司|集团|中心|赴|一行|"
                        r"共建|建设|揭牌|成立|打造|组建|牵头|由|仪式|此次|本次|这次|首次|再次|同时|此外|随后|当天|日前|近日|目前|今后|"
                        r"整合|依托|围绕|结合|利用|带领|率领|走访|走进|前往|来到|参观|考察|邀请")


def _field_before(clean: str, end: int, body_ends: Iterable[int] = ()) -> tuple[int, str] | None:
    """The field name that stands before a 与 / 和 at `end` ("计算机" in "来自学校计算机与信息科学学院"):
    the Chinese characters after punctuation, cut after the last clause word, if 2-6 of them (2-8
    right after a university's name, or after a body named, at one of `body_ends`)."""
    run = re.search(rf"[{CJK}]{{1,14}}$", clean[:end])
    if run is None:
        return None
    start = max([run.start()] + [run.start() + c.end() for c in _FIELD_CUT.finditer(run.group(0))])
    body = run.group(0).rfind("大学")  # "广东工业大学电子精密制造技术与装备…实验室": the field after the university
    named = max((b for b in body_ends if start <= b <= end - 2), default=-1)  # "宁波材料所技术转移与知识产权处"
    if body >= 0 and run.start() + body + 2 >= start or named > start:
        start = max(start, run.start() + body + 2 if body >= 0 else -1, named)
        return (start, clean[start:end]) if 2 <= end - start <= 8 else None
    field = clean[start:end]
    return (start, field) if 2 <= len(field) <= 6 else None


def _bracketed(lex: Lexicons, chunk: str, start: int) -> Iterator[tuple[str, int, int, str | None]]:
    """The names the form finds in a chunk of text at `start`: (name, start, end, the body it is a
    second name of). A name followed by another in an unclosed bracket (…工程学院(现代园艺研究院)) is
    one body written two ways: both are yielded, the bracketed one as the first's second name."""
    for m in lex.name_form.finditer(chunk):
        name, s, e = m.group(1), start + m.start(1), start + m.end(1)
        cut = name.rfind("(")
        if (cut >= 4 and ")" not in name[cut:] and lex.name_form.fullmatch(name[:cut])
                and not name.endswith(("大学", "学院")) and _guarded(name[:cut], lex) == name[:cut]):
            yield name[:cut], s, s + cut, None
            yield name, s, e, name[:cut]
        else:
            yield name, s, e, None


def _generic_rest(rest: str, lex: Lexicons) -> bool:
    return rest.startswith(lex.generic_prefixes) or _COUNT.match(rest) is not None


_COUNT = re.compile(r"^(?:第?[一二两三四五六七八九十百千几多数]+[大个家所批项支类些地校市县区]|该|这|那|此|各|[0-9０-９]+)")


# an officer's title with a person's name after it, inside what the form found (not 校长办公室, 书记处)
_OFFICER_INSIDE = re.compile(rf"(?:省长|市长|区长|县长|书记|局长)(?!办公室|热线|信箱|处)[{CJK}]{{2}}")


def _guarded(name: str, lex: Lexicons) -> str | None:
    """A name found by its form, without the clause words before it; None when what is left
    is not one organisation: too short, a generic type of body, or a count ("四大…")."""
    if "(" in name and ")" not in name[name.rindex("("):]:
        name = name[name.rindex("(") + 1:]  # "…运营天生创新创业街(西南大学…研究院": the bracketed name
    if ")" in name and "(" not in name[:name.rindex(")")]:
        name = name[name.rindex(")") + 1:]  # "(记者 张三)重庆市政府": a closing bracket ends what came before
    if name.startswith("校(院)") and len(name) >= 8:
        name = name[4:]  # "校(院)党委办公室": the university's (and academy's) office
    elif name.startswith("校") and name[1:2] not in "友企地园史医" and name.endswith(("处", "部", "中心", "团委")) and len(name) >= 3:
        name = name[1:]  # "校发展规划处", "校党委宣传部": the university's office, 发展规划处
    elif name.startswith("院") and name[1:2] not in "士长" and name.endswith(("处", "局")) and len(name) >= 4:
        name = name[1:]  # "院科技管理局", "院产业处": the academy's own office
    elif name.startswith("学院") and name.endswith(("处", "部", "办公室")) and len(name) >= 5:
        name = name[2:]  # "学院发展规划处": the college's own office
    made = _MADE_INSIDE.search(name)
    if made and name[made.end():] in lex.generic_names:
        return None  # "作为中科院新建研究所的立所理念": what the academy made, described, no name
    if re.search("相关|有关", name[2:]):
        return None  # "涵江区相关科局": a place's offices in general
    if _PLACE_TWICE.match(name):
        name = name[2:]  # "深圳深圳市创新育成研究院": a place written twice by a slip
    inner = _PROVINCE_INSIDE.search(name)
    if inner and _COMPANY.fullmatch(name[inner.start():]):
        name = name[inner.start():]  # "赴平原示范区河南省鑫磊峰医疗器械有限公司": the zone, then the firm with its province
    if _PROVINCE_PARKS.fullmatch(name):
        return None  # "促进江西省工业园区转型升级": a province's parks in general
    cut = max(name.rfind(c) for c in "了把被")
    if cut >= 0:
        name = name[cut + 1:]
    if _OFFICER_INSIDE.search(name):
        return None  # "大连市副市长张志宏沙区政府": a person between two bodies (a comma left out), no one name
    described = name.rfind("企业")
    if (described > 0 and _COMPANY.fullmatch(name[described + 2:]) and len(name) - described - 2 >= 6
            and not name.startswith("孵化", described + 2)):  # (…科技企业孵化器有限公司: an incubator, one name)
        name = name[described + 2:]  # "武清区招商引资企业克伦斯(天津)…有限公司": the firm, after what it is
    if name.startswith("应") and not name.startswith(("应用", "应急")):
        name = name[1:]  # "应天能电池集团…的邀请": at the invitation of
    if lex.lead_in is not None and not (name.endswith("研院") and len(name) <= 6) and not name.startswith(("有研", "有色")):
        # (有研工研院, 有研新能源材料(江西)有限公司: the group 有研's names, not 有 + a name)
        while True:
            m = lex.lead_in.match(name)
            if m and name[m.end():] in lex.generic_names:
                return None  # "提升公司": a clause word and a generic body
            if not m or len(name) - m.end() < 4 and not (name.endswith("处") or name[m.end():] in _STANDALONE
                                                            or re.fullmatch(_FIELD_SCHOOL, name[m.end():])):
                break  # (but "我校科研处": the office)
            name = name[m.end():]
    if _EACH_INSTITUTE.search(name):
        return None  # "中国农科院各研究所与安康市11个县…": an academy's institutes in general (the academy is known apart)
    every = re.search("各(?:学院|院系|部门|单位|处室)$", name)
    if every and not lex.name_form.fullmatch(name[:every.start()]):
        return None  # "带领师大各学院教授": units in general (甲乙大学各学院 is 甲乙大学: see inner_generic)
    if name.startswith(("集团", "公司")) and lex.name_form.fullmatch(name[2:]) and len(name) >= 6:
        name = name[2:]  # "公司党建工作部": the company's department, 党建工作部
    unit = name.endswith(("处", "办公室"))  # a university's office (校企合作办公室), though 校企 starts it
    batch = _ORDINAL.match(name)  # "第十四批科技镇长团": a body of that year's batch
    ordinal = batch is not None and len(name) - batch.end() >= 4 and lex.name_form.fullmatch(name[batch.end():]) is not None
    if batch is not None and not ordinal:
        return None  # "拟成立第一届共同体专家智库": an ordinal and a type, no body
    if (len(name) < 4 and not lex.short_government.fullmatch(name) and not name.endswith(("处", "部", "系", "局", "办公室", "所"))
            and name not in _STANDALONE and not re.fullmatch(_FIELD_SCHOOL, name)
            or name in lex.generic_names or _COUNT.match(name) and not ordinal or name.startswith(lex.generic_prefixes) and not unit
            or name.startswith(("集团", "公司", "驻区", "驻地"))):  # "集团控股上市公司": the group's firms, no name
        return None
    if name.startswith("国家") and name[2:] in lex.generic_names:
        return None  # "参观了…国家大学科技园": a rank and a type, no name
    if any(name[:i] in lex.generic_names and name[i:] in lex.generic_names for i in range(2, len(name) - 1)):
        return None  # "大学科技园联盟": two types of body
    if re.search("(?:大学|学院)(?:实验室|实训中心|实训基地)$", name):
        return None  # "参观了材料科学与工程学院实验室": a school's labs, a facility, not a lab's name
    return name


_MEASURE = "家所个名位项批支"
_SHORT_INSTITUTE = re.compile(rf"[{CJK}]{{1,4}}研院(?!所)")  # a university's institute after it (上海交大深研院)
_ACADEMIES = ("中科院", "社科院", "农科院")  # (and every name ending 科学院)
_ACADEMY_INSTITUTE = re.compile(rf"[{CJK}]{{2,8}}?所(?![长属在有以])|[{CJK}]{{2,6}}?中心(?![{CJK}]*?(?:主任|负责人))|[{CJK}]{{2,8}}与[{CJK}]{{2,8}}?(?:研究院|研究所)")
# (its institute's short name, 兰州化物所, or a name joining two fields, …生物医药与健康研究院)
# an academician's title (外籍院士 too) before the person's name or another title (not 院士、所长行活动,
# 院士工作站, 院士专家)
_ACADEMICIAN = re.compile(r"(?:外籍|资深)?院士(?:(?=[\u4e00-\u9fff])(?![行们专团工])|、(?!所长|专家))")  # 院士、甲大学校长: two titles
_NAMED_ACADEMICIAN = re.compile(rf"[{CJK}]{{2,3}}院士")  # 中国科学院钱逸泰院士: a title, the name before it


def _academician_title(clean: str, name: str, end: int) -> bool:
    """The body `name`, ending at `end`, is only an academician's title: 中科院院士薛其坤, or an
    academy before the person's name and 院士 (中国科学院钱逸泰院士)."""
    return bool(_ACADEMICIAN.match(clean, end)
                or name.endswith(("科学院", "工程院", "中科院")) and _NAMED_ACADEMICIAN.match(clean, end))


_QUOTED_MODIFIER = re.compile(rf"“[{CJK}A-Za-z0-9]{{1,8}}”$")
_QUOTED_NAME = re.compile(rf"[“\"]([A-Za-z0-9{CJK}()]{{2,20}}[-—–－][A-Za-z0-9{CJK}()]{{2,30}}|[A-Za-z0-9{CJK}()]{{4,30}})[”\"]")
# (not 鄂城区·…研究院: two names; “中国药科大学-金城医药女性健康药物创新中心”: one, its makers joined by a dash)
# one to three characters between a list mark (or a connective) and 和, right before a name: its start
_HE_HEAD = re.compile(rf"(?:(?<=[、，,与及])|(?<![{CJK}]))([{CJK}]{{1,3}})和$")
_NAMED_COUNT = re.compile(r"^.*?[一两二三四五六七八九十几多每][所家个](?=研究所|研究院|大学|学院|高校|企业|公司)")
# bodies written with their level alone besides the government forms (市政府, 省科协, 省农科院, 市林科所)
_LEVEL_BODIES = "政府|工商联|科协|农科院|农科所|林科所|医院"  # (省医院, 县医院)
# bodies named alone, as a county's, a firm's or a university's are in their officers' titles (统战部部长…)
_FIELD_SCHOOL = "[工理医文法商农林药]学院"  # a university's school named by one field alone (工学院, 医学院)
_STANDALONE = ("统战部", "宣传部", "组织部", "工商联", "团委", "研发部", "人力资源部", "研究生部", "党政办", "学科办", "总裁办", "技术部")
_FUNCTION_CHARS = set("自从在由向对为经")  # "自长江大学武汉校区…落户以来": 自 is no part of the name
_DEPARTMENT = re.compile(rf"[{CJK}]{{1,4}}?司(?![机法令])|[{CJK}]{{2,12}}?(?:促进中心|服务中心|研究中心|中心)(?![{CJK}]*公司)"
                         rf"|[{CJK}]{{2,8}}?(?:研究院|研究所|所)(?![有以属在长得谓])")  # 工信部电子五所, …电子第五研究所
# what a body is said to be ("武汉大学是教育部直属重点综合性大学"): a description, not another body
_DESCRIPTION = re.compile("直属|重点|综合性|研究型|应用型|教学型|一流|高水平|知名|首批|领先|龙头|骨干|特色|示范性")


def same_body(a: Mention, b: Mention, units: bool = True) -> bool:
    """The same organisation written two ways in one text: one name is the other's abbreviation
    (中国机械总院 / 中国机械科学研究总院集团有限公司, 九三学社市委会 / 九三学社重庆市委会): they share
    their first four characters and the short one is the long one with characters left out. With
    `units`, a body and its own unit (重庆理工大学 / 重庆理工大学材料科学与工程学院) count as one side
    too: no activity between them. Two dataset actors are the same body only that way."""
    if a.key == b.key:
        return True
    if a.id is None and b.id is None and "中科院" in (a.name[:3], b.name[:3]) and a.name != b.name:
        full = [replace(m, name="中国科学院" + m.name[3:]) if m.name.startswith("中科院") else m for m in (a, b)]
        if same_body(*full, units=units):
            return True  # 中科院成都分院 / 中国科学院成都分院: CAS by its usual short name
    if a.alias_of or b.alias_of:  # 重庆研究院 defined as 上海交通大学重庆研究院: a unit of 上海交通大学
        full = [replace(m, name=m.alias_of, alias_of=None) if m.alias_of else m for m in (a, b)]
        if same_body(*full, units=units):
            return True
    (short, s_alias), (long, _) = sorted(((a.name, a.alias_of), (b.name, b.alias_of)), key=lambda x: len(x[0]))
    unit = len(short) >= 4 and long.startswith(short) and long.endswith(_UNIT_END + ("医院",))
    if a.id is not None and b.id is not None or unit:
        return units and unit
    if re.search("[省市]$", short) and re.match(rf"[{CJK}]{{1,6}}?[市县区]", long[len(short):]):
        return False  # 安徽省 / 安徽省合肥市人民政府: a province and a city in it
    if (re.search("[省市县区]$", short) and long.startswith(short)
            and not long.startswith(("人民政府", "政府", "管委会", "管理委员会"), len(short))):
        return False  # 杭州市 / 杭州市科技局: a city and its bureau (a city is its government only)
    if (len(short) >= 4 or s_alias is not None and len(short) >= 2) and long.startswith(short):
        return True  # 西门子 / 西门子中国有限公司, 重庆甲乙 / 重庆甲乙科技有限公司
    bare = re.sub(r"^(?:重庆市?|中国)", "", long)
    if bare != long and len(short) >= 4 and bare.startswith(short):
        return True  # 厚捷医药集团 / 重庆厚捷医药集团有限公司
    if len(short) < 5 or short[:4] != long[:4]:
        return False
    rest = iter(long)
    return all(ch in rest for ch in short)


def mention_ref(m: Mention | None) -> dict[str, Any] | None:
    if m is None:
        return None
    return {"name": m.name, "id": m.id, "type": m.type, **({"alias_of": m.alias_of} if m.alias_of else {})}


def ref_key(ref: dict[str, Any]) -> str:
    """What `Mention.key` is for a mention given as `mention_ref`: its dataset id, else its full name."""
    return ref.get("id") or ref.get("alias_of") or ref["name"]


def find_districts(hits: Iterable[Hit]) -> list[dict[str, str]]:
    """The districts among the known names found in a text, each once, where first named."""
    out: dict[str, dict[str, str]] = {}
    for m, node_id, label, name in hits:
        if label == "District":
            out.setdefault(node_id, {"id": node_id, "name": name, "start": m.start(), "end": m.end()})
    return list(out.values())
