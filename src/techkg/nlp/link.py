"""Canonical keys: every mention of one company or product gets one key.

Keys are stable across articles, so the graph merges the same entity from
different articles into one node:

* a lexicon entity keeps its lexicon key (``nvidia`` for 英伟达 / NVIDIA / 輝達);
* any other name is keyed by its normalised core: brand prefix, standard
  words (``PCIe``) and trailing category words (``GPU``, ``芯片``) removed, then
  :func:`techkg.text.plain_key`; if that core is a lexicon alias, the lexicon
  key is used after all (``PCIe H100 GPU`` → ``nvidia-h100``);
* an abbreviation in brackets right after a name (``Oracle Cloud
  Infrastructure(OCI)``) becomes an alias of that name within the article.

>>> core_name("NVIDIA DGX Quantum", brand="NVIDIA")
'DGX Quantum'
>>> core_name("PCIe H100 GPU")
'H100'
>>> name_key("ＤＧＸ Quantum")
'dgxquantum'
"""

from __future__ import annotations

import re

from techkg.nlp import terms
from techkg.text import is_han, match_key, plain_key

_TRAILING_GENERIC = re.compile(
    r"(?:\s*(?:Tensor Core GPU|GPU|CPU|NPU|芯片|超级芯片|处理器|显卡|大模型|模型|云服务|平台|系统|版本|系列|产品))+$",
    re.IGNORECASE,
)
# A bare model number ("V3", "X1", "M6", "P7", "L60"): many makers use the same one.
BARE_MODEL_RE = re.compile(r"^(?:[a-z]{1,2}\d{1,4}[a-z]?|\d{1,4})$")  # "v3", "l60"; a number alone ("365") too
# A short name in brackets right after a name: "Oracle Cloud Infrastructure(OCI)",
# "深圳市游科互动科技有限公司（游戏科学）", "中国广电(以下简称“广电”)", "富邦媒體科技（下稱富邦媒）"; the name
# another market gives it: "《鬥陣特攻》（內地稱《守望先鋒》）".
ABBREVIATION_RE = re.compile(
    r"^[》」』”\"]?\s*[(（]\s*(?P<marker>以下简称|以下简作|以下称|下称|简称|又称|又名|(?:内地|大陆|国内|台湾|香港|港澳)(?:称|译作|译为))?"
    r"\s*[:：]?\s*[\"“「『《]?"
    r"(?P<short>[A-Za-z][A-Za-z0-9&.\-]{1,24}(?: [A-Za-z0-9&.\-]+){0,4}|[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z0-9]{1,7})"
    r"\s*[\"”」』》]?\s*(?:[)）]|或|[，,、]\s*(?P<second>[A-Za-z][A-Za-z0-9&.\-]{1,24}(?: [A-Za-z0-9&.\-]+){0,4}"
    r"|[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z0-9]{1,7})\s*[)）])"
)

# How far after a name its bracketed abbreviation or gloss may end ("（Sony Honda Mobility）").
ABBREVIATION_WINDOW = 48


def registered_name_cores(name: str) -> list[str]:
    """Shorter names a registered company name holds, longest first: without its legal form, then
    without its place, then without each trade word at its end. The linker looks them up in the
    lexicon: "上海傅利叶智能科技有限公司" is the lexicon's 傅利叶智能.

    >>> registered_name_cores("上海傅利叶智能科技有限公司")
    ['上海傅利叶智能', '傅利叶智能', '傅利叶']
    >>> registered_name_cores("黑芝麻智能国际控股有限公司")
    ['黑芝麻智能国际', '黑芝麻智能', '黑芝麻']
    >>> registered_name_cores("傅利叶智能")
    []
    """
    if not terms.REGISTERED_NAME_RE.search(name):
        return []
    cores = [company_core(name)]
    cores.append(terms.COMPANY_PLACE_HEAD_RE.sub("", cores[-1]))
    while (m := terms.COMPANY_TRADE_TAIL_RE.search(cores[-1]) or terms.HOLDING_TAIL_RE.search(cores[-1])) \
            and m.start() >= 2:
        cores.append(cores[-1][: m.start()])
    return list(dict.fromkeys(c for c in cores if len(c) >= 2))


