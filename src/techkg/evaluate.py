"""Score extractions against gold annotations.

Implements the matching rules of the project's evaluation format
(``shared/eval/README.md``), so its figures equal the reference scorer's:

* a system entity matches a gold entity of the same type when their
  name/label and mention sets share a string after NFKC, lower-casing,
  removing spaces and Traditional → Simplified conversion; each gold entity
  is matched once, in gold order, by the first system entity that shares one;
* an unmatched system entity sharing a string with a gold entity of its type
  is a duplicate node (a false positive); one sharing a string only with an
  optional entity is ignored; the rest are false positives;
* a relation counts when its type and both mapped endpoints agree with a gold
  relation (partnership unordered); relations touching optional entities or
  equal to optional relations are ignored.

>>> gold = {"id": "a", "entities": [{"name": "NVIDIA", "type": "Company", "mentions": ["英伟达"]}],
...         "relations": []}
>>> system = {"id": "a", "entities": [{"id": "nvidia", "label": "NVIDIA", "type": "Company",
...           "mentions": ["輝達"]}], "relations": []}
>>> score([gold], [system])["Company"]["F1"]
1.0
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from techkg.errors import EvalError
from techkg.records import ENTITY_TYPES
from techkg.text import plain_key

RELATION_TYPES = ("partnership", "release")  # the types the evaluation scores (not "maker")
ALL_TYPES = ENTITY_TYPES + RELATION_TYPES


@dataclass
class Tally:
    gold: int = 0
    system: int = 0
    correct: int = 0
    duplicates: int = 0
    false_positives: list = field(default_factory=list)
    misses: list = field(default_factory=list)

    def figures(self) -> dict:
        p = self.correct / self.system if self.system else 0.0
        r = self.correct / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"P": round(p, 3), "R": round(r, 3), "F1": round(f, 3), "gold": self.gold,
                "sys": self.system, "tp": self.correct}


def _names(entity: Mapping, *fields: str) -> set[str]:
    keys = {plain_key(entity.get(f) or "") for f in fields}  # the reference scorer's normalisation
    keys |= {plain_key(m) for m in entity.get("mentions", [])}
    keys.discard("")
    return keys


def _relation_key(rtype: str, a: str | None, b: str | None):
    if not a or not b:
        return None
    if rtype == "partnership":
        return (rtype, frozenset((a, b))) if a != b else None
    if rtype == "release":
        return (rtype, a, b)
    return None


def _gold_relation_key(r: Mapping):
    if r.get("type") == "partnership":
        a, b = (r["parties"][:2] if "parties" in r else (r.get("a", r.get("source")), r.get("b", r.get("target"))))
        return _relation_key("partnership", a, b)
    if r.get("type") == "release":
        return _relation_key("release", r.get("company", r.get("source")), r.get("product", r.get("target")))
    return None


def _describe(key) -> list[str]:
    return sorted(map(str, key[1])) if key[0] == "partnership" else [str(key[1]), str(key[2])]


def score_article(gold: Mapping, system: Mapping, tallies: dict[str, Tally]) -> None:
    """Add one article's counts to ``tallies`` (one :class:`Tally` per type)."""
    endpoint = _score_entities(gold, system, tallies)
    _score_relations(gold, system, endpoint, tallies)


def _score_entities(gold: Mapping, system: Mapping, tallies: dict[str, Tally]) -> dict[str, tuple[bool, str]]:
    """Count the entities; return what each matched system entity is: ``id -> (is_gold, gold name)``."""
    gold_ents = [e for e in gold.get("entities", []) if e.get("type") in ENTITY_TYPES]
    optional = gold.get("optional_entities", [])
    sys_ents = [e for e in system.get("entities", []) if e.get("type") in ENTITY_TYPES]
    gold_names = [_names(e, "name") for e in gold_ents]
    optional_names = [_names(e, "name") for e in optional]
    sys_names = [_names(e, "label") for e in sys_ents]

    matched: dict[int, str] = {}  # system index -> gold name
    for gi, g in enumerate(gold_ents):
        tallies[g["type"]].gold += 1
        for si, s in enumerate(sys_ents):
            if si not in matched and s["type"] == g["type"] and sys_names[si] & gold_names[gi]:
                matched[si] = g["name"]
                tallies[g["type"]].correct += 1
                break
        else:
            tallies[g["type"]].misses.append(g["name"])

    optional_match: dict[int, str] = {}
    for si, s in enumerate(sys_ents):
        tally = tallies[s["type"]]
        if si in matched:
            tally.system += 1
            continue
        shares_gold = [g for gi, g in enumerate(gold_ents) if sys_names[si] & gold_names[gi]]
        if any(g["type"] == s["type"] for g in shares_gold):
            tally.system += 1
            tally.duplicates += 1
            tally.false_positives.append(s.get("label"))
            continue
        shares_optional = [o for oi, o in enumerate(optional) if sys_names[si] & optional_names[oi]]
        if shares_optional and not shares_gold:
            optional_match[si] = shares_optional[0]["name"]
            continue
        tally.system += 1
        tally.false_positives.append(s.get("label"))

    endpoint: dict[str, tuple[bool, str]] = {}  # system id -> (is_gold, name)
    for si, s in enumerate(sys_ents):
        if si in matched:
            endpoint[s.get("id")] = (True, matched[si])
        elif si in optional_match:
            endpoint[s.get("id")] = (False, optional_match[si])
    return endpoint


