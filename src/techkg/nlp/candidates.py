"""Find candidate company and product names in a tokenised Doc.

Each finder reads the Doc (LAC tokens and tags) and its folded text and
returns :class:`Candidate` spans in character offsets. The resolver
(:mod:`techkg.nlp.resolve`) later picks one reading where candidates overlap.

Finders, from most to least certain:

* :func:`lexicon_candidates`: names from the curated lexicon;
* :func:`company_candidates`: LAC ``ORG`` words, Latin names in company
  contexts (``与X合作``, ``供应商X``, ``X发布``), names before ``公司``/``集团``,
  and spans from the CLUENER-trained tagger;
* :func:`product_candidates`: brand + model (``NVIDIA DGX Quantum``,
  ``华为Mate 60 Pro``), model numbers (``H100 NVL``), names before a product noun
  (``Grace Hopper超级芯片``) or after one (``语言模型NEMO``), and the object of a
  release verb.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal, NamedTuple

import ahocorasick
from spacy.tokens import Doc

from techkg.nlp import extensions, link, terms  # noqa: F401  (extensions: registers the doc._ attributes)
from techkg.records import EntityType
from techkg.text import fold, is_han

COMPANY, PRODUCT = EntityType.COMPANY, EntityType.PRODUCT
Finder = Literal["lexicon", "pattern", "context", "lac", "model"]

NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")
YEAR_RE = re.compile(r"(?:19|20)\d\d")
LATIN_WORD_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9+\-.#&'@]*")
MODEL_WORD_RE = re.compile(r"^(?=.*\d)[A-Za-z][A-Za-z0-9+\-.]*$")
MODEL_NUMBER_END_RE = re.compile(r"[A-Za-z]\s\d{1,4}$")  # a name whose last word is a number ("Cooler 7")
SUBJECT_FILLERS = re.compile(
    r"^(?:也|亦|还|已|已经|又|再|再次|正式|今天|今日|今晚|今晨|昨天|昨日|昨晚|当天|当晚|本周|日前|近日|刚刚|宣布|则|"
    r"将|即将|率先|首次|首度|同时|同步|同样|一样|同场|同台|同晚|同日|随之|随即|随后|一同|一并|陆续|先后|全球|早期|此前|先前|"
    r"早前|曾|低调|悄然|悄悄|"
    r"无预警|第[\d一二三四五六七八九十]+[版代]|"
    r"[昨今明]\s*[（(]\d{1,2}[)）]\s*日|(?:本|上|这)?(?:周|星期|礼拜)[一二三四五六日天]|[（(]\d{1,2}日[)）]|"
    r"(?:当地时间|北京时间)|(?:\d{1,2}月)?\d{1,2}日|(?:在|于)[^，。,；]{0,16}?)*$"
)
COMPANY_PREFIX_FILLERS = re.compile(r"(?:与|和|同|跟|携手|联手|牵手|联合|对|向|为|、|以及|及)\s*$")


class Tok(NamedTuple):
    """What the finders read of a token; spaCy Token objects are costly to create."""

    idx: int
    text: str
    tag_: str
    whitespace_: str
    norm_: str
    is_punct: bool


def doc_text(doc: Doc) -> str:
    """The Doc's text, kept by the tokenizer (cheaper than ``doc.text``)."""
    return doc._.raw_text or doc.text


def tokens(doc: Doc) -> list[Tok]:
    """The Doc's tokens as plain tuples, built once per Doc."""
    table = doc._.token_table
    if table is None or len(table) != len(doc):
        table = [Tok(t.idx, t.text, t.tag_, t.whitespace_, t.norm_, t.is_punct) for t in doc]
        doc._.token_table = table
    return table


@dataclass(frozen=True)
class Candidate:
    """A possible entity span, in character offsets of the Doc text: a reading or a veto.

    A reading says the span may be an entity of ``type``. A veto (``veto=True``)
    says it is not: not a ``type`` (a club the tagger knows is no company), or,
    with ``type=None``, no entity at all ("联想到" is a verb, "鸿海科技日" an event).
    The resolver lets a veto remove the guesses it covers.

    >>> Candidate(0, 2, COMPANY, "lac", 0.6).is_a(COMPANY), Candidate(0, 2, COMPANY, "model", 0.5, veto=True).is_a(COMPANY)
    (True, False)
    """

    start: int
    end: int
    type: EntityType | None  # None only on a veto of every type
    finder: Finder  # which finder proposed it
    score: float
    key: str | None = None  # lexicon key, when known
    weak: bool = False  # a weak lexicon alias (counts only with its maker present)
    maker: str | None = None  # lexicon key of the maker, when known
    veto: bool = False  # the span is NOT a ``type`` (not any entity when ``type`` is None)
    kind: str | None = None  # the lexicon entry's sector ("ev", "chips"), when known

    @property
    def length(self) -> int:
        return self.end - self.start

    def is_a(self, entity_type: EntityType) -> bool:
        """True for a reading (not a veto) of this type."""
        return not self.veto and self.type == entity_type

    def vetoes(self, entity_type: EntityType | None) -> bool:
        """True for a veto of this type (``None``: the veto of any entity)."""
        return self.veto and self.type == entity_type


# --- lexicon -----------------------------------------------------------------------------------


# Scores by finder: how much each finder is trusted where readings compete.
LEXICON_STRONG = 0.95
LEXICON_WEAK = 0.8
# Products named without a lexicon entry: a known product with a version ("可灵2.0"), a quoted
# name a release cue introduces ("推出“拼好饭”"), a name before a product suffix ("小布智能体")
# or before a version number ("大模型可图2.0").
VARIANT_SCORE = 0.75
#: A Latin name the text names as a product (after a device noun or a naming word); it stands over the
#: tagger's company reading of the same name elsewhere in the article (``propagate``)
NAMED_PRODUCT_SCORE = 0.72
#: A Chinese name that launches a model named after itself ("萤石推出萤石C8c"): the brand company
REPEATED_BRAND_SCORE = 0.7
QUOTED_NAME_SCORE = 0.6
#: A name LAC tags as an organisation right after 推出/发布/发表 ("联合推出易信"): the product launched, over
#: LAC's and the tagger's company reading of it (0.6, 0.55)
RELEASED_ORG_SCORE = 0.65
SUFFIXED_NAME_SCORE = 0.6
VERSIONED_NAME_SCORE = 0.6
# A quoted campaign, slogan or plan ("推出“以旧换新”活动") is no entity: a veto of every finder's
# reading but the lexicon's (a veto's score only orders it among candidates).
QUOTED_CAMPAIGN_VETO = 0.6
# A LAC ORG guess the tagger does not read as a company is no entity of its own, only a brand glued before
# a product ("华为麒麟970"): on the 114 dev articles every two-character such guess was an ordinary word
# (长青, 认知, 自有, 液冷) or a part of a name, and on general news the longer ones are too (工商联建设投,
# 中大振, 商务节暨世界, 电子商务研究中心讯).
LAC_UNCONFIRMED_SCORE = 0.5
# A unit named by its parent and its line of business ("腾讯健康", "顺丰航空").
UNIT_NAME_SCORE = 0.6
# A product's name without its kind word, where only a guess reads a company ("星海大模型……由星海负责").
SHORT_PRODUCT_SCORE = 0.6
# A Latin name its context shows to be a company ("Humane宣布", "与Shutterstock合作").
CONTEXT_COMPANY_SCORE = 0.7
# A Latin name ending in a company word ("Joby Aviation"): above a brand + name product (0.8) of
# the same stretch ("Sony Honda Mobility" is no Sony product).
LATIN_COMPANY_NAME_SCORE = 0.85
REGISTERED_NAME_SCORE = 0.85  # a legal form with its seat in brackets: only a company is written so
# A company's name glossed in the other script ("安擬集團（Animoca Brands）"): the gloss is that company,
# whatever product reading a finder gave it.
GLOSS_SCORE = 0.9
# A short name the article defines for a company ("（下称“傅利叶”）"), wherever it is written.
DEFINED_SHORT_NAME_SCORE = 0.7
# A name written right before its security code ("顺丰同城（09699.HK）") is a listed company, whatever
# product reading a finder gave it; as sure as a gloss.
LISTED_NAME_SCORE = 0.9
# A game's or app's title in 《》 ("射击游戏《三角洲行动》"), as sure as a quoted name a cue introduces.
TITLED_NAME_SCORE = 0.6


_GENERIC_LONGEST_FIRST = tuple(sorted(terms.GENERIC_TERMS, key=len, reverse=True))


@lru_cache(maxsize=8192)  # asked of every product candidate; names repeat within and across articles
def without_generic_tail(name: str) -> str:
    """The name without a trailing category noun ("GPT大模型" → "GPT", "B200 GPU" → "B200").

    >>> without_generic_tail("GPT大模型"), without_generic_tail("B200 GPU"), without_generic_tail("腾势D9")
    ('GPT', 'B200', '腾势D9')
    """
    low = name.lower()
    for term in _GENERIC_LONGEST_FIRST:
        if low.endswith(term) and len(term) < len(low) and (is_han(term[0]) or low[-len(term) - 1] in " -"):
            return name[: -len(term)].rstrip(" -")
    return name


# A Latin model name owned by the name before it: a capitalised word or a letter with a number ("长安的Lumin",
# "理想的L9 Pro"), not an acronym ("长安的GDP").
OWNED_LATIN_NAME_RE = re.compile(r"的\s?([A-Z](?:[a-z]{2,}[A-Za-z0-9]*|[A-Z]?\d[A-Za-z0-9]*))(?![A-Za-z0-9])")


def _owns_latin_model(text: str, start: int, end: int) -> bool:
    """A weak Chinese company name before 的 and a Latin model name: the maker ("長安的Lumin", "理想的L9"); not a
    Latin acronym's ("IFC的Apple Store": a mall's), nor an acronym after it ("长安的GDP").

    >>> _owns_latin_model("长安的Lumin", 0, 2), _owns_latin_model("长安的GDP", 0, 2), _owns_latin_model("IFC的Apple", 0, 3)
    (True, False, False)
    """
    own = OWNED_LATIN_NAME_RE.match(text, end)
    return bool(own) and is_han(text[start]) and own.group(1).lower() not in terms.GENERIC_TERMS \
        and not terms.STANDARD_RE.match(own.group(1))


def _after_own_parent(h, hits, text: str) -> bool:
    """A weak company name right after its listed parent and 旗下 ("通用汽車旗下Cruise", "Alphabet旗下的Waymo"):
    the parent says which company the name is."""
    return any(p.entry.key == h.entry.parent and p.end < h.start and not p.weak
               and (m := terms.PARENT_OF_NEXT_RE.match(text, p.end)) and m.end() == h.start for p in hits)


def lexicon_candidates(doc: Doc, lexicon, text: str) -> list[Candidate]:
    """Lexicon hits; weak aliases only where the article confirms them (see ``Lexicon.confirm``)."""
    not_in: list[tuple[int, int]] = []
    written = doc_text(doc)
    persons = [(t.idx, t.idx + len(t.text)) for t in tokens(doc) if t.tag_ == "PER"]
    verbs = {(t.idx, t.idx + len(t.text)) for t in tokens(doc) if t.tag_ == "v"}
    found = [h for h in _without_fangmian(lexicon.find(written, folded=text, blocked=not_in), lexicon, written, text)
             if not _acronym_in_lower_case(h.alias, written[h.start : h.end]) and not _in_title_marks(text, h)
             and not _across_person_name(h, persons) and not _in_transliterated_name(text, h.start, h.end)]
    people = [(m.start("name"), m.end("name")) for m in terms.TITLED_PERSON_RE.finditer(text)]
    found = [h for h in found if not any(s <= h.start and h.end <= e for s, e in people)]  # "首席执行官Jean-Marc Chery"
    hits = lexicon.confirm(found)
    kept = {(h.start, h.end) for h in hits}
    # a weak company name the article uses as a company ("理想发布L9 Pro") stands on its own; one it lists
    # with a security code ("完美世界（002624）") is that company wherever the article names it
    listed = {h.entry.key for h in found if h.weak and h.entry.type == COMPANY
              and terms.SECURITY_CODE_AFTER_NAME_RE.match(text, h.end)}
    hits += [h for h in found if h.weak and h.entry.type == COMPANY and (h.start, h.end) not in kept
             and (h.entry.key in listed
                  or _context_says_company(text[max(0, h.start - 8) : h.start], text[h.end : h.end + 20])
                  or _after_own_parent(h, hits, text) or _owns_latin_model(text, h.start, h.end))]
    hits += _listed_with_companies(found, hits, text)
    out = [Candidate(s, e, None, "lexicon", 1.0, veto=True) for s, e in not_in]  # "联想到": no LAC guess either
    for h in hits:
        if h.entry.type == COMPANY and (common_word_reading(text, h.start, h.end, verb=(h.start, h.end) in verbs)
                                        or industry_reading(text, h.start, h.end)
                                        or vessel_reading(text, h.start, h.end)
                                        or terms.BUILDING_AFTER_NAME_RE.match(text, h.end)
                                        or text.startswith(terms.VERB_AFTER_NAME, h.end)) \
                or h.entry.type == PRODUCT and (common_noun_reading(text, h.start, h.end)
                                                or terms.EVENT_AFTER_PRODUCT_RE.match(text, h.end)):  # "骁龙峰会"
            out.append(Candidate(h.start, h.end, None, "lexicon", 1.0, veto=True))
            continue
        end = h.end
        if h.entry.type == PRODUCT and (core := without_generic_tail(text[h.start : h.end])) != text[h.start : h.end] \
                and re.search(r"\d", core) and is_han(text[h.start + len(core) : h.end].strip()[:1]):
            end = h.start + len(core)  # "Go2机器狗", "RTX4090显卡": the model's name, its kind after it
        if h.entry.type == COMPANY and not h.weak and (tail := terms.NAME_LEGAL_TAIL_RE.match(text, h.end)) \
                and not any(h.end <= o.start < tail.end() < o.end for o in found):  # not "腾讯中国移动"
            end = tail.end()  # "中国邮政集团公司": the company with its legal form
        elif h.entry.type == COMPANY and not h.weak and (arm := terms.GAMES_ARM_AFTER_NAME_RE.match(text, h.end)):
            end = arm.end()  # "腾讯游戏代理的": the company's games business, named as the company
        out.append(Candidate(h.start, end, h.entry.type, "lexicon", LEXICON_WEAK if h.weak else LEXICON_STRONG,
                             key=h.entry.key, weak=h.weak, maker=h.entry.maker, kind=h.entry.kind))
        if h.entry.type == COMPANY and not h.weak and end == h.end and is_han(text[h.end - 1]) \
                and (unit := terms.UNIT_AFTER_PARENT_RE.match(text, h.end)) \
                and not any(o.start == h.end for o in found):  # "腾讯健康": a unit named after its parent
            out.append(Candidate(h.start, unit.end(), COMPANY, "context", UNIT_NAME_SCORE))
    return out


def _without_fangmian(hits: list, lexicon, written: str, text: str) -> list:
    """Lexicon hits with a name ending in 方 read again without it where 方面 ("side") follows:
    "京东方面表示" is JD's side speaking, not BOE (京东方); "京东方面板" stays BOE's panel.

    >>> from techkg.nlp.lexicon import Lexicon
    >>> lex = Lexicon.load()
    >>> [h.entry.key for h in _without_fangmian(lex.find("京东方面表示"), lex, "京东方面表示", "京东方面表示")]
    ['jd']
    """
    out = []
    for h in hits:
        if text.endswith("方", h.start, h.end) and text.startswith("面", h.end) and not text.startswith("面板", h.end):
            out += [replace(r, start=r.start + h.start, end=r.end + h.start)
                    for r in lexicon.find(written[h.start : h.end - 1], folded=text[h.start : h.end - 1])]
        else:
            out.append(h)
    return out


def _acronym_in_lower_case(alias: str, surface: str) -> bool:
    """True for a short all-capital name written otherwise ("nec" is no NEC, "Amd" no AMD).

    >>> _acronym_in_lower_case("NEC", "nec"), _acronym_in_lower_case("NEC", "ＮＥＣ"), _acronym_in_lower_case("vivo", "vivo")
    (True, False, False)
    """
    return (alias.isascii() and alias.isalpha() and alias.isupper() and len(alias) <= terms.ACRONYM_MAX_LEN
            and not fold(surface).isupper())