def core_name(surface: str, brand: str | None = None) -> str:
    """The distinctive part of a product name: no brand, standard or category words. A brand
    before nothing but a category word stays ("百川大模型" is keyed 百川, not 大模型).

    >>> core_name("华为Mate 60", "华为"), core_name("百川大模型", "百川"), core_name("Xiaomi 14T Pro", "Xiaomi")
    ('Mate 60', '百川', '14T Pro')
    """
    name = surface.strip()
    if brand and name.lower().startswith(brand.lower()) and len(name) > len(brand) \
            and _TRAILING_GENERIC.sub("", name[len(brand) :]).strip():
        name = name[len(brand) :].strip()
    words = name.split(" ")
    while len(words) > 1 and terms.STANDARD_RE.match(words[0]) \
            and not all(w.lower() in terms.VARIANT_WORDS for w in words[1:]):
        words = words[1:]  # "5G CPE Pro" is CPE Pro; "14T Pro" is no "Pro": the number is the model
    name = " ".join(words)
    stripped = _TRAILING_GENERIC.sub("", name).strip()
    return stripped or name


def without_series_word(name: str) -> str:
    """A name without a trailing 系列 ("series"), when a name is left.

    >>> without_series_word("Core Ultra 200V系列"), without_series_word("系列")
    ('Core Ultra 200V', '系列')
    """
    core = re.sub(r"\s*系列$", "", name)
    return core if len(core) >= 2 else name


def company_core(name: str) -> str:
    """A company name without its legal form ("华为技术有限公司" → "华为").

    >>> company_core("华为技术有限公司"), company_core("NVIDIA Corporation")
    ('华为', 'NVIDIA')
    """
    core = terms.COMPANY_LEGAL_FORM_RE.sub("", name.strip()).strip(" ,")
    return core if len(core) >= 2 else name.strip()


def name_key(name: str) -> str:
    """Stable key for a name no lexicon lists (its IRI is built from it). Never ending in a full stop:
    Turtle must escape it there (``product:id\\.``), which rdflib's parser does not read.

    >>> name_key("ID."), name_key("Redmi K80 Pro")
    ('id', 'redmik80pro')
    """
    key = plain_key(name)
    return key.rstrip(".") or key


def maker_scoped_key(key: str, maker: str | None) -> str:
    """The key of a product no lexicon lists, within its maker when it is a bare model number.

    DeepSeek's V3 model and vivo's V3 chip must not share one node.

    >>> maker_scoped_key("v3", "vivo"), maker_scoped_key("v3", None), maker_scoped_key("dgxquantum", "nvidia")
    ('vivo-v3', 'v3', 'dgxquantum')
    """
    if maker and BARE_MODEL_RE.match(key) and not key.startswith(maker + "-"):
        return f"{maker}-{key}"
    return key


def product_label(name: str, maker: str | None) -> str:
    """The label of a product no lexicon lists: a bare model number carries its maker's name.

    "Z10" alone names nothing; "领克Z10" does. ``maker`` is the brand as the article
    writes it before the model, else the maker's label. Other names stay as written.

    >>> product_label("Z10", "领克"), product_label("Z10", "Lynk & Co"), product_label("Z10", None)
    ('领克Z10', 'Lynk & Co Z10', 'Z10')
    >>> product_label("DGX Quantum", "NVIDIA")
    'DGX Quantum'
    """
    if maker and BARE_MODEL_RE.match(plain_key(name)):
        return f"{maker}{name}" if is_han(maker[-1]) else f"{maker} {name}"
    return name


