"""Text -> cooperation items: the ◆ paragraphs of a weekly brief, or the paragraphs of a news text,
each with the organisations it names, its districts, the activities between organisations, its
topics and the 33618 clusters it serves. Pure: the caller passes the name index
(`NameIndex.from_rows`) built from the store and the lexicons under data/lexicons/.

Three steps, three files: this one splits a text into items, dates them from a brief's header and
reads their topics and clusters; `text_names` finds the organisations an item names (by name or
alias, by name form, by a short name the text defined); `text_relations` finds who acts with whom
and the kind of each activity. Rules, not sentences: docs/extraction.md lists them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Any

from .text_names import (CJK, Hit, Lexicons, Mention, NameIndex, add_short_forms, bare_abbreviations, built_here, defined_aliases,
                         early_short_forms, find_districts, find_organisations, level_only, mention_ref, ref_key, stems_and_tails,
                         titled_brands)
from .text_relations import (OUR_FIRM, OWN_GROUP, Memory, brief_relations, named_people, prose_relations, restated,
                             written_forms)

__all__ = ["Item", "Lexicons", "Mention", "NameIndex", "as_json", "extract", "extract_item", "find_organisations",
           "header", "split_items"]

_HEADER_ISSUE = re.compile(r"第\s*(\d+)\s*期")
_HEADER_RANGE = re.compile(r"[（(]\s*(\d{1,2})\.(\d{1,2})\s*[—–\-~～至]+\s*(\d{1,2})\.(\d{1,2})\s*[)）]")
_YEAR = re.compile(r"(20\d\d)\s*年")


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
    paragraph between blank lines (hard-wrapped text), with sentences cut by a blank line joined.
    A block between blank lines that holds a line of 60 characters or more was never wrapped
    (a web page whose menus and headlines make most lines short): its headlines stand apart."""
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
        return _lines(text, 0, len(text))
    spans = []
    for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text):
        long_line = any(len(x.strip()) >= _UNWRAPPED for x in m.group(0).splitlines())
        spans += _headlines_apart(text, m.start(), m.end()) if long_line else [(m.start(), m.end())]
    return _join_broken(text, spans)


_UNWRAPPED = 60  # no hard-wrapped text has a line this long: a block holding one is web text
_SENTENCE_MARK = re.compile(r"[，、；。,;]")


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Each line of text[start:end]: a web page's paragraph, headline or menu entry."""
    return [(start + m.start(), start + m.end()) for m in re.finditer(r"\S[^\n]*", text[start:end])]


