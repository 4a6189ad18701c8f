"""/sparql on a live port, used by real clients: SPARQLWrapper and rdflib's SPARQLStore."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.Wrapper import GET, POST, POSTDIRECTLY, URLENCODED
from web_samples import NVIDIA

# SPARQLWrapper and rdflib's JSON-LD parser still build ConjunctiveGraphs internally.
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

PARTNERS = """SELECT DISTINCT ?label WHERE {
  ?nv tk:matchKey "辉达" ; tk:partnerOf ?p . ?p rdfs:label ?label FILTER(LANG(?label) = "zh-hans")
} ORDER BY ?label"""
PARTNERS_FULL = PARTNERS.replace(
    "SELECT", "PREFIX tk: <https://w3id.org/techkg/ontology#>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nSELECT", 1)
CONSTRUCT = f"CONSTRUCT {{ <{NVIDIA}> ?p ?o }} WHERE {{ <{NVIDIA}> ?p ?o }}"
EXPECTED = ["台积电", "联发科"]


def wrapper(served, fmt, method=GET, request=URLENCODED) -> SPARQLWrapper:
    sw = SPARQLWrapper(served.url + "/sparql")
    sw.setReturnFormat(fmt)
    sw.setMethod(method)
    sw.setRequestMethod(request)
    return sw


@pytest.mark.parametrize(("method", "request_method"), [
    (GET, URLENCODED), (POST, URLENCODED), (POST, POSTDIRECTLY)])
def test_sparqlwrapper_select_json(served, method, request_method):
    sw = wrapper(served, JSON, method, request_method)
    sw.setQuery(PARTNERS)
    res = sw.queryAndConvert()
    assert [b["label"]["value"] for b in res["results"]["bindings"]] == EXPECTED


def test_sparqlwrapper_xml_csv_tsv(served):
    sw = wrapper(served, XML)
    sw.setQuery(PARTNERS)
    doc = sw.queryAndConvert()  # xml.dom.minidom document
    assert [n.firstChild.data for n in doc.getElementsByTagName("literal")] == EXPECTED
    for fmt, sep in ((CSV, ","), (TSV, "\t")):
        sw = wrapper(served, fmt)
        sw.setQuery(PARTNERS)
        lines = sw.queryAndConvert().decode("utf-8").strip().splitlines()
        assert lines[0].split(sep)[0].lstrip("?") == "label"
        assert [x.strip('"').split("@")[0].strip('"') for x in lines[1:]] == EXPECTED


def test_sparqlwrapper_ask_and_construct(served):
    sw = wrapper(served, JSON)
    sw.setQuery("ASK { ?e tk:matchKey \"英伟达\" }")
    assert sw.queryAndConvert()["boolean"] is True
    for fmt in (TURTLE, JSONLD, XML):
        sw = wrapper(served, fmt, POST)
        sw.setQuery(CONSTRUCT)
        out = sw.queryAndConvert()
        g = out if isinstance(out, Graph) else Graph().parse(data=out, format="turtle")
        assert (URIRef(NVIDIA), None, Literal("輝達", lang="zh-hant")) in g


def test_sparqlwrapper_sees_bad_query(served):
    from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

    sw = wrapper(served, JSON)
    sw.setQuery("SELECT * WHERE { ?s ?p }")
    with pytest.raises(QueryBadFormed, match="line 1"):
        sw.queryAndConvert()


@pytest.mark.parametrize("method", ["GET", "POST", "POST_FORM"])
def test_rdflib_sparqlstore(served, method):
    store = SPARQLStore(query_endpoint=served.url + "/sparql", method=method)
    g = Graph(store=store)
    rows = list(g.query(PARTNERS_FULL))
    assert [str(r[0]) for r in rows] == EXPECTED
    assert g.query(f"ASK {{ <{NVIDIA}> ?p ?o }}").askAnswer is True
    triples = g.query(CONSTRUCT).graph
    assert (URIRef(NVIDIA), None, Literal("英伟达", lang="zh-hans")) in triples
    # triple-pattern access goes through the endpoint too
    assert (URIRef(NVIDIA), None, Literal("NVIDIA", lang="en")) in g
    store.close()