def product_rekeys(
    surfaces: dict[str, list[str]], makers: dict[str, str], fixed: set[str]
) -> dict[str, str]:
    """New keys for one article's products no lexicon lists: a short form joins its product,
    a bare model number is keyed within its maker.

    A product named only by the last part of another product of the article
    ("X1" beside "文心大模型X1", "Opus" beside "Claude 3 Opus", "V3" beside
    "DeepSeek-V3") is that product, unless their makers differ (vivo's V3 chip).

    Args:
        surfaces: product key → its mentions as written.
        makers: product key → maker key, where known.
        fixed: keys that must not change (lexicon keys).

    Returns:
        old key → new key, for the keys that change.

    >>> product_rekeys({"deepseek-v3": ["DeepSeek-V3"], "v3": ["V3"]}, {}, {"deepseek-v3"})
    {'v3': 'deepseek-v3'}
    >>> product_rekeys({"deepseek-v3": ["DeepSeek-V3"], "v3": ["V3"]}, {"deepseek-v3": "deepseek", "v3": "vivo"},
    ...                {"deepseek-v3"})
    {'v3': 'vivo-v3'}
    """
    owners: dict[str, set[str]] = {}
    for key, names in surfaces.items():
        for name in names:
            for tail in {*_tails(name), name, _without_kind(name)}:  # "麒麟" beside "麒麟电池" too
                owners.setdefault(match_key(tail), set()).add(key)
    out: dict[str, str] = {}
    for key, names in surfaces.items():
        if key in fixed:
            continue
        # "金石电池" beside "金石": a product's name and its kind is that product
        found = set.intersection(*(owners.get(match_key(_without_kind(n)), set()) - {key} for n in names)) \
            if names else set()
        owner = next(iter(found)) if len(found) == 1 else None
        if owner is not None and makers.get(key) in (None, makers.get(owner)):
            out[key] = owner
        elif (scoped := maker_scoped_key(key, makers.get(key))) != key:
            out[key] = scoped
    return {k: out.get(v, v) for k, v in out.items()}


def _without_kind(name: str) -> str:
    """A Chinese product name without the kind of product ending it ("金石电池" → "金石"), else the name.

    >>> _without_kind("金石电池"), _without_kind("天枢芯片"), _without_kind("电池"), _without_kind("Mate 70")
    ('金石', '天枢', '电池', 'Mate 70')
    """
    for head in _HAN_KINDS:
        if name.endswith(head) and len(name) - len(head) >= 2:
            return name[: -len(head)]
    return name


_HAN_KINDS = sorted(terms.HAN_PRODUCT_HEADS, key=len, reverse=True)


def _tails(name: str) -> list[str]:
    """The last parts of a product name that could name it on their own.

    >>> _tails("文心大模型X1"), _tails("Claude 3 Opus"), _tails("DeepSeek-V3"), _tails("Find X7 Ultra")
    (['X1'], ['3 Opus', 'Opus'], ['V3'], ['X7 Ultra'])
    """
    cuts = [m.end() for m in re.finditer(r"[\s\-]+|(?<=[^\x00-\x7f])(?=[A-Za-z0-9])", name)]
    tails = []
    for cut in cuts:
        tail = name[cut:].strip()
        low = tail.lower()
        if len(tail) >= 2 and not low.replace(".", "").isdigit() and low not in terms.VARIANT_WORDS \
                and low not in terms.GENERIC_TERMS:
            tails.append(tail)
    return tails


