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
from techkg.text import plain_key

_TRAILING_GENERIC = re.compile(
    r"(?:\s*(?:Tensor Core GPU|GPU|CPU|NPU|芯片|超级芯片|处理器|显卡|大模型|模型|云服务|平台|系统|版本|系列|产品))+$",
    re.IGNORECASE,
)
_LEGAL_SUFFIX = re.compile(
    r"(?:[(（](?:中国|集团|控股|香港)[)）])?(?:股份有限公司|有限责任公司|技术有限公司|科技有限公司|有限公司|"
    r"集团有限公司|控股有限公司|股份公司|集团公司|集团|控股|公司|Inc\.?|Ltd\.?|Corp\.?|Corporation|Co\.,? Ltd\.?)$"
)
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


def abbreviation_after(text: str, end: int) -> str | None:
    """The bracketed abbreviation right after offset ``end``, if any.

    >>> abbreviation_after("Oracle Cloud Infrastructure(OCI)合作", 27)
    'OCI'
    """
    m = ABBREVIATION_RE.match(text[end : end + 14])
    return m.group(1) if m else None