def _score_relations(
    gold: Mapping, system: Mapping, endpoint: dict[str, tuple[bool, str]], tallies: dict[str, Tally]
) -> None:
    """Count the relations between matched entities (optional ones neither count nor cost)."""
    gold_rel = {k for k in map(_gold_relation_key, gold.get("relations", [])) if k}
    optional_rel = {k for k in map(_gold_relation_key, gold.get("optional_relations", [])) if k}
    found: set = set()
    for r in system.get("relations", []):
        rtype = r.get("type")
        if rtype not in RELATION_TYPES:
            continue
        a, b = endpoint.get(r.get("source")), endpoint.get(r.get("target"))
        if a is None or b is None:
            if (a and not a[0]) or (b and not b[0]):
                continue  # touches an optional entity
            tallies[rtype].system += 1
            tallies[rtype].false_positives.append((r.get("source"), r.get("target")))
            continue
        key = _relation_key(rtype, a[1], b[1])
        if key is None:
            continue
        if (key in optional_rel or not a[0] or not b[0]) and key not in gold_rel:
            continue
        found.add(key)
    for rtype in RELATION_TYPES:
        gold_t = {k for k in gold_rel if k[0] == rtype}
        found_t = {k for k in found if k[0] == rtype}
        t = tallies[rtype]
        t.gold += len(gold_t)
        t.system += len(found_t)
        t.correct += len(gold_t & found_t)
        t.misses += [_describe(k) for k in gold_t - found_t]
        t.false_positives += [_describe(k) for k in found_t - gold_t]


def score(golds: Sequence[Mapping], systems: Sequence[Mapping], *, by_id: bool = True,
          verbose: bool = False) -> dict:
    """P/R/F1 per type and macro F1, as a dict shaped like the reference scorer's output.

    Args:
        golds: gold annotations, one per article.
        systems: system outputs (``techkg extract --json`` lines).
        by_id: pair articles by ``id`` (else by position).
        verbose: add the false positives (``fp``) and misses (``fn``) per type.
    """
    if by_id:
        index = {str(s.get("id")): s for s in systems}
        pairs = [(g, index.get(str(g.get("id")), {"entities": [], "relations": []})) for g in golds]
    else:
        pairs = list(zip(golds, systems, strict=False))
    tallies = {t: Tally() for t in ALL_TYPES}
    for g, s in pairs:
        score_article(g, s, tallies)
    out: dict = {}
    for t in ALL_TYPES:
        out[t] = tallies[t].figures()
        if tallies[t].duplicates:
            out[t]["duplicates"] = tallies[t].duplicates
        if verbose:
            out[t]["fp"] = tallies[t].false_positives[:60]
            out[t]["fn"] = tallies[t].misses[:60]
    out["macro_F1"] = round(sum(out[t]["F1"] for t in ALL_TYPES) / len(ALL_TYPES), 3)
    return out


def score_by_article(golds: Sequence[Mapping], systems: Sequence[Mapping]) -> list[tuple[str, dict]]:
    """:func:`score` of each gold article alone (paired by ``id``), in gold order, misses listed.

    Counts are additive: the ``gold``/``sys``/``tp`` of all articles sum to
    those of :func:`score` over the whole set.
    """
    index = {str(s.get("id")): s for s in systems}
    empty: dict = {"entities": [], "relations": []}
    return [(str(g.get("id")), score([g], [index.get(str(g.get("id")), empty)], by_id=False, verbose=True))
            for g in golds]


def load_gold(path: str | Path) -> list[dict]:
    """Gold annotations from a ``.json`` (object or list), a ``.jsonl``, or a folder of ``.json`` files."""
    path = Path(path)
    if path.is_dir():
        files = sorted(path.glob("*.json"))
        if not files:
            raise EvalError(f"{path}: no .json gold files in this folder")
        return [g for f in files for g in load_gold(f)]
    try:
        text = path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise EvalError(f"{path}: cannot read gold file ({exc.strerror}); check the path") from None
    if path.suffix == ".jsonl":
        out = []
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                out.append(_parse(line, path, n))
        return out
    data = _parse(text, path, None)
    return data if isinstance(data, list) else [data]


def _parse(text: str, path: Path, line: int | None):
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"{path}:{line}" if line else f"{path}:{exc.lineno}"
        raise EvalError(f"{where}: invalid JSON ({exc.msg}); fix the file or regenerate it") from None


def to_eval_json(extraction) -> dict:
    """An :class:`~techkg.records.Extraction` in the evaluation's system format."""
    return {
        "id": extraction.article.id,
        "entities": [
            {"id": e.key, "label": e.label, "type": e.type, "mentions": list(e.aliases),
             **({"maker": e.maker} if e.maker else {})}
            for e in extraction.entities
        ],
        "relations": [
            {"type": r.type, "source": r.source, "target": r.target, "evidence": r.evidence,
             "confidence": r.confidence, "start": r.start, "end": r.end}
            for r in extraction.relations
        ],
    }