def company_short_forms(names: dict[str, set[str]], fixed: set[str]) -> dict[str, str]:
    """New keys for one article's companies named by a short form of another company's name.

    News writes a company's full name once and a prefix of it afterwards: 富邦媒 for
    富邦媒體科技, 遠傳 for 遠傳電信, 长鑫 for 长鑫存储, 酷澎 beside 酷澎台灣, or drops the
    country: 广电 for 中国广电. Such a
    short form is the same company, unless what the longer name adds makes it a
    subsidiary or a different business (阿里云, 京东物流, 零跑国际: see
    ``terms.SUBSIDIARY_NAME_TAILS``). Two lexicon entries are never merged (the
    lexicon knows 华为 and 华为云 apart); a name the lexicon lists keeps its key.

    Args:
        names: company key → the names it is written with in the article (folded).
        fixed: keys that must not change (lexicon keys).

    Returns:
        old key → new key, for the keys that change.

    >>> company_short_forms({"富邦媒": {"富邦媒"}, "富邦媒体科技": {"富邦媒体科技"}}, set())
    {'富邦媒': '富邦媒体科技'}
    >>> company_short_forms({"coupang": {"酷澎"}, "酷澎台湾": {"酷澎台湾"}}, {"coupang"})
    {'酷澎台湾': 'coupang'}
    >>> company_short_forms({"alibaba": {"阿里"}, "alibaba-cloud": {"阿里云"}}, {"alibaba", "alibaba-cloud"})
    {}
    >>> company_short_forms({"京东": {"京东"}, "京东物流": {"京东物流"}}, set())
    {}
    """
    out: dict[str, str] = {}
    for short, forms in names.items():
        longer = {
            key
            for form in forms
            for key, others in names.items()
            if key != short and any(_abbreviates(form, other, known=short in fixed) for other in others)
        }
        if len(longer) != 1:
            continue
        (full,) = longer
        if short in fixed and full in fixed:
            continue
        if short in fixed:
            out.setdefault(full, short)
        else:
            out.setdefault(short, full)
    # a key both renamed and a target (A → B → C) ends at C; a pair pointing at each other stays
    resolved = {}
    for old, new in out.items():
        seen = {old}
        while new in out and new not in seen:
            seen.add(new)
            new = out[new]
        if new != old:
            resolved[old] = new
    return resolved


def _abbreviates(short: str, full: str, known: bool = False) -> bool:
    """True when ``short`` is the start of ``full`` and the rest does not name a subsidiary (nor,
    for a ``known`` lexicon company, a name of its own: 京东币链科技),
    ``full`` is ``short`` after a country or region, or ``short`` is ``full``'s short name.

    >>> _abbreviates("遠傳", "遠傳電信"), _abbreviates("京东", "京东物流"), _abbreviates("Arm", "Armis")
    (True, False, False)
    >>> _abbreviates("京东", "京东币链科技", known=True), _abbreviates("影石", "影石创新科技股份有限公司")
    (False, True)
    >>> _abbreviates("广电", "中国广电"), _abbreviates("电信", "亚太电信"), _abbreviates("宇树", "杭州宇树科技有限公司")
    (True, False, True)
    >>> _abbreviates("Serve", "Serve Robotics"), _abbreviates("Joby", "Joby Aviation"), _abbreviates("Uber", "Uber Eats")
    (True, True, False)
    """
    if len(short) < 2 or len(full) <= len(short):
        return False
    if full.endswith(short) and full[: -len(short)] in terms.REGION_PREFIXES:
        return True  # 广电 for 中国广电, 联通 for 中国联通
    if short_company_name(full) == short:
        return True  # 宇树 for 杭州宇树科技股份有限公司
    rest = full[len(short) :].lstrip()
    if not full.startswith(short) or rest.startswith(terms.SUBSIDIARY_NAME_TAILS) \
            or (known and own_name_after_parent(full, len(short))):
        return False  # 京东物流; a lexicon company's name with a name of its own after it: 京东币链科技
    if full[len(short)] == " " and all(w.lower() in terms.LATIN_COMPANY_TAILS for w in rest.split()):
        return True  # "Serve" for Serve Robotics, "Joby" for Joby Aviation: the name without its trade word
    return not (short[-1].isascii() and short[-1].isalnum() and rest[0].isascii() and rest[0].isalnum())


