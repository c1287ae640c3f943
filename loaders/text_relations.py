"""Activities between the organisations of one item: who acts with whom, and the kind of the
activity. Briefs: the bold subject with every other organisation. Prose: clause by clause, the
subject (the first actor that is not visited, framed or built) with its partners. Pure; used by
loaders/text.py."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .text_names import (BUILT_BEFORE, CJK, Hit, Lexicons, Mention, built_here, mention_ref, ref_key, same_body,
                         units_of_one_body, bare_office, bare_unit)
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")
_CLAUSE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")  # prose: a semicolon starts a new clause, often a new actor
SELF_WORDS = ("双方", "我校", "学校", "该校")


# 学校 as a category (高等学校, 职业学校, 技工学校) is no reference to the university of the text
_SELF = re.compile("|".join(("(?<![高等职业专中技工师范])" + w if w == "学校" else w) for w in SELF_WORDS + ("校地", "我们学校")))
_VISITED = re.compile(r"考察|调研|走访|参观|察看|探访|来到|走进|赴|前往|深入|带领|率领|率队|推介|介绍了|一行(?:先后|分别)?到")


def distinct(mentions: list[Mention]) -> dict[str, Mention]:
    """The first mention of each organisation, by key, in text order."""
    out: dict[str, Mention] = {}
    for m in mentions:
        out.setdefault(m.key, m)
    return out


def written_forms(mentions: list[Mention], generic: set[str] = frozenset()) -> list[Mention]:
    """The first mention of each written form of each organisation, in text order: a body the text
    writes two ways (…工程学院(现代园艺研究院), a short name it defines) is listed under both names,
    which share its key. A `generic` word that stands for it (该研究院) is no second name."""
    first = distinct(mentions)
    out: dict[tuple[str, str], Mention] = {}
    for m in mentions:
        if first[m.key] is m or m.name not in generic:
            out.setdefault((m.key, m.name), m)
    return list(out.values())


def _relation(source: Mention | None, target: Mention, kind: str, sentence: str) -> dict[str, Any]:
    return {"source": mention_ref(source), "target": mention_ref(target), "kind": kind,
            "evidence": sentence.strip().replace("**", "")}


def brief_relations(text: str, subject: Mention | None, mentions: list[Mention], districts: list[dict[str, str]],
                    lex: Lexicons) -> tuple[list[Mention], list[dict[str, Any]]]:
    """A brief's item: the bold subject with each organisation named after it. Returns (the item's
    organisations, subject first; its relations)."""
    seen = distinct(mentions)
    if subject is not None:
        seen.pop(subject.key, None)
    organisations = ([subject] if subject else []) + list(seen.values())
    relations: list[dict[str, Any]] = []
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
        relations.append(_relation(subject, partner, kind or "other", sentence))
    return organisations, relations


# a district acts (rather than being a place) when a connective or action follows its name, or
# it is the one something is done with or for
_DISTRICT_ACTS_AFTER = re.compile(r"与|和|同|联合|携手|依托|借力|借助|通过|帮助|对|则|制定|出台|组织|成立|推动|推进|支持|启动|"
                                  r"共同|签署|签订|举办|打造|建设|搭建|引进|接收|常态化|"
                                  r"[^，,。；;]{0,24}?(?:率队|带队|一行)")  # "两江新区管委会副主任郑航率队来访": its officers
_DISTRICT_ACTS_BEFORE = re.compile(r"(?:与|和|同|由|为|帮助|支持|服务|针对|面向)(?:重庆市?)?$")
# between two listed districts: 、 和 及, perhaps 重庆, perhaps other short items (高新区) between
# a district a team goes to: "…一行到梁平区考察交流"
_GOES_TO = re.compile(r"(?:到|赴|前往|来到|走进)$")
# what a team does where it goes: "到梁平区考察交流", "前往大足区，就A工作展开深度调研"
_DISTRICT_VISITED = re.compile(rf"(?:[，,]\s*)?(?:[{CJK}]{{0,4}}?|(?:就|围绕)[^，,。；;]{{0,24}}?)(?:学习|考察|调研|交流|参观|走访)")
_DISTRICT_LIST = re.compile(rf"(?:\s*[、和及]\s*(?:重庆市?)?[{CJK}]{{2,5}}?)*?\s*[、和及]\s*(?:重庆市?)?")
# the university of the text, or its head with no body named before ("副校长赵光强来到A、B…")
_OWN = re.compile(r"(?<![高等职业专中技工师范])学校|我校|该校|校方|我院|(?<![\u4e00-\u9fff])(?:副校长|校长|校领导)"
                  r"|一行(?=深入|来到|走访|考察|赴|前往|参观|实地)")  # "李国胜、刘先省一行深入A、B": the page's leaders
_JOINTLY = re.compile(r"\s*(?:等\S{0,6}?)?(?:共同|联合|携手|一起|一道|各自|共建(?=的))")  # "A和B各自的优势": the two sides
_WITH_BEFORE = re.compile(r"(?:与|(?<!会)同|跟)\s*$")  # (not 会同: A会同B, B acts with A)
_WITH_AFTER = re.compile(r"\s*(?:与|和|同)")
# "A、B等4家企业与陕西高校专家团队…签约": they sign with someone unnamed, not with each other
_WITH_UNNAMED = re.compile(r"(?:等[^，,。；;与同]{0,8}?)?(?:分别)?(?:与|同)")


def _with_unnamed(text: str, end: int, actors: list[Mention]) -> bool:
    """A list ending at `end` is followed by 与 and a partner no name was found for."""
    w = _WITH_UNNAMED.match(text, end)
    return w is not None and not any(m.start == w.end() for m in actors)
# between two bodies of one list: 、 和 及, perhaps with other listed items no name form found (海南海事局)
_PERSON = re.compile(r"长|书记|主任|总监|经理|教授|院士|主席|专家|负责人|代表")  # "A董事长X、B院长Y": people, not bodies
_LIST_MATES = re.compile(r"[、和及\s]*(?:[^、，,。；;：:与同]{2,24}?[、和及]\s*)*?")
_WITH_SELF = re.compile(r"(?:与|同|和)(?:学校|我校|本校|该校|校方)")  # "A、B分别与学校签署": each with the university
# a group that stands for universities listed before it: "11所高校", "与会高校", "上述院校"
_GROUP = re.compile(r"(?:[0-9０-９]+|[一二两三四五六七八九十]+)所(?:高校|大学|院校)|(?:与会|参会|上述|这些)(?:高校|大学|院校)")
_LOCAL = re.compile(r"校地|双方|地方|区校")
_ON_BEHALF = re.compile(r"分别代表")
_GONE_FOR = re.compile(r"\s*并?(?:参加|出席|参与|洽谈|商谈|座谈|交流|对接|沟通)")  # a phrase that says what a visit was for
_FIRM_GROUP = re.compile(r"(?:上述|以上|这)(?:[0-9０-９一二两三四五六七八九十]+家)?(?:企业|公司)")
_GOES_ON = re.compile(r"\s*(?:并|还|又|随后|之后|同时)")  # a comma phrase that goes on with the subject before
_BOTH = re.compile(r"(?:校地|校企|院企|院地|政校|校政|企校|地校|区校|县校|市校|校城|供需)?双方")
_AGREEMENT = re.compile(r"签署|签订|签约|签定|签字")
_ABOUT = re.compile(r"(?:建设|共建)?(?:战略)?(?:合作)?(?:框架)?(?:协议|合同|意向书)")  # what follows the name an agreement is about
_VISIT_OBJECT = re.compile(r"考察|走访|参观|察看|调研|来到|走进|到访|拜访|奔赴|(?<![来到])访问(?!学者)|(?<=一行)深入|深入到|(?<=一行)人?(?:先后)?赴|(?<=带队)(?:到|赴)|(?:先后|分别)到|(?<=应邀)(?:来|到)")  # (应邀来八桥镇开展…: a visit)
_LEADS = re.compile(r"率领|带领|(?<![效频比概税汇利速功])率(?!先|达)")
_TEAM_LED = re.compile(_LEADS.pattern + "|带队")  # (a head who leads a named team: 带队 too)
_ARRIVES = re.compile(r"莅临|来到|前往|赴|到|走进|来|访问|一行|参加|出席")
_UNVEILED = re.compile(r"(?:正式)?(?:揭牌|授牌|挂牌|落成|奠基)")
_LIST_GAP = re.compile(r"[”\"》]?[、，,和及与]?[“\"《]?")
_NOT_AGENT = re.compile(r"(?:以|把|对|从|通过|依托|围绕|聚焦|作为|落实|贯彻|按照|根据|遵照|(?<!相)应|经过?)$")  # 落实A的要求: A's policy; 经A联系引荐，B…
_ATTENDS = re.compile(r"出席|参加|参会|陪同|主持|列席|见证|与会|参与(?=座谈|会议|活动|仪式)")
_LEADERS_ARE = re.compile(r"的(?:领导|嘉宾|负责人)有")  # a list of who came
_COUNTED = r"等(?:[0-9０-９]+|[一二两三四五六七八九十百]+)[多余]?[家所个]"  # "…等20家企业": a list closed by its count
_MANY_WITH_MANY = re.compile(rf"{_COUNTED}[^，,。；;与]{{0,30}}(?:(?:与|和|同)[^，,。；;]+?{_COUNTED}"
                             r"|(?<!分别)(?:与|和|同)[^，,。；;]+?等(?:高校|院校|企业|单位|科研院所))"  # (…分别与A等企业: each with A)
                             rf"|等(?:高校|院校|科研院所)[，,][^。；;]{{0,80}}?{_COUNTED}")  # "从A、B等高校选聘…，服务C、D等420家企业"
_CO_ACTION = re.compile(r"签署|签订|签约|共建|组建|出资|合资|共同|联合|主办|承办|联办|启动建设|发起")
_PHRASE_END = re.compile(r"[，,：:]")
_ELECTS = re.compile(r"选举|当选|推选|任命|聘任|聘请|增补")
_FOUNDS = re.compile(r"\s*(?:等\S{0,6}?)?(?:合作)?(?:发起|组建|牵头|出资|成立|主办|设立|创办)")
_LINKED = re.compile(r"与|同|跟|和|携手|联合|帮助|支持|为|向|对|到|赴|走进|来到|合作|共同|签|依托|借力|借助|通过|联手|牵手|协同|邀请|组织")
# after a venue: the meeting held there ("在A、B双会场同步召开"), not a signing or an unveiling
_VENUE = re.compile(r"[^，,。；;]{0,12}?(?:召开|举行|举办|开幕|开展|主办的|承办的)(?![^，,。；;]{0,6}(?:签|揭牌|授牌))")
_EVENT_END = re.compile(r"(?:仪式|大会|会议|论坛|峰会|[^”\"]会|活动|专场|行)[”\"]")  # (洽谈会, 视频会, 推进会, 高校行)
_OFFICER = (r"(?:院士|教授|研究员|校长|院长|所长|主任|秘书长|书记|董事长|理事长|总经理|经理|厅长|局长|处长|部长|区长|县长|市长|"
            r"会长|主席|专家|助理|总监|负责人)")
# an officer of the body just named, then what they say: "B校长助理刘平表示", "B张明部长在会上详细介绍了"
_SPEAKER = re.compile(rf"(?:(?:[{CJK}]{{0,8}}?{_OFFICER}[{CJK}]{{2,3}}|[{CJK}]{{2,3}}{_OFFICER})等?(?:在[^，,。]{{0,12}}[中上])?"
                      rf"(?:详细|简要|重点|全面)?(?:表示|指出|说|强调|谈到|介绍|分享)"  # (…董事长赵伟等分享了…)
                      rf"|(?:详细|简要|重点|全面)?(?:介绍|汇报|通报|回顾)了)")  # …, or the body itself: "A局介绍了B与C…"
_IS_MADE = re.compile(r"(?:是|系|作为|为)由?[^。；;]{0,40}?(?:共建|创办|举办|组建|成立|设立|创建|投资建设)的")
_HELD = re.compile(r"[^，,。；;]{0,12}?(?:举行|召开|举办|开幕)")
_TITLED_PERSON = re.compile(rf"[{CJK}]{{0,10}}?(?:副)?{_OFFICER}([{CJK}]{{2,3}}?)(?=一行|率|带队|等|出席|参加|表示|主持|代表|致辞|介绍|在|与|和|[、，,。；;（(\s])")
_POLICY_OF = re.compile(r"(?:落实|贯彻|按照|根据|遵照)[^，,。；;]{0,12}$")  # "落实A委、A政府关于…的要求"
_REQUIREMENT = re.compile(r"要求|部署|精神|指示|决策|安排|意见")  # …of whose requirement, not of whose agreement
# "将结合A及全省产业发展需求": whose needs a body serves is no partner of it
_SERVES_NEEDS = re.compile(r"(?:结合|满足|对接|围绕)[^，,。；;]{0,12}$")
_NEEDS = re.compile(r"[^，,。；;]{0,16}?(?:需求|需要)")
_BUILT_OBJECT = re.compile(BUILT_BEFORE.pattern.replace("的?", ""))  # the verb's object (not 新建的A: A may act)
OUR_FIRM = re.compile(r"我司|我公司|本公司")  # a company's own page speaking of itself
_TOGETHER = re.compile(r"\s*(?:签约|签署协议|签订协议)(?:共建|共同建设)")
_CEREMONY = re.compile(r"(?:参加|出席|见证)了?([^，,。；;]{4,60}?(?:签约|签署|签字)仪式)")
_ESCORT = re.compile(r"在[^。；;]{0,80}?(?:陪同|协调|安排|指导|支持)下")  # (those who arrange a visit do not make it;
# "在科技部与福建省政府指导下，倾力打造的…": those who guide a body's making are no parties either)
_AGREEMENT_TITLE = re.compile(r"《([^》]{4,80}(?:协议书?|合同|备忘录|意向书))》|《([^》]{4,80})》(?=协议)")
_REPRESENTS = re.compile(rf"[{CJK}]{{0,8}}?(?:副)?{_OFFICER}[{CJK}]{{2,3}}代表")
# a clause that opens with a head's team, after its date at most ("次日，关延平一行先后来到…")
_TEAM_HEAD = re.compile(rf"\s*(?:[0-9０-９]+月[0-9０-９]+日|次日|当天|随后|之后|同日)?[上下]?午?[，,]?\s*(?!会后|会前|随后|之后|期间|当天|次日)[{CJK}]{{2,3}}一行")
# a clause that reports the visit just told of, naming no visitor: "本次调研了：A、B、C等三家公司"
_THIS_VISIT = re.compile(r"\s*(?:本次|此次|这次)(?:调研|考察|走访|参观)(?:了|的企业有|企业有)[:：]?")
# the subject and a body with it, then what they are: "A与B是各自行业的龙头企业", "A和B都是…"
_DESCRIBED = re.compile(r"\s*(?:与|和|及)[^，,。；;与和]{2,30}?(?:都|均|同|也)?是(?!否)")
# a person named before with their body, leading a visit: "史樱煜一行…", "杨治平副厅长在B陪同下考察了…"
_LED_BY = re.compile(rf"([{CJK}]{{2,3}})(?=一行|率队|带队|副?{_OFFICER}(?:一行|率|带队|在|先后|考察|调研|走访|参观|来到|前往|赴))")
_OWN_GOVERNMENT = re.compile(r"我市|我区|我县|本市|本区|本县")
_CREDIT = re.compile(r"\s*(?:供图|供稿|摄影|摄(?![制像]))")
_WITH = re.compile(r"与|和|同|跟|携手|联合|为|向|帮助|支持|邀请")
_TITLE = re.compile(r"(?:外籍|资深|首席|名誉|党委|党组|副)?(?:院士|教授|研究员|校长|院长|所长|主任|书记|董事长|总经理|厅长|局长|处长|部长|区长|县长|市长|专家)")


def _acting_districts(text: str, hits: list[Hit]) -> list[Mention]:
    found = [Mention(name, m.start(), m.end(), node_id, "District", "government")
             for m, node_id, label, name in hits if label == "District"]
    acts = [bool(_DISTRICT_ACTS_AFTER.match(text, d.end) or _DISTRICT_ACTS_BEFORE.search(text, max(0, d.start - 5), d.start)
                 or _DISTRICT_VISITED.match(text, d.end) and _GOES_TO.search(text, max(0, d.start - 2), d.start)
                 or _MAKER_DISTRICT.match(text, d.end) and re.search(r"是由?$", text[max(0, d.start - 2):d.start]))
            for d in found]  # (or a team goes there: "…一行到梁平区考察交流")
    # a district listed with one that acts acts too: "与两江新区、江北、南岸等9区县签订", "璧山、铜梁与…"
    for i in [*range(1, len(found)), *range(len(found) - 2, -1, -1)]:
        for j in (i - 1, i + 1):
            if 0 <= j < len(found) and acts[j] and not acts[i]:
                a, b = sorted((found[i], found[j]), key=lambda d: d.start)
                acts[i] = _DISTRICT_LIST.fullmatch(text, a.end, b.start) is not None
    return [d for d, yes in zip(found, acts) if yes]


def named_people(text: str, mentions: list[Mention]) -> dict[str, Mention]:
    """People written with their body and title ("常州市工信局副局长史樱煜"): name → body, so that a
    later "史樱煜一行走访…" is that body's visit. Both the two- and the three-character reading of a
    name are kept; only one of them is ever written again."""
    people: dict[str, Mention] = {}
    for m in mentions:
        if m.start < 0:
            continue
        title = _TITLED_PERSON.match(text, m.end)
        if title:
            for name in {title.group(1), title.group(1)[:2]}:
                people[name] = m.at()
        before = _REPRESENTS_BODY.search(text, max(0, m.start - 12), m.start)
        if before:  # "李轶县长代表乐亭县与…签署": the person stands for the body he represents
            people.setdefault(before.group(1), m.at())
    return people


_REPRESENTS_BODY = re.compile(rf"(?<![{CJK}])([{CJK}]{{2,3}}?)副?(?:县长|市长|区长|镇长|校长|院长|所长|局长|董事长|总经理)代表$")


# people a body signs or talks with, named without their bodies ("与张峰、孙海燕签订…")
_WITH_PEOPLE = re.compile(rf"(?:与|同|和)((?:[{CJK}]{{2,3}}[、和及])*[{CJK}]{{2,3}})(?=(?:分别|共同)?(?:签订|签署|签约|座谈|会谈|洽谈|交流))")


_VISITS = re.compile(r"来访|到访|莅临|来我校|来校|一行|带队|走进|走访|来到|前往|(?<![奔])赴|应邀(?:来|到)")
# the event people attend: "…等参加签约仪式" names no signing by them
_ATTENDED = re.compile(r"(?:出席|参加|列席|见证)了?[^，,。；;]{0,20}?(?:仪式|会议|大会|活动)")
_EACH_SPOKE = re.compile(r"[^，,。；;与和]{0,6}?分别(?:作了?|进行了?)?[^，,。；;]{0,4}?(?:致辞|发言|讲话|介绍|汇报)")
_ALONG = re.compile(r"(?:会同|携(?!手|程))(?:(?!与|赴|前往|来到|走进|带领)[^，,。；;])*")  # up to where they go or whom they meet
_CAME = re.compile(r"来访|到访|莅临|来到|走进|来校|到校|来我校|调研|考察|交流")
_RECEIVES = re.compile(r"(?:接待|欢迎|迎接)了?[^，,。；;]{0,12}?一行|对[^，,。；;]{0,16}?一行的?(?:到来|来访)")
# the visitors, named earlier in the text; a bare team opening a clause and going somewhere: "随后，一行人来到A参观",
# "调研队伍首先参观了A", "学院班子成员先后赴A", "我校教师一行先后参观考察了A"
_GUESTS = re.compile(r"来访客人|来宾|客人|考察团|调研组|(?:(?<=[，,。；;：:])|^)(?:我校|学校|学院|我院)?"
                     r"(?:(?:调研|考察)队伍|(?:调研|考察|专家)?团队(?:一行人?)?|小分队|班子成员|(?:教师|专家|师生)?一行人?"
                     r"|[\u4e00-\u9fff]{0,6}?(?:服务队|服务团)(?:一行人?)?)"  # (乡村振兴服务队一行到达A)
                     r"(?=(?:首先|首站|先后|随后|同时|继续前行[，,]\s*)?(?:来到|到达|前往|赴|走进|在|参观|考察|走访))")


def _is_guests(text: str, m: Mention) -> bool:
    """`m` stands where the text calls the visitors by their team (调研队伍, 我校教师一行)."""
    g = _GUESTS.match(text, m.start)  # not fullmatch: the team is known by the visit after it
    return g is not None and g.end() == m.end


@dataclass
class Memory:
    """What the items of a news text so far leave for the items after them."""
    people: dict[str, Mention] = field(default_factory=dict)  # 史樱煜 → 常州市工信局 (named with a title)
    visitor: Mention | None = None  # the body that came to visit last
    co_visitors: list[Mention] = field(default_factory=list)  # … and those that came with it (A同B一行: B)
    first_pair: list[Mention] = field(default_factory=list)  # the first two related (双方签署… with no signing before)
    parties: list[Mention] = field(default_factory=list)  # the two that signed last (what 校地双方 / 校企双方 mean)
    listed: list[Mention] = field(default_factory=list)  # the universities listed last (what a later 11所高校 means)


def _people_as_partners(text: str, memory: Memory, mentions: list[Mention]) -> list[Mention]:
    """People named earlier with their body and title (汇川建材公司总经理张峰), each standing for
    that body where the text pairs them with another ("…代表A学院分别与张峰、孙海燕签订…"); and
    来访客人 / 来宾 / 客人, the body that came to visit ("来访客人随后与A学院进行了会谈")."""
    out = []
    visitor = memory.visitor
    for g in _GUESTS.finditer(text) if visitor is not None else ():
        if not any(m.start <= g.start() <= m.end for m in mentions):  # not "A大学考察团": A's own
            out.append(visitor.at(g.start(), g.end()))
    for w in _WITH_PEOPLE.finditer(text) if memory.people else ():
        at = w.start(1)
        for name in re.split("[、和及]", w.group(1)):
            body = memory.people.get(name)
            if body is not None and not any(m.start <= at < m.end for m in mentions):
                out.append(body.at(at, at + len(name)))
            at += len(name) + 1
    return out


_HOSTED_EVENT = re.compile(r"[^，,。；;]{0,24}?(?:仪式|大会|会议|专场|论坛|活动|博览会)")
_LEVEL = re.compile(r"([市区县])(?:人民政府|政府)?$")


def _own_bureau(gov: Mention, body: Mention) -> bool:
    """`body` is a bureau written with 市 / 区 / 县 alone (市科技局) and `gov` the government of that level
    the text is about (我市: 东台市人民政府)."""
    level = _LEVEL.search(gov.alias_of or gov.name) if gov.type == "government" else None
    return level is not None and body.name[:1] == level.group(1) and len(body.name) <= 8 and body.type == "government"


_OWN_COLLEGE = rf"(?:(?<![{CJK}])|(?<=[到访来赴与和同对向为在]))学院"  # a college's page: 学院 as a word of its own
OWN_GROUP = rf"(?<![{CJK}])集团(?=党委|董事|总裁|总经理|副总)"  # a group's page: "集团党委书记、总裁X赴…"


def _self_mentions(text: str, owners: dict[str, Mention], mentions: list[Mention]) -> list[Mention]:
    """我院 / 我所 / 我集团 where the page's owner is known: that body, at the word (not 我县 right
    before a body's name: that body is the county's)."""
    if not owners:
        return []
    out = []
    words = "|".join({"学院": _OWN_COLLEGE, "集团": OWN_GROUP}.get(w, re.escape(w)) for w in owners)
    for w in re.finditer(words, text):
        if w.group(0)[0] == "我" and w.group(0)[1] in "区县市" and any(m.start == w.end() for m in mentions):
            continue  # "与我县云集农民专业合作社签约": whose body it is, not a party of its own
        if not any(m.start <= w.start() < m.end for m in mentions):
            out.append(owners[w.group(0)].at(w.start(), w.end()))
    return out


def prose_relations(text: str, mentions: list[Mention], hits: list[Hit], context: Mention | None,
                    lex: Lexicons, item_districts: list[dict[str, str]],
                    memory: Memory | None = None,
                    firm: Mention | None = None,
                    owners: dict[str, Mention] | None = None) -> tuple[Mention | None, list[dict[str, Any]]]:
    """Prose: in each sentence, the first actor (an organisation, or a district that acts) that
    is not the object of a visit verb is the subject, and each other actor its partner. A
    sentence with no subject of its own continues the one before; 学校 / 校地 / 双方 bring in
    the university named last before this item (`context`); `hits` are the known names in `text`.
    `memory`: what the items before left (people, visitors, the first pair, the two that signed
    last: "校地双方共同调研了A、B" is both of them visiting each), kept up to date here for the
    items after. `owners`: the body a page's 我院 / 我所 / 我集团 stands for, wherever it says so.
    Returns (first subject, relations)."""
    actors_all = sorted(mentions + [d for d in _acting_districts(text, hits)
                                    if not any(m.start <= d.start < m.end for m in mentions)]
                        + _people_as_partners(text, memory or Memory(), mentions) + _self_mentions(text, owners or {}, mentions),
                        key=lambda m: (m.start, -m.end))
    relations: list[dict[str, Any]] = []
    seen_pairs: set[tuple[frozenset, str]] = set()
    # a body written again another way (厚捷医药集团 after 重庆厚捷医药集团有限公司) is the first one
    first_as: dict[tuple[int, int, str], Mention] = {}
    for i, m in enumerate(actors_all):
        first_as[(m.start, m.end, m.key)] = next((x for x in actors_all[:i] if x.key != m.key and same_body(x, m, units=False)
                                                 and x.id is None and m.id is None), m)

    def add(a: Mention, b: Mention, kind: str, sentence: str) -> None:
        a, b = first_as.get((a.start, a.end, a.key), a), first_as.get((b.start, b.end, b.key), b)
        pair = (frozenset((a.key, b.key)), kind)
        if _committee_and_its_government(a, b) or _committee_and_its_government(b, a):
            return  # "甲市委、市政府": one side
        if units_of_one_body([a.name, b.name]):
            return  # "学校社会合作处要牵头…，科技处要牵头…": two units of one university, not partners
        if context is not None and any(x.key == context.key and (bare_office(y.name) or x.start < 0 and bare_unit(y.name))
                                       for x, y in ((a, b), (b, a))):  # (学校…参观了化工学院: its own school too)
            return  # "校长…与科技处处长…出席我校与B签约仪式": the page's university and its own office, one side
        if (a.start >= 0 and b.start >= 0 and bare_unit(a.name) and bare_unit(b.name)
                and _OUR_UNITS.search(text, 0, min(a.start, b.start))):
            return  # "我校机械学院…项目、能动学院…项目": the page's university's own schools, one side
        if pair not in seen_pairs and not same_body(a, b):
            seen_pairs.add(pair)
            relations.append(_relation(a, b, kind, sentence))
            if kind == "签约" and memory is not None:
                memory.parties = [a.at(), b.at()]
            if memory is not None and not memory.first_pair:  # the first two related in the text
                memory.first_pair = [a.at(), b.at()]

    def add_all(group: list[Mention], kind: str, sentence: str) -> None:
        """Every two of `group` (bodies acting together), in list order."""
        for i, x in enumerate(group):
            for y in group[i + 1:]:
                add(x, y, kind, sentence)

    ctx = Mention(context.name, -1, -1, context.id, context.label, context.type) if context else None  # not in this text
    # the districts the item names other than as a venue only ("在重庆市北碚区西南大学举行")
    at_venue = [re.search(r"在(?:重庆市?)?$", text[max(0, m.start() - 4):m.start()]) is not None
                and _HELD.match(text, m.end()) is not None for m, _, _, _ in hits]
    venues = {h[1] for h, v in zip(hits, at_venue) if h[2] == "District" and v}
    elsewhere = {h[1] for h, v in zip(hits, at_venue) if h[2] == "District" and not v}
    local_districts = [d for d in item_districts if d["id"] not in venues or d["id"] in elsewhere]
    first_subject = current = None
    for s in _CLAUSE.finditer(text):
        s0, s1, sentence = s.start(), s.end(), s.group(0)
        if _LEADERS_ARE.search(sentence):
            continue  # "出席仪式的A的领导有…；B的领导有C、D等单位主要负责人": who came, no activity between them
        if _MANY_WITH_MANY.search(sentence):
            continue  # "A、B等20家企业与C、D等15家高校签约": who signed with whom, the text does not say
        words = _masked(sentence, s0, actors_all)  # activity words, not those inside names (科技成果转化中心)
        escort = _ESCORT.search(text, s0, s1)  # "在A副书记B和学校派驻的C陪同下，D…": those escorting are no actors
        after_escort = escort.end() - s0 if escort else 0  # where 学校 / 我校 can mean the university of the text
        in_clause = [m for m in actors_all if s0 <= m.start < s1 and not _is_place(text, m)
                     and not _CREDIT.match(text, m.end)  # "A供图": a credit, not an actor
                     and not (escort and escort.start() <= m.start < escort.end())
                     and not _in_cited_title(text, s0, s1, m)  # "完成了《A B 合作协议书》要求的目标": cited only
                     and not _PARENT_SAID.match(text, m.end)]  # "作为中科院新建研究所", "与中科院系统的合作渊源": whose it is
        # "为落实A和B战略合作，A与C签署…": the body where it acts, not where a frame names it first
        framed = [m for m in in_clause if _framed(text, s0, m)]
        actors = list(distinct([m for m in in_clause if m not in framed or not any(
            o.key == m.key and o.start > m.start and o not in framed for o in in_clause)]).values())
        can_act = [m for m in actors if (not _governed(text, s0, m) or _is_guests(text, m))
                   and not _BUILT_OBJECT.search(text, s0, m.start)]  # "此次共建A是…": what is built
        # "应A的邀请，B…": B, not the frame's A (the first of them if all are framed)
        subject = next((m for m in can_act if m not in framed), can_act[0] if can_act else None)
        # ("赴临沂市调研组先后参观了A": the team that went, not a place it went to)
        owned = next((m for m in actors if subject is not None and subject.start >= 0
                      and (re.fullmatch(r"(?:下属|旗下|所属)的?", text[subject.end:m.start])
                           or re.fullmatch(r"\s*[-—–－]{1,2}\s*", text[subject.end:m.start]) and bare_unit(m.name))), None)
        if owned is not None:
            actors = [m for m in actors if m is not subject]
            subject = owned  # "A集团下属B公司组织…", "A学院-B学院…": B acts; A only says whose it is
        first = next((m for m in actors if m not in framed), actors[0]) if actors else None
        if actors and subject is not None and subject is not first and (
                current is not None or not _DISTRICT_ACTS_AFTER.match(text, subject.end)):
            subject = None  # "（他们）参观了A、B，了解C的…": the visitors (the subject before), not C
        rep = _REPRESENTS.match(text, subject.end) if subject is not None and subject.start >= 0 else None
        if rep and any(m.start == rep.end() for m in actors):
            # "联盟秘书长王勇代表五所与A签署": the person's own body is a title; the one represented acts
            actors = [m for m in actors if m.key != subject.key]
            subject = next(m for m in actors if m.start == rep.end())
        rest = [m for m in actors if subject is not None and m.start > subject.end and m.key != subject.key]
        if (subject is not None and subject.start >= 0 and _ORGANISES.match(text, subject.end) and len(rest) >= 2
                and re.fullmatch(r"[与和同]", text[rest[0].end:rest[1].start]) and _AGREEMENT.search(text, rest[1].end, s1)):
            actors, subject = rest, rest[0]  # "由车辆工程学院牵头承办的A与B校企合作签约仪式": A and B sign; the school organises
        if subject is not None and subject.start >= 0 and _IS_MADE.match(text, subject.end):
            # "A是由B举办、C与B签约共建的…学校", "A作为B与C合作共建的…": A is what they made, not a party
            actors = [m for m in actors if m.key != subject.key]
            subject = actors[0] if actors else None  # the first maker, though 作为 / 由 come before it
        if subject is not None and subject.start >= 0 and _DESCRIBED.match(text, subject.end):
            continue  # "A与B是各自行业的龙头企业，C拥有…": what they are, no activity
        talkers = _talkers(text, actors, s1)
        if talkers:  # "A教授X、B博士Y、C公司总经理Z…就人工心脏项目召开了洽谈会": each with each
            add_all(talkers, "合作交流", sentence)
            current = talkers[0]
            continue
        respective = _respective_pairs(text, actors, s0, s1)
        if respective:  # "A处长X、B院长Y分别与C、D签署…": A with C, B with D
            kind = _nearest_kind(words, respective[-1][1].end - s0, lex) or "other"
            for a, b in respective:
                add(a, b, kind, sentence)
            current = respective[0][0]
            continue
        ceremony = _CEREMONY.search(text, s0, s1)  # "…共同参加了A与B产学研合作协议签约仪式": A and B sign
        signed = [m for m in actors if ceremony and ceremony.start(1) <= m.start < ceremony.end(1)] if ceremony else []
        if len(signed) >= 2:
            add_all(signed, "签约", sentence)
            current = signed[0]
            continue  # who attends it is no party to it
        parties, first_pair = (memory.parties, memory.first_pair) if memory is not None else ([], [])
        both = _BOTH.search(text, s0, s1) if parties or first_pair else None
        if both and re.search(r"代表$", text[max(s0, both.start() - 2):both.start()]):
            signing = [m for m in actors if subject is not None and subject.start < m.start < both.start()]
            if (first_pair and signing and subject.start >= 0 and _TITLE.match(text, subject.end)
                    and all(_department_head(text, m) for m in signing)):
                continue  # "A副所长X与B区委常委、组织部长Y代表双方签署": people sign for the pair named before
                # (a department's head signs for its government; "A副校长X、B集团董事长Y代表双方签约" is B's)
            if (len(first_pair) == 2 and not parties and not any(m.start < both.start() for m in actors)
                    and _AGREEMENT.search(text, both.end(), s1)):
                add(first_pair[0], first_pair[1], "签约", sentence)  # "曾小岩与邢世明分别代表双方签署共建协议":
                continue  # people sign for the two the text related first
            signers = [m for m in actors if m.start < both.start()]
            if (len(first_pair) == 2 and len(signers) == 2 and _AGREEMENT.search(text, both.end(), s1)
                    and all(_TITLE.match(text, m.end) for m in signers)
                    and any(m.key in {p.key for p in first_pair} for m in signers)
                    and any(bare_unit(m.name) or m.name.endswith("事业部") for m in signers)):
                add(first_pair[0], first_pair[1], "签约", sentence)  # "表面事业部研究员X和B董事长Y分别代表双方签约":
                continue  # a unit's researcher signs for his institute, the pair the text related first
            both = None  # "A与B代表双方签署": the two who sign here, not the pair before
        if both and (subject is None or both.start() < subject.start):
            # "校地双方共同调研了A、B": each of the two that signed last with each body the clause names
            pair = list(parties)
            end = both.end()  # 双方's own comma phrase and those that go on with it (…，并参观了A): not
            while True:       # "双方领导介绍了…，A代表B与C签订", which is B's
                phrase_end = _PHRASE_END.search(text, end, s1)
                if phrase_end is None or not _GOES_ON.match(text, phrase_end.end()):
                    break
                end = phrase_end.end()
            reach = phrase_end.start() if phrase_end else s1
            targets = [m for m in actors if both.end() <= m.start < reach
                       and all(m.key != p.key for p in pair) and not _built(text, s0, m, actors)] if pair else []
            kind = _nearest_kind(words, both.end() - s0, lex) if targets else None
            if (not pair and len(first_pair) == 2 and _AGREEMENT.search(text, both.end(), reach)
                    and not any(m.start >= both.end() for m in actors)):  # (no one else named: 《A B协议》 names its own)
                add(first_pair[0], first_pair[1], "签约", sentence)  # "A赴B走访调研。随后，双方签署…协议": they sign
                continue
            if kind is not None:
                for m in targets:
                    visited = _VISIT_OBJECT.search(text, _phrase_start(text, s0, m.start), m.start)
                    for p in pair:
                        add(p, m, "调研" if visited else kind, sentence)
                continue
        heads = _HEADS_SIGN.search(text, s0, s1) if not actors and len(first_pair) == 2 else None
        if heads and {first_pair[0].type, first_pair[1].type} == {"university", "government"}:
            add(first_pair[0], first_pair[1], "签约", sentence)  # "副校长张有东与副市长林成春签署校地合作共建协议":
            continue  # the university's head and the place's sign for the two the text related first
        on_behalf = _ON_BEHALF.search(text, s0, s1)
        signers = _chain(text, actors, next(i for i, m in enumerate(actors) if m.start == on_behalf.end()), "[、和及与]")[0] \
            if on_behalf and any(m.start == on_behalf.end() for m in actors) else _behalf_by_type(text, actors, on_behalf)
        if (len(signers) >= 2 and _AGREEMENT.search(text, signers[-1].end, s1)
                and not re.match(r"[，,]?\s*(?:分别)?(?:与|同)", text[signers[-1].end:])):  # (…代表A、B，与C签订: each with C)
            add_all(signers, "签约", sentence)  # "张三、李四分别代表A、B签署协议": A and B sign
            current = signers[0]
            continue
        for group, kind in _partners_together(text, actors):  # "与A和B签约共建X": A and B act together too
            add_all(group, kind, sentence)
        for group in _hosts_together(text, actors):  # "…主办，A、B承办": the organisers act together too
            add_all(group, _nearest_kind(words, group[-1].end - s0, lex) or "other", sentence)
        titles = []  # where the clause's agreement titles are: a party named in one signs
        for title in _AGREEMENT_TITLE.finditer(text, s0, s1):  # 《A B 合作框架协议》, 《A•B…协议书》: its parties
            if not _signed_here(text, s0, s1, title):
                continue  # cited, not signed here (its bodies are no actors of the clause)
            titles.append(title.span())
            inner = title.lastindex  # the title's words, whichever way it ends
            named = list(distinct([m for m in actors_all if title.start(inner) <= m.start and m.end <= title.end(inner)
                                   and not built_here(text, m.start)]).values())  # not …共建A研究院
            if len(named) >= 2:
                add_all(named, "签约", sentence)
        if subject is None and memory is not None and memory.people:  # "史樱煜一行走访…": the body 史樱煜 was named with
            led_by = _LED_BY.search(sentence)
            named = memory.people
            subject = led_by and (named.get(led_by.group(1)) or named.get(led_by.group(1)[-2:])) or None
        this_visit = _THIS_VISIT.match(sentence) if memory is not None and memory.visitor is not None else None
        if this_visit and (subject is None or subject.start >= s0 + this_visit.end()):
            subject = memory.visitor  # "本次调研了：A、B、C等三家公司": the visitors of the item before
        if subject is None and memory is not None and memory.visitor is not None and _TEAM_HEAD.match(sentence):
            subject = memory.visitor  # "关延平一行先后来到A、B": a team's head not named with a body, the team that came
        own_gov = _OWN_GOVERNMENT.search(text, s0, s1)
        if own_gov and own_gov.group(0) not in (owners or {}) and (subject is None or own_gov.start() < subject.start):
            current = None  # "我市与A签订…": a city we cannot name; better nothing than the subject before
            continue
        led_units: list[Mention] = []
        own = _OWN.search(text, s0 + after_escort, s1)
        if own and own.group(0) == "我院" and "我院" in (owners or {}):
            own = None  # "我院与A签署…" on an academy's page: 我院 is named (an actor of its own)
        units = _led_units(text, s0, s1, actors) if own is None and subject is None and ctx is None else []
        if units:  # "董事长带领机电学院和教务处负责人，来到…": its units go
            subject, led_units = units[0], units[1:]
        if (own and subject is not None and own.start() < subject.start and not _WITH_AFTER.match(text, own.end())
                and re.search(r"[，,]", text[own.end():subject.start])):
            own = None  # "为推动学校特色化发展，A学院与B签署…": the school of a purpose phrase; A acts
        if own and (subject is None or own.start() < subject.start):
            units = _led_units(text, own.end(), s1, actors) if ctx is None and subject is None else []
            if units:  # "校长率领化材学院负责人、科研处负责人前往A": its units go
                subject, led_units = units[0], units[1:]
            if subject is not None and bare_unit(subject.name) and (own.end() == subject.start or (
                    ctx is None and (_LEADS.search(text, own.end(), subject.start)
                                     or _people_then_visit(text, own.end(), subject, s1)))):
                pass  # "我校科技处走访A", "校长率领化材学院负责人…": its own unit acts (a node for this text only)
            elif (subject is not None and _TEAM_LED.search(text, own.end(), subject.start)
                  and re.match(r"[”\"]?\s*一行", text[subject.end:subject.end + 4])):
                pass  # "我院副院长X带队“A服务团”一行前往B": the named team it leads goes
            elif ctx is None:  # "我校与涪陵区…签署": a university we cannot name; better nothing than a guess
                current = None
                continue
            else:
                subject = ctx  # "学校与沙坪坝区深度合作": the university of the text acts first
        elif subject is not None and _WITH_BEFORE.search(text, max(s0, subject.start - 3), subject.start):
            after = [m for m in actors if m.start > subject.end and not _governed(text, s0, m)
                     and not _built(text, s0, m, actors)]  # (not "…，共同组建“A实验室”": what they build)
            # "在与A的两年合作中，B…": B acts with A; else "赴北京与A签署…": the subject is left out
            subject = after[0] if current is None and after and re.search(
                r"[，,]", text[subject.end:after[0].start]) else None
        group = _GROUP.search(text, s0, s1)
        listed = _last_list(text, actors_all, group.start()) if group and (subject is None or group.start() < subject.start) else []
        if group and not listed and memory is not None and (subject is None or group.start() < subject.start):
            listed = [m.at(group.start(), group.end()) for m in memory.listed]  # a caption under the list's paragraph
        if listed:  # "A、B、C等11所高校代表参会…11所高校与武隆区签署": the universities listed before
            subject = listed[0]
        if subject is None:
            subject = current
        if subject is None and ctx is not None and _SELF.search(sentence, after_escort):
            subject = ctx  # 学校 / 校地 / 双方 with no organisation named: the university of the text
        makers = _makers(text, [m for m in actors_all if s0 <= m.start < s1])
        if makers:  # "该中心是A和B联合打造的创新孵化平台": A and B built it; no partners of the subject before
            add_all(makers, "共建", sentence)
            actors = [m for m in actors if all(m.key != k.key for k in makers)]
        allied = _allied_founders(text, s0, s1, actors, subject)
        if allied:  # "A联合B、C等85所高校…召开X联盟成立大会": they found the alliance together;
            # "A联合B、C共同承办" / "A联合B、C开展…活动": they host it together, with the kind the event names
            hosted = not _FOUNDING.search(text, s0, s1)
            at = allied[-1].end - s0
            phrase = words[:(_PHRASE_END.search(words, at) or re.search("$", words)).start()]
            add_all(allied, (_nearest_kind(phrase, at, lex) or "other") if hosted else "共建", sentence)
            if subject is None or allied[0] is subject:
                current = allied[0]
                first_subject = first_subject or allied[0]
                continue
            actors = [m for m in actors if m not in allied]  # ("由A、B主办，C联合D、E共同承办": A and B go on)
        founders = _founders(text, s0, s1, actors, subject)
        if founders:  # "联盟由A和B联合发起": A and B found it together; it is no party
            verb = _FOUNDS.match(text, founders[-1].end) or _JOINTLY.match(text, founders[-1].end)
            founded = _FOUNDED.search(text, verb.end(), verb.end() + 6) or _FOUNDED.search(verb.group(0)) if verb else None
            at = founders[-1].end - s0
            phrase = words[:(_PHRASE_END.search(words, at) or re.search("$", words)).start()]
            # the founders' own phrase: a training named clauses later is not what they did together
            kind = _nearest_kind(phrase, at, lex) or ("共建" if founded else "other")
            if founded and kind == "合作交流":
                kind = "共建"  # "由A与B合作设立": they set it up together, not talks
            split = max((i for i in range(1, len(founders)) if "与" in text[founders[i - 1].end:founders[i].start]), default=0)
            if len(founders) >= 3 and split and _AGREEMENT.search(phrase, at):
                for x in founders[:split]:  # "由A、B与C共同举办的…签约仪式": A and B each sign with C
                    for y in founders[split:]:
                        add(x, y, "签约", sentence)
            else:
                add_all(founders, kind, sentence)
            current = founders[0]
            first_subject = first_subject or founders[0]
            continue
        # what the clause builds (…签署协议，共建A研究院) is not a party to it
        partners = [m for m in actors if (subject is None or m.key != subject.key) and not _built(text, s0, m, actors)
                    and not _needs_of(text, s0, m) and m not in led_units
                    and not (subject is not None and m.end <= subject.start and _framed(text, s0, m))]
        # "A负责人和B负责人分别作了交流发言": each spoke, neither with the other
        partners = [m for m in partners if not _EACH_SPOKE.match(text, m.end) and not _attendee(text, m, s1)
                    and not (m.start > 0 and text[m.start - 1] == "是" and text.startswith("的", m.end))]  # "是A的供应商之一": what it is
        along = _ALONG.search(text, s0, s1)  # "A牵头，会同B、C等单位…赴D考察": B and C come along, no one's partners
        if along and subject is not None and subject.start < along.start():
            partners = [m for m in partners if not along.start() <= m.start < along.end()]
        firms = _FIRM_GROUP.search(text, subject.end if subject is not None and subject.start >= s0 else s0, s1)
        if firms and subject is not None:  # "A还与上述两家企业分别签订…": each firm of the list before
            partners += [m.at(firms.start(), firms.end())
                         for m in _last_list(text, actors_all, firms.start(), "enterprise")
                         if all(p.key != m.key for p in partners)]
        co_subjects: list[Mention] = []
        party = re.search("一行", sentence)
        delegation = [m for m in actors if party and m.start >= 0 and m.end <= s0 + party.start()
                      and not (m in framed and subject is not None and m.start < subject.start)]  # ("应A的邀请，B一行…": not A)
        if not party and subject is not None:  # "A院长X、B负责人Y对C进行了交流访问": the people of A and B visit
            delegation = _people_visiting(text, subject, actors, s1)
        lead_from = (subject.end - s0 if subject is not None and subject.start >= s0
                     else own.end() - s0 if own is not None and subject is not None and subject is ctx else None)
        led = _LEADS.search(sentence, lead_from) if lead_from is not None else None  # (该校副校长X率领…: from 该校)
        arrives = _ARRIVES.search(sentence, led.end()) if led else None
        if arrives:  # "A院长率校科研处、B学院负责人莅临…": who A leads comes with A
            delegation = [subject] + [m for m in actors if s0 + led.end() <= m.start and m.end <= s0 + arrives.start()]
        if subject is not None and len(delegation) >= 2 and subject in delegation:
            # "A主任、B总经理等一行8人来访…": one delegation, not partners of each other
            # a bare department in it (综合部部长…) is the subject's own, not another body
            co_subjects = [m for m in delegation if m is not subject and not bare_office(m.name)]
            partners = [m for m in partners if m not in delegation]
        elif subject is not None and subject.start >= 0:  # "A、B、C等高校展示了成果": co-subjects, not partners
            chain, end = [], subject.end
            for m in partners:
                if m.start >= end and _list_mates(text, end, m.start):
                    chain.append(m)
                    end = m.end
                elif m.start >= end:
                    break
            partners = [m for m in partners if m not in chain]
            # "由A、B、C共同牵头组建", "A、B出资成立…", "《A B合作协议》": they act together; with
            # partners named ("A、B与C签订…") each of them acts with the partners
            if chain and units_of_one_body([m.name for m in [subject] + chain]):
                pass  # "科技处、社会合作处、A学院等负责人共同审议…": one university's own units
            elif chain and (_JOINTLY.match(text, end) or (not partners and _CO_ACTION.search(words)
                                                        and not _ATTENDS.search(sentence)
                                                        and not _WITH_SELF.search(sentence, end - s0)
                                                        and not _with_unnamed(text, end, actors_all))):
                kind = _agreed(_nearest_kind(words, end - s0, lex) or "other", words, end - s0)
                add_all([subject] + chain, kind, sentence)
            co_subjects = chain
        if listed:
            co_subjects = listed[1:]
        co_subjects = co_subjects + [m for m in led_units if m not in co_subjects]
        if subject is not None and subject.start >= 0 and memory is not None and _is_guests(text, subject):
            # "调研组一行分别走访了…": all who came, not only the first of them
            co_subjects = co_subjects + [m.at(subject.start, subject.end) for m in memory.co_visitors]
        joint = _joint_partners(text, subject, partners)
        if joint:  # "A与B、C、D共同主办": B, C and D act with each other too
            kind = _agreed(_nearest_kind(words, joint[-1].end - s0, lex) or "other", words, joint[-1].end - s0)
            add_all(joint, kind, sentence)
        if ctx is not None and subject is not None and _SELF.search(sentence, after_escort):
            if subject.label == "District" and all(m.key != ctx.key for m in partners):
                partners.append(ctx)  # "北碚帮助学校…": the district with the university
            elif (subject.type != "university" and subject.start >= 0
                  and (ours := _OWN.search(text, subject.end, s1)) and ours.group(0) != "我院"  # (a college's or an academy's)
                  and all(m.key != ctx.key for m in partners)
                  and not (_ATTENDED.search(sentence) and not _CAME.search(sentence))):  # (not "…、学校领导出席仪式")
                partners.append(ctx)  # "A局长一行到我校交流": the body with the university of the text
            elif subject.key == ctx.key and not partners and _LOCAL.search(sentence) and local_districts:
                d = local_districts[0]  # "校地双方": the university with the district of the text
                partners.append(Mention(d["name"], -1, -1, d["id"], "District", "government"))
        if (ctx is not None and subject is not None and subject.start >= 0 and subject.type != "university" and not partners
                and _CAME_HERE.search(text, subject.end, s1)):
            for head in [subject] + [m for m in co_subjects if m.key != ctx.key]:
                add(head, ctx, "调研", sentence)  # "A县长X…一行专程来访": on a university's page, a visit to it
        ours = OUR_FIRM.search(text, max(subject.end, s0), s1) if firm is not None and subject is not None else None
        if ours and subject.key != firm.key and all(m.key != firm.key for m in partners):
            # "A院长率队莅临我司": the visitor (not those it leads) with the company of the page
            kind = _nearest_kind(words, ours.start() - s0, lex) or "other"
            add(subject, firm, "调研" if _ARRIVES.search(words, 0, ours.start() - s0) and kind != "签约" else kind, sentence)
        if subject is None:
            continue
        if (subject.start >= 0 and _TITLE.match(text, subject.end) and _ATTENDS.search(sentence)
                and _nearest_kind(_ATTENDED.sub(lambda m: "□" * len(m.group(0)), words), len(sentence), lex) is None):
            continue  # "A主任X、B局长Y出席会议": who attended; "会后，参观了C" is still the visitors'
        current = subject
        if (memory is not None and (subject.start >= 0 or subject is ctx) and _VISITS.search(sentence, max(0, subject.end - s0))
                and not _RECEIVES.search(sentence, max(0, subject.end - s0))):  # "A接待了调研组一行": A is the host
            memory.visitor, memory.co_visitors = subject.at(), [m.at() for m in co_subjects]
        if _ELECTS.search(sentence):
            continue  # "选举A的X为理事长，B院长Y为副理事长": people's positions, not activities
        first_subject = first_subject or subject
        heads = [subject] + co_subjects
        for partner in partners:
            if _starts_pair(text, s0, partner, heads[0]):
                heads = [partner]  # "A与B，C与D签约": C acts with D, not with A
                continue
            head = heads[0]
            if head.name in partner.name or partner.name in head.name or (head.label == "University" and context is not None
                                             and head.id == context.id and context.name in partner.name):
                continue  # the subject's own unit (重庆交通大学前沿技术交叉研究院): not a partner
            at = partner.end - s0 if partner.start >= 0 else len(sentence)
            kind = _nearest_kind(words, at, lex)
            if kind is None and _ATTENDS.search(sentence):
                continue  # "A主任…、B领导…出席": a list of who attended, not an activity between them
            if partner.start >= 0 and _TITLE.match(text, partner.end) and (
                    kind is None or head.start >= 0 and _TITLE.match(text, head.end)
                    and not _LINKED.search(text, head.end, partner.start)):
                continue  # "A院士X和B院士Y作了演讲", "邀请了A局长X、B研究员Y": people named by their bodies
            if (kind is None and partner.start >= 0 and _THANKS.search(
                    text, _phrase_start(text, s0, partner.start),
                    (_PHRASE_END.search(text, partner.end, s1) or re.search("$", text[:s1])).start())):
                continue  # "对北京大学…的大力支持表示衷心感谢": thanks or a welcome, no activity between them
            if partner.start >= 0 and _SPEAKER.match(text, partner.end):
                continue  # "…主持，B校长助理刘平表示，…成果转化…": what B's officer says, not an activity with B
            if (partner.start > head.end >= s0 and _SPEAKER.match(text, head.end)
                    and not _WITH.search(text, head.end, partner.start)):
                continue  # "A张明部长介绍了B的建设进展": what A's officer speaks about is no partner
            if (kind is None and partner.start > head.end >= s0
                    and not _LINKED.search(text, head.end, partner.start)):
                continue  # "A、B、C、D" with no verb or connective: a list, not an activity between them
            if 0 <= partner.start < head.start and _attends(words, head.end - s0, lex):
                continue  # "我院与A签订…，B系主任X出席了签约仪式": B attends what the unnamed 我院 signed
            if (partner.start >= 0 and _attends(words, at, lex)
                    and not _VISITED.search(text, _phrase_start(text, s0, partner.start), partner.start)):
                continue  # (but "先后走访了A、B，…，C负责人陪同": A and B were visited, they attend nothing)
            if partner.start >= 0 and _HOSTED_EVENT.match(text, partner.end) and re.search(r"(?:参加|出席)了?$",
                                                                                        text[max(s0, partner.start - 3):partner.start]):
                continue  # "我市参加了教育部“蓝火计划”…签约仪式": the host of an event attended, not a partner
            if _own_bureau(head, partner) or _own_bureau(partner, head):
                continue  # "市科技局…，我市…": a city and its own bureau are one side
            kind = _agreed(kind or "other", words, max(0, at))
            if any(a <= partner.start < b for a, b in titles):
                kind = "签约"  # "A签署《A B 合作框架协议》": the title's 合作 is the agreement's name
            elif partner.start >= 0 and _CO_HOSTS.match(text, partner.end) and not _AGREEMENT.search(text, partner.end, s1):
                # "A与B联合举办了…主题党日活动，通过实地调研…": they host an event together, of the kind the
                # event's own phrase ends with (…技术转移专题对接会: talks), else other
                event = text[partner.end:(_PHRASE_END.search(text, partner.end, s1) or re.search("$", text[:s1])).start()]
                kind = _nearest_kind(event, len(event), lex) or "other"  # (the event's last word: …对接会)
            visited = partner.start >= 0 and _VISIT_OBJECT.search(  # in the partner's own comma phrase
                text, max(s0, head.end, _phrase_start(text, s0, partner.start)), partner.start)
            if (not visited and partner.start >= 0 and _bare_place(partner)
                    and _GOES_TO.search(text, max(s0, partner.start - 3), partner.start)):
                visited = True  # "到杭州市进行合作交流洽谈": a place gone to is visited, whatever the activity
            if (not visited and partner.start >= 0
                    and re.search("赴", text[max(s0, head.end, _phrase_start(text, s0, partner.start)):partner.start])
                    and (partner.type == "government" or kind != "签约"
                         and _nearest_kind(text[partner.end:_gone_for(text, partner.end, s1)], 0, lex) in (None, "调研"))):
                visited = True  # "凤县赴A、B开展“一把手”进高校活动", "赴岱山县开展科技洽谈对接活动": a body or place gone to
                # with no other activity in its phrase, a place whatever the activity ("赴A公司沟通对接" is talks)
            own_end = _PHRASE_END.search(text, partner.end, s1) if visited else None
            if visited and (kind != "签约" or not _AGREEMENT.search(text, _phrase_start(text, s0, partner.start),
                                                                     own_end.start() if own_end else s1)):
                kind = "调研"  # "参观了A，…表示将推进全面战略合作": the visit; an agreement signed there stays one
            for actor in heads:
                if partner.start < 0 and any(frozenset((actor.key, partner.key)) == p for p, _ in seen_pairs):
                    continue  # "双方将…": the pair already related in this item, said again
                add(actor, partner, kind, sentence)
    if memory is not None:
        memory.listed = _last_list(text, actors_all, len(text)) or memory.listed
    return first_subject, relations


_FOUNDED = re.compile("发起|组建|出资|成立|设立|创办|打造")  # what founders do, after 联合 / 共同 or in its place
_MADE_BY = re.compile(r"\s*(?:等\S{0,6}?)?(?:联合|共同|合作)?(?:打造|共建|建设|设立|创办|组建|成立)的")
_MAKER_DISTRICT = re.compile(r"(?:[和与、及][^，,。；;]{2,30}?)" + _MADE_BY.pattern)  # "是巴南区政府和A联合打造的"


def _signed_here(text: str, s0: int, s1: int, title: re.Match) -> bool:
    """The clause signs the agreement its title names: a signing word outside the title."""
    return bool(_AGREEMENT.search(text, s0, title.start()) or _AGREEMENT.search(text, title.end(), s1))


def _in_cited_title(text: str, s0: int, s1: int, m: Mention) -> bool:
    """`m` is named inside an agreement's title that its clause cites without signing it
    ("研究院全面完成了《A B 共建…合作协议书》要求的目标")."""
    return m.start >= 0 and any(t.start() <= m.start < t.end() and not _signed_here(text, s0, s1, t)
                                for t in _AGREEMENT_TITLE.finditer(text, s0, s1))


def _makers(text: str, actors: list[Mention]) -> list[Mention]:
    """The bodies a description names as the makers of what it describes ("是A和B联合打造的…", "是由A与B
    共同组建的…"): two or more, listed right after 是 / 是由; else []."""
    for i, m in enumerate(actors):
        if m.start < 1 or not re.search(r"是由?$", text[max(0, m.start - 2):m.start]):
            continue
        chain, end = _chain(text, actors, i, "[、和及与]")
        if len(chain) >= 2 and _MADE_BY.match(text, end):
            return chain
    return []


_OUR_UNITS = re.compile(r"我校[^，,。；;]{0,4}$")
_THANKS = re.compile(r"对[^，,。；;]{0,40}?表示(?:热烈|衷心|诚挚|由衷)?的?(?:欢迎|感谢|祝贺|谢意)")
_FOUNDING = re.compile(r"成立大会|宣布成立|发起成立|(?:共同|联合)发起")


def _allied_founders(text: str, s0: int, s1: int, actors: list[Mention], subject: Mention | None) -> list[Mention]:
    """"A联合B、C、D等85所高校…召开X联盟成立大会": a body and those it gathers with 联合, when the clause
    founds something (成立大会, 宣布成立, 共同发起) or they host something together right after the list
    (共同承办, 开展…活动); else []."""
    for lead in actors:
        joined = re.match(r"\s*联合", text[lead.end:]) if lead.start >= 0 else None
        if joined is None:
            continue
        run, end = [lead], lead.end + len(joined.group(0))
        for m in actors:
            if m.start < end:
                continue
            if not re.fullmatch(r"[、和及与\s]*", text[end:m.start]):
                break
            run.append(m)
            end = m.end
        if len(run) >= 2 and (_FOUNDING.search(text, s0, s1) or _HOSTED_TOGETHER.match(text, end)):
            return run
    return []


_HOSTED_TOGETHER = re.compile(r"\s*(?:等\S{0,6}?)?(?:共同|联合)?(?:承办|主办|举办|协办)|\s*开展[^，,。；;]{0,20}?活动")


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
    if _FOUNDS.match(text, end) and re.search("成立|组建", text[end:s1]):
        # "联盟由A牵头，联合B、C等共同组建": B and C found it with A; "由A牵头…共同成立": A alone
        return chain + _co_founders_after(text, end, s1, actors)
    return []


_CO_FOUNDED = re.compile(r"(?:等[^，,。；;、]{0,8}?)?(?:共同|联合)(?:组建|发起|成立|设立)")
_GATHERS = re.compile(r"联合|集聚|汇聚|携手|会同|吸纳")


def _co_founders_after(text: str, start: int, s1: int, actors: list[Mention]) -> list[Mention]:
    """After "由A牵头": the bodies a later phrase gathers that 共同组建 with A ("…，集聚B、C等大型央企及D、
    E等共同组建"): the run of bodies right before 共同组建, listed after 联合 / 集聚…; else []."""
    later = [m for m in actors if start <= m.start < s1]
    for i in range(len(later) - 1, -1, -1):
        if not _CO_FOUNDED.match(text, later[i].end):
            continue
        run = [later[i]]
        for m in reversed(later[:i]):
            if not re.fullmatch(r"(?:等[^，,。；;、]{0,6}?)?[、和及与]\s*", text[m.end:run[0].start]):
                break
            run.insert(0, m)
        gathered = _GATHERS.search(text, max(start, run[0].start - 12), run[0].start)
        return run if gathered and not re.search(r"[。；;]", text[start:run[0].start]) else []
    return []


_CO_HOSTS = re.compile(r"\s*(?:等\S{0,6}?)?(?:联合|共同)(?:举办|主办)")  # right after the partner
_HOSTS = re.compile(r"\s*(?:等\S{0,6}?)?(?:共同|联合)?(?:主办|承办|协办|联办)")


_TYPE_WORD = re.compile(r"(?:(研究所|研究院)|(学校|大学|学院)|(公司|集团))(?=[、和及与])")


def _behalf_by_type(text: str, actors: list[Mention], on_behalf: re.Match | None) -> list[Mention]:
    """"A所长X与B董事长Y分别代表研究所和C公司签字": the type word stands for the body of that type
    named last before it (A), then the bodies listed after it."""
    t = _TYPE_WORD.match(text, on_behalf.end()) if on_behalf else None
    if t is None:
        return []
    type_ = ("platform", "university", "enterprise")[t.lastindex - 1]
    meant = [m for m in actors if m.end <= on_behalf.start() and m.type == type_]
    after = next((i for i, m in enumerate(actors) if m.start == t.end() + 1), None)
    return [meant[-1], *_chain(text, actors, after, "[、和及与]")[0]] if meant and after is not None else []


def _chain(text: str, actors: list[Mention], i: int, joints: str) -> tuple[list[Mention], int]:
    """The list that starts at actors[i]: the actors after it joined by one of `joints` each, and
    where the list ends."""
    chain, end = [actors[i]], actors[i].end
    for m in actors[i + 1:]:
        if m.start >= end and re.fullmatch(joints, text[end:m.start]):
            chain.append(m)
            end = m.end
        elif m.start >= end:
            break
    return chain, end


def _hosts_together(text: str, actors: list[Mention]) -> list[list[Mention]]:
    """Two or more bodies listed right before 主办 / 承办 / 协办 ("A、B承办"): they host together."""
    groups, taken = [], 0
    for i, first in enumerate(actors):
        if first.start < taken:
            continue
        chain, end = _chain(text, actors, i, "[、和及与]")
        if len(chain) >= 2 and _HOSTS.match(text, end):
            groups.append(chain)
            taken = end
    return groups


def _partners_together(text: str, actors: list[Mention]) -> list[tuple[list[Mention], str]]:
    """Bodies listed right after 与 that sign to build something together ("与A和B签约共建X产业学院",
    "与A、B、C签约共建…"): each list acts as one, whoever the clause's subject is (我院, unnamed)."""
    groups = []
    for i, first in enumerate(actors):
        if first.start <= 0 or text[first.start - 1] != "与":
            continue
        chain, end = _chain(text, actors, i, "[和、及]")
        verb = _TOGETHER.match(text, end)
        if len(chain) >= 2 and verb:
            groups.append((chain, "共建" if "共建" in verb.group(0) else "签约"))
    return groups


_PERSON_NEXT = re.compile(r"[^，,。；;：:与和同及]{2,16}?、")  # "院长卫国英教授、": a person, then the next
_VISIT_NEXT = re.compile(r"[^，,。；;：:与同]{0,60}?(?:访问|调研|考察|走访|参观|来到|前往|莅临)")


def _people_visiting(text: str, subject: Mention, actors: list[Mention], s1: int) -> list[Mention]:
    """The bodies of a list of people that opens a visit ("A院长X、B负责人Y、Z博士对C进行了交流访问",
    "A主任X、B经理Y走访了C"): one delegation with `subject` first; else []."""
    if subject.start < 0:
        return []
    group, end = [subject], subject.end
    for m in actors:
        if m.start < end:
            continue
        gap = text[end:m.start]
        if not (_PERSON_NEXT.fullmatch(gap) and _PERSON.search(gap)) or _ATTENDS.search(gap):
            break
        group.append(m)
        end = m.end
    visit = _VISIT_NEXT.match(text, end) if len(group) >= 2 else None
    if visit is None or visit.end() > s1 or _ATTENDS.search(visit.group(0)):
        return []
    after = next((m.start for m in actors if m.start >= end), visit.end())  # the people before the body visited
    if not _PERSON.search(text, end, min(after, visit.end())):
        return []
    return group


def _gone_for(text: str, at: int, s1: int) -> int:
    """Where what a body gone to (ending at `at`) is visited for is told: its comma phrase, and the
    next where that says it ("赴A学院，参加该院…大会")."""
    own = _PHRASE_END.search(text, at, s1)
    if own and _GONE_FOR.match(text, own.end()):
        own = _PHRASE_END.search(text, own.end(), s1)
    return own.start() if own else s1


def _department_head(text: str, m: Mention) -> bool:
    """`m` is a department named only in its head's title (区委常委、组织部长X: 组织部 and 长)."""
    return m.name.endswith("部") and text[m.end:m.end + 1] == "长"


def _attendee(text: str, m: Mention, s1: int) -> bool:
    """`m` is named with a person who, with others listed, attends the event ("…，B管委会蔚钟声主任，C董事长
    尚新春等参加签约仪式"): an attendee, not a party; not where the person also signs or meets someone."""
    if m.start < 0 or not re.match(rf"(?:[{CJK}]{{2,3}})?{_TITLE.pattern}", text[m.end:m.end + 12]):
        return False
    attends = _ATTENDED.search(text, m.end, s1)
    return attends is not None and not re.search(r"签署|签订|与|同|和", text[m.end:attends.start()])


def _people_then_visit(text: str, start: int, unit: Mention, s1: int) -> bool:
    """Only people between `start` (after 学校 / 我校) and `unit`, and the sentence goes on to a team's
    visit: "学校副院长马凯、五级职员孙平文、校企合作处处长华英…等一行7人先后走访调研了A" (the units go)."""
    return (re.fullmatch(rf"(?:{_PERSON_NEXT.pattern})+", text[start:unit.start]) is not None
            and _PERSON.search(text, start, unit.start) is not None
            and re.search(r"一行[^，,。；;]{0,8}?(?:走访|调研|考察|参观|来到|前往|赴|到)", text[unit.end:s1]) is not None)


# a university's head and a place's head signing a university-place agreement, neither body named
_HEADS_SIGN = re.compile(rf"(?:党委)?(?:副?校长|书记)[{CJK}]{{2,3}}(?:与|和|同)(?:常务)?副?[市区县]长[{CJK}]{{2,3}}"
                         r"(?:共同)?(?:签署|签订)了?[^，,。；;]{0,6}?校地")
_ORGANISES = re.compile(r"(?:牵头)?(?:承办|主办|筹办|组织)的")
_PARENT_SAID = re.compile(r"(?:新建|直属|下属|所属|旗下)的?(?:研究所|研究院|单位|机构|企业|高校|院所)|系统(?:的|内|之)|宣传片|宣传视频")
# (…, or whose film is watched: "观看了山东科技大学宣传片")
_CAME_HERE = re.compile(r"一行(?:专程|先后)?(?:来访|到访|莅临)(?=[，,。；;]|$)")
_EACH_WITH = re.compile(r"分别(?:与|同|和)")
_HEAD_BETWEEN = re.compile(r"[^，,。；;：:与和同及]{2,16}?、")  # a head's title and name, then the list mark


_TALKS_HELD = re.compile(r"[^，,。；;]{0,90}?(?:召开|举行)了?[^，,。；;]{0,6}?(?:洽谈会|座谈会|研讨会|交流会|对接会)")


def _talkers(text: str, actors: list[Mention], s1: int) -> list[Mention]:
    """Three or more bodies listed with their people, who then hold talks ("清华大学张锡文教授、北京阜外医院
    李国荣博士、中山好特人工心脏公司冯森铭总经理…就…召开了洽谈会"): all of them; else []."""
    run = [m for m in actors if m.start >= 0]
    if len(run) < 3:
        return []
    for a, b in zip(run, run[1:]):
        if _HEAD_BETWEEN.fullmatch(text, a.end, b.start) is None or not _PERSON_AFTER.match(text, a.end):
            return []
    if not _PERSON_AFTER.match(text, run[-1].end):
        return []
    return run if _TALKS_HELD.match(text, run[-1].end, s1) else []


_PERSON_AFTER = re.compile(rf"[{CJK}]{{2,3}}(?:教授|博士|研究员|院士|总经理|董事长|主任|所长|院长|总监)|(?:教授|博士|研究员|总经理|董事长|主任|所长|院长)[{CJK}]{{2,3}}")


def _respective_pairs(text: str, actors: list[Mention], s0: int, s1: int) -> list[tuple[Mention, Mention]]:
    """Bodies listed with their heads, then 分别与 a list of as many ("合作处处长高尚兵、机材学院院长高荣、
    自动化学院党委书记郑洋分别与中天电气、亚奥机械、万威电气签署…"): each with the one in its place; else []."""
    each = _EACH_WITH.search(text, s0, s1)
    if each is None:
        return []
    left = [m for m in actors if m.start >= 0 and m.end <= each.start()]
    right = [m for m in actors if m.start >= each.end()]
    if len(left) < 2 or not right or right[0].start != each.end():
        return []
    for a, b in zip(left, left[1:]):
        if _HEAD_BETWEEN.fullmatch(text, a.end, b.start) is None or not _PERSON.search(text, a.end, b.start):
            return []  # (not "A、B分别与C…": bodies listed bare go with each of C…)
    if not _PERSON.search(text, left[-1].end, each.start()) or re.search("[，,。；;]", text[left[-1].end:each.start()]):
        return []
    run = right[:1]
    for m in right[1:]:
        if not re.fullmatch(r"[、和及]", text[run[-1].end:m.start]):
            break
        run.append(m)
    return list(zip(left, run)) if len(run) == len(left) else []


def _list_mates(text: str, end: int, start: int) -> bool:
    """Two bodies of one list: only 、 和 及 and listed items no name form found between them, and no
    people ("A董事长X、B院长Y")."""
    return (_LIST_MATES.fullmatch(text, end, start) is not None and not _PERSON.search(text, end, start)
            and "分别" not in text[end:start]  # "A分别和B、C签署": B and C each with A, not A's list mates
            and not _VISITED.search(text, end, start))  # "学院班子成员先后赴A园、B公司": where they went


def _joint_partners(text: str, subject: Mention | None, partners: list[Mention]) -> list[Mention]:
    """The partners listed right after "subject与" when the list is followed by 共同 / 联合…: all of
    them act together ("A与B、C、D共同主办"); else []."""
    if subject is None or subject.start < 0 or len(partners) < 2:
        return []
    first = partners[0]
    if first.start < subject.end or not _WITH_BEFORE.search(text, max(subject.end, first.start - 2), first.start):
        return []
    run = [first]
    for m in partners[1:]:
        if not _list_mates(text, run[-1].end, m.start):
            break
        run.append(m)
    return run if len(run) >= 2 and _JOINTLY.match(text, run[-1].end) else []


def _last_list(text: str, actors: list[Mention], before: int, type_: str = "university") -> list[Mention]:
    """The last list of two or more universities (or bodies of `type_`) named before `before`
    (A、B和C), in text order."""
    unis = [m for m in actors if m.type == type_ and m.end <= before]
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
    start = _phrase_start(text, s0, m.start)
    return start > head.end and not text[start:m.start].strip() and _WITH_AFTER.match(text, m.end) is not None


def _phrase_start(text: str, s0: int, pos: int) -> int:
    """Where the comma phrase holding `pos` starts, in the clause starting at `s0`."""
    return max((p.end() for p in _PHRASE_END.finditer(text, s0, pos)), default=s0)


def _led_units(text: str, start: int, end: int, actors: list[Mention]) -> list[Mention]:
    """The offices and schools named without their body that a head, after `start`, leads somewhere
    ("校长率领化材学院负责人、科研处负责人前往A"): they go, the first as the subject; else []."""
    lead = _LEADS.search(text, start, end)
    came = _ARRIVES.search(text, lead.end(), end) if lead else None
    units = [m for m in actors if lead.end() <= m.start and m.end <= came.start()] if came else []
    return units if units and all(bare_unit(m.name) for m in units) else []


def _policy_of(text: str, s0: int, m: Mention) -> bool:
    """`m` is named for its requirement ("为贯彻落实A主任办公会精神"), in its own comma phrase."""
    start = _phrase_start(text, s0, m.start)
    end = _PHRASE_END.search(text, m.end)
    return bool(_POLICY_OF.search(text, start, m.start) and _REQUIREMENT.search(text, m.end, end.start() if end else len(text)))


def _framed(text: str, s0: int, m: Mention) -> bool:
    """`m` is the object of 以 / 依托 / 作为… in its own comma phrase ("作为A牵头单位，B与C签署"): a frame
    for the clause, not a party to it."""
    start = _phrase_start(text, s0, m.start)
    frame = _NOT_AGENT.search(text, start, m.start)
    if frame and frame.group(0) == "以" and re.match(r"[^，,。；;]*?组成", text[m.end:]):
        return False  # "以A局长X、B局长Y等一行7人组成的考察团": A and B make up the team
    return bool(frame or _policy_of(text, s0, m) or _PURPOSE.match(text, start, m.start))


_PURPOSE = re.compile(r"\s*为(?:了)?[^，,。；;]{0,6}?(?:推进|推动|促进|加快|助力|帮助)[^，,。；;]*$")  # "为扎实推进A建设工作，B…"


def _committee_and_its_government(a: Mention, b: Mention) -> bool:
    """`a` is a party committee (巢湖市委) and `b` the government of that level written alone (市政府)."""
    level = re.search(r"([市区县])委$", a.name)
    return level is not None and re.fullmatch(level.group(1) + "(?:人民)?政府", b.name) is not None


def _needs_of(text: str, s0: int, m: Mention) -> bool:
    """`m` is named for its needs ("结合A及全省产业发展需求"), not as a party."""
    return (m.start >= 0 and _SERVES_NEEDS.search(text, _phrase_start(text, s0, m.start), m.start) is not None
            and _NEEDS.match(text, m.end) is not None)


def _governed(text: str, s0: int, m: Mention) -> bool:
    """`m` is the object of a visit verb (考察了A) or a preposition (以A…, 依托A…) in its own comma
    phrase, so not the one who acts: "为深入贯彻…，A与B签署" does not make A visited."""
    if m.start > 0 and text[m.start - 1] == "由":
        return False  # "调研活动由A副主席带队": A leads it, though 调研 comes before
    return bool(_VISITED.search(text, _phrase_start(text, s0, m.start), m.start)) or _framed(text, s0, m)


def _bare_place(m: Mention) -> bool:
    """`m` is a city, county or district named alone (杭州市), not its government or a body in it."""
    return m.label == "District" or m.type == "government" and m.id is None and m.name.endswith(("省", "市", "县", "区", "镇"))


def _is_place(text: str, m: Mention) -> bool:
    """在A，…", "在A办理…": an organisation named only as the place is not a party ("在A签订协议" is
    A's agreement, so a place is only one followed by a comma or an errand done there). Nor are the
    venues of a meeting (大会在A、B双会场同步召开) or a body named inside the quoted title of an
    event (“…共同体成立暨A揭牌仪式”)."""
    if m.start < 0:
        return False
    if m.start > 0 and text[m.start - 1] == "在" and re.match(r"[，,]|办理|注册", text[m.end:m.end + 2]) is not None:
        return True
    if text.endswith(("位于", "坐落于", "地处"), max(0, m.start - 3), m.start):
        return True  # "…综合体，位于长寿工业园区新市组团": where it is
    if is_venue(text, m):
        return True
    title = re.search(r"[“\"][^”\"]*$", text[:m.start])
    close = re.search(r"[”\"]", text[m.end:])
    return bool(title and close and _EVENT_END.search(text, m.end, m.end + close.start() + 1))


def _masked(sentence: str, s0: int, names: list[Mention]) -> str:
    """Same length: the names in the sentence blanked out, so that the activity words inside them
    (科技成果转化中心, 联合攻关实验室) name no activity."""
    chars = list(sentence)
    for m in names:
        if m.start >= s0 and m.end <= s0 + len(sentence):
            chars[m.start - s0:m.end - s0] = "□" * (m.end - m.start)
    for d in _FOUNDED_IN.finditer(sentence):  # "A成立于2000年": when a body was founded, no activity
        chars[d.start():d.end()] = "□" * (d.end() - d.start())
    return "".join(chars)


_FOUNDED_IN = re.compile(r"(?:成立|创建|创办|组建|始建|建)于(?=[0-9０-９一二〇零]|上世纪|清|民国)"  # when it was founded,
                         r"|批准(?:成立|设立|组建)")  # or who approved it ("经国家科委批准成立的"): no activity between them


def _agreed(kind: str, sentence: str, at: int) -> str:
    """A clause that signs an agreement after naming the parties: the agreement is the act."""
    return "签约" if _AGREEMENT.search(sentence, at) else kind


def is_venue(text: str, m: Mention) -> bool:
    """A body named as where something is held: "在A举行", "在A、B双会场同步召开"."""
    venue = re.search(r"在(?:[^，,。；;“”]{2,40}?、)?$", text[max(0, m.start - 42):m.start])
    return m.start >= 0 and venue is not None and _VENUE.match(text, m.end) is not None


def _built(text: str, s0: int, m: Mention, actors: list[Mention]) -> bool:
    """What a clause builds ("…共建A研究院", "共同打造“A”“B”等平台") is not a party to it."""
    if BUILT_BEFORE.search(text, s0, m.start):
        return True
    if m.start > 0 and text[m.start - 1] == "为" and re.match(r"[^，,。；;：:]{0,40}?(?:授牌|揭牌)", text[m.end:]):
        return True  # "为A授牌", "为A、B、C揭牌": the platforms the plaques name
    if re.match(r"(?:会议|大会|年会)", text[m.end:m.end + 2]) and re.search(r"(?:召开|举行|举办)$", text[max(s0, m.start - 4):m.start]):
        return True  # "联合召开县校合作会商委员会会议": the meeting's name, not a party
    if _UNVEILED.match(text, m.end):
        return True  # "…签署仪式暨A联合实验室揭牌仪式": what is unveiled is built, not a party
    if re.match(r"[”\"]共建", text[m.end:m.end + 3]):
        return True  # 《…“A研究中心”共建合作意向书》: the body the agreement builds
    if m.type == "platform" and _ABOUT.match(text, m.end):
        signs = list(_AGREEMENT.finditer(text, s0, m.start))
        if signs and not any(signs[-1].end() <= a.start < m.start and a.type != "platform" for a in actors):
            return True  # "与B签订A研究院合作协议": the institute the agreement is about, not B's partner
    before = [a for a in actors if a.end <= m.start]
    return bool(before) and _LIST_GAP.fullmatch(text, before[-1].end, m.start) is not None and _built(text, s0, before[-1], actors)


def _attends(sentence: str, at: int, lex: Lexicons) -> bool:
    """The partner is named in a list of who attended: 出席 / 参加 follows it with no activity word
    between ("…B管委会副主任饶静、…出席会议")."""
    m = _ATTENDS.search(sentence, at)
    return m is not None and not any(word in _unroled(sentence[at:m.start()]) for word, _ in lex.kinds)


def _nearest_kind(sentence: str, after: int, lex: Lexicons) -> str | None:
    """The activity named nearest after the partner in its sentence (else nearest before it);
    equally near words go by the lexicon's order. An activity word that is part of a title
    (调研员) names no activity."""
    sentence = _unroled(sentence)
    best = None
    for rank, (pattern, kind) in enumerate(lex.kind_patterns):
        for m in pattern.finditer(sentence):
            distance = m.start() - after if m.start() >= after else 10_000 + after - m.end()
            if best is None or (distance, rank) < best[:2]:
                best = (distance, rank, kind)
    return best[2] if best else None


def _unroled(sentence: str) -> str:
    """Same length: activity words inside a job title or a role (正处级调研员, 实习生), and the topic of 就…展开
    (就成果转化工作展开调研: a visit about transfer), blanked out."""
    sentence = _TOPIC.sub(lambda m: m.group(1) + "□" * len(m.group(2)), sentence)
    return re.sub(r"(?:调研|研究)员|实习生", lambda m: "□" * len(m.group(0)), sentence)


_TOPIC = re.compile(r"(就|围绕)([^，,。；;就]{2,30}?)(?=(?:等?(?:方面|领域|问题|议题|事宜|工作))?(?:展开|开展|进行)了?[^，,。；;]{0,6}?(?:调研|考察|交流|座谈|研讨|洽谈|探讨))")


def _kind(sentence: str, lex: Lexicons) -> str | None:
    return next((kind for word, kind in lex.kinds if word in sentence), None)


def restated(relations: list[dict[str, Any]], agreements: dict[frozenset, dict[str, Any]]) -> list[dict[str, Any]]:
    """News prose, after a paragraph that reports two parties signing: later paragraphs about the same
    pair set out what the agreement covers (共建…, 人才培养…), not new activities. Their kinds go
    to the agreement's `covers`; the relations themselves are dropped. Briefs are not affected (each
    ◆ item is its own activity), nor is one paragraph naming several kinds."""
    out = []
    here: dict[frozenset, dict[str, Any]] = {}  # signed in this item, in a sentence before ("根据协议，A将与B在…合作")
    for r in relations:
        if r["source"] is None:
            out.append(r)
            continue
        pair = frozenset(map(ref_key, (r["source"], r["target"])))
        signed = agreements.get(pair) or (here[pair] if pair in here and here[pair]["evidence"] != r["evidence"] else None)
        if r["kind"] == "签约":
            here.setdefault(pair, r)
        if signed is not None and r["kind"] != "签约":
            if r["kind"] != "other" and r["kind"] not in signed.setdefault("covers", []):
                signed["covers"].append(r["kind"])
            continue
        out.append(r)
    for r in out:
        if r["source"] is not None and r["kind"] == "签约":
            agreements.setdefault(frozenset(map(ref_key, (r["source"], r["target"]))), r)
    return out
