"""The techkg ontology namespace, the prefixes used everywhere, and IRI minting.

``TK`` is an rdflib :class:`~rdflib.namespace.DefinedNamespace` with
``_fail = True``: a typo such as ``TK.partnerof`` raises instead of silently
minting a new term. The terms are described in ``techkg/data/ontology.ttl``
(a test keeps both in step).

Data IRIs hang off one configurable base (:data:`DEFAULT_BASE`). Keys may
contain CJK characters: :func:`iri_segment` keeps them as Unicode (the result
is an IRI, not a URI) and percent-encodes only what would break the IRI
(spaces, controls, ``/ ? # %`` and the other reserved characters).

>>> Ids().company("英伟达")
rdflib.term.URIRef('https://w3id.org/techkg/id/company/英伟达')
>>> Ids().product("microsoft 365 copilot")
rdflib.term.URIRef('https://w3id.org/techkg/id/product/microsoft%20365%20copilot')
"""

# No "from __future__ import annotations": DefinedNamespace reads real annotations.
import hashlib
import unicodedata
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from rdflib import Literal as RdfLiteral
from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace

from techkg.records import EntityType

ONTOLOGY_IRI = "https://w3id.org/techkg/ontology#"
DEFAULT_BASE = "https://w3id.org/techkg/id/"


class TK(DefinedNamespace):
    """Terms of the techkg ontology (``tk:``)."""

    _NS = Namespace(ONTOLOGY_IRI)
    _fail = True

    # Classes
    Company: URIRef  # a commercial enterprise (also schema:Organization)
    Product: URIRef  # a named product, model, service, platform or chip (also schema:Product)
    Event: URIRef  # a relation stated in one article, with its evidence
    Partnership: URIRef  # two organisations cooperating
    ProductRelease: URIRef  # a company launching or announcing a product
    Manufacture: URIRef  # a company making a product

    # Entity properties
    key: URIRef  # canonical key the entity IRI is minted from
    matchKey: URIRef  # normalised name (NFKC, lower case, Simplified) for lookups

    # Event properties
    participant: URIRef  # a party of a partnership
    company: URIRef  # the company of a release or manufacture
    product: URIRef  # the product of a release or manufacture
    evidence: URIRef  # the sentence the relation was read from
    startOffset: URIRef  # offset of the evidence sentence in the article text
    endOffset: URIRef  # end offset of the evidence sentence
    confidence: URIRef  # extractor confidence, 0-1
    trigger: URIRef  # the cue word (合作, 发布, ...)

    # Shortcuts
    partnerOf: URIRef  # company ↔ company (both directions)
    released: URIRef  # company → product

    # Article properties
    articleId: URIRef  # the article identifier
    contentHash: URIRef  # SHA-256 of title and text
    source: URIRef  # publisher or outlet name
    origin: URIRef  # the file the article was read from (absolute path)
    statementCount: URIRef  # number of triples in the article's named graph


# Prefix → namespace IRI, for SPARQL (pre-declared in every query) and serialisers.
def prefixes(base: str = DEFAULT_BASE) -> dict[str, str]:
    """Prefixes known to every query and export.

    Besides the vocabularies, ``company:``, ``product:``, ``article:``
    and ``event:`` name the data IRIs (``company:nvidia``).

    Args:
        base: the data base IRI (bound to ``tkid:``).

    >>> prefixes()["tk"]
    'https://w3id.org/techkg/ontology#'
    """
    return {
        "tk": ONTOLOGY_IRI,
        "tkid": base,
        "company": f"{base}company/",
        "product": f"{base}product/",
        "article": f"{base}article/",
        "event": f"{base}event/",
        "schema": str(SDO),
        "prov": str(PROV),
        "skos": str(SKOS),
        "dcterms": str(DCTERMS),
        "rdf": str(RDF),
        "rdfs": str(RDFS),
        "xsd": str(XSD),
    }


def sparql_prologue(base: str = DEFAULT_BASE) -> str:
    """The prefixes as SPARQL ``PREFIX`` lines.

    >>> sparql_prologue().splitlines()[0]
    'PREFIX tk: <https://w3id.org/techkg/ontology#>'
    """
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in prefixes(base).items())


# RFC 3986 unreserved ASCII characters stay as they are; every other ASCII
# character (space, gen-delims, sub-delims, '%', controls) is percent-encoded.
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def _keep_unicode(ch: str) -> bool:
    # RFC 3987 ucschar: letters, ideographs, symbols. Separators, controls,
    # format characters, surrogates, private use and unassigned are encoded.
    if unicodedata.category(ch)[0] in "ZC":
        return False
    cp = ord(ch)
    if 0xA0 <= cp <= 0xD7FF or 0xF900 <= cp <= 0xFDCF or 0xFDF0 <= cp <= 0xFFEF:
        return True
    if 0x10000 <= cp <= 0xDFFFF:
        return (cp & 0xFFFF) <= 0xFFFD
    return 0xE1000 <= cp <= 0xEFFFD