def _in_transliterated_name(text: str, start: int, end: int) -> bool:
    """True for a Chinese name after a middle dot: the surname of a transliterated person's name
    ("麦克.戴尔" and "迈克尔·戴尔" hold no Dell).

    >>> _in_transliterated_name("与创办人麦克.戴尔联手", 7, 9), _in_transliterated_name("戴尔科技", 0, 2)
    (True, False)
    """
    return start >= 2 and text[start - 1] in terms.NAME_DOTS and is_han(text[start - 2])


def _across_person_name(hit, persons: list[tuple[int, int]]) -> bool:
    """True for a company name that begins right after the surname of a person's name LAC read and runs
    past it: "马云从回顾" holds 马云 and 从, not 云从. When a whole name stands before it ("李斌蔚来日",
    LAC's 李斌蔚), LAC swallowed the company's first character instead; a name wholly inside a person's
    name, or before one, is left to the rules.

    >>> from types import SimpleNamespace as H
    >>> [_across_person_name(H(start=s, end=e, entry=H(type=COMPANY)), [(0, p)]) for s, e, p in [(1, 3, 2), (0, 2, 2), (2, 4, 3)]]
    [True, False, False]
    """
    return hit.entry.type == COMPANY and any(hit.start == s + 1 and hit.start < e < hit.end for s, e in persons)


def _in_title_marks(text: str, hit) -> bool:
    """True for a company name that is a whole title in 《》: a newspaper, book or show ("《每日经济新闻》")."""
    return hit.entry.type == COMPANY and text[hit.start - 1 : hit.start] == "《" and text[hit.end : hit.end + 1] == "》"


def _listed_with_companies(found: list, kept: list, text: str) -> list:
    """Weak company names listed next to companies the article confirms: "长安、吉利、零跑等品牌".

    A weak name joined by 、/和/与/及 to a kept company hit, directly or through other such
    names, is a company too; so is one listed before 等 and a company noun ("吉利、东风、长城等车企").
    """
    companies = sorted((h for h in kept if h.entry.type == COMPANY), key=lambda h: h.start)
    ends = {h.end for h in companies}
    starts = {h.start for h in companies}
    weak = sorted((h for h in found if h.weak and h.entry.type == COMPANY and h not in kept), key=lambda h: h.start)
    # "吉利、东风、长城等多家自主品牌": a list a company noun closes holds companies only
    items = {(m.start("items") + i.start(), m.start("items") + i.end())
             for m in terms.FIRM_LIST_RE.finditer(text) for i in re.finditer(r"[^、]+", m.group("items"))}
    out: list = [h for h in weak if (h.start, h.end) in items]
    ends |= {h.end for h in out}
    starts |= {h.start for h in out}
    changed = True
    while changed:  # a chain of names: each joins once one of its neighbours is a company
        changed = False
        for h in weak:
            if h in out:
                continue
            left = [e for e in ends if 0 < h.start - e <= 2 and terms.WEAK_NAME_LIST_JOINER_RE.fullmatch(text[e : h.start])]
            right = [s for s in starts if 0 < s - h.end <= 2 and terms.WEAK_NAME_LIST_JOINER_RE.fullmatch(text[h.end : s])]
            if left or right:
                out.append(h)
                ends.add(h.end)
                starts.add(h.start)
                changed = True
    return out


