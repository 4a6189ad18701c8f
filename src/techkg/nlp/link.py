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
from techkg.text import match_key, plain_key

_TRAILING_GENERIC = re.compile(
    r"(?:\s*(?:Tensor Core GPU|GPU|CPU|NPU|芯片|超级芯片|处理器|显卡|大模型|模型|云服务|平台|系统|版本|系列|产品))+$",
    re.IGNORECASE,
)
_LEGAL_SUFFIX = re.compile(
    r"(?:[(（](?:中国|集团|控股|香港)[)）])?(?:股份有限公司|有限责任公司|技术有限公司|科技有限公司|有限公司|"
    r"集团有限公司|控股有限公司|股份公司|集团公司|集团|控股|公司|Inc\.?|Ltd\.?|Corp\.?|Corporation|Co\.,? Ltd\.?)$"
)
# A bare model number ("V3", "X1", "M6", "P7", "L60"): many makers use the same one.
BARE_MODEL_RE = re.compile(r"^[a-z]{1,2}\d{1,4}[a-z]?$")
ABBREVIATION_RE = re.compile(r"^\s*[(（]\s*([A-Za-z][A-Za-z0-9&.\-]{1,9})\s*[)）]")


def core_name(surface: str, brand: str | None = None) -> str:
    """The distinctive part of a product name: no brand, standard or category words."""
    name = surface.strip()
    if brand and name.lower().startswith(brand.lower()) and len(name) > len(brand):
        name = name[len(brand) :].strip()
    words = name.split(" ")
    while len(words) > 1 and terms.STANDARD_RE.match(words[0]):
        words = words[1:]
    name = " ".join(words)
    stripped = _TRAILING_GENERIC.sub("", name).strip()
    return stripped or name


def company_core(name: str) -> str:
    """A company name without its legal form ("华为技术有限公司" → "华为").

    >>> company_core("华为技术有限公司"), company_core("NVIDIA Corporation")
    ('华为', 'NVIDIA')
    """
    core = _LEGAL_SUFFIX.sub("", name.strip()).strip(" ,")
    return core if len(core) >= 2 else name.strip()


def name_key(name: str) -> str:
    """Stable key for a name no lexicon lists (its IRI is built from it)."""
    return plain_key(name)


def maker_scoped_key(key: str, maker: str | None) -> str:
    """The key of a product no lexicon lists, within its maker when it is a bare model number.

    DeepSeek's V3 model and vivo's V3 chip must not share one node.

    >>> maker_scoped_key("v3", "vivo"), maker_scoped_key("v3", None), maker_scoped_key("dgxquantum", "nvidia")
    ('vivo-v3', 'v3', 'dgxquantum')
    """
    if maker and BARE_MODEL_RE.match(key) and not key.startswith(maker + "-"):
        return f"{maker}-{key}"
    return key


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
            for tail in _tails(name):
                owners.setdefault(match_key(tail), set()).add(key)
    out: dict[str, str] = {}
    for key, names in surfaces.items():
        if key in fixed:
            continue
        found = set.intersection(*(owners.get(match_key(n), set()) - {key} for n in names)) if names else set()
        owner = next(iter(found)) if len(found) == 1 else None
        if owner is not None and makers.get(key) in (None, makers.get(owner)):
            out[key] = owner
        elif (scoped := maker_scoped_key(key, makers.get(key))) != key:
            out[key] = scoped
    return {k: out.get(v, v) for k, v in out.items()}


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


def abbreviation_after(text: str, end: int) -> str | None:
    """The bracketed abbreviation right after offset ``end``, if any.

    >>> abbreviation_after("Oracle Cloud Infrastructure(OCI)合作", 27)
    'OCI'
    """
    m = ABBREVIATION_RE.match(text[end : end + 14])
    return m.group(1) if m else None
