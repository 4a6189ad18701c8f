"""Training and test data for the company/product tagger: readers, label mapping, splits.

Three sources, each mapped onto the tagger's classes (:data:`TAGGER_CLASSES`)
and each with a fixed split by line (or article) number, so the test parts
stay the same for every run and are never trained or tuned on:

* CLUENER2020 (``cluener/train.jsonl``, 10,748 lines): ``company`` →
  company; ``organization``, ``government``, ``name``, ``address`` kept;
  ``book``, ``movie``, ``game`` → ``work``; ``position``, ``scene`` dropped
  (outside). Held out: the last 1,000 lines (:data:`CLUENER_HELD_OUT`).
* BosonNLP NER (``boson/boson_ner.jsonl``, 2,000 paragraphs): ``company_name``
  → company; ``product_name`` → ``product`` for the kept kinds, ``work`` for
  the rest (:func:`boson_product_kind`); ``org_name`` → ``government`` when it
  ends like a government body, else ``organization``; ``person_name`` → name;
  ``location`` → address; ``time`` dropped. Held out: lines 1,601-2,000
  (:data:`BOSON_TEST_FROM`); lines 1,201-1,600 were the tuning block.
* The project's gold (``eval/gold/*.json`` over ``corpus/``): every mention
  of a Company or Product entity, found by string search (longest first,
  no overlaps) in the article. Training on it makes the corpus figures no
  longer clean; the training script says so and the docs report both.

>>> boson_product_kind("iPad"), boson_product_kind("《南方都市报》"), boson_product_kind("北京晚报")
('product', 'work', 'work')
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

from techkg.nlp.company_model import CLUENER_HELD_OUT, Sentence, Span, chunks
from techkg.text import strip_span

#: Boson lines (1-based) from here on are the test part; never trained or tuned on.
BOSON_TEST_FROM = 1601
#: Boson lines used to choose settings (trained on by the shipped model).
BOSON_DEV = (1201, 1600)
#: CLUENER lines (1-based, inclusive) used to choose settings; ``--tune`` keeps them out of training.
CLUENER_DEV = (8749, 9748)
#: The parts a benchmark can score: ``test`` (report only) or ``tune`` (the tuning blocks).
PARTS = ("test", "tune")

CLUENER_MAP: dict[str, str] = {
    "company": "company",
    "organization": "organization",
    "government": "government",
    "name": "name",
    "address": "address",
    "book": "work",
    "movie": "work",
    "game": "work",
}

# Boson's product_name covers much more than the products techkg puts in its
# graph. These kinds become ``work`` (a negative class, like CLUENER's books
# and films): titles in 《》「」 (books, films, shows, games, newspapers, laws,
# reports), web addresses and @accounts, newspapers and news sites or
# channels, laws and documents, insurance and financial plans, real estate
# projects, weapons. Everything else is kept as ``product``: phones, cars,
# chips, software, web services, appliances, consumer goods.
_WORK_RE = re.compile(
    r"^[《〈「『“\"@]|https?://|www\.|\.(?:com|cn|net|org)\b"
    r"|(?:日报|晚报|早报|时报|商报|周报|周刊|月刊|杂志|画报|报|新闻网|新闻|网|在线|频道|电视台|卫视|广播|电台|"
    r"体育|财经|科技|汽车|娱乐|时尚|法|条例|办法|规定|细则|意见|通知|公告|报告|协议|决定|纲要|规划|方案|"
    r"险|保险|国债|债券|基金|理财|ETF|指数|计划|(?<![商书])城|园|湾|苑|府|广场|花园|山谷|公寓|舰|航母|战机|导弹|"
    r"坦克|号|杯|奖|节|展|会)$"
)
#: Names kept as products although they end like a site or channel: shops and services.
_KEEP_SITES = ("淘宝网", "京东商城", "天猫", "当当网", "亚马逊", "1号店", "银泰网", "乐蜂网", "敦煌网")

# Government bodies in Boson's org_name (it does not separate them).
_GOV_RE = re.compile(
    r"(?:委员会|人民政府|政府|国务院|法院|检察院|公安局|公安分局|分局|派出所|办公厅|办公室|总局|总署|"
    r"海关|部|局|委|厅|署|所|队|支队|大队|警方|部队)$"
)


def boson_product_kind(surface: str) -> str:
    """``product`` for a Boson ``product_name`` of a kept kind, else ``work``.

    >>> [boson_product_kind(s) for s in ["英菲尼迪Q50 2.0T", "淘宝网", "《征信业管理条例》", "腾讯汽车"]]
    ['product', 'product', 'work', 'work']
    """
    name = surface.strip()
    if name in _KEEP_SITES:
        return "product"
    return "work" if _WORK_RE.search(name) else "product"


def boson_org_class(surface: str) -> str:
    """``government`` for an ``org_name`` that ends like a government body, else ``organization``.

    >>> boson_org_class("杭州江干区公安分局"), boson_org_class("清华大学")
    ('government', 'organization')
    """
    return "government" if _GOV_RE.search(surface.strip()) else "organization"


def _boson_class(cls: str, surface: str) -> str | None:
    if cls == "company_name":
        return "company"
    if cls == "product_name":
        return boson_product_kind(surface)
    if cls == "org_name":
        return boson_org_class(surface)
    return {"person_name": "name", "location": "address"}.get(cls)


def read_labelled_jsonl(path: str | Path, mapping) -> list[Sentence]:
    """Read a CLUENER-layout ``.jsonl`` file, mapping classes with ``mapping(cls, surface)``.

    Spans are trimmed of surrounding spaces; a class mapped to None is dropped.
    A malformed line raises :class:`~techkg.errors.CorpusError` naming the file and line.
    """
    from techkg.errors import CorpusError

    out: list[Sentence] = []
    with open(path, encoding="utf-8") as fh:
        for number, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
                text = record["text"]
                spans = []
                for cls, surfaces in (record.get("label") or {}).items():
                    for surface, positions in surfaces.items():
                        label = mapping(cls, surface)
                        for start, end in positions:
                            if text[start : end + 1] != surface:
                                raise ValueError(f"span {start}-{end} is not {surface!r}")
                            if label is None:
                                continue
                            s, e = strip_span(text, start, end + 1)
                            if e > s:
                                spans.append((s, e, label))
            except (ValueError, KeyError, TypeError) as exc:
                raise CorpusError(
                    str(path), f"not a labelled NER record ({exc}); expected "
                    '{"text": ..., "label": {class: {surface: [[start, end], ...]}}}', number
                ) from exc
            out.append(Sentence(text=text, spans=tuple(sorted(_no_overlap(spans))), line=number))
    return out


def read_boson(path: str | Path) -> list[Sentence]:
    """All 2,000 Boson paragraphs with the mapping above (split them with :func:`boson_split`)."""
    return read_labelled_jsonl(path, _boson_class)


def read_cluener_mapped(path: str | Path) -> list[Sentence]:
    """All CLUENER lines with :data:`CLUENER_MAP` (split with :data:`CLUENER_HELD_OUT`)."""
    return read_labelled_jsonl(path, lambda cls, _s: CLUENER_MAP.get(cls))


def boson_split(sentences: list[Sentence]) -> tuple[list[Sentence], list[Sentence]]:
    """(train pool, test part): the test part is lines :data:`BOSON_TEST_FROM` onwards."""
    return ([s for s in sentences if s.line < BOSON_TEST_FROM],
            [s for s in sentences if s.line >= BOSON_TEST_FROM])


def cluener_split(sentences: list[Sentence]) -> tuple[list[Sentence], list[Sentence]]:
    """(train pool, held-out part): the held-out part is the last :data:`CLUENER_HELD_OUT` lines."""
    return sentences[:-CLUENER_HELD_OUT], sentences[-CLUENER_HELD_OUT:]


def bench_part(sentences: list[Sentence], source: str, part: str = "test") -> list[Sentence]:
    """The lines of ``source`` ("cluener" or "boson") a benchmark scores for ``part``.

    ``test`` is the held-out test part (:func:`cluener_split`, :func:`boson_split`),
    scored only for a report; ``tune`` is the tuning block (:data:`CLUENER_DEV`,
    :data:`BOSON_DEV`), where rules are tuned. ``sentences`` are all of the source's lines.

    >>> lines = [Sentence(text=str(n), spans=(), line=n) for n in range(1, 2001)]
    >>> [(p[0].line, p[-1].line, len(p)) for p in (bench_part(lines, "boson", "test"), bench_part(lines, "boson", "tune"))]
    [(1601, 2000, 400), (1201, 1600, 400)]
    """
    if part not in PARTS:
        raise ValueError(f"part must be one of {PARTS}, not {part!r}")
    if source not in ("cluener", "boson"):
        raise ValueError(f"unknown source {source!r}")
    if part == "test":
        return (cluener_split if source == "cluener" else boson_split)(sentences)[1]
    lo, hi = CLUENER_DEV if source == "cluener" else BOSON_DEV
    return [s for s in sentences if lo <= s.line <= hi]


def read_gold_corpus(gold_dir: str | Path, corpus_dir: str | Path) -> list[tuple[str, list[Sentence]]]:
    """The project's gold as tagged pieces of text, per article: ``[(article id, pieces)]``.

    Each gold file names its article; every mention of its Company and
    Product entities is located by string search in the article's title and
    body (longest mention first, no overlaps). Pieces are cut like the
    tagger cuts text (:func:`~techkg.nlp.company_model.chunks`).
    """
    from techkg.read import read_articles
    from techkg.records import Article

    articles = {a.id: a for a in read_articles([str(corpus_dir)]) if isinstance(a, Article)}
    out = []
    for gold_path in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        article = articles.get(gold["id"])
        if article is None:
            continue
        mentions: dict[str, str] = {}
        for entity in gold.get("entities", []):
            label = {"Company": "company", "Product": "product"}.get(entity.get("type"))
            if label:
                for m in entity.get("mentions", []):
                    mentions.setdefault(m, label)
        pieces = []
        for text in (article.title, article.text):
            for start, end in chunks(text):
                part = text[start:end]
                spans = mention_spans(part, mentions)
                pieces.append(Sentence(text=part, spans=tuple(spans), line=0))
        out.append((gold["id"], [p for p in pieces if p.text.strip()]))
    return out


def mention_spans(text: str, mentions: dict[str, str]) -> list[Span]:
    """Spans of the given mentions in ``text``: longest first, no overlaps, Latin on word edges.

    >>> mention_spans("英伟达H100与H100 NVL", {"H100": "product", "H100 NVL": "product", "英伟达": "company"})
    [(0, 3, 'company'), (3, 7, 'product'), (8, 16, 'product')]
    """
    taken = bytearray(len(text))
    spans = []
    for name in sorted(mentions, key=len, reverse=True):
        if len(name) < 2 and not name.isalnum():
            continue
        for m in re.finditer(re.escape(name), text):
            s, e = m.span()
            if any(taken[s:e]):
                continue
            if _glued(text, s, e):
                continue
            taken[s:e] = b"\x01" * (e - s)
            spans.append((s, e, mentions[name]))
    return sorted(spans)


def _glued(text: str, s: int, e: int) -> bool:
    """True when a Latin/digit match continues a longer Latin word ("AMD" in "AMDX")."""
    def latin(c: str) -> bool:
        return c.isascii() and c.isalnum()
    return (latin(text[s]) and s > 0 and latin(text[s - 1])) or (
        latin(text[e - 1]) and e < len(text) and latin(text[e]))


def _no_overlap(spans: Iterable[Span]) -> list[Span]:
    """Longest first; a span overlapping one already kept is dropped (nested markup)."""
    kept: list[Span] = []
    for s, e, label in sorted(spans, key=lambda x: (x[0] - x[1], x[0])):
        if all(e <= ks or s >= ke for ks, ke, _ in kept):
            kept.append((s, e, label))
    return kept


def split_long(sentences: Iterable[Sentence]) -> list[Sentence]:
    """Cut sentences longer than the tagger's piece size the way the tagger cuts text.

    Spans that cross a cut are dropped (they are rare: cuts fall at sentence ends).
    """
    out = []
    for s in sentences:
        for start, end in chunks(s.text):
            spans = tuple((a - start, b - start, c) for a, b, c in s.spans if start <= a and b <= end)
            out.append(Sentence(text=s.text[start:end], spans=spans, line=s.line))
    return out


__all__ = [
    "BOSON_DEV", "BOSON_TEST_FROM", "CLUENER_DEV", "CLUENER_MAP", "PARTS", "bench_part", "boson_org_class",
    "boson_product_kind", "boson_split", "cluener_split", "mention_spans", "read_boson",
    "read_cluener_mapped", "read_gold_corpus", "split_long",
]
