"""The curated lexicon of tech companies and products, and its name matcher.

The lexicon is a JSONL file (one entry per line, see ``docs/lexicon.md``):
the built-in ``techkg/data/lexicon.jsonl`` plus any user files. Every name of
an entry (label, language-tagged labels, aliases) maps to the entry's stable
``key``, so 英伟达, NVIDIA, 輝達 and Nvidia all become ``nvidia``.

Matching runs one Aho-Corasick automaton over :func:`techkg.text.match_form`
(half-width, Simplified, lower case, same length) with the separators of
:data:`techkg.text.SEPARATORS` skipped; names are indexed by
:func:`techkg.text.name_form`, so ``ＮＶＩＤＩＡ``, ``GPT4`` and ``骁龙 8 Gen 3``
all find their entries. Names that begin or end with a Latin letter or digit
must sit on a word boundary (:func:`techkg.text.on_word_boundaries`: ``Arm``
is not found in ``Farm``, ``L4`` not in ``L40``); Chinese names match
anywhere. Overlapping matches are resolved longest first, then
leftmost; a product name that starts with its maker's name (``NVIDIA H100``,
``联发科天玑``) gives two hits, the company and the product.

>>> lex = Lexicon.load()
>>> [h.entry.key for h in lex.find("輝達與台積電合作，NVIDIA H100 NVL 開賣")]
['nvidia', 'tsmc', 'nvidia', 'nvidia-h100-nvl']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

import ahocorasick

from techkg.errors import LexiconError
from techkg.jsonl import json_object, utf8_text
from techkg.nlp import terms
from techkg.records import ENTITY_TYPES, EntityType
from techkg.text import SEPARATORS, lower, match_form, name_form, on_word_boundaries, plain_key


#: Fields a lexicon line may carry (anything else is reported as a typo).
FIELDS: tuple[str, ...] = (
    "key",
    "type",
    "label",
    "labels",
    "aliases",
    "weak_aliases",
    "maker",
    "kind",
    "parent",
    "not_in",
    "remove_aliases",
)

_KEY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LANG_RE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
# Keys this short must match without skipped separators unless a name has them.
_SHORT_KEY = 3
# A Chinese series name glued to a model number ("麒麟990", "昇腾910", "天玑9300").
_SERIES_MODEL_RE = re.compile(r"^(.*[\u4e00-\u9fff])(\d{2,5}[A-Za-z]{0,3})$")
# Listed models that must share one key scheme before an unlisted model of the series is keyed by it.
_SERIES_MIN_MODELS = 2
# The model part after a listed product family's name ("200V", "i9", "X6 Pro"): it holds a digit.
_FAMILY_MODEL_RE = re.compile(r"^(?=[^\d]{0,3}\d)[A-Za-z0-9][A-Za-z0-9 .+-]{0,11}$")
_VERSION_MARK_RE = re.compile(r"^[Vv](?=\d{1,2}\.\d)")  # "可灵V2.1" is 可灵 2.1


def builtin_path() -> Path:
    """Path of the lexicon shipped with techkg.

    >>> builtin_path().name
    'lexicon.jsonl'
    """
    return Path(str(resources.files("techkg").joinpath("data", "lexicon.jsonl")))


@dataclass(frozen=True)
class LexiconEntry:
    """One company or product and all its names.

    Attributes:
        key: stable lower-case ASCII slug (``"nvidia"``, ``"huawei-mate-60-pro"``).
        type: ``"Company"`` or ``"Product"``.
        label: canonical display name.
        labels: language-tagged names (``en``, ``zh-Hans``, ``zh-Hant``).
        aliases: other names, each matched as a name of this entry.
        weak_aliases: short or ambiguous names that count only when the entry is
            confirmed by another name in the same article (see :meth:`Lexicon.confirm`).
        maker: for a product, the key of the company that makes it.
        kind: free-form sector tag (``chips``, ``phones``, ``media``, ...).
        parent: for a company, the key of its parent company, if any.
        not_in: phrases in which a name of this entry does not refer to it
            (``联想到`` for Lenovo's 联想); a match inside one is dropped.
        where: ``file:line`` the entry was last defined or extended at.
    """

    key: str
    type: EntityType
    label: str
    labels: Mapping[str, str] = field(default_factory=dict, hash=False)
    aliases: tuple[str, ...] = ()
    weak_aliases: tuple[str, ...] = ()
    maker: str | None = None
    kind: str | None = None
    parent: str | None = None
    not_in: tuple[str, ...] = ()
    where: str = field(default="", compare=False)

    @cached_property
    def names(self) -> tuple[str, ...]:
        """Strong names: label, language labels and aliases, minus weak ones.

        >>> e = LexiconEntry("li-auto", "Company", "Li Auto", {"zh-Hans": "理想汽车"},
        ...                  aliases=("理想",), weak_aliases=("理想",))
        >>> e.names
        ('Li Auto', '理想汽车')
        """
        weak = {name_form(n) for n in self.weak_aliases}
        seen: dict[str, str] = {}
        for name in (self.label, *self.labels.values(), *self.aliases):
            k = name_form(name)
            if k not in weak:
                seen.setdefault(k, name)
        return tuple(seen.values())


@dataclass(frozen=True)
class LexiconHit:
    """One name of a lexicon entry found in a text.

    Attributes:
        start: offset of the first character in the original text.
        end: offset just past the last character.
        entry: the entry the name belongs to (strong names before weak ones,
            labels before aliases, companies before products).
        alias: the lexicon name that matched, as written in the lexicon.
        weak: True when ``alias`` is a weak alias of ``entry``.
        alternatives: other entries (of another type) with the same name,
            e.g. the product *Facebook* for a hit on Meta's former name.
    """

    start: int
    end: int
    entry: LexiconEntry
    alias: str
    weak: bool = False
    alternatives: tuple[LexiconEntry, ...] = ()


@dataclass(frozen=True)
class _Target:
    entry: LexiconEntry
    alias: str
    weak: bool
    rank: tuple[int, int, int, str]


@dataclass(frozen=True)
class _Slot:
    """What the automaton stores for one compact name."""

    length: int  # compact length
    allow_gaps: bool  # may the text put separators inside it?
    targets: tuple[_Target, ...]  # empty: a blocking phrase (``not_in``)


def regional_variants(form: str) -> tuple[str, ...]:
    """A name form in its other regional wording (:data:`terms.REGIONAL_NAME_WORDS`), mainland to
    Taiwan and back; nothing for names without such a word or shorter than four characters.

    >>> regional_variants("百度智能云"), regional_variants("金山软体"), regional_variants("智能")
    (('百度智慧云',), ('金山软件',), ())
    """
    out = []
    for src, dst in ((0, 1), (1, 0)):
        variant = form
        for pair in terms.REGIONAL_NAME_WORDS:
            variant = variant.replace(pair[src], pair[dst])
        if variant != form and len(variant) >= 4 and variant not in out:
            out.append(variant)
    return tuple(out)


def _compact(form: str) -> tuple[str, list[int]]:
    """Drop separators; return the compact string and each character's original offset."""
    if not any(c in SEPARATORS for c in form):
        return form, list(range(len(form)))
    chars: list[str] = []
    index: list[int] = []
    for i, c in enumerate(form):
        if c not in SEPARATORS:
            chars.append(c)
            index.append(i)
    return "".join(chars), index


class Lexicon:
    """Lexicon entries with one Aho-Corasick automaton over all their names.

    Build it with :meth:`Lexicon.load`; it is immutable afterwards.

    >>> lex = Lexicon.load()
    >>> lex.get("tsmc").labels["zh-Hant"]
    '台積電'
    """

    def __init__(
        self,
        entries: Iterable[LexiconEntry],
        *,
        owners: Mapping[tuple[str, str], int] | None = None,
        sources: Sequence[Path] = (),
    ) -> None:
        """Index ``entries``; prefer :meth:`load`, which validates them first.

        Args:
            entries: the entries, already validated.
            owners: ``(entry key, match key) -> file index`` of the file that
                introduced each name; when two entries of one type share a name,
                the later file wins.
            sources: the files the entries came from, for reporting.
        """
        self._entries: dict[str, LexiconEntry] = {
            e.key: e for e in sorted(entries, key=lambda e: (e.type, e.key))
        }
        self.sources: tuple[Path, ...] = tuple(sources)
        self.warnings: list[str] = []
        owners = owners or {}
        slots: dict[str, list[_Target]] = {}
        gaps: dict[str, bool] = {}
        blockers: set[str] = set()
        variants: list[tuple[str, _Target]] = []
        for e in self._entries.values():
            label_keys = {name_form(n) for n in (e.label, *e.labels.values())}
            for name, weak in [(n, False) for n in e.names] + [(n, True) for n in e.weak_aliases]:
                k = name_form(name)
                rank = (int(weak), int(k not in label_keys), ENTITY_TYPES.index(e.type), e.key)
                targets = slots.setdefault(k, [])
                if any(t.entry.key == e.key for t in targets):
                    continue
                targets.append(_Target(e, name, weak, rank))
                gaps[k] = gaps.get(k, False) or any(c in SEPARATORS for c in match_form(name))
                variants.extend((v, _Target(e, name, weak, (rank[0], 1, *rank[2:]))) for v in regional_variants(k))
            blockers.update(name_form(p) for p in e.not_in)
        names = set(slots)
        for k, target in variants:  # a name's other regional form, unless some entry has it as a name
            targets = slots.setdefault(k, [])
            if k not in names and not any(t.entry.key == target.entry.key for t in targets):
                targets.append(target)
                gaps.setdefault(k, False)
        self._slots: dict[str, _Slot] = {}
        automaton = ahocorasick.Automaton()
        for k, targets in slots.items():
            targets = self._one_per_type(k, targets, owners)
            targets.sort(key=lambda t: t.rank)
            slot = _Slot(len(k), len(k) > _SHORT_KEY or gaps[k], tuple(targets))
            self._slots[k] = slot
            automaton.add_word(k, slot)
        for k in blockers - slots.keys():
            automaton.add_word(k, _Slot(len(k), True, ()))
        if len(automaton):
            automaton.make_automaton()
        self._automaton = automaton
        self._products: dict[str, list[LexiconEntry]] = {}
        for e in self._entries.values():
            if e.maker:
                self._products.setdefault(e.maker, []).append(e)
        self._prefixes = self._maker_prefixes()

    def _maker_prefixes(self) -> dict[str, tuple[tuple[str, _Target], ...]]:
        """Per product: strong names of its maker (or the maker's parent), longest first; per
        company, those of its parent.

        A product name that is such a prefix plus another name of the product
        (``NVIDIA H100``, ``联发科天玑``, ``小鹏P7``) is reported as two hits, so
        the company mention is not swallowed by the product; so is a unit named after its
        parent (``亚马逊AWS``: Amazon, then AWS).
        """
        prefixes: dict[str, tuple[tuple[str, _Target], ...]] = {}
        for e in self._entries.values():
            maker = self._entries.get((e.maker if e.type == "Product" else e.parent) or "")
            if maker is None:
                continue
            companies = [maker]
            parent = self._entries.get(maker.parent or "")
            if parent is not None:
                companies.append(parent)
            found: list[tuple[str, _Target]] = []
            for company in companies:
                for name in company.names:
                    k = name_form(name)
                    slot = self._slots.get(k)
                    target = next((t for t in slot.targets if t.entry is company), None)
                    if target is not None and not target.weak:
                        found.append((k, target))
            found.sort(key=lambda f: -len(f[0]))
            prefixes[e.key] = tuple(found)
        return prefixes

    def _one_per_type(
        self, k: str, targets: list[_Target], owners: Mapping[tuple[str, str], int]
    ) -> list[_Target]:
        """Keep one entry per type for a name: the one from the latest file."""
        kept: dict[str, _Target] = {}
        for t in targets:
            other = kept.get(t.entry.type)
            if other is None:
                kept[t.entry.type] = t
                continue
            mine = owners.get((t.entry.key, k), 0)
            theirs = owners.get((other.entry.key, k), 0)
            winner, loser = (t, other) if mine > theirs else (other, t)
            kept[t.entry.type] = winner
            self.warnings.append(
                f"name {loser.alias!r} of {loser.entry.key!r} is also a name of "
                f"{winner.entry.key!r} ({winner.entry.where}); it now finds {winner.entry.key!r}"
            )
        return list(kept.values())

    # -- loading -------------------------------------------------------------------

    @classmethod
    def load(cls, paths: Sequence[Path | str] | None = None, *, builtin: bool = True) -> Lexicon:
        """Read the built-in lexicon and/or user files, validate them and build the matcher.

        A later file may redefine an entry (a line with the same ``key`` and a
        ``type`` and ``label``) or extend it (a line with only ``key`` plus
        ``aliases``, ``weak_aliases``, ``labels``, ``not_in``,
        ``remove_aliases``, ``kind``, ``maker`` or ``parent``).

        Args:
            paths: user lexicon files (JSONL), applied in order after the built-in one.
            builtin: include the lexicon shipped with techkg.

        Returns:
            The lexicon.

        Raises:
            LexiconError: a file is missing or a line is malformed (the message
                names the file and line and says how to fix it).

        >>> Lexicon.load().get("nvidia").labels["zh-Hans"]
        '英伟达'
        """
        files = ([builtin_path()] if builtin else []) + [Path(p) for p in paths or ()]
        builder = _Builder()
        for index, path in enumerate(files):
            builder.read(path, index)
        return builder.build(files)

    # -- access --------------------------------------------------------------------

    @property
    def entries(self) -> tuple[LexiconEntry, ...]:
        """All entries, sorted by type then key."""
        return tuple(self._entries.values())

    def get(self, key: str) -> LexiconEntry | None:
        """The entry with this key, or None.

        >>> Lexicon.load().get("huawei").label
        'Huawei'
        """
        return self._entries.get(key)

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[LexiconEntry]:
        return iter(self._entries.values())

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def products_of(self, company_key: str) -> tuple[LexiconEntry, ...]:
        """Products whose maker is ``company_key``.

        >>> "nvidia-h100" in {p.key for p in Lexicon.load().products_of("nvidia")}
        True
        """
        return tuple(self._products.get(company_key, ()))

    @cached_property
    def _series_schemes(self) -> dict[str, dict[tuple[str, str | None], int]]:
        """Series name → (key stem, maker) → how many listed models key as that stem + model."""
        schemes: dict[str, dict[tuple[str, str | None], int]] = {}
        for e in self._entries.values():
            if e.type != "Product":
                continue
            for name in e.names:
                m = _SERIES_MODEL_RE.match(name)
                model = plain_key(m.group(2)) if m else ""
                if m and e.key.endswith("-" + model):
                    stems = schemes.setdefault(name_form(m.group(1)), {})
                    scheme = (e.key[: -len(model)], e.maker)
                    stems[scheme] = stems.get(scheme, 0) + 1
        return schemes

    def series_model(self, name: str) -> tuple[str, str | None] | None:
        """The key and maker of an unlisted model of a listed series, keyed as its listed
        siblings are: "麒麟970" beside listed 麒麟990 (``huawei-kirin-990``) and 麒麟9000.

        None when the name is no series + model, or fewer than ``_SERIES_MIN_MODELS`` listed
        models show one key scheme for the series.

        >>> Lexicon.load().series_model("麒麟970")
        ('huawei-kirin-970', 'hisilicon')
        >>> Lexicon.load().series_model("H100") is None
        True
        """
        m = _SERIES_MODEL_RE.match(name.strip())
        stems = self._series_schemes.get(name_form(m.group(1))) if m else None
        if not stems or len(stems) != 1:
            return None
        (stem, maker), count = next(iter(stems.items()))
        return (stem + plain_key(m.group(2)), maker) if count >= _SERIES_MIN_MODELS else None

    def family_model(self, name: str) -> tuple[str, str | None] | None:
        """The key and maker of an unlisted model of a listed product family, the same whichever
        script names the family: "酷睿Ultra 200V" and "Core Ultra 200V" are one chip.

        The longest listed product name the name starts with (ending on a word edge) is the family;
        what follows must be a model part holding a digit.

        >>> lex = Lexicon.load()
        >>> lex.family_model("酷睿Ultra 200V") == lex.family_model("Core Ultra 200V")
        True
        >>> lex.family_model("Core Ultra 200V")
        ('intel-core-ultra-200v', 'intel')
        >>> lex.family_model("Coreless 5") is None, lex.family_model("Core Ultra Pro") is None
        (True, True)
        >>> lex.family_model("可灵V2.1") == lex.family_model("可灵2.1"), lex.family_model("星火V4.0")
        (True, ('iflytek-spark-4', 'iflytek'))
        >>> lex.family_model("可灵V2.1")  # listed as 可灵2.1
        ('kuaishou-kling-2-1', 'kuaishou')
        """
        name = name.strip()
        for cut in range(len(name) - 1, 1, -1):
            rest = name[cut:].strip(" -")
            if name[cut - 1].isascii() and name[cut - 1].isalnum() and name[cut].isascii() and name[cut].isalnum():
                continue  # inside a Latin word or number
            if not _FAMILY_MODEL_RE.match(rest):
                continue
            # a weak alias names its family before a version ("星火V4.0"), not before any model code
            version = terms.VERSION_NUMBER_RE.fullmatch(rest) is not None
            family = next((e for e in self.lookup(name[:cut].strip(), strong=not version) if e.type == "Product"), None)
            if family is not None:
                model = _VERSION_MARK_RE.sub("", rest)
                # the model may be listed under any name of the family ("可灵V2.1" is the listed "可灵2.1",
                # "星火大模型V4.0" the listed "讯飞星火4.0")
                listed = next((e for n in (name[:cut].strip(), *family.names, *family.weak_aliases)
                               for e in self.lookup(n + model) if e.type == "Product" and e.maker == family.maker),
                              None)
                if listed is not None:
                    return listed.key, listed.maker
                return f"{family.key}-{plain_key(model)}", family.maker
        return None

    def lookup(self, name: str, *, strong: bool = False) -> tuple[LexiconEntry, ...]:
        """Entries having exactly this name (strong or weak; only strong ones with ``strong``),
        best first.

        >>> [e.key for e in Lexicon.load().lookup("ｎｖｉｄｉａ")]
        ['nvidia']
        """
        slot = self._slots.get(name_form(name))
        return tuple(t.entry for t in slot.targets if not (strong and t.weak)) if slot else ()

    @property
    def name_count(self) -> int:
        """Number of distinct names (match keys) in the automaton."""
        return len(self._slots)

    # -- matching ------------------------------------------------------------------

    def find(
        self, text: str, *, folded: str | None = None, blocked: list[tuple[int, int]] | None = None
    ) -> list[LexiconHit]:
        """Every longest non-overlapping lexicon name in ``text``, in text order.

        Args:
            text: the text as written (offsets refer to it).
            folded: ``techkg.text.fold(text)`` if the caller already has it.
            blocked: when given, the ``(start, end)`` of every ``not_in`` phrase that won
                is appended to it (``联想到`` hides 联想 from other finders too).

        Returns:
            Hits with offsets into ``text``; weak hits are included (flagged),
            see :meth:`confirm`.

        >>> lex = Lexicon.load()
        >>> [(h.start, h.end, h.entry.key) for h in lex.find("微软推出Microsoft 365 Copilot")]
        [(0, 2, 'microsoft'), (4, 25, 'microsoft-365-copilot')]
        """
        if not text:
            return []
        form = lower(folded) if folded is not None else match_form(text)
        if len(form) != len(text):
            raise ValueError("folded text must have the same length as text")
        compact, index = _compact(form)
        found: list[tuple[int, int, int, int, _Slot]] = []
        for last, slot in self._automaton.iter(compact):
            first = last - slot.length + 1
            start, end = index[first], index[last] + 1
            if not slot.allow_gaps and end - start != slot.length:
                continue
            if not on_word_boundaries(form, start, end):
                continue
            found.append((slot.length, start, end, first, slot))
        found.sort(key=lambda f: (-f[0], f[1]))
        taken = bytearray(len(text))
        hits: list[LexiconHit] = []
        for _, start, end, first, slot in found:
            if taken.find(1, start, end) != -1:
                continue
            taken[start:end] = b"\x01" * (end - start)
            if not slot.targets:
                if blocked is not None:
                    blocked.append((start, end))
                continue  # a not_in phrase
            best = slot.targets[0]
            others = tuple(t.entry for t in slot.targets[1:])
            hit = LexiconHit(start, end, best.entry, best.alias, best.weak, others)
            hits.extend(self._split_maker(hit, compact[first : first + slot.length], index, first))
        hits.sort(key=lambda h: h.start)
        return hits

    def _split_maker(
        self, hit: LexiconHit, key: str, index: list[int], first: int
    ) -> list[LexiconHit]:
        """``NVIDIA H100`` → the maker's hit plus the product's own name."""
        if hit.weak or hit.alternatives:
            return [hit]
        for prefix, company in self._prefixes.get(hit.entry.key, ()):
            rest = self._slots.get(key[len(prefix) :]) if key.startswith(prefix) else None
            if rest is None or len(key) == len(prefix):
                continue
            own = next((t for t in rest.targets if t.entry is hit.entry), None)
            if own is None:
                continue
            cut = first + len(prefix)
            # a weak remainder ("小鹏P7" → P7) is confirmed by the maker right before it
            return [
                LexiconHit(hit.start, index[cut - 1] + 1, company.entry, company.alias),
                LexiconHit(index[cut], hit.end, hit.entry, own.alias, own.weak),
            ]
        return [hit]

    def confirm(self, hits: Sequence[LexiconHit]) -> list[LexiconHit]:
        """Drop weak hits that nothing else in ``hits`` confirms.

        A weak hit stands when the same entry, its maker (or the maker's
        parent), or (for a company) one of its products or subsidiaries is
        found by a strong name among ``hits``. Pass the
        hits of the whole article. When the entry itself is not confirmed but
        an alternative is, the hit is returned for the alternative.

        >>> lex = Lexicon.load()
        >>> [h.entry.key for h in lex.confirm(lex.find("A100 与 T4 供不应求"))]
        []
        >>> [h.entry.key for h in lex.confirm(lex.find("英伟达 A100 供不应求"))]
        ['nvidia', 'nvidia-a100']
        """
        strong = {h.entry.key for h in hits if not h.weak}
        # companies confirmed by a strong product or subsidiary mention
        for h in hits:
            if not h.weak:
                for ref in (h.entry.maker, h.entry.parent):
                    while ref and ref not in strong:
                        strong.add(ref)
                        ref = getattr(self._entries.get(ref), "parent", None)

        def supported(e: LexiconEntry) -> bool:
            if e.key in strong:
                return True
            maker = self._entries.get(e.maker or "")
            return maker is not None and (maker.key in strong or maker.parent in strong)

        kept: list[LexiconHit] = []
        for h in hits:
            if not h.weak or supported(h.entry):
                kept.append(h)
                continue
            alt = next((e for e in h.alternatives if supported(e)), None)
            if alt is not None:
                rest = tuple(e for e in (h.entry, *h.alternatives) if e is not alt)
                kept.append(LexiconHit(h.start, h.end, alt, h.alias, True, rest))
        return kept


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The built-in lexicon, loaded once per process.

    >>> default_lexicon() is default_lexicon()
    True
    """
    return Lexicon.load()


# -- reading and validation ----------------------------------------------------------


@dataclass
class _Draft:
    """A mutable entry while files are being read."""

    key: str
    type: EntityType
    label: str
    labels: dict[str, str]
    aliases: list[str]
    weak_aliases: list[str]
    maker: str | None
    kind: str | None
    parent: str | None
    not_in: list[str]
    where: str  # file:line of the definition
    file_index: int
    maker_where: str = ""
    parent_where: str = ""
    # match key of each name -> index of the file that introduced it
    owners: dict[str, int] = field(default_factory=dict)

    def all_names(self) -> list[str]:
        return [self.label, *self.labels.values(), *self.aliases, *self.weak_aliases]

    def freeze(self) -> LexiconEntry:
        weak_keys = {name_form(n) for n in self.weak_aliases}
        strong_keys = {name_form(n) for n in (self.label, *self.labels.values())}
        aliases: dict[str, str] = {}
        for a in self.aliases:
            k = name_form(a)
            if k not in strong_keys and k not in weak_keys:
                aliases.setdefault(k, a)
        weak: dict[str, str] = {}
        for a in self.weak_aliases:
            weak.setdefault(name_form(a), a)
        return LexiconEntry(
            key=self.key,
            type=self.type,
            label=self.label,
            labels=dict(self.labels),
            aliases=tuple(aliases.values()),
            weak_aliases=tuple(weak.values()),
            maker=self.maker,
            kind=self.kind,
            parent=self.parent,
            not_in=tuple(self.not_in),
            where=self.where,
        )


class _Builder:
    def __init__(self) -> None:
        self.drafts: dict[str, _Draft] = {}

    def read(self, path: Path, index: int) -> None:
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise LexiconError(f"{path}: lexicon file not found; check the path") from None
        except OSError as e:
            raise LexiconError(f"{path}: cannot read lexicon file ({e.strerror})") from None
        text = utf8_text(data, path, LexiconError, "lexicon file")
        seen_here: dict[str, int] = {}
        for number, raw in enumerate(text.splitlines(), start=1):
            stripped = raw.strip()
            if not stripped or stripped.startswith("#"):
                continue
            where = f"{path}:{number}"
            obj = _parse_line(stripped, where)
            key = obj["key"]
            if key in seen_here:
                raise LexiconError(
                    f"{where}: duplicate key {key!r} (first at line {seen_here[key]}); "
                    "merge the two lines or rename one key"
                )
            seen_here[key] = number
            if key in self.drafts and "type" not in obj and "label" not in obj:
                self._extend(self.drafts[key], obj, where, index)
            else:
                self.drafts[key] = self._define(obj, where, index)
        self._check_names(path, index)

    @staticmethod
    def _define(obj: dict, where: str, index: int) -> _Draft:
        for name in ("type", "label"):
            if name not in obj:
                raise LexiconError(
                    f"{where}: missing field {name!r} in entry {obj['key']!r}; every entry "
                    "needs key, type and label (to extend an entry instead, its key must "
                    "exist in the built-in lexicon or an earlier file)"
                )
        if "remove_aliases" in obj:
            raise LexiconError(
                f"{where}: 'remove_aliases' only applies when extending an existing entry; "
                "list the wanted aliases directly"
            )
        etype = EntityType(obj["type"])
        if obj.get("maker") is not None and etype != EntityType.PRODUCT:
            raise LexiconError(
                f"{where}: 'maker' is for Product entries; use 'parent' for a company's "
                "parent company"
            )
        if obj.get("parent") is not None and etype != EntityType.COMPANY:
            raise LexiconError(f"{where}: 'parent' is for Company entries; use 'maker'")
        draft = _Draft(
            key=obj["key"],
            type=etype,
            label=obj["label"],
            labels=dict(obj.get("labels", {})),
            aliases=list(obj.get("aliases", [])),
            weak_aliases=list(obj.get("weak_aliases", [])),
            maker=obj.get("maker"),
            kind=obj.get("kind"),
            parent=obj.get("parent"),
            not_in=list(obj.get("not_in", [])),
            where=where,
            file_index=index,
            maker_where=where,
            parent_where=where,
        )
        for name in draft.all_names():
            draft.owners[name_form(name)] = index
        return draft

    @staticmethod
    def _extend(draft: _Draft, obj: dict, where: str, index: int) -> None:
        changes = set(obj) - {"key"}
        if not changes:
            raise LexiconError(
                f"{where}: line for existing key {obj['key']!r} changes nothing; add aliases, "
                "weak_aliases, labels, not_in, remove_aliases, kind, maker or parent"
            )
        if "maker" in obj:
            if draft.type != EntityType.PRODUCT:
                raise LexiconError(f"{where}: 'maker' is for Product entries; use 'parent'")
            draft.maker, draft.maker_where = obj["maker"], where
        if "parent" in obj:
            if draft.type != EntityType.COMPANY:
                raise LexiconError(f"{where}: 'parent' is for Company entries; use 'maker'")
            draft.parent, draft.parent_where = obj["parent"], where
        if "kind" in obj:
            draft.kind = obj["kind"]
        draft.labels.update(obj.get("labels", {}))
        draft.aliases.extend(obj.get("aliases", []))
        draft.weak_aliases.extend(obj.get("weak_aliases", []))
        draft.not_in.extend(obj.get("not_in", []))
        for name in (
            *obj.get("labels", {}).values(),
            *obj.get("aliases", []),
            *obj.get("weak_aliases", []),
        ):
            draft.owners[name_form(name)] = index
        removed = {name_form(n) for n in obj.get("remove_aliases", [])}
        if removed:
            protected = {name_form(n) for n in (draft.label, *draft.labels.values())}
            if removed & protected:
                raise LexiconError(
                    f"{where}: cannot remove a label of {draft.key!r} with remove_aliases; "
                    "change 'label'/'labels' instead, or demote it with weak_aliases"
                )
            draft.aliases = [a for a in draft.aliases if name_form(a) not in removed]
            draft.weak_aliases = [a for a in draft.weak_aliases if name_form(a) not in removed]
            # a blocking phrase for a removed name has nothing left to block
            names = [name_form(n) for n in draft.all_names()]
            draft.not_in = [p for p in draft.not_in if any(n in name_form(p) for n in names)]
        draft.where = where

    def _check_names(self, path: Path, index: int) -> None:
        """Within one file, one name may not belong to two entries of one type."""
        owner: dict[tuple[str, str], _Draft] = {}
        for d in self.drafts.values():
            for name in d.all_names():
                k = name_form(name)
                if d.owners.get(k) != index:
                    continue
                other = owner.setdefault((d.type, k), d)
                if other is not d:
                    raise LexiconError(
                        f"{d.where}: name {name!r} belongs to two {d.type} entries, "
                        f"{other.key!r} ({other.where}) and {d.key!r}; keep it on one entry, "
                        "or make it more specific"
                    )
            for phrase in d.not_in:
                pk = name_form(phrase)
                if not any(name_form(n) in pk for n in d.all_names()):
                    raise LexiconError(
                        f"{d.where}: not_in phrase {phrase!r} contains no name of {d.key!r}; "
                        "not_in lists longer phrases in which one of its names is not this entry"
                    )

    def build(self, files: Sequence[Path]) -> Lexicon:
        for d in self.drafts.values():
            for ref, where, want in (
                (d.maker, d.maker_where, "maker"),
                (d.parent, d.parent_where, "parent"),
            ):
                if ref is None:
                    continue
                target = self.drafts.get(ref)
                if target is None or target.type != EntityType.COMPANY:
                    hint = _closest(ref, [k for k, v in self.drafts.items() if v.type == EntityType.COMPANY])
                    raise LexiconError(
                        f"{where}: {want} {ref!r} of {d.key!r} is not the key of a Company entry"
                        f"{hint}; add that company or fix the key"
                    )
        owners = {(d.key, k): i for d in self.drafts.values() for k, i in d.owners.items()}
        return Lexicon((d.freeze() for d in self.drafts.values()), owners=owners, sources=files)


def _closest(key: str, keys: Iterable[str]) -> str:
    import difflib

    match = difflib.get_close_matches(key, list(keys), n=1)
    return f" (did you mean {match[0]!r}?)" if match else ""


def _parse_line(line: str, where: str) -> dict:
    """Parse and type-check one JSONL line (not cross-references)."""
    obj = json_object(line, where, LexiconError, '{"key": "acme", "type": "Company", "label": "Acme"}')
    unknown = sorted(set(obj) - set(FIELDS))
    if unknown:
        raise LexiconError(f"{where}: unknown field {unknown[0]!r}; valid: {', '.join(FIELDS)}")
    key = obj.get("key")
    if key is None:
        raise LexiconError(f"{where}: missing field 'key'; every entry needs key, type and label")
    if not isinstance(key, str) or not _KEY_RE.match(key):
        raise LexiconError(
            f"{where}: bad key {key!r}; use a lower-case ASCII slug like 'huawei-mate-60-pro'"
        )
    if "type" in obj and obj["type"] not in ENTITY_TYPES:
        raise LexiconError(
            f"{where}: unknown type {obj['type']!r}; valid: {', '.join(ENTITY_TYPES)}"
        )
    if "label" in obj:
        _check_name(obj["label"], "label", where)
    labels = obj.get("labels", {})
    if not isinstance(labels, dict):
        raise LexiconError(
            f'{where}: \'labels\' must be an object like {{"en": ..., "zh-Hans": ...}}'
        )
    for lang, name in labels.items():
        if not _LANG_RE.match(lang):
            raise LexiconError(
                f"{where}: bad language tag {lang!r} in 'labels'; "
                "use tags like en, zh-Hans, zh-Hant"
            )
        _check_name(name, f"labels[{lang!r}]", where)
    for list_field in ("aliases", "weak_aliases", "not_in", "remove_aliases"):
        values = obj.get(list_field, [])
        if not isinstance(values, list):
            raise LexiconError(f"{where}: {list_field!r} must be a list of strings")
        for name in values:
            _check_name(name, list_field, where)
    for ref in ("maker", "parent"):
        if ref in obj and obj[ref] is not None and not isinstance(obj[ref], str):
            raise LexiconError(f"{where}: {ref!r} must be the key of a Company entry")
    if "kind" in obj and obj["kind"] is not None and not isinstance(obj["kind"], str):
        raise LexiconError(f"{where}: 'kind' must be a string such as 'chips' or 'media'")
    return obj


def _check_name(name: object, what: str, where: str) -> None:
    if not isinstance(name, str) or not name.strip():
        raise LexiconError(f"{where}: {what} must be a non-empty string, got {name!r}")
    if any(unicodedata.category(c) in ("Cc", "Cf") for c in name):
        raise LexiconError(f"{where}: {what} {name!r} contains control characters; remove them")
    if len(name_form(name)) < 2:
        raise LexiconError(
            f"{where}: {what} {name!r} is too short to match safely; give a longer name "
            "(e.g. '比亚迪汉' rather than '汉')"
        )
