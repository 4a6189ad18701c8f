"""The ontology namespace, the shipped ontology file and IRI minting."""

from __future__ import annotations

from importlib import resources
from urllib.parse import unquote

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS

from techkg.errors import StoreError
from techkg.vocab import DEFAULT_BASE, ONTOLOGY_IRI, TK, Ids, iri_segment, prefixes, segment_key

# key → expected IRI path segment
SEGMENTS = [
    ("nvidia", "nvidia"),
    ("英伟达", "英伟达"),
    ("輝達", "輝達"),
    ("microsoft 365 copilot", "microsoft%20365%20copilot"),
    ("H100/PCIe", "H100%2FPCIe"),
    ("a#b?c", "a%23b%3Fc"),
    ("100%", "100%25"),
    ("ＧＰＴ－４", "ＧＰＴ－４"),  # full-width forms are ucschar: kept
    ("华为\u3000Mate", "华为%E3%80%80Mate"),  # ideographic space is encoded
    ("《文心一言》", "《文心一言》"),
    ("<a>", "%3Ca%3E"),
]


def ontology() -> Graph:
    g = Graph()
    g.parse(data=resources.files("techkg").joinpath("data/ontology.ttl").read_text("utf-8"), format="turtle")
    return g


def test_defined_namespace_fails_on_typo():
    assert TK.Company == URIRef(ONTOLOGY_IRI + "Company")
    with pytest.raises(AttributeError):
        TK.partnerof  # noqa: B018  (lower-case 'o' is a typo)


def test_ontology_file_and_namespace_agree():
    g = ontology()
    declared = {
        str(s)[len(ONTOLOGY_IRI) :]
        for s in g.subjects(RDF.type, None)
        if str(s).startswith(ONTOLOGY_IRI)
    }
    in_code = set(TK.__annotations__)
    assert declared == in_code
    for name in declared:
        term = URIRef(ONTOLOGY_IRI + name)
        assert (term, RDF.type, OWL.Class) in g or any(
            g.triples((term, RDF.type, p)) for p in (OWL.ObjectProperty, OWL.DatatypeProperty)
        )
        langs = {lit.language for lit in g.objects(term, RDFS.label)}
        assert {"en", "zh-Hans"} <= langs, name


def test_ontology_aligns_to_schema_prov_skos():
    g = ontology()
    assert (TK.Company, RDFS.subClassOf, URIRef("https://schema.org/Organization")) in g
    assert (TK.Product, RDFS.subClassOf, URIRef("https://schema.org/Product")) in g
    assert (TK.Event, RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Entity")) in g
    assert (TK.Partnership, RDFS.subClassOf, TK.Event) in g
    # pyoxigraph reads the same file
    store = ox.Store()
    store.load(resources.files("techkg").joinpath("data/ontology.ttl").read_bytes(), ox.RdfFormat.TURTLE)
    assert len(store) == len(g)


@pytest.mark.parametrize(("key", "segment"), SEGMENTS)
def test_iri_segment_table(key, segment):
    assert iri_segment(key) == segment
    assert segment_key(segment) == key


def test_ids_mint_contract_iris():
    ids = Ids()
    assert str(ids.company("英伟达")) == DEFAULT_BASE + "company/英伟达"
    assert str(ids.product("nvidia-h100")) == DEFAULT_BASE + "product/nvidia-h100"
    assert str(ids.article("000_b6441017667c1a8e")) == DEFAULT_BASE + "article/000_b6441017667c1a8e"
    assert str(ids.graph("a b")) == DEFAULT_BASE + "graph/a%20b"
    ev = str(ids.event("a1", "partnership", "nvidia", "tsmc"))
    assert ev.startswith(DEFAULT_BASE + "event/") and len(ev.rsplit("/", 1)[1]) == 16
    assert ids.event("a1", "partnership", "nvidia", "tsmc") != ids.event("a2", "partnership", "nvidia", "tsmc")
    assert ids.kind_and_key(str(ids.company("台積電"))) == ("company", "台積電")
    assert Ids("https://example.org/kg#").company("x") == URIRef("https://example.org/kg#company/x")


def test_ids_reject_base_without_separator():
    with pytest.raises(StoreError, match="must end in '/' or '#'"):
        Ids("https://example.org/kg")


def test_prefixes_cover_every_namespace_used():
    p = prefixes("https://example.org/kg/")
    assert p["tkid"] == "https://example.org/kg/"
    assert {"tk", "schema", "prov", "skos", "dcterms", "rdfs", "xsd", "rdf"} <= set(p)


# Keys as the extractor may produce them: any Unicode, biased to CJK, Latin, digits, punctuation.
keys = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.characters(min_codepoint=0xFF01, max_codepoint=0xFF5E),
        st.sampled_from(list("abcXYZ019 -_./#?%&<>\"'{}|^`\\\u3000\t\n")),
        st.characters(blacklist_categories=("Cs",)),
    ),
    min_size=1,
    max_size=24,
)


@settings(max_examples=300, deadline=None)
@given(keys)
def test_iri_segment_is_valid_reversible_iri(key):
    seg = iri_segment(key)
    assert unquote(seg, errors="surrogatepass") == key
    assert not any(c.isspace() for c in seg)
    iri = str(Ids().company(key))
    # Oxigraph's N-Triples parser rejects any invalid IRI code point
    list(ox.parse(f"<{iri}> <{TK.key}> \"k\" .", ox.RdfFormat.N_TRIPLES))
    # CJK ideographs are kept as they are
    assert all(c in seg for c in key if "\u4e00" <= c <= "\u9fff")


@settings(max_examples=200, deadline=None)
@given(keys, keys)
def test_iri_segment_is_injective(a, b):
    if a != b:
        assert iri_segment(a) != iri_segment(b)


@settings(max_examples=100, deadline=None)
@given(keys, st.text(min_size=0, max_size=30))
def test_turtle_round_trip_of_arbitrary_unicode(key, label):
    g = Graph()
    iri = Ids().product(key)
    g.add((iri, RDFS.label, Literal(label, lang="zh-hant")))  # Oxigraph lower-cases tags
    g.add((iri, TK.key, Literal(key)))
    back = Graph().parse(data=g.serialize(format="turtle"), format="turtle")
    assert isomorphic(g, back)
    # and through Oxigraph's N-Triples writer
    store = ox.Store()
    store.load(g.serialize(format="nt"), ox.RdfFormat.N_TRIPLES)
    again = Graph().parse(data=store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).decode(), format="nt")
    assert isomorphic(g, again)