def own_name_after_parent(name: str, parent: int) -> bool:
    """True for a company named after its parent: the parent's name (its first ``parent``
    characters), a name of its own of two or more Han characters, then trade words or a legal
    form ("京东币链科技"), or a line of business of its own (``terms.UNIT_BUSINESS_WORDS``: "顺丰航空");
    not the parent with trade words only ("小米科技", "浙江吉利控股集团") nor a cut ("华为全").

    >>> own_name_after_parent("京东币链科技", 2), own_name_after_parent("小米科技", 2), own_name_after_parent("顺丰航空", 2)
    (True, False, True)
    >>> own_name_after_parent("浙江吉利控股集团", 4), own_name_after_parent("华为全", 2)
    (False, False)
    """
    if parent < 2:
        return False
    rest = company_core(name)[parent:]
    if rest in terms.UNIT_BUSINESS_WORDS:
        return True
    own = rest
    while (m := terms.COMPANY_TRADE_TAIL_RE.search(own)) and m.start() > 0:
        own = own[: m.start()]
    if terms.COMPANY_TRADE_TAIL_RE.fullmatch(own):
        own = ""
    return own != name[parent:] and len(own) >= 2 and all(is_han(ch) for ch in own)


def short_company_name(name: str) -> str | None:
    """The short name a Chinese company name is cut to after its first mention, if any.

    The place at the start, the legal form and the trade words at the end go
    ("群联电子" → "群联", "深圳市星河智联科技股份有限公司" → "星河智联"); what is left must
    be at least two Han characters and not a common word or a place ("中国电信" has none).

    >>> short_company_name("群联电子"), short_company_name("深圳市星河智联科技股份有限公司")
    ('群联', '星河智联')
    >>> short_company_name("中国电信"), short_company_name("未来科技"), short_company_name("Arm")
    (None, None, None)
    """
    core = terms.COMPANY_PLACE_HEAD_RE.sub("", terms.COMPANY_LEGAL_FORM_RE.sub("", name.strip()))
    while (m := terms.COMPANY_TRADE_TAIL_RE.search(core)) and m.start() >= 2:
        core = core[: m.start()]
    if core == name or len(core) < 2 or not all(is_han(ch) for ch in core):
        return None
    if core in terms.REGION_PREFIXES or core in terms.COMMON_SHORT_NAMES or core in terms.GENERIC_TERMS:
        return None
    return core


def abbreviations_after(text: str, start: int, end: int) -> tuple[str, ...]:
    """The bracketed abbreviations right after the name at ``text[start:end]``: one, or two
    separated by a comma ("……第三工程有限公司（山东电建三公司，SEPCOIII）").

    A Latin one (``OCI``) always; a Chinese one after 简称/下称, after a registered
    name (one ending in a legal form: "深圳市游科互动科技有限公司（游戏科学）") or as the gloss
    of a Latin name ("Deliveroo（戶戶送）"), not after any Chinese name: "海思（华为）"
    names the parent, "（深圳）" a place. The text is folded
    (Simplified), so Traditional markers (下稱) read as Simplified ones.

    >>> abbreviations_after("Oracle Cloud Infrastructure(OCI)合作", 0, 27)
    ('OCI',)
    >>> abbreviations_after("安徽省天然气开发股份有限公司(下称“皖天然气”)", 0, 14)
    ('皖天然气',)
    >>> abbreviations_after("《斗阵特攻》(内地称《守望先锋》)", 1, 5)
    ('守望先锋',)
    >>> abbreviations_after("山东电力建设第三工程有限公司(山东电建三公司,SEPCOIII)签约", 0, 14)
    ('山东电建三公司', 'SEPCOIII')
    >>> [abbreviations_after(t, 0, 2) for t in ("华为（2023年）", "海思（华为）发布", "小米（深圳）")]
    [(), (), ()]
    """
    m = ABBREVIATION_RE.match(text[end : end + ABBREVIATION_WINDOW])
    if m is None:
        return ()
    short, name = m.group("short"), text[start:end]
    if is_han(short[0]) and not (m.group("marker") or terms.COMPANY_LEGAL_FORM_RE.search(name) or name.isascii()):
        return ()
    return (short, m.group("second")) if m.group("second") else (short,)