def _headlines_apart(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A web block's lines without sentence punctuation (headlines, menu entries, captions) each
    as an item, since no name runs across them; its prose lines that follow one another as one
    item, so a later line's 与会高校 still finds the universities the line before listed."""
    out: list[tuple[int, int]] = []
    prose_before = False
    for s, e in _lines(text, start, end):
        prose = bool(_SENTENCE_MARK.search(text[s:e]))  # ("作者：陈俊勇", "来源：…": labels, not prose)
        if prose and prose_before:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
        prose_before = prose
    return out


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
            cut = prev and prev[-1] not in _SENTENCE_END and (re.match(rf"[{CJK}]", prev[-1]) or prev[-1] in "，、：,")
            byline = last.startswith(("——", "—", "-")) or re.search(r"\s", last)  # "——校长 林维", headings
            if cut and not byline and _PROSE_MARK.search(prev) and re.match(rf"[{CJK}]", text[s]):
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


# ------------------------------------------------------------------ one item
def extract_item(i: int, text: str, start: int, line: int, index: NameIndex, lex: Lexicons,
                 context: Mention | None = None, aliases: dict[str, Mention] | None = None,
                 memory: Memory | None = None, firm: Mention | None = None,
                 owners: dict[str, Mention] | None = None,
                 city: str | None = None, shorts: list[tuple[str, Mention, bool | None]] = ()) -> Item:
    """One item. `context` is the university named last in the items before (prose only):
    an item with no subject of its own that says 学校 / 我校 / 校地 / 双方 is about it. `aliases`:
    the short names the text has defined so far (see `find_organisations`)."""
    item = Item(i, text, start, start + len(text), line)
    hits = list(index.matches(text))  # one scan of the known names serves organisations, districts, actors
    mentions = find_organisations(text, index, lex, {} if aliases is None else aliases, hits)
    if shorts:  # "岳西与…" where the text names 岳西县, "工程所" where it names 省农科院工程所
        mentions = add_short_forms(text, mentions, shorts)
    if city is not None:  # another city's page: its 市科技局 is that city's bureau, not Chongqing's
        mentions = [Mention(m.name, m.start, m.end, None, None, "government",
                            city + ("人民政府" if m.name in ("市政府", "市人民政府") else m.name[1:]))
                    if m.name.startswith("市") and (m.id is not None or m.name in ("市政府", "市人民政府"))
                    else m for m in mentions]
    districts = find_districts(hits)
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
        if memory is not None:
            memory.people.update(named_people(text, mentions))  # "…副局长史樱煜", for "史樱煜一行…" here and later
        listed = _commas_as_list(text, mentions)
        subject, item.relations = prose_relations(listed, mentions, hits, context, lex, districts, memory, firm,
                                                  owners)
        if listed != text:  # the evidence as written
            for r in item.relations:
                at = listed.find(r["evidence"])
                if at >= 0:
                    r["evidence"] = text[at:at + len(r["evidence"])]
        item.subject = subject
        item.organisations = written_forms(mentions, lex.generic_names)
        item.districts = districts
    else:
        item.subject, item.districts = subject, districts
        item.organisations, item.relations = brief_relations(text, subject, mentions, districts, lex)
    item.topics = sorted((set(re.findall(r"[“\"]([^”\"]{2,30})[”\"]", text)) - set(aliases or ()))
                         | set(re.findall(r"《([^》]{2,60})》", text)))
    item.clusters = _clusters(text, lex, [m for m in mentions if m.type in ("university", "government")])
    return item


def _commas_as_list(text: str, mentions: list[Mention]) -> str:
    """Same length: a comma with an organisation's name right on each side is a list mark (、), as pages
    written with ASCII punctuation list bodies ("由A有限公司,B有限公司与C学院共同举办…")."""
    marks = {a.end for a, b in zip(mentions, mentions[1:]) if b.start == a.end + 1 and text[a.end:b.start] in (",", "，")}
    return "".join("、" if i in marks else c for i, c in enumerate(text)) if marks else text


def _clusters(text: str, lex: Lexicons, names: list[Mention] = ()) -> list[dict[str, str]]:
    """Clusters whose keywords occur, longest keyword first and without overlaps (新能源汽车 is a
    vehicle keyword, not 新能源 plus 汽车); not inside the `names` given (a university's name, such
    as 重庆医科大学, says what it teaches, not what the activity serves), nor in a building's name
    (机电大楼209会议室 is where a meeting sat)."""
    found: dict[str, str] = {}
    for m in lex.keywords.finditer(text):
        if any(n.start <= m.start() < n.end for n in names) or _BUILDING.match(text, m.end()):
            continue
        found.setdefault(lex.keyword_owner[m.group(0)], m.group(0))
    return [{"id": c, "keyword": k} for c, k in sorted(found.items())]


_BUILDING = re.compile(r"[\u4e00-\u9fff]{0,2}(?:大楼|楼|大厦|会议室|报告厅)")


@lru_cache(maxsize=1)
def _simplified_table() -> dict[int, str]:
    """Traditional → simplified, character for character: OpenCC's table (its first reading of each
    character), without the characters that are also simplified ones (those with simplified forms of
    their own, and those the table lists as a reading of themselves: 乾 in a name such as 锦乾), so
    simplified text is left as it is and every offset stays valid."""
    def pairs(name: str) -> list[list[str]]:
        data = (files("opencc") / "dictionary" / name).read_text(encoding="utf-8")
        return [line.split("\t") for line in data.splitlines() if "\t" in line]
    simplified = {k for k, _ in pairs("STCharacters.txt")}
    table = {}
    for k, v in pairs("TSCharacters.txt"):
        first = v.split()[0]
        if len(k) == 1 and len(first) == 1 and k != first and k not in simplified and k not in v.split():
            table[ord(k)] = first
    table[ord("産")] = "产"  # a variant of 產 that pages in traditional characters use (資産管理處), not in the table
    return table


def to_simplified(text: str) -> str:
    """Text in traditional characters (a big5 mirror of a Chongqing page) read as simplified, same length."""
    return text.translate(_simplified_table())


def extract(text: str, index: NameIndex, lex: Lexicons | None = None, year: int | None = None) -> dict[str, Any]:
    """Every item of a text, with the header's issue and dates (which date the items). Traditional
    characters are read as simplified (the dataset's names are simplified); item text and evidence
    are given in simplified characters."""
    text = to_simplified(text)
    lex = lex or Lexicons.load()
    head = header(text, year)
    items = []
    brief = "◆" in text
    # the university named last (prose: what 学校 / 我校 / 校地 refer to); before any is named, the
    # one university the whole text names, if it names only one (a university's own news page)
    # (the whole text is read for names once: its pieces below all work from that)
    hits = [] if brief else list(index.matches(text))
    named = [] if brief else find_organisations(text, index, lex, None, hits)
    context: Mention | None = None if brief else _sole_university(text, hits, named)
    firm = None if brief or not OUR_FIRM.search(text) else _page_firm(text, named)  # what 我司 means
    owners = {} if brief else _page_owners(text, hits, named, context)  # what 我院 / 我所 / 我区 / 学院 mean
    city = None if brief else _text_city(text, hits, named)  # a page about another city: whose 市科技局
    # short names the text defines (以下简称“X”), for every item (a headline may use one defined later)
    aliases: dict[str, Mention] = {} if brief else defined_aliases(text, index, lex, hits)
    for short, body in ({} if brief else early_short_forms(named, text)).items():
        aliases.setdefault(short, body)  # "厦门海辰" in a headline, "厦门海辰新能源科技有限公司" a paragraph later
    for short, body in ({} if brief else titled_brands(text, named)).items():
        aliases.setdefault(short, body)  # "思哲睿董事长" after 哈尔滨思哲睿智能医疗设备股份有限公司
    for short, body in ({} if brief else bare_abbreviations(text, named)).items():
        aliases.setdefault(short, body)  # "温大激光院" after "温州大学激光与光电智能制造研究院"
    shorts = [] if brief else stems_and_tails(named)  # 岳西 for 岳西县, 工程所 for 省农科院工程所
    agreements: dict[frozenset, dict[str, Any]] = {}  # pairs that signed in an item before (news: see restated)
    levels = {} if brief else _level_links(named)  # 省农科院 in a text that names 浙江省农科院: that academy
    memory = Memory()  # what items leave for later ones (news: "…副局长史樱煜", the visitor, who signed)
    line, counted = 1, 0  # line numbers counted as we go (counting from the start each time is quadratic)
    for i, (s, e) in enumerate(split_items(text), 1):
        line += text.count("\n", counted, s)
        counted = s
        body = re.sub(r"\s*\n\s*", "", text[s:e].strip())  # hard wraps and blank lines inside an item
        if len(body) < 8 or body.startswith("#"):
            continue
        item = extract_item(i, body, s, line, index, lex, None if brief else context, aliases, None if brief else memory,
                            firm, owners, city, shorts)
        item.end = e
        if not brief:
            _link_levels(item, levels)
            item.relations = restated(item.relations, agreements)
        items.append(item)
        acting = [r["source"] for r in item.relations if r["source"] and r["source"]["id"]]
        named = [m for m in item.organisations if m.label == "University" and m.start >= 0
                 and (m is item.subject or any(a["id"] == m.id for a in acting) or m is item.organisations[0])]
        if _BYLINE.search(body):
            context = None  # a byline ("——…校长 林维") closes a section; the next may be another university's
        elif named:  # a university that acts (or opens the item), not one listed among many
            context = max(named, key=lambda m: m.start)
    return {**head, "items": items}


def _level_links(named: list[Mention]) -> dict[str, Mention]:
    """Bodies named by their level alone (省农科院, 省科协, 市人民政府) that the text also names with
    their place (浙江省农科院, 贵州省科协, 连云港市人民政府), one body only: level-only key → that body."""
    keys = {m.key: m for m in named}
    links = {}
    for level in (k for k in keys if level_only(k)):
        full = [m for k, m in keys.items() if k.endswith(level) and len(k) > len(level) + 1
                and not level_only(k) and "\u4e00" <= k[-len(level) - 1] <= "\u9fff"]
        if len(full) == 1:
            links[level] = full[0]
    return links


def _link_levels(item: Item, links: dict[str, Mention]) -> None:
    """An item's level-only names (省农科院) as the body the text names with its place (浙江省农科院):
    the same key, so the loader makes one node of them and a pair is not related twice."""
    if not links:
        return
    def linked(m: Mention) -> Mention:
        full = links.get(m.key) if m.id is None else None
        return m if full is None else Mention(m.name, m.start, m.end, full.id, full.label, full.type, full.alias_of or full.name)
    item.organisations = [linked(m) for m in item.organisations]
    if item.subject is not None:
        item.subject = linked(item.subject)
    relations, seen = [], set()
    for r in item.relations:
        ends = [r["source"], r["target"]]
        for i, ref in enumerate(ends):
            full = links.get(ref_key(ref)) if ref is not None and ref["id"] is None else None
            if full is not None:
                ends[i] = {**ref, "id": full.id, "type": full.type, "alias_of": full.alias_of or full.name}
        keys = frozenset(ref_key(x) for x in ends if x is not None)
        if len(keys) < 2 and ends[0] is not None or (keys, r["kind"]) in seen:
            continue  # 浙江省农科院 with 省农科院: the same body; or a pair this item already relates
        seen.add((keys, r["kind"]))
        relations.append({**r, "source": ends[0], "target": ends[1]})
    item.relations = relations


# a university or college outside the dataset, by the end of its name; not a unit (化学化工学院)
_COLLEGE = re.compile(r"(?:大学|职业技术学院|职业学院|师范学院|文理学院|技师学院|职业大学|高等专科学校)$"
                      rf"|^[{CJK}]{{2}}理?工学院$")  # a place's college of engineering (淮阴工学院; not 化工学院)


_FOOTER = re.compile(r"(?:版权所有|主办单位|Copyright\s*\S*\s*\d{4}\S*\s*版权所有)\s*[:：]?\s*")


def _is_university(m: Mention) -> bool:
    """A university: in the dataset, or by a name no unit has (…大学, …职业学院; not 光学与电子科技学院)."""
    return m.label == "University" or (m.id is None and m.type == "university" and _COLLEGE.search(m.name) is not None
                                       and "与" not in m.name)


# what an institute's or a group's own page calls itself, and the name forms it may mean
_SELF_FORMS = {"我院": ("研究院", "研院"), "本院": ("研究院", "研院"), "我所": ("研究所",),  # (a college's 我院 is often its unit)
               "本所": ("研究所",), "我集团": ("集团",), "本集团": ("集团",),
               # a district's, a county's or a city's own news: its government (the one the text names)
               "我区": ("区", "区人民政府", "区政府"), "本区": ("区", "区人民政府", "区政府"),
               "我县": ("县", "县人民政府", "县政府"), "本县": ("县", "县人民政府", "县政府"),
               "我市": ("市", "市人民政府", "市政府"), "本市": ("市", "市人民政府", "市政府")}
_SELF_WORD = re.compile("|".join(_SELF_FORMS))


_CITY_GOV = re.compile(rf"([{CJK}]{{2,3}}市)(?:人民政府|政府)?$")


def _text_city(text: str, hits: list[Hit], named: list[Mention]) -> str | None:
    """The one city other than Chongqing whose government a text names (东台市人民政府), when the text
    names neither 重庆 nor a district of the dataset: the city its 市科技局 / 市教委 belong to."""
    if "重庆" in text or any(label == "District" for _, _, label, _ in hits):
        return None
    cities = {c.group(1) for m in named if m.type == "government" and m.id is None
              for c in [_CITY_GOV.search(m.alias_of or m.name)] if c and not (m.alias_of or m.name).startswith("市")}
    return next(iter(cities)) if len(cities) == 1 else None


def _footer_named(text: str, bodies: list[Mention]) -> list[Mention]:
    """Those of `bodies` a page's footer names as its owner (版权所有：X): the page is theirs."""
    owner = _FOOTER.search(text)
    return [m for m in bodies if owner is not None and m.start == owner.end()]


def _page_owners(text: str, hits: list[Hit], named: list[Mention], college: Mention | None) -> dict[str, Mention]:
    """我院 / 我所 / 我集团 / 我区… on a page that names one body of that form (国科温研院 … 我院一行): that
    body, for each such word the text uses; the owner its footer names wins. `college`: the one
    university the text names, whose page 学院 means if its name ends so."""
    used = {w.group(0) for w in _SELF_WORD.finditer(text)}
    owners = {}
    if college is not None and college.name.endswith("学院"):
        owners["学院"] = college  # a vocational college's page: "一行到访学院", "与学院签订…"
    groups = {m.alias_of or m.name: m for m in named if m.type == "enterprise" and (m.alias_of or m.name).endswith("集团")}
    if len(groups) == 1 and re.search(OWN_GROUP, text):
        owners["集团"] = next(iter(groups.values())).at()  # a group's page: "集团党委书记、总裁X赴…" is that group
    if not used:
        return owners
    bodies = [m for m in named if not built_here(text, m.start)]
    bodies += [Mention(name, m.start(), m.end(), node_id, label, "government")
               for m, node_id, label, name in hits if label == "District"]
    for word in used:
        fits = [m for m in bodies if (m.alias_of or m.name).endswith(_SELF_FORMS[word]) and "大学" not in m.name
                and (m.type == "government") == (word[-1] in "区县市")]
        if word in ("我院", "本院") and not fits:  # an academy's own page: 我院 … 中国农业科学院副院长唐华俊;
            # a school's, which names itself with its head's title (我院分别与A… 座谈会由材料学院党委书记X主持)
            fits = [m for m in bodies if (m.alias_of or m.name).endswith(("科学院", "农科院", "学院")) and "大学" not in m.name
                    and re.match(r"(?:党委|党组|党总支)?(?:常务)?副?(?:院长|书记)", text[m.end:m.end + 6])]
        fits = _footer_named(text, fits) or fits
        if len({m.key for m in fits}) == 1:
            owners[word] = fits[0].at()
    return owners


def _page_firm(text: str, named: list[Mention]) -> Mention | None:
    """The company a page that says 我司 belongs to: the owner its footer names, else the one
    enterprise the text names (天原化工 … 莅临我司)."""
    enterprises = [m for m in named if m.type == "enterprise"]
    firms = _footer_named(text, enterprises) or enterprises
    names = {m.alias_of or m.name for m in firms}
    return firms[0].at() if len(names) == 1 else None


def _sole_university(text: str, hits: list[Hit], named: list[Mention]) -> Mention | None:
    """The one university a text names, if it names only one: what its 我校 / 学校 mean before
    any university acts. Dataset universities first; without any, one named by its form (a page of
    a university outside the dataset: 聊城大学 … 我校与…)."""
    found = {node_id: name for _, node_id, label, name in hits if label == "University"}
    if not found:
        colleges = [m for m in named if m.type == "university"]
        found = {m.name: m.name for m in colleges if _is_university(m) and not built_here(text, m.start)}  # not 共建…职业学院
        # "版权所有：潍坊学院": the page's owner, whatever its name says
        found = {m.name: m.name for m in _footer_named(text, colleges)} or found
        if not found:  # a headline that opens with a college ("黄淮学院与正阳县签署…"): the page is about it
            first = re.search(r"\S[^\n]*", text)
            found = {m.name: m.name for m in colleges if first and m.start == first.start()
                     and first.end() - first.start() <= 60}
        if len(found) == 1:
            return Mention(next(iter(found)), -1, -1, None, None, "university")
    if len(found) != 1:
        return None
    [(node_id, name)] = found.items()
    return Mention(name, -1, -1, node_id, "University", "university")


def as_json(result: dict[str, Any]) -> dict[str, Any]:
    return {**{k: v for k, v in result.items() if k != "items"},
            "items": [{"index": it.index, "text": it.text, "start": it.start, "end": it.end, "line": it.line,
                       "subject": mention_ref(it.subject), "organisations": [m.as_dict() for m in it.organisations],
                       "districts": it.districts, "relations": it.relations, "topics": it.topics,
                       "clusters": it.clusters} for it in result["items"]]}