def common_word_reading(text: str, start: int, end: int, verb: bool = False) -> bool:
    """True when a company name that is also an ordinary word (苹果, 小米, 浪潮) is used as
    that word: its sentence holds a cue of the ordinary sense (果农, 小米粥, 时代浪潮), or LAC
    read it as a verb (``verb``: "让人会联想这行为"), and no company cue follows right after it.

    >>> common_word_reading("今年苹果价格上涨，果农收入增加。", 2, 4)
    True
    >>> common_word_reading("苹果公司股价上涨，果农无关。", 0, 2), common_word_reading("苹果发布iPhone。", 0, 2)
    (False, False)
    >>> common_word_reading("这让人会联想这行为", 4, 6, verb=True), common_word_reading("联想公司", 0, 2, verb=True)
    (True, False)
    """
    cues = terms.COMMON_WORD_CUES.get(text[start:end])
    if not cues:
        return False
    if text[end : end + 4].startswith(terms.COMPANY_FOLLOWERS):
        return False
    if verb:
        return True
    sentence = _sentence_around(text, start, end)
    return any(c in sentence for c in cues)


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding ``text[start:end]`` (cut at 。！？!? and line ends).

    >>> _sentence_around("甲。福特号航母下水！乙", 2, 4)
    '福特号航母下水'
    """
    s = max(text.rfind(p, 0, start) for p in "。！？!?\n") + 1
    ends = [i for i in (text.find(p, end) for p in "。！？!?\n") if i >= 0]
    return text[s : min(ends) if ends else len(text)]


def vessel_reading(text: str, start: int, end: int) -> bool:
    """True when a company's name followed by 号 or 级 names a ship or its class, its sentence speaking
    of warships ("福特级航母首舰福特号", "“福特”号航母"), not the company (``VESSEL_AFTER_NAME_RE``).

    >>> vessel_reading("美国完成了福特级航母首舰福特号的安装", 5, 7), vessel_reading("福特号称销量第一", 0, 2)
    (True, False)
    """
    if not terms.VESSEL_AFTER_NAME_RE.match(text, end):
        return False
    sentence = _sentence_around(text, start, end)
    return any(w in sentence for w in terms.VESSEL_WORDS)


def industry_reading(text: str, start: int, end: int) -> bool:
    """True when a company named after its country is followed by 业: the country's industry
    ("中国银行业协会"), not the company (``INDUSTRY_AFTER_NAME_RE``).

    >>> industry_reading("中国银行业协会发布报告", 0, 4), industry_reading("中国银行业务增长", 0, 4)
    (True, False)
    """
    return text[start:end].startswith(tuple(terms.REGION_PREFIXES)) and terms.INDUSTRY_AFTER_NAME_RE.match(text, end) is not None


def common_noun_reading(text: str, start: int, end: int) -> bool:
    """True when a product name that is also an ordinary noun (微博, a post) is used as that noun:
    what stands before it in its clause says so (``COMMON_NOUN_PRODUCTS``).

    >>> common_noun_reading("他删除了两条微博。", 6, 8), common_noun_reading("他在微博上感谢玩家。", 2, 4)
    (True, False)
    """
    before = terms.COMMON_NOUN_PRODUCTS.get(text[start:end])
    return before is not None and before.search(text, max(0, start - 12), start) is not None


# --- companies ---------------------------------------------------------------------------------


def is_non_company(name: str) -> bool:
    """Government bodies, universities, events and the like.

    >>> is_non_company("清华大学"), is_non_company("工信部"), is_non_company("台积电")
    (True, True, False)
    """
    low = name.lower()
    if low in terms.NON_COMPANY_NAMES or low in terms.GENERIC_TERMS or name in terms.PLACES \
            or name in terms.OTHER_CITIES or terms.INTERFACE_STANDARD_RE.fullmatch(name):
        return True
    if terms.COMPANY_LEGAL_FORM_RE.fullmatch(name.lstrip(")）")):
        return True  # "股份有限公司" alone names no one (also when cut after "（北京）")
    if name in terms.COMPANY_DESCRIPTORS or name[0] in "由在与和对向从把被" or terms.FOUNDING_VERB_RE.search(name):
        return True  # "长安成立新公司": a clause across a verb of founding
    if terms.COUNTED_FIRMS_RE.match(name) or name.endswith(terms.RELATIVE_FIRM_HEADS):
        return True  # "八家虛擬銀行": a count of firms; "雷朋母公司": the parent of one, named elsewhere
    for suffix in ("子公司", "分公司", "公司", "集团", "企业", "厂商", "车企", "大厂", "工厂", "厂"):
        if name.endswith(suffix):
            head = name[: -len(suffix)]
            if len(head) < 2 or head.lower() in terms.GENERIC_TERMS or head.endswith(terms.GENERIC_COMPANY_HEADS) \
                    or head in terms.PLACES or head in terms.OTHER_CITIES:
                return True  # "软件公司", "三家大模型公司", "中国电商公司", "菲律宾厂", "大连厂", "新工厂" (a plant)
            if suffix in ("工厂", "厂") and head.endswith(terms.PLACE_SUFFIXES):
                return True  # "伊利诺伊州工厂", "德州厂": a plant named by its state or city
    if len(name) > 2 and name.endswith(terms.SITE_ENDINGS):
        return True  # "斯帕坦堡工厂": a plant, not a firm
    if terms.SHARE_ISSUE_RE.search(name):
        return True  # "非公开发行股份": an issue of shares, not the company issuing them
    if _only_descriptor_words(name):
        return True  # "新创车", "IC设计": what kind of company, not which
    if name.endswith("银行") and len(name) > 2 and only_words(name[:-2], terms.BANK_KIND_WORDS):
        return True  # "村镇银行", "外资银行", "外汇专业银行": a kind of bank (中国银行 is one)
    if name.endswith(("科技", "技术")) and name[:-2] in terms.GENERIC_MODIFIERS:
        return True  # "前沿科技", "先进技术"
    if len(name) > 2 and terms.FIRM_NAME_END_RE.search(name):
        return False  # "宝华工贸中心", "泰和泰律师事务所", "深发展", "中铁五局": firms named like institutions
    return name.endswith(terms.NON_COMPANY_SUFFIXES)


def _only_descriptor_words(name: str) -> bool:
    """True when ``name`` is made only of words that describe a kind of company.

    >>> _only_descriptor_words("新创车"), _only_descriptor_words("IC设计"), _only_descriptor_words("华为云")
    (True, True, False)
    """
    return only_words(name, terms.GENERIC_COMPANY_HEADS)


def latin_runs(doc: Doc) -> list[tuple[int, int, int, int]]:
    """Runs of Latin/digit tokens joined by single spaces: ``(tok_start, tok_end, char_start, char_end)``."""
    cached = doc._.latin_runs
    if cached is not None:
        return cached
    toks = tokens(doc)
    runs = []
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        if LATIN_WORD_RE.fullmatch(t.norm_ or t.text) and not t.is_punct:
            j = i
            while (
                j + 1 < n
                and toks[j].whitespace_ == " "
                and LATIN_WORD_RE.fullmatch(toks[j + 1].norm_)
                and not toks[j + 1].is_punct
            ):
                j += 1
            runs.append((i, j + 1, t.idx, toks[j].idx + len(toks[j].text)))
            i = j + 1
        else:
            i += 1
    doc._.latin_runs = runs
    return runs


def _after_glued_cue(text: str, start: int, listed_starts: set[int], listed_ends: set[int] = frozenset()) -> int:
    """Skip a partner cue glued before a listed company's name ("联合广汽集团" → "广汽集团") or right after a
    listed company, its security code between ("中控技术（688777.SH）联合兴发集团": the subject's verb); a name
    that holds the cue and no listed name around it keeps it (联合利华).

    >>> t = "联合广汽集团"
    >>> t[_after_glued_cue(t, 0, {2}):], t[_after_glued_cue(t, 0, set()):]
    ('广汽集团', '联合广汽集团')
    >>> t = "中控技术(688777.SH)联合兴发集团"
    >>> t[_after_glued_cue(t, 15, set(), {4}):]
    '兴发集团'
    """
    cue = next((c for c in terms.GLUED_LEAD_CUES if text.startswith(c, start)), "")
    if not cue:
        return start
    code = terms.SECURITY_CODE_BEFORE_RE.search(text, max(0, start - 40), start)
    after_subject = (code.start() if code else start) in listed_ends
    return start + len(cue) if start + len(cue) in listed_starts or after_subject else start


def _before_count_of_firms(text: str, start: int, end: int) -> int:
    """Where a name LAC or the tagger ran over a count of firms ends ("嘉實國際及博時國際三家基金公司" → 博時國際).

    >>> t = "博时国际三家基金公司"
    >>> t[:_before_count_of_firms(t, 0, len(t))], "华为公司"[:_before_count_of_firms("华为公司", 0, 4)]
    ('博时国际', '华为公司')
    """
    count = terms.UNITS_AFTER_NAME_RE.search(text, start + 2, end)
    return count.start() if count else end


def _after_descriptor_or_place(text: str, start: int, end: int, cut_places: bool = True) -> int:
    """Skip a leading place or descriptor glued to a name ("德国光学大厂蔡司" → "蔡司",
    "AI软件公司Nod.ai" → "Nod.ai"). A foreign country before a Latin or group name is cut
    either way; other places only with ``cut_places`` (the tagger's names keep their city).

    >>> t = "科创板公司上纬新材"
    >>> t[_after_descriptor_or_place(t, 0, len(t)):], "华为公司"[_after_descriptor_or_place("华为公司", 0, 4):]
    ('上纬新材', '华为公司')
    >>> [n[_after_descriptor_or_place(n, 0, len(n), cut_places=False):] for n in ("印度韦丹塔集团", "德国电信")]
    ['韦丹塔集团', '德国电信']
    """
    if text.startswith("东", start) and terms.SHAREHOLDER_BEFORE_RE.search(text, max(0, start - 4), start):
        start += 1  # "控股股东江汽控股": LAC glued the role's last character to the name
    name = text[start:end]
    cut = 0
    for d in terms.STRONG_COMPANY_DESCRIPTORS + terms.RELATION_DESCRIPTORS:  # "德国同业世创" → "世创"
        i = name.rfind(d)
        if i >= 0 and len(name) - (i + len(d)) >= 2:
            cut = max(cut, i + len(d))
    for country in terms.FOREIGN_COUNTRIES:  # "日本SBI控股", "印度韦丹塔集团": the country is no part of it
        rest = name[len(country) :]
        if name.startswith(country) and len(rest) >= 2 and not rest.startswith(terms.COUNTRY_NAMED_TRADES) \
                and (re.search(r"[A-Za-z]", rest) or rest.endswith(terms.GROUP_ENDINGS)) and not is_non_company(rest):
            # not 法国巴黎银行, 韩国友利: a Chinese name may hold its country; "荷兰科技投资集团Prosus": a kind after it
            return _after_descriptor_or_place(text, start + len(country), end, cut_places=False)
    legal = name.endswith(("公司", "集团"))
    for d in terms.GLUED_DESCRIPTOR_ENDS:  # "AI软件公司Nod.ai", "品牌納智捷": what kind, then which
        i = name.find(d)
        if not legal and i >= 0 and len(name) - (i + len(d)) >= 2 and (
                is_non_company(name[: i + len(d)])  # "科技投资集团Prosus": a Chinese kind, a Latin name
                or is_han(name[0]) and terms.APPOSED_LATIN_NAME_RE.fullmatch(name, i + len(d))):
            cut = max(cut, i + len(d))
    if cut_places and not cut and not legal:  # a legal name keeps its city
        for place in terms.PLACES:
            if name.startswith(place) and len(name) - len(place) >= 2:
                cut = len(place)
    return start + cut


# A release cue right after a name, adverbs allowed between ("n7正式上市", "YU7今日开售").
RELEASE_AFTER_NAME_RE = re.compile(
    r"\s*(?:正式|今日|今天|昨日|今晚|已|将|也|亦|还|同步|同时|一同|于|在[^，。]{0,8})*\s*(?:" + "|".join(map(re.escape, terms.PRODUCT_SUBJECT_TRIGGERS + terms.RELEASE_TRIGGERS)) + ")"
)


def _before_title(text: str, start: int, end: int) -> int:
    """Where a tagged company name ends before a person's title it ran into: "雷诺行政总裁" is 雷诺 and
    the title 行政总裁 (``terms.PERSON_TITLES``), not 雷诺行政.

    >>> t = "雷诺行政总裁表示"
    >>> t[0:_before_title(t, 0, 4)]
    '雷诺'
    """
    for at in range(start + 2, end):
        if any(text.startswith(title, at) and at + len(title) > end for title in terms.PERSON_TITLES):
            return at
    return end


def _context_says_company(before: str, after: str) -> bool:
    before = before.rstrip()
    after = after.lstrip()
    if before.endswith(terms.COMPANY_DESCRIPTORS) or terms.TRADER_DESCRIPTOR_RE.search(before) \
            or terms.ACQUIRED_NAME_BEFORE_RE.search(before):
        return True  # "供应商Runway", "光网络设备商Infinera", "买下美国Intersil"
    if after.startswith(terms.COMPANY_FOLLOWERS) or (
            after.startswith("的") and after[1:].lstrip().startswith(terms.COMPANY_FOLLOWERS + ("员工",))):
        return True  # "艺电CEO", "艺电的员工", "地平线的创始人"
    if terms.BY_MAKER_BEFORE_RE.search(before) and terms.MADE_BY_AFTER_RE.match(after):
        return True  # "由Game Freak开发": the maker
    # subject of a release verb: "Midjourney发布", "谷歌也上线了"
    for trig in terms.RELEASE_TRIGGERS:
        idx = after.find(trig)
        nominal = after[idx + len(trig) : idx + len(trig) + 1] in terms.CUE_AS_NOUN_AFTER
        if 0 <= idx <= 12 and SUBJECT_FILLERS.match(after[:idx]) and not nominal \
                and not _released_thing_before(after, idx, trig):
            return True
    # subject of an announcement: "国航今日宣布", "东航公告称" (not after 的: "他的理想宣布破灭")
    if (m := terms.ANNOUNCER_AFTER_RE.match(after)) and SUBJECT_FILLERS.match(m.group("lead")) \
            and not before.endswith("的"):
        return True
    # partner in a cooperation frame: "与X合作", "携手X", "X与Y合作"
    if COMPANY_PREFIX_FILLERS.search(before[-3:]) or terms.PARTNER_FRAME_OPENING_RE.match(after):
        clause_end = re.search(r"[。！？!?；;，,]", after)
        clause = after[: clause_end.start()] if clause_end else after
        if any(t in clause for t in terms.PARTNER_TRIGGERS):
            return True
    return False


def _released_thing_before(after: str, idx: int, trig: str) -> bool:
    """True when the release cue at ``after[idx:]`` says the name before it is what comes out, not who
    brings it: a passive "发布于" ("Person Finder首次发布于2010年"), a noun after 的 ("在车展上的全球发布"),
    or a cue of going on sale, or one after a date, with no object ("BDBOX将于8月27日发售", "AI Pin于2023年11月正式发布，").

    >>> _released_thing_before("首次发布于2010年1月", 2, "发布"), _released_thing_before("发布了新模型", 0, "发布")
    (True, False)
    >>> _released_thing_before("将于8月27日发售,", 8, "发售"), _released_thing_before("下月发售PS5", 2, "发售")
    (True, False)
    >>> _released_thing_before("于2023年11月正式发布，售价", 11, "发布"), _released_thing_before("于2月发布了R1", 4, "发布")
    (True, False)
    """
    rest = after[idx + len(trig) :]
    if rest.startswith("于") or "的" in after[:idx]:
        return True
    clause = re.split(r"[,，。;；!！?？]", rest, maxsplit=1)[0]
    dated = re.search(r"\d\s*[年月日]|于", after[:idx]) is not None  # "AI Pin于2023年11月正式发布，": released then
    return (trig in terms.SALE_CUES or dated) and terms.NO_OBJECT_AFTER_RE.match(clause) is not None


def split_at_partner_cues(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A company span without the lead cue or the spaced conjunction it swallowed: the names on
    either side of it ("Sony 同蔡司", Hong Kong's 同 for 与).

    >>> t = "雪松控股结盟浦发银行，浙江卫视联手"
    >>> [t[s:e] for s, e in split_at_partner_cues(t, 0, 10)], [t[s:e] for s, e in split_at_partner_cues(t, 11, 17)]
    (['雪松控股', '浦发银行'], ['浙江卫视'])
    >>> [("Sony 同蔡司"[s:e]) for s, e in split_at_partner_cues("Sony 同蔡司", 0, 8)]
    ['Sony', '蔡司']
    """
    found = [(at, cue) for cue in terms.NAME_SPLITTING_CUES if (at := text.find(cue, start, end)) >= 0]
    found += [(m.start(), m.group()) for m in [terms.SPACED_CONJUNCTION_RE.search(text, start, end)] if m]
    if not found:
        return [(start, end)]
    at, cue = min(found)
    return [(s, e) for s, e in ((start, at), (at + len(cue), end)) if e - s >= 2]


def company_candidates(doc: Doc, text: str, model_spans=(), tagger: bool = False) -> list[Candidate]:
    """Company names from LAC tags, context cues and the statistical tagger.

    Args:
        doc: the tokenised Doc.
        text: its folded text.
        model_spans: ``(start, end, label)`` spans from the CLUENER tagger.
        tagger: whether the tagger read the text; then a LAC guess is an entity only where the
            tagger reads the same company ("长青游戏", "品牌认知", "网络售书中大振雄风": LAC's ORG on an
            ordinary word or across words), else only a brand before a product (``LAC_UNCONFIRMED_SCORE``).
    """
    out: list[Candidate] = []
    model_companies = {(s, e) for s, e, label in model_spans if label == "company"}
    model_names = {text[s:e] for s, e in model_companies}  # the tagger's company once, that company throughout
    listed = [(c.start, c.end) for c in doc._.candidates or () if c.finder == "lexicon" and c.is_a(COMPANY)]
    listed_starts = {s for s, _e in listed}
    listed_ends = {e for _s, e in listed}
    # LAC ORG words (Chinese); Latin ORG words need a context cue, LAC guesses them loosely.
    toks = tokens(doc)
    for t in toks:
        start, end = t.idx, t.idx + len(t.text)
        if t.tag_ != "ORG" or end - start < 2:
            continue
        start = _after_glued_cue(text, start, listed_starts, listed_ends)
        if terms.EVENT_AFTER_NAME_RE.match(text, end) or text.startswith(terms.INDEX_FOLLOWERS, end):
            out.append(Candidate(start, end, None, "lac", 0.9, veto=True))  # "鸿海科技日", "恒生科技指数"
            continue
        start = _after_descriptor_or_place(text, start, end)
        end = _before_count_of_firms(text, start, end)
        name = text[start:end]
        if len(name) < 2:
            continue
        if is_non_company(name) or common_word_reading(text, start, end) or _apposed_kind(text, start, end) \
                or _kind_of_firm(name):
            # "花旗两家贷款子公司": a company the tagger reads before a count of its units keeps its name
            head = max((me for ms, me in model_companies
                        if ms == start and me < end and terms.UNITS_AFTER_NAME_RE.match(text, me)), default=start)
            out.append(Candidate(head, end, None, "lac", 0.9, veto=True))
        elif is_han(name[0]):
            unconfirmed = tagger and (start, end) not in model_companies and name not in model_names
            out += [Candidate(s, e, COMPANY, "lac", LAC_UNCONFIRMED_SCORE if unconfirmed else 0.6)
                    for s, e in split_at_partner_cues(text, start, end)]
    # a place glossed in Latin ("纽约州奥尔巴尼（Albany）", "德累斯顿（Dresden）"): the gloss is the place's name
    for t in toks:
        if t.tag_ == "LOC" and (m := terms.PLACE_GLOSS_RE.match(text, t.idx + len(t.text))):
            out.append(Candidate(m.start(1), m.end(1), None, "lac", 0.9, veto=True))
    # Chinese words followed by 公司/集团 or preceded by a company descriptor; with the tagger, a common
    # noun or LAC guess it reads no company in is no name ("公平的原则公司将", "发布、交流集团14报")
    model_starts = {s for s, _e in model_companies}
    for i, t in enumerate(toks[:-1]):
        name = text[t.idx : t.idx + len(t.text)]
        if t.tag_ in ("nz", "n", "ORG", "nt") and len(name) >= 2 and is_han(name[0]):
            nxt = toks[i + 1].norm_
            named_after = i + 2 < len(toks) and toks[i + 2].tag_ in ("ORG", "nz", "PER") \
                and toks[i + 2].idx == toks[i + 1].idx + len(toks[i + 1].text)  # "上海游戏公司米哈游": a kind, then which
            if nxt in ("公司", "集团") and not is_non_company(name) and name.lower() not in terms.GENERIC_TERMS \
                    and not named_after and not (tagger and t.tag_ in ("n", "ORG") and t.idx not in model_starts):
                out.append(Candidate(t.idx, t.idx + len(name), COMPANY, "context", 0.65))
    # Chinese names right after a company descriptor: "光刻机制造商阿斯麦", "EDA巨头新思科技"
    for t in toks[1:]:
        name = text[t.idx : t.idx + len(t.text)]
        if (
            len(name) >= 2
            and is_han(name[0])
            and t.tag_ in ("nz", "n", "ORG", "PER", "nt", "LOC")
            and t.tag_ != "n"
            and text[max(0, t.idx - 4) : t.idx].endswith(terms.STRONG_COMPANY_DESCRIPTORS)
            and not is_non_company(name)
        ):
            out.append(Candidate(t.idx, t.idx + len(name), COMPANY, "context", 0.65))
    # a name LAC reads as a person, as the second party of a company's cooperation only organisations
    # enter ("宁德时代与特斯拉签署战略合作协议", "百度与卡特彼勒达成合作"), is a company
    for i, t in enumerate(toks[2:], start=2):
        name = text[t.idx : t.idx + len(t.text)]
        if t.tag_ == "PER" and len(name) >= 3 and all(is_han(ch) for ch in name) \
                and toks[i - 2].tag_ == "ORG" and COMPANY_PREFIX_FILLERS.fullmatch(text[toks[i - 1].idx : t.idx]) \
                and terms.ORG_ONLY_PARTNER_AFTER_RE.match(text, t.idx + len(name)):
            out.append(Candidate(t.idx, t.idx + len(name), COMPANY, "context", 0.6))
    # a name that launches a model named after itself is the brand company: both mentions
    for first, second in repeated_brands(text):
        out += [Candidate(*first, COMPANY, "context", REPEATED_BRAND_SCORE),
                Candidate(*second, COMPANY, "context", REPEATED_BRAND_SCORE)]
    # Latin names in company contexts
    for _ts, _te, cs, ce in latin_runs(doc):
        name = text[cs:ce]
        if name.lower() in terms.GENERIC_TERMS or terms.STANDARD_RE.match(name) or not any(map(str.isalpha, name)) \
                or only_kind_words(name) or name.lower() in terms.NON_COMPANY_NAMES or name.lower() in terms.VARIANT_WORDS \
                or terms.SHARE_CLASS_RE.match(text, cs):  # "分為Ultra、Pro與Nano": variants, no firms
            continue  # "母公司H股": a class of shares
        if (_is_modelish(name) or MODEL_NUMBER_END_RE.search(name)) and RELEASE_AFTER_NAME_RE.match(text, ce):
            continue  # "休旅車n7正式上市", "AeroActive Cooler 7也同步推出": a model before a release verb is the
            # product (G42 with 合作 is a company)
        if latin_company_name(name) is not None:  # "Joby Aviation": a company by its last word
            out.append(Candidate(cs, ce, COMPANY, "pattern", LATIN_COMPANY_NAME_SCORE))
        elif (tail := terms.LATIN_NAME_FIRM_TAIL_RE.match(text, ce)) \
                and not (tail.group() == "控股" and terms.HELD_BY_BEFORE_RE.search(text, max(0, cs - 16), cs)):
            out.append(Candidate(cs, tail.end(), COMPANY, "pattern", LATIN_COMPANY_NAME_SCORE))  # "IDG资本"
        elif _context_says_company(text[max(0, cs - 8) : cs], text[ce : ce + 20]) \
                and not text[max(0, cs - 7) : cs].rstrip().endswith(terms.DEVICE_HEADS):
            out.append(Candidate(cs, ce, COMPANY, "context", CONTEXT_COMPANY_SCORE))  # not "四足机器人CyberDog亮相": a product
    out += founded_quoted_names(text)
    # the CLUENER-trained tagger
    out += seated_registered_names(doc, text, listed)
    kinds = {c.start: c.end for c in out if c.veto and c.finder == "lac"}  # LAC words that name a kind ("虚拟银行")
    people_ends = {e for _s, e, label in model_spans if label == "name"}
    company_starts = {s for s, _e, label in model_spans if label == "company"} | {s for s, _ in listed}
    for start, end, label in model_spans:
        while end - start > 2 and text[end - 1] == ")" and "(" not in text[start:end]:
            end -= 1  # "阿尔卡特朗讯(Alcatel-Lucent)": the tagger's span ran over the closing bracket
        if (open_at := text.rfind("(", start, end)) - start >= 2 and ")" not in text[open_at:end]:
            end = open_at  # "遊戲公司動視(Activision": the span ran into the gloss; the name is before it
        if label == "company":
            if (kind_end := kinds.get(start, start)) > start and end - kind_end >= 2 \
                    and text[start:kind_end].endswith(terms.KIND_OF_FIRM_ENDS):
                start = kind_end  # "虛擬銀行天星銀行": a kind of firm LAC read, then the name
            start = _after_descriptor_or_place(text, start, end, cut_places=False)  # 杭州城投 is a name
            start = _after_glued_cue(text, start, listed_starts, listed_ends)
            end = _before_count_of_firms(text, start, end)
            end = _before_title(text, start, end)
            start = next((s for s, e in listed if e == end and start < s
                          and (text[start:s].endswith(terms.COMPANY_DESCRIPTORS) or text[start:s] in terms.FOREIGN_COUNTRIES)),
                         start)  # "深圳机械人企业优必选", "南韩三星电子": a description or a foreign country, then the name
        name = text[start:end]
        if terms.TICKER_RE.fullmatch(name) or name.startswith("("):
            continue  # "（XPEV.US；09868.HK）", "大众汽车集团（中国）" cut after its group word: no name
        if label != "name" and text[start - 1 : start] == "(" and start - 1 in people_ends:
            # "部长维希纳奥(Ashwini Vaishnaw)", "王储穆罕默德(Mohammed bin Salman)": the person's name, whatever the label
            out.append(Candidate(start, end, None, "model", PERSON_VETO, veto=True))
        elif label == "company" and ((head := terms.DESCRIPTOR_HEAD_BEFORE_NAME_RE.match(text, end))
                                   and any(s == head.end() for s, _ in listed)
                                   or (tech := terms.DISPLAY_TECH_RE.match(text, start)) and tech.end() >= end
                                   or name.endswith(("厂", "厂商")) and end in company_starts):
            # "深圳影像品牌影石": a description; "導入Micro LED螢幕": a display technology's first word;
            # "熱敏電阻廠芝浦電子": a trade and its plant word before the company's name
            out.append(Candidate(start, end, None, "model", 0.5, veto=True))
        elif label == "company" and (_kind_of_firm(name) or _apposed_kind(text, start, end)
                                     or terms.COUNTRY_TRADE_RE.fullmatch(name) and terms.FIRM_KIND_AFTER_RE.match(text, end)):
            # "生活服务公司", "美国电信运营商AT&T": a kind, no name
            out.append(Candidate(start, end, None, "model", 0.5, veto=True))
            if glossed := terms.APPOSED_GLOSSED_NAME_RE.match(text, end):
                han_end = text.index("(", end, glossed.end())  # "私募股权公司银湖(Silver Lake)": the kind names a firm
                out.append(Candidate(end, han_end, COMPANY, "context", CONTEXT_COMPANY_SCORE))
        elif label == "company" and not is_non_company(name) and name.lower() not in terms.VARIANT_WORDS and len(name) >= 2:
            out += [Candidate(s, e, COMPANY, "model", 0.55) for s, e in split_at_partner_cues(text, start, end)]
        elif label in ("government", "organization") and is_non_company(name):
            out.append(Candidate(start, end, None, "model", 0.5, veto=True))
        else:
            # a club, agency, person or place by the tagger: no bare LAC guess may call it a company
            out.append(Candidate(start, end, COMPANY, "model", 0.5, veto=True))
    return out


def founded_quoted_names(text: str) -> list[Candidate]:
    """A quoted name right after a verb of founding is the new firm ("合资成立「简单能源」", "共同组建“新公司”"),
    unless its name ends as a body that is no company ("成立“具身智能创新中心”", "组建“AI实验室”").

    >>> t = "双方将合资成立“简单能源”，并成立“具身智能创新中心”"
    >>> [t[c.start : c.end] for c in founded_quoted_names(t)]
    ['简单能源']
    """
    return [Candidate(m.start("name"), m.end("name"), COMPANY, "context", CONTEXT_COMPANY_SCORE)
            for m in terms.FOUNDED_QUOTED_NAME_RE.finditer(text)
            if not is_non_company(m.group("name"))
            and not m.group("name").endswith(terms.NON_COMPANY_SUFFIXES + terms.FOUNDED_NOT_FIRM_WORDS)]


def seated_registered_names(doc: Doc, text: str, listed: list[tuple[int, int]]) -> list[Candidate]:
    """A registered name with its seat in brackets ("购买芯和半导体科技（上海）股份有限公司的控制权"): the words
    before the bracket back to the last verb, preposition or mark, or to a listed company's name inside
    them ("出售其西安封测厂予力成科技（西安）有限公司" starts at 力成), with the bracket and the legal form."""
    words = tokens(doc)
    out = []
    for m in terms.SEATED_LEGAL_FORM_RE.finditer(text):
        before = [t for t in words if t.idx + len(t.text) <= m.start()]
        start = m.start()
        for t in reversed(before):
            if t.tag_ in terms.NOT_IN_REGISTERED_NAME_TAGS or not all(is_han(ch) or ch.isalnum() for ch in t.text):
                break
            start = t.idx
        start = max([s for s, _ in listed if start <= s < m.start() - 1], default=start)
        if 2 <= m.start() - start <= 16 and not is_non_company(text[start : m.start()]):
            out.append(Candidate(start, m.end(), COMPANY, "pattern", REGISTERED_NAME_SCORE))
    return out


def repeated_brands(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The two mentions of each Chinese name that launches a model named after itself: the subject and
    the brand before the model ("萤石推出萤石C8c", "小米今晚发布了小米15 Ultra"; ``REPEATED_BRAND_RE``).
    Not a time word or an adverb at the clause's start, a generic word or a kind of company.

    >>> t = "萤石推出萤石C8c。今天发布了今天X1。"
    >>> [(t[a:b], t[c:d]) for (a, b), (c, d) in repeated_brands(t)]
    [('萤石', '萤石')]
    """
    out = []
    for m in terms.REPEATED_BRAND_RE.finditer(text):
        name = m.group("name")
        if is_non_company(name) or name.lower() in terms.GENERIC_TERMS or terms.SUBJECT_LEAD_RE.fullmatch(name):
            continue
        out.append((m.span("name"), (m.end() - len(name), m.end())))
    return out


_FIRM_KIND_WORDS = terms.FIRM_TRADE_WORDS + terms.PRODUCT_DESCRIPTOR_WORDS


def _kind_of_firm(name: str) -> bool:
    """True for a firm noun after nothing but words of trade or description: a kind of firm, no name.

    >>> _kind_of_firm("生活服务公司"), _kind_of_firm("私募股权公司"), _kind_of_firm("小米科技公司"), _kind_of_firm("公司")
    (True, True, False, False)
    """
    noun = next((n for n in terms.FIRM_NOUNS if name.endswith(n)), None)
    rest = name[: -len(noun)] if noun else ""
    return bool(rest) and only_words(rest, _FIRM_KIND_WORDS)


def _apposed_kind(text: str, start: int, end: int) -> bool:
    """True for a Chinese kind of company right before the Latin name it describes ("眼镜集团 EssilorLuxottica",
    "加拿大氮化镓厂GaN Systems") or a Chinese name glossed in Latin ("私募股权公司银湖(Silver Lake)").

    >>> t = "由Meta联同眼镜集团 EssilorLuxottica打造，阿里巴巴集团 CEO表示"
    >>> _apposed_kind(t, 7, 11), _apposed_kind(t, 31, 37)
    (True, False)
    >>> t = "出售给私募股权公司银湖(Silver Lake)"
    >>> _apposed_kind(t, 3, 9)
    True
    """
    return (is_han(text[start]) and text[start:end].endswith(terms.APPOSED_KIND_ENDS)
            and (terms.APPOSED_LATIN_NAME_RE.match(text, end) or terms.APPOSED_GLOSSED_NAME_RE.match(text, end))
            is not None)


def latin_company_name(name: str) -> int | None:
    """The length of ``name`` when it is a Latin company name, told by its last word
    (``LATIN_COMPANY_TAILS``: "Joby Aviation", "Animoca Brands", "GlobalWafers America"), else None
    ("Xbox Games Showcase" is an event, "ACE for Games" a product: ``NAME_CONNECTORS`` join a product's name).

    >>> latin_company_name("Joby Aviation"), latin_company_name("Sony Honda Mobility"), latin_company_name("DGX Cloud")
    (13, 19, None)
    >>> latin_company_name("Aviation"), latin_company_name("the Bank"), latin_company_name("ACE for Games")
    (None, None, None)
    """
    words = name.split(" ")
    if len(words) < 2 or not words[0][:1].isupper() or is_sentence(words) \
            or any(w.lower() in terms.NAME_CONNECTORS for w in words[1:-1]):
        return None
    return len(name) if words[-1].lower() in terms.LATIN_COMPANY_TAILS else None  # not "Xbox Games Showcase"


def glossed_names(cands: list[Candidate], text: str) -> list[Candidate]:
    """A company's or product's name glossed in brackets in the other script is that entity too:
    "索尼本田移动（Sony Honda Mobility）", "安擬集團（Animoca Brands）", "Deliveroo（戶戶送）",
    "《勝利女神：妮姬》（NIKKE）".

    >>> c = Candidate(0, 4, COMPANY, "model", 0.55)
    >>> [(g.start, g.end, g.type.value) for g in glossed_names([c], "安拟集团（Animoca Brands）宣布")]
    [(5, 19, 'Company')]
    """
    out = []
    for c in cands:
        if c.veto or c.type is None or c.score < 0.55:
            continue
        m = GLOSS_RE.match(text, c.end)
        if m is None:
            continue
        gloss = m.group("gloss")
        latin = gloss[0].isascii()
        if latin == text[c.end - 1].isascii() or is_non_company(gloss) or gloss.lower() in terms.GENERIC_TERMS:
            continue  # "海思（华为）": a parent, not a gloss
        if terms.EDITION_NOTE_RE.search(gloss):
            continue  # "K330（飚速版）", "渴望S（行货）": an edition or a sales channel, no name
        words = gloss.split(" ")
        if len(words) > 1 and not all(w[:1].isupper() or w[:1].isdigit() or w == "&" for w in words):
            continue  # "（Diandongosuchus fuyuanensis）": a species, a phrase, no name
        out.append(Candidate(m.start("gloss"), m.end("gloss"), c.type, "context", GLOSS_SCORE, key=c.key,
                             maker=c.maker, kind=c.kind))
    return out


def names_before_gloss(doc: Doc, text: str, cands: list[Candidate]) -> list[Candidate]:
    """A Chinese company name with a trade word, right before a Latin company name in brackets, is that
    company: "晶片廠納微半導體（Navitas Semiconductor）" names 納微半導體. The name is the shortest run of
    two to four characters before the trade word that starts a LAC word or follows a kind of firm.

    >>> from techkg.nlp import load_pipeline
    >>> t = "美国功率芯片厂纳微半导体(Navitas Semiconductor)揭露"
    >>> d = load_pipeline()(t)
    >>> [(t[c.start:c.end], c.type.value) for c in names_before_gloss(d, t, list(d._.candidates))]
    [('纳微半导体', 'Company')]
    """
    starts = {t.idx for t in tokens(doc)}
    named_ends = {c.end for c in cands if not c.veto and c.type is not None}
    out = []
    for c in cands:
        if c.veto or not c.is_a(COMPANY) or c.finder == "model" or c.score < 0.55 or not text[c.start].isascii():
            continue
        bracket = c.start - 1
        while bracket >= 0 and text[bracket] == " ":
            bracket -= 1
        if bracket < 0 or text[bracket] != "(" or not text[c.end : c.end + 2].lstrip().startswith(")"):
            continue
        end = bracket
        while end > 0 and text[end - 1] == " ":
            end -= 1
        trade = terms.COMPANY_TRADE_TAIL_RE.search(text, max(0, end - 3), end)
        if end in named_ends or trade is None:
            continue
        for start in range(trade.start() - 2, trade.start() - 5, -1):
            if start < 0 or not all(is_han(ch) for ch in text[start : trade.start()]):
                break
            if start in starts or text[start - 1 : start] in terms.FIRM_NOUN_LAST_CHARS:
                out.append(Candidate(start, end, COMPANY, "context", GLOSS_SCORE, key=c.key))
                break
    return out


def product_short_names(cands: list[Candidate], text: str) -> list[Candidate]:
    """A product named with its kind ("星海大模型") or its brand ("MSI Claw") is that product where the article
    drops the kind or the brand ("由星海负责意图理解", "Claw是……的產品") and only a guess reads a company there.

    >>> t = "海信发布星海大模型。由星海负责意图理解。"
    >>> cs = [Candidate(4, 9, PRODUCT, "model", 0.55), Candidate(11, 13, COMPANY, "model", 0.55)]
    >>> [(t[c.start:c.end], c.type.value) for c in product_short_names(cs, t)]
    [('星海', 'Product')]
    """
    shorts: dict[str, Candidate] = {}
    for c in cands:
        if c.is_a(PRODUCT) and not c.veto and c.score >= 0.55:
            name = text[c.start : c.end]
            core = without_generic_tail(name)
            if core != name and len(core) >= 2 and all(is_han(ch) for ch in core):
                shorts.setdefault(core, c)
            words = name.split(" ")
            if len(words) == 2 and terms.BRAND_ACRONYM_RE.fullmatch(words[0]) and len(words[1]) >= 3:
                shorts.setdefault(words[1], c)  # "MSI Claw" … "Claw是與英特爾合作開發的產品"
    guessed = [c for c in cands if c.is_a(COMPANY) and c.finder in ("model", "lac") and text[c.start : c.end] in shorts]
    taken = {(c.start, c.end) for c in cands if c.finder in ("lexicon", "context", "pattern") and c.is_a(COMPANY)}
    return [Candidate(c.start, c.end, PRODUCT, "context", SHORT_PRODUCT_SCORE, key=shorts[text[c.start : c.end]].key)
            for c in guessed if (c.start, c.end) not in taken]


def listed_names(cands: list[Candidate], text: str) -> list[Candidate]:
    """A name right before a security code in brackets is a listed company: "嘉里物流（00636.HK）",
    "顺丰同城 (09699.HK)", "聯發科（2454.TW）".

    >>> c = Candidate(0, 4, PRODUCT, "model", 0.55)
    >>> [(g.start, g.end, g.type.value) for g in listed_names([c], "嘉里物流(00636.HK)股价")]
    [(0, 4, 'Company')]
    """
    return [Candidate(c.start, c.end, COMPANY, "context", LISTED_NAME_SCORE, key=c.key if c.is_a(COMPANY) else None)
            for c in cands
            if not c.veto and c.type is not None and terms.SECURITY_CODE_AFTER_NAME_RE.match(text, c.end)]


def defined_short_names(cands: list[Candidate], text: str) -> list[Candidate]:
    """A short name a company's name defines in brackets ("上海傅利叶智能科技有限公司（下称“傅利叶”）",
    "（以下簡稱「環球晶」）") names that company wherever the article writes it.

    >>> c = Candidate(0, 13, COMPANY, "lac", 0.6)
    >>> t = "上海傅利叶智能科技有限公司（下称“傅利叶”）发布GR-2。傅利叶表示"
    >>> [(d.start, d.end) for d in defined_short_names([c], t)]
    [(2, 5), (17, 20), (29, 32)]
    """
    out = []
    for c in cands:
        if not c.is_a(COMPANY) or c.score < 0.55:
            continue
        m = link.ABBREVIATION_RE.match(text[c.end : c.end + link.ABBREVIATION_WINDOW])
        if m is None or not m.group("marker"):
            continue
        short = m.group("short")
        if short.lower() in terms.GENERIC_TERMS or is_non_company(short):
            continue
        start = text.find(short)
        while start >= 0:
            out.append(Candidate(start, start + len(short), COMPANY, "context", DEFINED_SHORT_NAME_SCORE,
                                 key=c.key, kind=c.kind))
            start = text.find(short, start + len(short))
    return out


# A gloss in brackets: a Latin name of up to five words, or two to eight Han characters.
GLOSS_RE = re.compile(r"[》」』”\"]?\s*[(（]\s*(?P<gloss>[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ0-9&.'\-:]*(?: [A-Za-zÀ-ÿ0-9&.'\-:]+){0,7}"
                      r"|[\u4e00-\u9fff]{2,8})\s*[)）]")  # accents and a colon too: "（Pokémon Legends: Z-A）"


def glossed_end(text: str, end: int) -> bool:
    """True when a bracketed Latin gloss follows ``end``: the name before it is one whole name
    ("索尼本田移动（Sony Honda Mobility）", not the two companies it holds).

    >>> glossed_end("索尼本田移动（Sony Honda Mobility）", 6), glossed_end("海思（华为）", 2)
    (True, False)
    """
    m = GLOSS_RE.match(text, end)
    return m is not None and m.group("gloss")[0].isascii()


# --- products ----------------------------------------------------------------------------------


def _is_modelish(word: str) -> bool:
    return bool(MODEL_WORD_RE.match(word)) and not terms.STANDARD_RE.match(word)


def _is_name_word(word: str) -> bool:
    if not word or word.lower() in terms.GENERIC_TERMS or terms.STANDARD_RE.match(word):
        return False
    if word.isdigit():
        return False
    return word[0].isupper() or any(c.isupper() for c in word[1:]) or _is_modelish(word)


def _extend_model(text: str, end: int) -> int:
    """Extend a name over following model words ("60 Pro", "Gen 3", "NVL")."""
    pos = end
    while True:
        m = re.match(r" ?([A-Za-z0-9][A-Za-z0-9+\-.]*)", text[pos:])
        if not m:
            return _edition_end(text, pos)
        word = m.group(1)
        if terms.MEMORY_SIZE_RE.fullmatch(word):
            return _edition_end(text, pos)  # "X Fold3 12GB+256GB": a configuration sold, no model word
        if word.lower() in terms.MODEL_SUFFIX_WORDS or (word[0].isdigit() and not _unit_follows(text, pos + m.end())
                                                   and len(word) <= 5) \
                or word == "AI" and text.startswith(terms.AI_NAMED_DEVICES, pos + m.end()):
            pos += m.end()
            continue
        return _edition_end(text, pos)


def _edition_end(text: str, end: int) -> int:
    """Where an edition number right after a Latin name ends ("Surface Pro第11版"), else ``end``.

    >>> _edition_end("Surface Pro第11版开卖", 11), _edition_end("小米第2版", 2), _edition_end("Mavic 3多光谱版", 7)
    (15, 2, 11)
    >>> _edition_end("iPhone 16国行版", 9), _edition_end("Kimi网页版", 4)
    (9, 4)
    >>> _edition_end("Redmi K50 至尊版起售", 9), _edition_end("小米平板 5 Pro 12.4 英寸版", 10)
    (13, 19)
    """
    if not (end and text[end - 1].isascii() and text[end - 1].isalnum()):
        return end
    if m := terms.EDITION_RE.match(text, end) or terms.SIZE_EDITION_RE.match(text, end):
        return m.end()  # "Surface Pro第11版", "小米平板 5 Pro 12.4 英寸版"
    gap = 1 if text[end : end + 1] == " " else 0  # "Redmi K50 至尊版": a space before the variant
    if (m := terms.VARIANT_EDITION_RE.match(text, end + gap)) and m.group(1) not in terms.SALES_EDITION_WORDS:
        return m.end()  # "Mavic 3多光谱版", "Model Y长续航版": a variant (not "国行版", "测试版")
    return end


def _unit_follows(text: str, pos: int) -> bool:
    """True when a unit or counter follows the number ending at ``pos`` ("2.6GHz", "3个月", "1.5倍")."""
    return bool(terms.UNIT_AFTER_NUMBER_RE.match(text, pos))


def product_candidates(doc: Doc, text: str, companies: list[Candidate]) -> list[Candidate]:
    """Product names from patterns and context: every product finder below, in order.

    Args:
        doc: the tokenised Doc.
        text: its folded text.
        companies: company candidates (lexicon and context), for brand + model names.
    """
    cue_ends = release_cue_ends(text)
    found = [
        *brand_and_name(text, companies),
        *family_and_model(text, companies),
        *brand_device_model(text, companies),
        *latin_product_names(doc, text),
        *series_and_model(doc, text),
        *numbered_listed_series(text, companies),
        *released_names(doc, text),
        *names_before_product_noun(doc, text),
        *quoted_names(text),
        *named_han_products(text),
        *listed_names_after_heads(text),
        *listed_names_before_kind(text),
        *titled_names(text, companies),
        *suffixed_names(text, companies, cue_ends),
        *versioned_names(text, companies, cue_ends),
        *numbered_han_names(doc, text, companies),
        *benchmark_names(text),
        *event_names(text),
        *glossed_non_entities(text),
        *identifier_codes(text),
        *titled_people(text),
    ]
    # the finders' Latin classes are ASCII: a name may stop before an accented letter ("Apple Watch Hermès")
    return [replace(c, start=s, end=e) if (s, e) != (c.start, c.end) else c
            for c in found for s, e in [_with_screen_variant(text, *whole_latin_words(c.start, c.end, text), c)]
            if not names_no_product(text[s:e]) and not _in_display_tech(text, s, e)]


def _in_display_tech(text: str, start: int, end: int) -> bool:
    """True when a display technology's name ("QD-Mini LED", "Micro LED") starts inside the span ``start:end``.

    >>> t = "TCL推出QD-Mini LED电视"
    >>> _in_display_tech(t, 5, 12), _in_display_tech("推出Mini 5 Pro", 2, 12)
    (True, False)
    """
    return any(start <= m.start() < end for m in terms.DISPLAY_TECH_RE.finditer(text, max(0, start - 4), end + 8))


def _with_screen_variant(text: str, start: int, end: int, c: Candidate) -> tuple[int, int]:
    """A product's span with the screen variant after a Latin name or model number ("Zenbook 14 OLED").

    >>> t = "推出Zenbook 14 OLED与OLED面板"
    >>> _with_screen_variant(t, 2, 12, Candidate(2, 12, PRODUCT, "pattern", 0.7))
    (2, 17)
    """
    if c.is_a(PRODUCT) and not c.veto and text[end - 1 : end].isascii() and text[end - 1 : end].isalnum() \
            and (m := terms.OLED_VARIANT_RE.match(text, end)):
        return start, m.end()
    return start, end


def names_no_product(name: str) -> bool:
    """A measure ("6150mAh"), with the part it measures and the verb fitting it ("内建4300mAh电池"), or a
    sales event named by its date ("京东618", "天猫双11"): no product's name.

    >>> names_no_product("6150mAh"), names_no_product("内建4300mAh电池"), names_no_product("京东618")
    (True, True, True)
    >>> names_no_product("Redmi K80"), names_no_product("内建Exynos 2400芯片")
    (False, False)
    """
    part = terms.FITTED_PART_LEAD_RE.sub("", without_generic_tail(name))
    return is_measure(name) or is_measure(part) or terms.SHOPPING_FESTIVAL_RE.search(name) is not None


def is_measure(name: str) -> bool:
    """True for a number and its unit, which names nothing ("6150mAh", "120W", "2.6GHz", "16GB").

    >>> is_measure("6150mAh"), is_measure("120 W"), is_measure("H100"), is_measure("5090")
    (True, True, False, False)
    """
    m = NUMBER_RE.match(name)
    return bool(m and terms.UNIT_AFTER_NUMBER_RE.fullmatch(name, m.end()))


def whole_latin_words(start: int, end: int, text: str) -> tuple[int, int]:
    """A span widened so that it neither starts nor ends inside a Latin word.

    >>> t = "任天堂與The Pokémon Company發行Apple Watch Hermès"
    >>> [t[s:e] for s, e in (whole_latin_words(5, 23, t), whole_latin_words(26, 42, t))]
    ['The Pokémon Company', 'Apple Watch Hermès']
    """
    while start > 0 and _latin_letter(text[start - 1]) and _latin_letter(text[start]):
        start -= 1
    while end < len(text) and _latin_letter(text[end - 1]) and _latin_letter(text[end]):
        end += 1
    return start, end


def _latin_letter(ch: str) -> bool:
    return ch.isalpha() and not is_han(ch)


DEVICE_MODEL_SCORE = 0.75  # as a listed family's model: the brand is listed, the pattern is narrow
EVENT_VETO = 0.9  # a trade show's name is no product's, for any finder but the lexicon


def event_names(text: str) -> list[Candidate]:
    """Vetoes on trade shows and developer conferences ("在CES 2025上发布", "WWDC 2024"), on a
    contest's or meeting's yearly edition ("参加了WCG2012的比赛"), on a company's own day ("NIO Day
    2023") and on a Latin acronym with its year where something happens ("在ISC 2023上"): events,
    not products.

    >>> [(c.start, c.end, c.veto) for c in event_names("英伟达在CES 2025上发布RTX 5090")]
    [(4, 12, True)]
    >>> [(c.start, c.end) for c in event_names("他参加了WCG2012的比赛，RTX2080显卡也在场")]
    [(4, 11)]
    >>> [(c.start, c.end) for c in event_names("在Gamescom Opening Night Live上")]
    [(1, 28)]
    """
    spans = {(m.start(), tail.end() if (tail := terms.EVENT_TAIL_RE.match(text, m.end())) else m.end()): None
             for pattern in (terms.TECH_EVENT_RE, terms.YEAR_EDITION_EVENT_RE, terms.LATIN_EVENT_RE,
                             terms.LATIN_DAY_EVENT_RE, terms.VENUE_YEAR_EVENT_RE)
             for m in pattern.finditer(text)}
    return [Candidate(start, end, None, "context", EVENT_VETO, veto=True) for start, end in spans]


def glossed_non_entities(text: str) -> list[Candidate]:
    """Vetoes on a Latin gloss in brackets after the Chinese name of an event ("半导体博览会（IC China
    2025）", "开发者大会2024（HDC 2024）"), on a Latin name with a year right after a meeting's noun
    ("年度大会VIVECON 2021"), and on a gloss after a body that is no company ("人文智能实验室（hi lab）",
    "联发创新基地（MediaTek Research）").

    >>> t = "小红书旗下人文智能实验室（hi lab）开源了dots.llm1"
    >>> [t[c.start : c.end] for c in glossed_non_entities(t)]
    ['hi lab']
    """
    return [Candidate(m.start("gloss"), m.end("gloss"), None, "context", EVENT_VETO, veto=True)
            for pattern in (terms.EVENT_GLOSS_RE, terms.EVENT_NAME_AFTER_NOUN_RE, terms.BODY_GLOSS_RE)
            for m in pattern.finditer(text)]


PERSON_VETO = 0.9  # a person named after a title is no company's or product's name, for any finder


def titled_people(text: str) -> list[Candidate]:
    """Vetoes on Latin names right after a person's title ("执行长Simon Segars"), glossing a
    transliterated name ("亚当·塞利普斯基(Adam Selipsky)") or founding a firm ("由Naveen Rao和Hanlin Tang共同创办"):
    people (``TITLED_PERSON_RE``, ``GLOSSED_PERSON_RE``, ``FOUNDER_PEOPLE_RE``; lexicon names inside them are
    dropped in :func:`lexicon_candidates`).

    >>> t = "意法半导体总裁兼首席执行官Jean-Marc Chery表示，律师Alex Spiro和蒂姆·库克(Tim Cook)"
    >>> [t[c.start:c.end] for c in titled_people(t)]
    ['Jean-Marc Chery', 'Alex Spiro', 'Tim Cook']
    """
    titled = [Candidate(m.start("name"), m.end("name"), None, "context", PERSON_VETO, veto=True)
              for pattern in (terms.TITLED_PERSON_RE, terms.GLOSSED_PERSON_RE) for m in pattern.finditer(text)]
    founders = [Candidate(m.start("people") + p.start(), m.start("people") + p.end(), None, "context", PERSON_VETO,
                          veto=True)
                for m in terms.FOUNDER_PEOPLE_RE.finditer(text)
                for p in re.finditer(r"[A-Za-z][A-Za-z ]*[A-Za-z]", m.group("people"))
                if latin_company_name(p.group()) is None]
    return titled + founders


IDENTIFIER_VETO = 0.9  # a batch number or licence plate is no product's name, for any finder but the lexicon


def identifier_codes(text: str) -> list[Candidate]:
    """Vetoes on codes a noun says identify something ("批号为AL0225", "车牌照为冀JJC065"):
    identifiers, not products (``IDENTIFIER_CODE_RE``); and on a process's or architecture's code in
    brackets after its noun ("3纳米制程(N3E)", ``TECHNOLOGY_GLOSS_RE``); a funding round ("A1轮",
    ``FUNDING_ROUND_RE``).

    >>> [(c.start, c.end, c.veto) for c in identifier_codes("回收批号为AL0225的产品")]
    [(5, 11, True)]
    """
    return [Candidate(m.start("code"), m.end("code"), None, "context", IDENTIFIER_VETO, veto=True)
            for pattern in (terms.IDENTIFIER_CODE_RE, terms.TECHNOLOGY_GLOSS_RE, terms.FUNDING_ROUND_RE)
            for m in pattern.finditer(text)]


_LATIN_LIST = r"[A-Za-z][A-Za-z0-9+\-.]*(?:\s*(?:、|和|与|及|,|，)\s*[A-Za-z][A-Za-z0-9+\-.]*)*"
_BENCHMARK_HEAD = (r"(?:" + "|".join(terms.BENCHMARK_DOMAINS) + r")*(?:" + "|".join(terms.BENCHMARK_HEADS) + ")")
BENCHMARK_LIST_RE = re.compile(
    _LATIN_LIST + r"\s*(?:" + "|".join(terms.BENCHMARK_FILLERS) + r")*\s*" + _BENCHMARK_HEAD
    + r"|(?:(?<=基准)|(?<=测试集)|(?<=数据集))\s*" + _LATIN_LIST)
BENCHMARK_VETO = 0.9  # a benchmark's name is no product's, for any finder but the lexicon


def benchmark_names(text: str) -> list[Candidate]:
    """Vetoes on Latin names listed before a benchmark noun ("MMLU、GPQA、GSM8K等多项基准测试"):
    they are tests, not products.

    >>> [(c.start, c.end, c.veto) for c in benchmark_names("在MMLU、GPQA等基准测试中")]
    [(1, 5, True), (6, 10, True)]
    >>> t = "在MATH500和AIME两项数学基准上，在视觉推理基准MMMU与MathVista上"
    >>> [t[c.start:c.end] for c in benchmark_names(t)]
    ['MATH500', 'AIME', 'MMMU', 'MathVista']
    """
    out: list[Candidate] = []
    for m in BENCHMARK_LIST_RE.finditer(text):
        for name in LATIN_WORD_RE.finditer(text, m.start(), m.end()):
            out.append(Candidate(name.start(), name.end(), None, "context", BENCHMARK_VETO, veto=True))
    return out


def brand_and_name(text: str, companies: list[Candidate]) -> list[Candidate]:
    """A company followed by a Latin name: "NVIDIA DGX Quantum", "Microsoft 365 Copilot",
    "华为Mate 60 Pro", "小米14"; not the company's own name in the other script ("英伟达NVIDIA")."""
    out: list[Candidate] = []
    # a company's name in the other script glued to it ("英伟达NVIDIA", "高通Qualcomm") is that company again
    listed_companies = {(d.start, d.end, d.key) for d in companies
                        if d.is_a(COMPANY) and d.finder == "lexicon" and d.key is not None}
    listed_key = {(s, e): key for s, e, key in listed_companies}
    for c in companies:
        if not c.is_a(COMPANY) or text[c.start : c.end].endswith(terms.COMPANY_DESCRIPTORS):
            continue
        m = re.match(r"( ?)([A-Za-z0-9][A-Za-z0-9+\-.]*(?: [A-Za-z0-9][A-Za-z0-9+\-.]*)*)", text[c.end :])
        if not m:
            continue
        at = c.end + len(m.group(1))
        brand_key = c.key or listed_key.get((c.start, c.end))
        unit_ok = is_han(text[c.end - 1])  # "亚马逊AWS", "谷歌DeepMind": a unit after the Chinese name ("Google GCP" is one name)
        if any(ls == at and le <= at + len(m.group(2)) and (key == brand_key or unit_ok and le == at + len(m.group(2)))
               for ls, le, key in listed_companies):
            continue  # "英伟达NVIDIA": the company again; "亚马逊AWS": its unit, a company
        words = m.group(2).split(" ")
        keep = []
        for w in words:
            if keep and (w.lower() in terms.GENERIC_TERMS or terms.MEMORY_SIZE_RE.fullmatch(w)):
                break  # "小米14 Ultra 16GB+1TB": a configuration sold, no model word
            keep.append(w)
        _drop_counted_numbers(text, keep, at + len(" ".join(keep)))  # "三星Galaxy S24 3 月开售"
        if not keep or keep[0].lower() in terms.GENERIC_TERMS or terms.VERSUS_END_RE.search(keep[0]):
            continue  # "拜仁vs科特布斯": two sides of a match
        if terms.STANDARD_RE.match(keep[0]) and not _glued_model_code(text, c.end, keep[0]):
            continue
        if NUMBER_RE.fullmatch(keep[0]) and (not is_han(text[c.end - 1]) or _unit_follows(text, c.end + len(keep[0]))
                                            or YEAR_RE.fullmatch(keep[0])):
            continue  # "深航11.7亿元", "洛可可2014春": an amount or a date after the name, no model
        if not m.group(1) and not is_han(text[c.end - 1]):
            continue  # "NVIDIAX": not a brand + name
        if terms.SHARE_NAME_RE.match(text[c.start : c.end] + keep[0]):
            continue  # "京东方A", "三一重工H": the company's share line
        if terms.TECH_EVENT_RE.match(text, at):
            continue  # "高通MWC 2024连发三款新品": the company at a trade show
        end = _extend_model(text, at + len(" ".join(keep)))
        if text.startswith("级", end) and re.fullmatch(r"[A-Z]{1,3}", text[at:end]):
            end += 1  # "奔驰G级", "宝马X级": a carmaker's class is named with 级
        if not before_non_product_head(text, end):  # "Intel Vision 2024大会": an event
            out.append(Candidate(c.start, end, PRODUCT, "pattern", 0.8, maker=c.key))
    return out


def _drop_counted_numbers(text: str, words: list[str], end: int) -> int:
    """Drop the numbers ending a run of space-joined ``words`` (which ends at ``end``) that count a unit
    after them: a date's or a measure's number, no model number ("ROG Ally 6 月开卖", "Galaxy S24 3 月").
    The first word stays. Returns the run's new end.

    >>> words = ["Galaxy", "S24", "3"]
    >>> _drop_counted_numbers("Galaxy S24 3 月开售", words, 12), words
    (10, ['Galaxy', 'S24'])
    """
    while len(words) > 1 and words[-1].isdigit() and _unit_follows(text, end):
        end -= len(words.pop()) + 1
    return end


def _glued_model_code(text: str, end: int, word: str) -> bool:
    """True when ``word`` is a short model code glued to a company's Chinese name ending at
    ``end`` ("寒武纪1A"), not a measure ("华为5G", "小米100W") nor a number with its counter.

    >>> _glued_model_code("寒武纪1A处理器", 3, "1A"), _glued_model_code("华为5G基站", 2, "5G")
    (True, False)
    >>> _glued_model_code("NVIDIA 1A", 6, "1A")
    False
    """
    return (is_han(text[end - 1]) and text.startswith(word, end) and bool(terms.BRAND_MODEL_CODE_RE.match(word))
            and not _unit_follows(text, end + len(word)))


def before_non_product_head(text: str, end: int) -> bool:
    """True when a noun saying the name is no product's follows ``end`` (``NON_PRODUCT_HEADS``:
    "Intel Vision 2024大会" is an event, "Blackwell架构" an architecture).

    >>> before_non_product_head("Oracle CloudWorld大会上", 17), before_non_product_head("Gaudi 3芯片", 7)
    (True, False)
    """
    return text[end : end + 8].lstrip().startswith(terms.NON_PRODUCT_HEADS)


def family_and_model(text: str, companies: list[Candidate]) -> list[Candidate]:
    """A product family the lexicon knows, then a model number or variant: "昇腾320", "思元100",
    "麒麟9000S", "Find X7 Ultra", "macOS Sequoia"."""
    out: list[Candidate] = []
    for c in companies:
        if c.is_a(PRODUCT) and c.finder == "lexicon":
            if (end := _version_end(text, c.end)) > c.end or (end := _edition_end(text, c.end)) > c.end:
                # "可灵2.0", "豆包1.6 Flash", "Surface Pro第11版": a variant
                out.append(Candidate(c.start, end, PRODUCT, "pattern", VARIANT_SCORE, maker=c.maker))
                continue
            if c.kind in terms.VEHICLE_MAKER_KINDS and (m := re.match(r"\d(?![\d.])", text[c.end : c.end + 2])) \
                    and not _unit_follows(text, c.end + 1):  # "瑞虎9": a car series and its one-digit model
                out.append(Candidate(c.start, _extend_model(text, c.end + 1), PRODUCT, "pattern", VARIANT_SCORE,
                                     maker=c.maker))
                continue
            if text[c.end - 1 : c.end].isdigit() and terms.PLUS_VARIANT_RE.match(text, c.end):  # "骁龙888+"
                out.append(Candidate(c.start, c.end + 1, PRODUCT, "pattern", VARIANT_SCORE, maker=c.maker))
                continue
            m = terms.FAMILY_MODEL_RE.match(text[c.end :])
            if m and not YEAR_RE.fullmatch(m.group(1)) and not _unit_follows(text, c.end + m.end()) \
                    and not terms.MEMORY_SIZE_RE.match(text[c.end :].lstrip()):  # "X Fold3 12GB+256GB"
                end = _extend_model(text, c.end + m.end())
                out.append(Candidate(c.start, end, PRODUCT, "pattern", 0.75, maker=c.maker))
            elif _variant_follows(text, c.end):  # "Find X7 Ultra": another product than "Find X7"
                out.append(Candidate(c.start, _extend_model(text, c.end), PRODUCT, "pattern", 0.75, maker=c.maker))
            elif (end := _extend_name(text, c.end)) > c.end:  # "macOS Sequoia", "Gemini 1.0 Ultra"
                out.append(Candidate(c.start, end, PRODUCT, "pattern", 0.75, maker=c.maker))
            elif (domain := DOMAIN_MODEL_RE.match(text, c.end)) and _can_be_name(domain.group(1)):
                # "盘古矿山大模型", "盘古气象大模型": a model of the family for one field, another product
                out.append(Candidate(c.start, domain.end(), PRODUCT, "pattern", 0.75, maker=c.maker))
    return out


# A field between a model family's name and 大模型 ("盘古矿山大模型"): a model of its own.
DOMAIN_MODEL_RE = re.compile(r"((?:(?![由的与和是在为被将及])[\u4e00-\u9fff]){2,4})大模型")  # not "可灵由快手大模型团队"


def brand_device_model(text: str, companies: list[Candidate]) -> list[Candidate]:
    """A company, a device noun and a model number: "小米手环9", "荣耀手表5", "华为音箱2",
    "OPPO手表X2", "小米平板7 Pro" (the device noun is part of the name).

    >>> co = Candidate(0, 2, COMPANY, "lexicon", 0.95, key="xiaomi")
    >>> [(text[c.start:c.end]) for text in ("小米手环9今日开卖", "小米电视65英寸", "小米手环2024年")
    ...  for c in brand_device_model(text, [co])]
    ['小米手环9']
    """
    out: list[Candidate] = []
    for c in companies:
        if not c.is_a(COMPANY) or c.finder != "lexicon":
            continue
        m = terms.DEVICE_MODEL_RE.match(text, c.end)
        if m and not _unit_follows(text, m.end()):
            out.append(Candidate(c.start, _extend_model(text, m.end()), PRODUCT, "pattern", DEVICE_MODEL_SCORE,
                                 maker=c.key))
    return out


def _version_end(text: str, end: int) -> int:
    """Where a version number after a product name ends (with its variant words: "1.6 Flash"),
    or ``end`` when none follows or the number measures something ("1.5倍", "2.0%").

    >>> _version_end("可灵2.1正式上线", 2), _version_end("豆包1.6 Flash。", 2), _version_end("豆包1.5倍", 2)
    (5, 11, 2)
    """
    m = terms.VERSION_NUMBER_RE.match(text, end)
    if not m or _unit_follows(text, m.end()):
        return end
    return _extend_model(text, m.end())


# a product noun, a service or a kind of software names what follows ("部署套件FastDeploy", "深度学习框架PyTorch")
_HEADS_BEFORE_LATIN_NAME = (*terms.HAN_PRODUCT_HEADS, "服务", "套件", "工具包", "框架", "插件", "软件", "原型", "原型机")


def latin_product_names(doc: Doc, text: str) -> list[Candidate]:
    """Runs of Latin words: model numbers ("H100 NVL"), names before or after a product noun
    ("Grace Hopper超级芯片", "语言模型NEMO") and the objects of a release verb."""
    out: list[Candidate] = []
    for _ts, _te, cs, ce in latin_runs(doc):
        name = text[cs:ce]
        words = name.split(" ")
        # trim generic words at the ends ("GPU", "AI") unless inside a longer name
        while words and (
            words[0].lower() in terms.GENERIC_TERMS
            or (terms.STANDARD_RE.match(words[0]) and (len(words) == 1 or _is_modelish(words[1])))
        ):
            cs += len(words[0]) + 1  # "PCIe H100": the standard is not part of the name
            words = words[1:]
        ce = _drop_counted_numbers(text, words, ce)  # "ROG Ally 6 月开卖"
        tail: list[str] = []
        generation = len(words) > 1 and words[-1] in ("5G", "4G") and not is_han(text[ce : ce + 1] or " ")
        while not generation and words and (words[-1].lower() in terms.GENERIC_TERMS
                                            or terms.STANDARD_RE.match(words[-1])):
            tail.insert(0, words.pop())  # "Galaxy S10 5G" keeps its generation: another model than Galaxy S10
        if not words or is_sentence(words):
            continue
        coded = bool(tail) and tail[0].lower() in terms.CODE_NAME_CATEGORIES and not any(c.isdigit() for c in "".join(words))
        if coded:
            words.append(tail[0])  # "Vera CPU", "Oryon CPU": a code name keeps its category, and is a chip's name
        name = " ".join(words)
        ce = cs + len(name)
        if not any(_is_name_word(w) for w in words) or len(name) < 2:
            continue
        after = text[ce : ce + 8].lstrip()
        before = text[max(0, cs - 6) : cs]
        if before_non_product_head(text, ce):
            continue  # "Blackwell架构", "4NP工艺"
        head_after = after.startswith((*terms.PRODUCT_HEADS, "产品", "生成式")) or bool(terms.PRODUCT_GLOSS_RE.match(text, ce))
        head_before = before.endswith(_HEADS_BEFORE_LATIN_NAME)  # "四足机器人CyberDog", "支付服务ShopeePay"
        modelish = any(_is_modelish(w) for w in words) or (
            len(words) > 1 and _is_name_word(words[0]) and any(w.isdigit() for w in words[1:])
        )
        release_obj = _after_release_trigger(text, cs)
        named = before.rstrip().endswith(terms.NAME_INTRODUCERS) and not terms.NAMED_FIRM_AFTER_RE.match(text, ce)
        if head_before or named:  # "四足机器人CyberDog", "名为CyberDog的": the text says it is a product
            out.append(Candidate(cs, _extend_model(text, ce), PRODUCT, "pattern", NAMED_PRODUCT_SCORE))
        elif head_after or coded or (modelish and (release_obj or _in_product_list(text, cs, ce))):
            out.append(Candidate(cs, _extend_model(text, ce), PRODUCT, "pattern", 0.7))
        elif modelish:
            out.append(Candidate(cs, _extend_model(text, ce), PRODUCT, "pattern", 0.5))
        elif (release_obj or terms.MADE_BY_AFTER_NAME_RE.match(text, ce)) and _is_name_word(words[0]) \
                and not after.startswith(terms.COMPANY_FOLLOWERS):
            out.append(Candidate(cs, ce, PRODUCT, "context", 0.55))  # "Apollo由……Apptronik于去年8月推出"
    return out


_MEASURE_NOUNS = tuple(w for w in terms.MEASURE_WORDS if len(w) >= 2)


def series_and_model(doc: Doc, text: str) -> list[Candidate]:
    """A Chinese series name glued to a model number: "思元290", "昇腾910", "麒麟9000S", "天玑9300"."""
    out: list[Candidate] = []
    toks = tokens(doc)
    for i, t in enumerate(toks[:-1]):
        name = text[t.idx : t.idx + len(t.text)]
        nxt = toks[i + 1]
        model = text[nxt.idx : nxt.idx + len(nxt.text)]
        if (
            t.tag_ in ("nz", "ORG", "nw")
            and len(name) >= 2
            and is_han(name[-1])
            and not t.whitespace_
            and re.fullmatch(r"\d{2,5}[A-Za-z]{0,3}|[A-Za-z]{1,3}\d{1,4}[A-Za-z]?", model)
            and not YEAR_RE.fullmatch(model)
            and not terms.VERSUS_END_RE.search(model)  # "沙尔克04vs曼城": a match
            and not _unit_follows(text, nxt.idx + len(model))
            and not text.startswith(".", nxt.idx + len(model))  # "11.7亿": a decimal cut in two
            and not name.endswith(terms.GROUP_ENDINGS)  # "报业集团14报": a company, then a count
            and not _measure(model)
            and not name.endswith(_MEASURE_NOUNS)  # "扭矩32N·m": a measure, no series
            and name.lower() not in terms.GENERIC_TERMS
            and not is_non_company(name)
        ):
            out.append(Candidate(t.idx, _extend_model(text, nxt.idx + len(model)), PRODUCT, "pattern", 0.6))
    return out


def numbered_listed_series(text: str, found: list[Candidate]) -> list[Candidate]:
    """A Chinese series name the lexicon lists, glued to a model number of one or two digits: a model of that
    series ("努比亚发表红魔6", "红魔10 Pro"), made by the series' maker; not a count or a measure ("红魔2款")."""
    out = []
    for c in found:
        if c.finder != "lexicon" or not c.is_a(PRODUCT) or not is_han(text[c.end - 1]):
            continue
        m = MODEL_NUMBER_AFTER_SERIES_RE.match(text, c.end)
        if m and not _unit_follows(text, m.end()) and not YEAR_RE.fullmatch(m.group()):
            out.append(Candidate(c.start, _extend_model(text, m.end()), PRODUCT, "pattern", 0.6, maker=c.maker))
    return out


MODEL_NUMBER_AFTER_SERIES_RE = re.compile(r"\d{1,2}[A-Za-z]?\+?(?![\d.A-Za-z])")


def _measure(word: str) -> bool:
    """True for a number with its unit or a technology generation ("100W", "5G"), not a model
    code that only looks like one ("1A", "14T").

    >>> _measure("100W"), _measure("5G"), _measure("1A"), _measure("290")
    (True, True, False, False)
    """
    return bool(terms.STANDARD_RE.match(word)) and not terms.BRAND_MODEL_CODE_RE.match(word)


def released_names(doc: Doc, text: str) -> list[Candidate]:
    """A Chinese proper noun right after a release verb: "百度发布文心一言"."""
    out: list[Candidate] = []
    for t in tokens(doc):
        name = text[t.idx : t.idx + len(t.text)]
        if t.tag_ in ("nz", "nw", "ORG") and len(name) >= 2 and is_han(name[0]) and name.lower() not in terms.GENERIC_TERMS \
                and not only_words(name, terms.PRODUCT_DESCRIPTOR_WORDS):  # "推出双模5G芯片": what kind
            before = text[max(0, t.idx - 4) : t.idx]
            after = text[t.idx + len(name) : t.idx + len(name) + 1]
            ends_word = not after or not (is_han(after) or after.isalpha()) or after in "的和与及等"
            org = t.tag_ == "ORG"  # "联合推出易信": LAC's organisation as the object of a launch is the product
            if ends_word and any(before.endswith((trig, trig + "了"))
                                 for trig in (terms.OBJECT_TAKING_CUES if org else terms.RELEASE_TRIGGERS)):
                out.append(Candidate(t.idx, t.idx + len(name), PRODUCT, "context", RELEASED_ORG_SCORE if org else 0.6))
    return out


def names_before_product_noun(doc: Doc, text: str) -> list[Candidate]:
    """A Chinese proper noun right before a product noun: "盘古大模型", "鸿蒙操作系统"; not a word of
    description LAC took for one ("智能汽车", "国产芯片")."""
    out: list[Candidate] = []
    for t in tokens(doc)[:-1]:
        name = text[t.idx : t.idx + len(t.text)]
        if t.tag_ == "nz" and len(name) >= 2 and is_han(name[0]) and _can_be_name(name):
            nxt = text[t.idx + len(name) : t.idx + len(name) + 4]
            if nxt.startswith(("大模型", "芯片", "电池", "操作系统", "系统", "手机", "处理器", "汽车")):
                out.append(Candidate(t.idx, t.idx + len(name), PRODUCT, "context", 0.6))
    return out


RELEASE_CUE_RE = re.compile("(?:" + "|".join(map(re.escape, sorted(terms.RELEASE_TRIGGERS, key=len, reverse=True)))
                            + ")了?")
QUOTED_CUE_RE = re.compile("(?:" + "|".join(map(re.escape, sorted(terms.RELEASE_TRIGGERS + terms.QUOTED_NAME_CUES,
                                                                   key=len, reverse=True))) + ")")
CLAUSE_BREAK_RE = re.compile(rf"[，,。；;！？!?：:\n{terms.OPEN_QUOTES}{terms.CLOSE_QUOTES}]")


QUOTED_PHRASE_RE = re.compile(r"[了着过吗呢吧就都最得]|^(?:加入|成为|进入|走向|实现|推动|改变|打破|拥抱|告别)|"
                              + terms.CLAUSE_WORD_RE.pattern)


def release_cue_ends(text: str) -> set[int]:
    """Where each release cue used as a verb ends: the anchors of names right after one.

    >>> sorted(release_cue_ends("小米发布了YU7，发布会上"))
    [5]
    """
    return {m.end() for m in RELEASE_CUE_RE.finditer(text) if _verb_use(text, m)}


def _verb_use(text: str, cue: re.Match) -> bool:
    """False for a release cue used as a noun: "的上市", "发布会上", "发布时间".

    >>> [_verb_use(t, RELEASE_CUE_RE.search(t)) for t in ("小米发布了", "小米的上市", "在发布会上")]
    [True, False, False]
    """
    after = text[cue.end() : cue.end() + 2]
    return text[cue.start() - 1 : cue.start()] != "的" and not after.startswith(terms.RELEASE_NOMINAL_AFTER)


def quoted_names(text: str) -> list[Candidate]:
    """A name in quotation marks that a release or naming cue introduces: "推出“拼好饭”",
    "上線「碰一下」支付功能", "名为“通义听悟”的服务", "旗下的「Tap & Go」", or that a product noun
    right before names ("对话模型“商量SenseChat”"), and the quoted names listed after it
    ("“拼好饭”和“神抢手”"); not a campaign, slogan or brand ("推出“以旧换新”活动")."""
    out: list[Candidate] = []
    listed_until = -1  # where the last accepted quoted name closed
    for m in terms.QUOTED_NAME_RE.finditer(text):
        name = m.group(1).strip()
        start = m.start(1) + m.group(1).index(name)
        end = start + len(name)
        after = text[m.end() : m.end() + 6]
        if _names_campaign(name, after):  # "「新春紅包」玩法": no entity, whoever guesses one
            out.append(Candidate(start, end, None, "context", QUOTED_CAMPAIGN_VETO, veto=True))
            continue
        if not _quoted_name_ok(name, after) or terms.KIND_THEN_NAME_RE.match(text, m.end()):
            continue  # "推出新一代「快思考」模型混元Turbo S": the quote says what kind, the name follows
        listed = listed_until >= 0 and re.fullmatch(r"\s*(?:和|与|及|以及|、|或)\s*", text[listed_until : m.start()])
        if listed or _quoted_cue_before(text, m.start()) or text.endswith(terms.QUOTED_NAME_HEADS, 0, m.start()):
            out.append(Candidate(start, end, PRODUCT, "context", QUOTED_NAME_SCORE))
            listed_until = m.end()
    return out


TITLE_RE = re.compile(r"《([^《》\n]{2,20})》")
# Between two titles of one list: a joining word, or a bracketed note about the first ("（内地称《守望先锋》）").
TITLE_LIST_GAP_RE = re.compile(r"\s?(?:\([^()《》]{0,8}|\)?\s?(?:、|和|及|与|以及|或)?\s?)")  # 《A》《B》: back to back too


# a game or app noun before a title, a copula between allowed ("首发游戏为《X》", "代表作品是……" not: 作品 is no head)
TITLE_HEAD_BEFORE_RE = re.compile("(?:" + "|".join(terms.TITLE_PRODUCT_HEADS) + r")(?:为|是|包括|有)?\s?$")


def titled_names(text: str, companies: list[Candidate]) -> list[Candidate]:
    """A title in 《》 that names a game, an app or a program: a product noun right before or after
    it ("射击游戏《三角洲行动》", "《地下城与勇士：起源》手游"), a company right before it ("暴雪《守望先锋2》",
    "网元圣唐的《古剑奇谭三》"), a work of a series or what was launched or made ("最新作《X》", "推出的《X》",
    ``terms.TITLE_MADE_BEFORE_RE``), or a Latin gloss after it ("《漫威争锋》（Marvel Rivals）"). Books, films, laws and reports keep no
    entity ("报告《X》", "《芯片法案》").

    >>> [text[c.start : c.end] for text in ("射击游戏《三角洲行动》上线", "电影《流浪地球》", "《漫威争锋》（Marvel Rivals）",
    ...  "游戏《异形》电影版") for c in titled_names(text, [])]
    ['三角洲行动', '漫威争锋']
    """
    company_ends = {c.end for c in companies if c.is_a(COMPANY)}
    listed = {(c.start, c.end) for c in companies if c.is_a(PRODUCT) and c.finder == "lexicon"}
    listed_starts = {s for s, _ in listed}
    out = []
    run: list[tuple[int, int]] = []  # the titles of one list ("《A》、《B》（又称《C》）及《D》")
    run_is_products = False
    for m in TITLE_RE.finditer(text):
        if run and not TITLE_LIST_GAP_RE.fullmatch(text, run[-1][1] + 1, m.start()):
            out += _titled_run(run, run_is_products)
            run, run_is_products = [], False
        name = m.group(1).strip()
        before, after = text[max(0, m.start() - 6) : m.start()], text[m.end() : m.end() + 4]
        if name.endswith(terms.TITLE_NOT_PRODUCT_ENDINGS) or name.lower() in terms.GENERIC_TERMS \
                or after.lstrip().startswith(terms.TITLE_WORK_NOUNS):
            continue  # "《芯片法案》", "新华网《第一回应》栏目": a law, a show
        run.append((m.start(1), m.end(1)))
        if TITLE_HEAD_BEFORE_RE.search(before) or terms.TITLE_MADE_BEFORE_RE.search(before) \
                or after.startswith(terms.TITLE_PRODUCT_HEADS) or glossed_end(text, m.end()) \
                or m.start() in company_ends or (before.endswith("的") and m.start() - 1 in company_ends) \
                or (m.start(1) in listed_starts and (m.start(1), m.end(1)) not in listed):
            out.append(Candidate(m.start(1), m.end(1), PRODUCT, "context", TITLED_NAME_SCORE))
            run_is_products = True
        run_is_products = run_is_products or (m.start(1), m.end(1)) in listed
    return out + _titled_run(run, run_is_products)


def _titled_run(run: list[tuple[int, int]], products: bool) -> list[Candidate]:
    """The titles of one list, products all when one of them is ("《魔兽世界》、《暗黑破坏神》")."""
    return [Candidate(s, e, PRODUCT, "context", TITLED_NAME_SCORE) for s, e in run] if products and len(run) > 1 \
        else []


def named_han_products(text: str) -> list[Candidate]:
    """A Chinese name after a product noun and a naming word: "富途的交易平台名为富途牛牛，" (see
    ``terms.NAMED_HAN_PRODUCT_RE``), and one with its product noun after a maker's relative clause:
    "由完美世界运营的蒸汽平台" (``terms.MADE_BY_HEAD_RE``).

    >>> [("富途的交易平台名为富途牛牛，"[c.start:c.end]) for c in named_han_products("富途的交易平台名为富途牛牛，")]
    ['富途牛牛']
    """
    named = [Candidate(m.start("name"), m.end("name"), PRODUCT, "context", NAMED_PRODUCT_SCORE)
             for m in terms.NAMED_HAN_PRODUCT_RE.finditer(text) if _can_be_name(m.group("name"))]
    return named + [Candidate(m.start("name"), m.end("name"), PRODUCT, "context", SUFFIXED_NAME_SCORE)
                    for m in terms.MADE_BY_HEAD_RE.finditer(text) if _can_be_name(m.group("core"))]


def listed_names_before_kind(text: str) -> list[Candidate]:
    """Chinese names a unit of a company lists before 等 and a kind of product ("五菱旗下的缤果、星光等车型",
    "腾讯旗下的《王者荣耀》、《和平精英》等游戏" are read by their titles): each one a product.

    >>> t = "随后几天，五菱旗下的缤果、星光等车型推出限时优惠。"
    >>> [t[c.start:c.end] for c in listed_names_before_kind(t)]
    ['缤果', '星光']
    """
    out = []
    for m in terms.OWNED_LIST_BEFORE_KIND_RE.finditer(text):
        for item in re.finditer(r"[^、]+", m.group("items")):
            name = item.group().strip()
            if 2 <= len(name) <= 6 and _can_be_name(name):
                at = m.start("items") + item.start() + item.group().index(name)
                out.append(Candidate(at, at + len(name), PRODUCT, "context", SUFFIXED_NAME_SCORE))
    return out


def listed_names_after_heads(text: str) -> list[Candidate]:
    """Chinese names after device nouns in a list of two or more ("AI推理芯片紫霄、视频转码芯片沧海和智能网卡芯片玄灵");
    one such pair alone ("芯片短缺。") names nothing.

    >>> t = "宣布了进展：AI推理芯片紫霄、视频转码芯片沧海和智能网卡芯片玄灵。芯片短缺。"
    >>> [t[c.start:c.end] for c in listed_names_after_heads(t)]
    ['紫霄', '沧海', '玄灵']
    """
    out: list[Candidate] = []
    run: list[re.Match] = []
    for m in [*terms.HEAD_THEN_HAN_NAME_RE.finditer(text), None]:
        if m is not None and run and terms.HEAD_NAME_LIST_GAP_RE.fullmatch(text, run[-1].end(), m.start()):
            run.append(m)
            continue
        if len(run) >= 2:
            out += [Candidate(r.start("name"), r.end("name"), PRODUCT, "context", SUFFIXED_NAME_SCORE) for r in run
                    if _can_be_name(r.group("name"))]
        run = [m] if m is not None else []
    return out


def _names_campaign(name: str, after: str) -> bool:
    """True when a quoted text names a campaign, strategy, slogan or the like (``QUOTED_NO_ENTITY_WORDS``
    ending it or in the words ``after`` its closing mark, up to the clause's end).

    >>> _names_campaign("以旧换新", "活动，最高"), _names_campaign("价格战", ""), _names_campaign("拼好饭", "和")
    (True, True, False)
    """
    return (name.endswith(terms.QUOTED_NO_ENTITY_WORDS + terms.QUOTED_NO_ENTITY_ENDINGS)
            or _word_after(after, terms.QUOTED_NO_ENTITY_WORDS))


def _word_after(after: str, words: tuple[str, ...]) -> bool:
    """True when one of ``words`` stands in the clause ``after`` a quotation: a word of two or more
    characters anywhere in it ("“X”系列活动"), a one-character word only as all of it or before
    的 ("“X”节", "“X”战的", not the 战 of "“X”战胜了").

    >>> _word_after("系列活动，", ("活动",)), _word_after("战胜了对手", ("战",)), _word_after("战，", ("战",))
    (True, False, True)
    """
    head = CLAUSE_BREAK_RE.split(after, maxsplit=1)[0].strip()
    return any(w in head if len(w) > 1 else head in (w, w + "的") or head.startswith(w + "的") for w in words)


def _quoted_name_ok(name: str, after: str) -> bool:
    """True for a quoted text that can be a product's name, given the text ``after`` its closing mark.

    >>> _quoted_name_ok("拼好饭", "和"), _quoted_name_ok("以旧换新", "活动，"), _quoted_name_ok("AI", "功能")
    (True, False, False)
    >>> _quoted_name_ok("下一代国产芯片", "，"), _quoted_name_ok("移动云", "、")
    (False, True)
    """
    if name.lower() in terms.GENERIC_TERMS or is_sentence(name.split()) or re.fullmatch(r"[\d.%+\s]+", name) \
            or (len(name) >= 5 and only_kind_words(name)):
        return False  # "“下一代国产芯片”": what kind, no name (a short brand may be made of such words: "“移动云”")
    if QUOTED_PHRASE_RE.search(name) or terms.QUOTED_COUNT_RE.search(name):
        return False  # "打赢了就全赢", "会聊天、能办事", "3分钟大定20万台": a phrase or a record, not a name
    if name.endswith(terms.QUOTED_NON_PRODUCT_WORDS):
        return False  # "“价格战”", "“迪粉节”": named as a campaign
    return not _word_after(after, terms.QUOTED_NON_PRODUCT_WORDS) and not after.startswith(terms.QUOTED_ROLE_NOUNS)


def _quoted_cue_before(text: str, quote: int) -> bool:
    """True when a release or naming cue opens the clause before the quotation mark at ``quote``,
    at most ``QUOTED_NAME_MAX_GAP`` characters away, with no category of non-products between
    ("发布了全新品牌“乾崑”" introduces a brand) and no word of ability ("发布能“画手指”的V5").

    >>> _quoted_cue_before("推出了“拼好饭”", 3), _quoted_cue_before("发布能“画手指”的V5版本", 3)
    (True, False)
    """
    window = text[max(0, quote - terms.QUOTED_NAME_MAX_GAP - 6) : quote]
    window = CLAUSE_BREAK_RE.split(window)[-1]
    cues = [c for c in QUOTED_CUE_RE.finditer(window)
            if _verb_use(window, c) and window[c.start() - 1 : c.start()] != "化"]  # "化名为": a person's alias
    if not cues:
        return False
    gap = window[cues[-1].end() :]
    if any(w in gap for w in terms.QUOTED_ABILITY_WORDS):
        return False  # "发布能“画手指”的V5版本": what the product can do, not its name
    return len(gap) <= terms.QUOTED_NAME_MAX_GAP and not gap.endswith(terms.QUOTED_NON_PRODUCT_WORDS)


SUFFIXED_NAME_RE = re.compile(
    r"[的了]?\s*([\u4e00-\u9fff][\u4e00-\u9fffA-Za-z]{1,5}?)\s?("
    + "|".join(map(re.escape, terms.NAMED_PRODUCT_SUFFIXES)) + r")(?![A-Za-z])"
)
NOT_IN_NAME_RE = re.compile(r"[的了和与及在为是将把被对向从等也都还已款个以于用前后则]|提供|负责|采用|使用|" + terms.CLAUSE_WORD_RE.pattern)


def suffixed_names(text: str, companies: list[Candidate], cue_ends: set[int]) -> list[Candidate]:
    """A name before a product suffix, right after a release cue, a company or 旗下: "推出秒哒App",
    "华为小艺助手", "發表子曰大模型", "美团旗下的小美智能体". The span keeps the suffix; a name
    made only of words saying what kind of product ("医疗大模型", "自家大模型") is none."""
    anchors = cue_ends | {m.end() for m in re.finditer(r"旗下", text)}
    company_spans = {(c.start, c.end) for c in companies if c.is_a(COMPANY)}
    anchors |= {e for _s, e in company_spans}
    # lexicon names inside the stretch, except a brand opening it ("讯飞晓医App"): the lexicon's
    # reading stands ("可灵视频生成大模型" is 可灵, "宣布文心大模型" is 文心)
    lexicon = [c for c in companies if c.finder == "lexicon" and not c.veto]
    out: list[Candidate] = []
    for a in sorted(anchors):
        m = SUFFIXED_NAME_RE.match(text, a)
        if not m:
            continue
        name = m.group(1)
        if terms.NAME_AFTER_KIND_RE.match(text, m.end()):
            continue  # "开源了图形界面智能体模型UI-TARS": a description, the name follows it
        if (not _can_be_name(name) or "旗下" in name
                or (m.start(1), m.end(1)) in company_spans
                or any(m.start(1) + c.is_a(COMPANY) <= c.start < m.end(1) for c in lexicon)):
            continue
        out.append(Candidate(m.start(1), m.end(), PRODUCT, "context", SUFFIXED_NAME_SCORE))
    return out


HAN_PRODUCT_HEAD_RE = re.compile("|".join(sorted(terms.HAN_PRODUCT_HEADS, key=len, reverse=True)))
VERSIONED_NAME_RE = re.compile(r"[的了]?\s*([\u4e00-\u9fff]{2,4}?)" + terms.VERSION_NUMBER_RE.pattern)
NUMBERED_NAME_RE = re.compile(r"了?\s*([\u4e00-\u9fff]{2,3}?)" + terms.MODEL_NUMBER_RE.pattern)
CAR_SERIES_RE = re.compile(r"([\u4e00-\u9fff]{1,3}?)(\d{1,4})(?![\d.])")  # after a car maker: "钛3", "海狮05"


def versioned_names(text: str, companies: list[Candidate], cue_ends: set[int]) -> list[Candidate]:
    """A Chinese name with a version number right after a release cue, a product noun or a
    company ("图像生成大模型可图2.0", "推出即梦3.0"), or with a model number right after a release
    cue ("东风发布猛士917"); the lexicon's families are read by ``family_and_model``. Not a measure
    ("参数3.5", "售价2.5万", "充电10分钟"), a date ("发布2024年") nor a description ("全新2.0", "首款01")."""
    anchors = cue_ends | {m.end() for m in HAN_PRODUCT_HEAD_RE.finditer(text)}
    anchors |= {c.end for c in companies if c.is_a(COMPANY)}
    car_makers = {c.end: c for c in companies if c.is_a(COMPANY) and c.kind in terms.VEHICLE_MAKER_KINDS}
    lexicon_starts = sorted(c.start for c in companies if c.finder == "lexicon" and not c.veto)
    out: list[Candidate] = []
    for a in sorted(anchors):
        m = (VERSIONED_NAME_RE.match(text, a) or (NUMBERED_NAME_RE.match(text, a) if a in cue_ends else None)
             or (CAR_SERIES_RE.match(text, a) if a in car_makers else None))
        if not m or _unit_follows(text, m.end()):
            continue
        i = bisect.bisect_left(lexicon_starts, m.start(1))
        if i < len(lexicon_starts) and lexicon_starts[i] < m.end(1):
            continue  # "用于麒麟970": the lexicon's family, read by ``family_and_model``
        if not _can_be_series(m.group(1)):
            continue
        maker = car_makers.get(a) if m.re is CAR_SERIES_RE else None
        start = maker.start if maker else m.start(1)  # "方程豹钛3": a car model keeps its brand
        out.append(Candidate(start, _extend_model(text, m.end()), PRODUCT, "context", VERSIONED_NAME_SCORE,
                             maker=maker.key if maker else None))
    return out


def numbered_han_names(doc: Doc, text: str, companies: list[Candidate]) -> list[Candidate]:
    """A Chinese name numbered with a Chinese numeral and 号, as rockets, spacecraft, satellites and
    probes are named ("朱雀二号", "天龙三号", "谷神星一号", "长征六号甲"): two characters of name, three
    when LAC starts a word there. Not a line, a building or a decree ("地铁二号线", "第三号令"), not a
    time ("本月三号"), not a company's name ("九号公司").

    >>> t = "蓝箭航天的朱雀二号遥二火箭发射成功，地铁二号线停运，华山二号A1000量产"
    >>> [t[c.start:c.end] for c in numbered_han_names(None, t, [])]
    ['朱雀二号', '华山二号A1000']
    """
    words = tokens(doc) if doc is not None else []
    word_starts = [t.idx for t in words]
    company_spans = [(c.start, c.end) for c in companies if c.is_a(COMPANY) and not c.veto]
    out = []
    for m in terms.HAN_NUMBERED_NAME_RE.finditer(text):
        num = m.start("num")
        three = text[max(0, num - 3) : num]
        start = num - 3 if num >= 3 and num - 3 in word_starts and all(map(is_han, three)) and _can_be_name(three) \
            else num - 2
        name = text[start:num]
        if start < 0 or not all(is_han(ch) for ch in name) or not _can_be_name(name) \
                or name.endswith(terms.HAN_NUMBERED_NOT_NAME_ENDINGS) or text[start - 1 : start] in ("第", "《") \
                or any(s < m.end() and num < e for s, e in company_spans):
            continue
        at = bisect.bisect_right(word_starts, start) - 1
        if at >= 0 and words[at].tag_.startswith(terms.HAN_NUMBERED_NOT_NAME_TAGS):
            continue  # "采购九号的车型": a verb and a company's name
        code = LATIN_WORD_RE.match(text, m.end())  # "华山二号A1000": the model code glued on
        end = code.end() if code and _is_modelish(code.group()) else m.end()
        out.append(Candidate(start, end, PRODUCT, "context", VERSIONED_NAME_SCORE))
    return out


def _can_be_name(name: str) -> bool:
    """False for Chinese text before a product suffix or a number that names nothing: a
    particle or verb ("用于", "将"), a release cue or an adverb ("宣布文心大模型": the company's
    verb, then a name), a description ("全新", "医疗"), a generic word.

    >>> _can_be_name("猛士"), _can_be_name("以"), _can_be_name("全新"), _can_be_name("宣布文心")
    (True, False, False, False)
    >>> _can_be_name("这一自研"), _can_be_name("刚刚通过"), _can_be_name("新一代AI"), _can_be_name("股票交易")
    (False, False, False, False)
    >>> _can_be_name("独立大模型"), _can_be_name("盘古大模型")
    (False, True)
    """
    core = without_generic_tail(name)  # "独立大模型App": what kind of app, no name
    return not (NOT_IN_NAME_RE.search(name) or RELEASE_CUE_RE.search(name) or terms.ADVERBS_RE.match(name)
                or name.startswith(terms.DEMONSTRATIVES) or only_words(core, terms.PRODUCT_DESCRIPTOR_WORDS)
                or name.lower() in terms.GENERIC_TERMS)


def _can_be_series(name: str) -> bool:
    """False for Chinese text before a number that is no series name: what :func:`_can_be_name`
    refuses, a verb of change or a linking verb ("升级至", "支持"), a measure ("营收", "售价").

    >>> _can_be_series("猛士"), _can_be_series("营收"), _can_be_series("全新"), _can_be_series("以")
    (True, False, False, False)
    >>> _can_be_series("升级至"), _can_be_series("更新到")
    (False, False)
    """
    return _can_be_name(name) and not (
        any(v in name for v in (*terms.PRODUCT_LINK_VERBS, *terms.NOT_SERIES_VERBS))  # "支持7.1", "升级至5.0"
        or any(w in name for w in terms.MEASURE_WORDS))


_KIND_PARTS_RE = re.compile(r"[\u4e00-\u9fff]+|[A-Za-z0-9.+\-]+")


def only_kind_words(name: str) -> bool:
    """True when every Chinese or Latin word of ``name`` only says what kind: a generic term, a technology
    standard or descriptor words ("双模5G AI", "5G SoC"; not "麒麟990 5G").

    >>> only_kind_words("双模5G AI"), only_kind_words("5G SoC"), only_kind_words("麒麟990 5G")
    (True, True, False)
    >>> only_kind_words("下一代国产芯片"), only_kind_words("盘古大模型")
    (True, False)
    """
    parts = _KIND_PARTS_RE.findall(name)
    return bool(parts) and all(
        w.lower() in terms.GENERIC_TERMS or terms.STANDARD_RE.fullmatch(w)
        or (is_han(w[0]) and only_words(w, _KIND_WORDS)) for w in parts)


# Descriptor words and Chinese kinds of product ("下一代国产芯片"), longest kinds first.
_KIND_WORDS = terms.PRODUCT_DESCRIPTOR_WORDS + tuple(
    sorted((t for t in terms.GENERIC_TERMS if is_han(t[0])), key=len, reverse=True))


@lru_cache(maxsize=8192)
def only_words(name: str, words: tuple[str, ...]) -> bool:
    """True when ``name`` is a run of ``words`` read from the end, taking at each step the first
    of ``words`` (in their order) that ends what is left, e.g. descriptor words.

    >>> only_words("医疗", ("医疗",)), only_words("自家通用", ("自家", "通用")), only_words("小艺", ("小型",))
    (True, True, False)
    """
    rest = name
    while rest:
        word = next((w for w in words if rest.endswith(w)), None)
        if word is None:
            return False
        rest = rest[: -len(word)]
    return True


def _extend_name(text: str, end: int, most: int = 3) -> int:
    """Extend a product name over up to ``most`` following Latin name words: capitalised
    words, versions and variant words after one space ("macOS Sequoia", "Gemini 1.0 Ultra"),
    and a connector with the capitalised word after it ("Windows on Arm").

    >>> t = "推出Windows on Arm晶片"
    >>> t[2:_extend_name(t, 9)], "Office for business"[:_extend_name("Office for business", 6)]
    ('Windows on Arm', 'Office')
    """
    pos = end
    for _ in range(most):
        m = re.match(r" ([A-Za-z0-9][A-Za-z0-9+\-.]*)(?![A-Za-z0-9])", text[pos : pos + 24])
        if not m:
            break
        word = m.group(1).rstrip(".")
        low = word.lower()
        if low in terms.NAME_CONNECTORS and (nxt := re.match(r" ([A-Z][A-Za-z0-9]*)", text[pos + 1 + len(word) :])):
            pos += 1 + len(word) + 1 + len(nxt.group(1))  # "Windows on Arm", "Office for Mac"
            continue
        if terms.OLED_VARIANT_RE.match(text, pos):
            pos += 1 + len(word)  # "Steam Deck OLED": the screen variant
            continue
        if low in terms.GENERIC_TERMS or terms.STANDARD_RE.match(word) or low in terms.ENGLISH_FUNCTION_WORDS:
            break
        if not (word[0].isupper() or re.fullmatch(r"\d+(?:\.\d+)?|\d{1,2}[a-z]{1,2}", word) or low in terms.MODEL_SUFFIX_WORDS):
            break  # "Yoga Slim 9i", "Pixel 9a": a lower-case letter after a number is the model's
        if word[0].isdigit() and _unit_follows(text, pos + 1 + len(word)):
            break
        pos += 1 + len(word)
    return pos


def _variant_follows(text: str, end: int) -> bool:
    """True when a variant word ("Ultra", "Max", "Pro") follows a name ending at ``end``."""
    m = re.match(r"[ -]?([A-Za-z]+)(?![A-Za-z0-9])", text[end : end + 8])
    return bool(m) and m.group(1).lower() in terms.VARIANT_WORDS


def is_sentence(words: list[str]) -> bool:
    """True for a run of English words that reads as a sentence rather than a name.

    >>> is_sentence("It is a great product for everyone".split()), is_sentence(["Apple", "Intelligence"])
    (True, False)
    >>> is_sentence("We build AI products".split()), is_sentence("It Takes Two".split())
    (True, False)
    """
    function_words = sum(w.lower() in terms.ENGLISH_FUNCTION_WORDS for w in words)
    lower = sum(w[:1].islower() for w in words)
    subject_and_verb = len(words) >= 3 and words[0].lower() in terms.ENGLISH_SUBJECT_PRONOUNS \
        and words[1][:1].islower()
    return function_words >= 2 or subject_and_verb or (len(words) >= 5 and lower * 2 > len(words))


def _after_release_trigger(text: str, pos: int) -> bool:
    """True when a release verb precedes ``pos`` in the same clause, within a few characters."""
    window = text[max(0, pos - 18) : pos]
    cut = max(window.rfind(p) for p in "，,。；;！？")
    window = window[cut + 1 :]
    for trig in terms.RELEASE_TRIGGERS + ("开发了", "开发出", "打造了", "带来了", "搭载"):
        idx = window.rfind(trig)
        if idx >= 0:
            gap = LATIN_WORD_RE.sub(lambda m: "" if m.group().lower() in terms.GENERIC_TERMS else m.group(),
                                    window[idx + len(trig) :])
            if len(gap) <= 12 and not re.search(r"[A-Za-z0-9]", gap):
                return True
    return False


def _in_product_list(text: str, start: int, end: int) -> bool:
    """True for list items next to other model names ("L4、L40和H100")."""
    before = text[max(0, start - 12) : start]
    after = text[end : end + 12]
    return bool(re.search(r"[A-Za-z0-9]\s*(?:、|和|与|及|以及)\s*$", before)) or bool(
        re.match(r"\s*(?:、|和|与|及|以及)\s*[A-Za-z]+\d", after)
    )


# --- document-level consistency ---------------------------------------------------------------


def propagate(cands: list[Candidate], text: str, words: set[tuple[int, int]] | None = None,
              persons: set[str] = frozenset()) -> list[Candidate]:
    """Tag every other occurrence of a name found once by context or pattern.

    A name the article shows to be a company in one sentence ("与Shutterstock合作")
    is the same company where no cue surrounds it ("Shutterstock的图库"). A company's
    short name ("群聯" for 群聯電子) counts only where LAC reads it as a word of its own
    (``words``: the Doc's word spans), not inside another word ("人民" in 人民群众). So does the
    tagger's company name, from a word's start, unless LAC reads it as a person somewhere
    (``persons``: "周鸿祎" tagged a company in a headline is not one in the body).
    """
    out = []
    seen: set[tuple[int, int]] = {(c.start, c.end) for c in cands}
    # a product the text names as one ("四足机器人CyberDog", "名为CyberDog的") is that product where only the
    # tagger calls it a company; not a brand before a category noun ("AMD处理器")
    ruled: set[tuple[int, int]] = {(c.start, c.end) for c in cands if c.finder != "model"}
    shorts: set[str] = set()
    names: dict[str, Candidate] = {}
    for c in cands:
        if not c.veto and c.finder in ("context", "pattern") and c.score >= 0.55:
            name = text[c.start : c.end]
            if len(name) >= 2 and name.lower() not in terms.GENERIC_TERMS:
                names.setdefault(name, c)
    tagged: set[str] = set()
    firm = {(c.start, c.end) for c in cands if c.veto or c.score >= 0.55}
    word_starts = {a for a, _ in words} if words is not None else set()
    for c in cands:  # "博時國際三家基金公司…其中博時國際夥拍": the tagger's company where it read nothing
        name = text[c.start : c.end]
        if c.finder == "model" and c.is_a(COMPANY) and not c.veto and len(name) >= 3 and is_han(name[0]) \
                and name not in names and name not in persons:  # not "周鸿祎", a person LAC reads elsewhere
            names[name] = c
            tagged.add(name)
    for c in cands:  # "群聯電子…群聯表示": the company's short name, wherever it stands
        if c.is_a(COMPANY) and c.finder != "lexicon" and c.score >= 0.55:
            short = link.short_company_name(text[c.start : c.end])
            if short is not None and short not in names:
                names[short] = c
                shorts.add(short)
    if not names:
        return out
    automaton = ahocorasick.Automaton()
    for name in names:
        automaton.add_word(name, name)
    automaton.make_automaton()
    for last, name in automaton.iter(text):  # one pass over the text for all names
        c = names[name]
        s, e = last + 1 - len(name), last + 1
        latin = not is_han(name[0])
        # a name a rule reads as a product, or as a company from its context ("Humane宣布"), is that wherever only
        # the tagger read it otherwise; the tagger's company goes over weaker readings
        ruled_reading = c.score >= NAMED_PRODUCT_SCORE if c.is_a(PRODUCT) else c.score >= CONTEXT_COMPANY_SCORE
        if (s, e) in (ruled if ruled_reading else firm if name in tagged else seen) or c.start <= s < c.end:
            continue
        if name in shorts and words is not None and (s, e) not in words:
            continue
        if name in tagged and s not in word_starts:
            continue  # from the start of a LAC word ("华夏" inside 华夏基金 is none)
        if latin and ((s > 0 and text[s - 1].isalnum() and not is_han(text[s - 1]))
                      or (e < len(text) and text[e].isalnum() and not is_han(text[e]))):
            continue
        if c.is_a(PRODUCT):
            e = _extend_name(text, e)  # "ROG" found once, "ROG Ally X" here: the longer product
        seen.add((s, e))
        out.append(Candidate(s, e, c.type, "context", c.score - 0.05, maker=c.maker))
    return out


PLATFORM_LIST_END_RE = re.compile(r"\s*等[^，。；,;]{0,4}(?:平台|商城|应用|App|APP)")
LIST_JOINER_BEFORE_RE = re.compile(r"(?:、|和|及|以及|与)\s*(?:" + "|".join(terms.FOREIGN_COUNTRIES) + r")?\s*$")


def list_members(doc: Doc, text: str, cands: list[Candidate]) -> list[Candidate]:
    """Untyped names listed next to typed ones take their type ("谷歌、Meta、特斯拉和xAI").

    A Latin name or a LAC proper noun joined by 、/和/及 to a company (or
    product) candidate on one side is read as one more of the same kind; a name only the
    tagger read (as a product, say) is a company when a company the rules or the lexicon
    found lists it ("由华为及Ciena等主导", "保荐人为中金公司及瑞信").
    """
    typed = sorted((c for c in cands if not c.veto and c.score >= 0.55), key=lambda c: c.finder != "model")
    covered = bytearray(len(text) + 1)  # by the rules and the lexicon; the tagger's reading may be overruled
    tagged = bytearray(len(text) + 1)
    for c in cands:
        (tagged if c.finder == "model" else covered)[c.start : c.end] = b"\x01" * c.length
    by_end = {c.end: c for c in typed}  # a rule's or the lexicon's reading over the tagger's at the same place
    by_start = {c.start: c for c in typed}
    out = []
    spans = [(cs, ce) for _ts, _te, cs, ce in latin_runs(doc)]
    spans += [(t.idx, t.idx + len(t.text)) for t in tokens(doc) if t.tag_ in ("nz", "ORG") and is_han(t.text[0])]
    for start, end in sorted(spans):
        name = text[start:end]
        if any(covered[start:end]) or len(name) < 2 or name.lower() in terms.GENERIC_TERMS:
            continue
        if terms.STANDARD_RE.match(name) or name.isdigit() or is_non_company(name):
            continue
        if end < len(text) and not re.match(r"[\s、和及与,，。；;)）等]", text[end]) \
                and not text.startswith(terms.PARTNER_TRIGGERS, end):
            continue  # "生物学模型": a modifier, not a list member ("A及B等" ends a list; "、美國B合作": a partner)
        left = LIST_JOINER_BEFORE_RE.search(text[max(0, start - 6) : start])  # "IDT及英国Dialog": a country between
        right = re.match(r"\s*(?:、|和|及|以及|与)", text[end : end + 3])
        neighbour, joiner = None, ""
        if left:
            neighbour, joiner = by_end.get(start - len(left.group())), left.group()
        if neighbour is None and right:
            neighbour, joiner = by_start.get(end + len(right.group())), right.group()
        if neighbour is not None and any(tagged[start:end]) and (
                neighbour.finder == "model" or not neighbour.is_a(COMPANY) or not re.search("、|及", joiner)
                or PLATFORM_LIST_END_RE.match(text, end)):
            continue  # the tagger's reading stands unless a company the rules found lists it ("由华为及Ciena等主导";
            # 和 and 与 join other things too: "支付宝和腾讯旗下的微信支付"; "京东、天猫等电商平台" lists platforms)
        if neighbour is not None:
            out.append(member := Candidate(start, end, neighbour.type, "context", 0.58))
            if member.is_a(COMPANY):  # a chain of companies: "Intersil、IDT及Dialog" (spans run left to right)
                by_end.setdefault(end, member)
                by_start.setdefault(start, member)
    return out