def iri_segment(key: str) -> str:
    """One IRI path segment for ``key``: Unicode kept, reserved characters encoded.

    The mapping is injective (``%`` itself is encoded), and
    ``urllib.parse.unquote(iri_segment(k)) == k`` for every string.

    >>> iri_segment("台积电")
    '台积电'
    >>> iri_segment("H100 NVL/PCIe#2")
    'H100%20NVL%2FPCIe%232'
    """
    out: list[str] = []
    for ch in key:
        if ch in _UNRESERVED or (not ch.isascii() and _keep_unicode(ch)):
            out.append(ch)
        else:
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass")))
    return "".join(out)


def segment_key(segment: str) -> str:
    """Inverse of :func:`iri_segment`.

    >>> segment_key("microsoft%20365")
    'microsoft 365'
    """
    return unquote(segment, errors="surrogatepass")


@dataclass(frozen=True)
class Ids:
    """Mints the data IRIs under one base.

    Args:
        base: base IRI, ending in ``/`` or ``#``.

    >>> ids = Ids("https://example.org/kg/")
    >>> str(ids.article("000_b6441017667c1a8e"))
    'https://example.org/kg/article/000_b6441017667c1a8e'
    >>> str(ids.graph("000_b6441017667c1a8e"))
    'https://example.org/kg/graph/000_b6441017667c1a8e'
    """

    base: str = DEFAULT_BASE

    def __post_init__(self) -> None:
        if not self.base or self.base[-1] not in "/#":
            from techkg.errors import StoreError

            raise StoreError(
                f"base IRI {self.base!r} must end in '/' or '#'; "
                f"for example {DEFAULT_BASE!r}"
            )

    def company(self, key: str) -> URIRef:
        """IRI of the company with this canonical key."""
        return URIRef(f"{self.base}company/{iri_segment(key)}")

    def product(self, key: str) -> URIRef:
        """IRI of the product with this canonical key."""
        return URIRef(f"{self.base}product/{iri_segment(key)}")

    def entity(self, type_: str, key: str) -> URIRef:
        """IRI of a ``"Company"`` or ``"Product"`` entity."""
        if type_ == EntityType.COMPANY:
            return self.company(key)
        if type_ == EntityType.PRODUCT:
            return self.product(key)
        from techkg.errors import TechKGError

        raise TechKGError(f"unknown entity type {type_!r}; valid: Company, Product")

    def article(self, article_id: str) -> URIRef:
        """IRI of the article node."""
        return URIRef(f"{self.base}article/{iri_segment(article_id)}")

    def graph(self, article_id: str) -> URIRef:
        """IRI of the named graph holding what was extracted from the article."""
        return URIRef(f"{self.base}graph/{iri_segment(article_id)}")

    def event(self, article_id: str, type_: str, source: str, target: str, extra: str = "") -> URIRef:
        """IRI of a relation event: SHA-1 of (article id, type, source key, target key)[:16].

        ``extra`` disambiguates a second statement of the same relation in the
        same article (its evidence offset); the first statement leaves it empty.

        >>> Ids().event("a1", "partnership", "nvidia", "tsmc")[-16:] == Ids().event(
        ...     "a1", "partnership", "nvidia", "tsmc")[-16:]
        True
        """
        parts = [article_id, type_, source, target] + ([extra] if extra else [])
        digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
        return URIRef(f"{self.base}event/{digest}")

    def kind_and_key(self, iri: str) -> tuple[str, str] | None:
        """``("company", key)`` etc. for an IRI minted here, else None.

        >>> Ids().kind_and_key("https://w3id.org/techkg/id/product/nvidia%20h100")
        ('product', 'nvidia h100')
        """
        if not iri.startswith(self.base):
            return None
        kind, sep, rest = iri[len(self.base) :].partition("/")
        if not sep:
            return None
        return kind, segment_key(rest)


def term_value(term: Any) -> Any:
    """An rdflib or pyoxigraph term as plain Python: str for IRIs, strings and dates,
    int for integers, float for decimals (None stays None).

    >>> from rdflib import Literal
    >>> term_value(Literal("0.9", datatype=XSD.decimal)), term_value(URIRef("https://e.org/a"))
    (0.9, 'https://e.org/a')
    """
    if term is None:
        return None
    datatype = getattr(term, "datatype", None)
    value = term.value if hasattr(term, "value") and not isinstance(term, RdfLiteral) else str(term)
    dt = str(getattr(datatype, "value", datatype) or "")
    if dt in (str(XSD.integer), str(XSD.int), str(XSD.long)):
        return int(value)
    if dt in (str(XSD.decimal), str(XSD.double), str(XSD.float)):
        return float(value)
    return value
