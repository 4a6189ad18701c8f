"""The graph-side CLI: query (argument, -f, stdin, formats, params, errors), remove, stats, export, build."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from graph_samples import extractions
from rdflib import Graph
from typer.testing import CliRunner

from techkg.cli import app
from techkg.sparql import shipped_queries
from techkg.store import GraphStore

QUERIES = shipped_queries()[0].parent  # the package's queries folder
runner = CliRunner()


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "store"
    with GraphStore.open(path) as s:
        s.put_many(extractions())
    return path


def run(*args: str, stdin: str | None = None):
    return runner.invoke(app, list(args), input=stdin, env={"COLUMNS": "200"})  # usage errors on one line


def test_query_table_with_chinese_labels(store_dir):
    r = run("query", "SELECT ?l WHERE { company:nvidia rdfs:label ?l } ORDER BY ?l", "--store", str(store_dir))
    assert r.exit_code == 0, r.output
    for label in ("NVIDIA", "英伟达", "輝達"):
        assert label in r.stdout
    assert "4 row(s)" in r.stderr


@pytest.mark.parametrize("fmt", ["json", "csv", "tsv"])
def test_query_formats(store_dir, fmt):
    q = "SELECT ?k ?l WHERE { ?e tk:key ?k ; rdfs:label ?l FILTER(LANG(?l) = 'zh-hant') } ORDER BY ?k"
    r = run("query", q, "--format", fmt, "--store", str(store_dir))
    assert r.exit_code == 0, r.output
    if fmt == "json":
        data = json.loads(r.stdout)
        assert data["head"]["vars"] == ["k", "l"]
        rows = [(b["k"]["value"], b["l"]["value"], b["l"]["xml:lang"]) for b in data["results"]["bindings"]]
        assert ("nvidia", "輝達", "zh-hant") in rows and ("tsmc", "台積電", "zh-hant") in rows
    else:
        rows = list(csv.reader(io.StringIO(r.stdout), delimiter="," if fmt == "csv" else "\t"))
        assert rows[0] == (["k", "l"] if fmt == "csv" else ["?k", "?l"])
        flat = "\n".join(map(str, rows))
        assert "輝達" in flat and "聯發科" in flat


def test_query_file_with_params(store_dir):
    r = run("query", "-f", str(QUERIES / "partners.rq"), "--param", "company=聯發科", "--format", "json",
            "--store", str(store_dir))
    assert r.exit_code == 0, r.output
    labels = [b["partnerLabel"]["value"] for b in json.loads(r.stdout)["results"]["bindings"]]
    assert labels == ["NVIDIA", "TSMC"]
    r = run("query", "-f", str(QUERIES / "partners.rq"), "-p", "company=mediatek", "-p", "min_confidence=0.8",
            "--format", "csv", "--store", str(store_dir))
    assert r.exit_code == 0 and "NVIDIA" in r.stdout and "TSMC" not in r.stdout


def test_query_from_stdin(store_dir):
    r = run("query", "--format", "csv", "--store", str(store_dir),
            stdin="SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle }")
    assert r.exit_code == 0, r.output
    assert r.stdout.split() == ["n", "6"]


def test_construct_as_turtle(store_dir):
    r = run("query", "-f", str(QUERIES / "describe-company.rq"), "-p", "company=TSMC", "--format", "ttl",
            "--store", str(store_dir))
    assert r.exit_code == 0, r.output
    g = Graph().parse(data=r.stdout, format="turtle")
    labels = {str(o) for o in g.objects()}
    assert {"台积电", "台積電", "NVIDIA", "MediaTek"} <= labels


def test_ask(store_dir):
    r = run("query", "ASK { company:nvidia tk:partnerOf company:tsmc }", "--store", str(store_dir))
    assert r.exit_code == 0 and r.stdout.strip() == "true"
    r = run("query", "ASK { company:nvidia tk:partnerOf company:huawei }", "--format", "json",
            "--store", str(store_dir))
    assert json.loads(r.stdout)["boolean"] is False


def test_syntax_error_shows_position(store_dir):
    r = run("query", "SELECT ?x WHERE {\n  ?x tk:key \n}", "--store", str(store_dir))
    assert r.exit_code == 1
    assert "SPARQL syntax error at line 3" in r.stderr and "^" in r.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["SELECT * { ?s ?p ?o } LIMIT 1", "--format", "ttl"], "returns rows, not triples"),
        (["SELECT * { ?s ?p ?o } LIMIT 1", "--format", "xml"], "'xml' is not one of 'table', 'csv'"),
        (["-f", str(QUERIES / "article-summary.rq")], "--param article=VALUE"),
        (["-f", str(QUERIES / "timeline.rq"), "-p", "from=2023年3月"], "YYYY-MM-DD"),
        (["-f", str(QUERIES / "partners.rq"), "-p", "company"], "NAME=VALUE"),
        (["-f", "queries/none.rq"], "cannot read the query file"),
        (["SELECT * { ?s ?p ?o }", "-f", str(QUERIES / "timeline.rq")], "not both"),
    ],
)
def test_query_usage_errors(store_dir, args, message):
    r = run("query", *args, "--store", str(store_dir))
    assert r.exit_code != 0
    assert message in r.stderr, r.stderr


def test_query_missing_store(tmp_path):
    r = run("query", "ASK {}", "--store", str(tmp_path / "none"))
    assert r.exit_code == 1 and "no store here yet" in r.stderr


def test_queries_lists_documented_queries():
    r = run("queries", str(QUERIES))
    assert r.exit_code == 0
    assert "Partners of a company" in r.stdout and "--param company=英伟达" in r.stdout


def test_stats_json(store_dir):
    r = run("stats", "--json", "--articles", "--top", "3", "--store", str(store_dir))
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert d["counts"]["articles"] == 6 and d["counts"]["companies"] == 13
    assert d["top_degree"][0]["label_zh"] == "英伟达"
    assert len(d["top_pagerank"]) == 3
    assert {a["id"] for a in d["articles"]} >= {"tw-nvidia-tsmc", "ai-race"}


def test_stats_tables(store_dir):
    r = run("stats", "--store", str(store_dir))
    assert r.exit_code == 0 and "PageRank" in r.stdout and "communities" in r.stdout


@pytest.mark.parametrize("fmt", ["ttl", "nq", "trig", "jsonld", "graphml", "gexf"])
def test_export_to_file(store_dir, tmp_path, fmt):
    out = tmp_path / f"g.{fmt}"
    r = run("export", "--format", fmt, "-o", str(out), "--store", str(store_dir))
    assert r.exit_code == 0, r.output
    assert out.stat().st_size > 1000 and f"wrote {out}" in r.stderr


def test_export_stdout_and_csv(store_dir, tmp_path):
    r = run("export", "--format", "nq", "-o", "-", "--store", str(store_dir))
    assert r.exit_code == 0 and "輝達" in r.stdout
    r = run("export", "--format", "csv", "-o", str(tmp_path), "--store", str(store_dir))
    assert r.exit_code == 0
    assert (tmp_path / "entities.csv").exists() and (tmp_path / "relations.csv").exists()
    r = run("export", "--format", "pdf", "--store", str(store_dir))
    assert r.exit_code == 2 and "'pdf' is not one of 'ttl', 'nq', 'trig'" in r.stderr


def test_ingest_remove_cycle(tmp_path):
    store = tmp_path / "store"
    art = tmp_path / "new.md"
    art.write_text("---\ntitle: 华为与赛力斯合作\ndate: 2023-11-26\nurl: https://example.com/a/1\n---\n"
                   "华为与赛力斯宣布深化合作，共同打造问界M9。\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    r = run("ingest", str(art), str(bad), "--store", str(store), "--no-model", "--json")
    assert r.exit_code == 1  # one input failed, the other went in
    summary = json.loads(r.stdout)
    assert (summary["new"], summary["failed"]) == (1, 1)
    assert "bad.txt" in r.stderr
    r = run("ingest", str(art), "--store", str(store), "--no-model")
    assert r.exit_code == 0 and "unchanged 1" in r.stderr
    r = run("remove", "https://example.com/a/1", "--store", str(store))
    assert r.exit_code == 0 and "removed" in r.stderr
    r = run("remove", "new", "--store", str(store))
    assert r.exit_code == 1 and "not in the store" in r.stderr
    with GraphStore.open(store, read_only=True) as s:
        assert len(s) == 0


def test_build_writes_every_output(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text("---\ntitle: 英伟达与台积电合作\ndate: 2023-03-21\n---\n"
                                 "英伟达宣布与台积电合作推进计算光刻。英伟达发布了H100 NVL。\n", encoding="utf-8")
    (corpus / "b.txt").write_text("輝達與鴻海合作\n\n輝達與鴻海宣佈攜手合作，打造AI工廠。\n", encoding="utf-8")
    out = tmp_path / "out"
    r = run("build", str(corpus), "--store", str(tmp_path / "store"), "-o", str(out), "--no-model")
    assert r.exit_code == 0, r.output
    for name in ("graph.ttl", "graph.nq", "graph.jsonld", "graph.graphml", "graph.gexf",
                 "entities.csv", "relations.csv", "graph.html"):
        assert (out / name).exists(), name
        assert str(out / name) in r.stdout
    assert "read 2, new 2" in r.stderr


def test_mistyped_parameter_lists_the_parameters(store_dir):
    r = run("query", "-f", str(QUERIES / "partners.rq"), "-p", "compnay=华为", "--store", str(store_dir))
    assert r.exit_code == 1
    assert "compnay" in r.stderr and "company (name)" in r.stderr


def test_shipped_queries_work_from_any_folder(store_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no queries/ folder here
    r = run("queries")
    assert r.exit_code == 0, r.output
    assert "Partners of a company" in r.stdout and "techkg query -f partners --param company=英伟达" in r.stdout
    for ref in ("partners", "partners.rq"):
        r = run("query", "-f", ref, "-p", "company=聯發科", "--format", "csv", "--store", str(store_dir))
        assert r.exit_code == 0, r.output
        assert "NVIDIA" in r.stdout and "TSMC" in r.stdout


def test_a_file_in_the_working_folder_wins_over_a_shipped_query(store_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "partners.rq").write_text("# Mine\nSELECT (\"我的查询\" AS ?mine) {}\n", encoding="utf-8")
    r = run("query", "-f", "partners.rq", "--format", "csv", "--store", str(store_dir))
    assert r.exit_code == 0 and r.stdout.split() == ["mine", "我的查询"]


def test_unknown_query_name_lists_the_shipped_ones(store_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run("query", "-f", "partnrs", "--store", str(store_dir))
    assert r.exit_code == 1
    assert "no such query file, nor a shipped query" in r.stderr and "partners" in r.stderr


@pytest.mark.parametrize(
    ("given", "meant"),
    [("英伟逹", "英伟达 (NVIDIA)"),  # 逹 for 达: a near miss no script folding repairs
     ("聯發料", "聯發科 (MediaTek)"),  # Traditional, one character off
     ("Mediatec", "MediaTek"),
     ("台積雷公司", "台積電 (TSMC)")],  # a legal form, and 雷 for 電
)
def test_unknown_entity_name_suggests_the_closest(store_dir, given, meant):
    r = run("query", "-f", "partners", "-p", f"company={given}", "--store", str(store_dir))
    assert r.exit_code == 1, r.output
    assert f"--param company: no company or product named {given!r} in the store; did you mean" in r.stderr
    assert meant in r.stderr.split("did you mean", 1)[1], r.stderr


def test_known_names_and_parts_of_names_are_not_refused(store_dir):
    r = run("query", "-f", "entity-search", "-p", "text=聯發", "--format", "csv", "--store", str(store_dir))
    assert r.exit_code == 0, r.output
    assert "MediaTek" in r.stdout
    r = run("query", "-f", "partners", "-p", "company=ＭｅｄｉａＴｅｋ", "--format", "csv", "--store", str(store_dir))
    assert r.exit_code == 0 and "NVIDIA" in r.stdout


def test_a_name_nothing_resembles_says_how_to_search(store_dir):
    r = run("query", "-f", "partners", "-p", "company=比亚迪", "--store", str(store_dir))
    assert r.exit_code == 1
    assert "nothing stored is close" in r.stderr and "entity-search" in r.stderr


@pytest.mark.parametrize("day", ["2023/3/21", "2023.03.21", "2023年3月21日", "２０２３年３月２１日", "2023-03-21"])
def test_date_parameters_in_common_forms(store_dir, day):
    r = run("query", "-f", "releases", "-p", "company=英伟达", "-p", f"from={day}", "-p", f"to={day}",
            "-p", "undated=no", "--format", "csv", "--store", str(store_dir))
    assert r.exit_code == 0, r.output
    assert "cuLitho" in r.stdout and "2023-03-21" in r.stdout


@pytest.mark.parametrize(("day", "message"), [
    ("2023/2/29", "'2023/2/29' is not a day of the calendar"),
    ("2024年13月1日", "is not a day of the calendar"),
    ("2023年3月", "write YYYY-MM-DD (2023-03-21), 2023/3/21"),
    ("去年", "is not a date"),
])
def test_impossible_dates_are_refused(store_dir, day, message):
    r = run("query", "-f", "timeline", "-p", f"from={day}", "--store", str(store_dir))
    assert r.exit_code == 1
    assert f"--param from: {day!r}" in r.stderr and message in r.stderr, r.stderr


STAR_Q = """SELECT * WHERE {
  ?zh_label ^rdfs:label company:mediatek .   # the query names ?zh_label first, ?article last
  FILTER(LANG(?zh_label) = "zh-hant")
  ?event tk:participant company:mediatek ; prov:wasDerivedFrom ?article .
}"""


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_select_star_keeps_the_query_variable_order(store_dir, fmt):
    r = run("query", STAR_Q, "--format", fmt, "--store", str(store_dir))
    assert r.exit_code == 0, r.output
    if fmt == "json":
        assert json.loads(r.stdout)["head"]["vars"] == ["zh_label", "event", "article"]
        return
    header = r.stdout.splitlines()[1 if fmt == "table" else 0]
    cells = [c for c in header.replace("┃", " ").replace("\t", " ").replace(",", " ").split()]
    assert [c.lstrip("?") for c in cells] == ["zh_label", "event", "article"], r.stdout
    assert "聯發科" in r.stdout


def _column(table: str, index: int) -> list[str]:
    """The cells of one column of a rich table, continuation lines joined (rules between rows)."""
    cells, current = [], []
    for line in table.splitlines():
        if line.startswith("├") or line.startswith("└"):
            if current:
                cells.append("".join(current))
            current = []
        elif line.startswith("│"):
            current.append(line.split("│")[index + 1].strip())
    return cells


def test_table_wraps_long_evidence_instead_of_cutting_it(store_dir):
    q = ("SELECT ?article ?headline ?evidence WHERE { ?ev tk:evidence ?evidence ; prov:wasDerivedFrom ?article . "
         "?article schema:headline ?headline } ORDER BY DESC(STRLEN(?evidence))")
    r = run("query", q, "--store", str(store_dir))
    assert r.exit_code == 0, r.output
    assert "…" not in r.stdout
    longest = max(len(line) for line in r.stdout.splitlines())
    assert longest <= 160
    evidence = _column(r.stdout, 2)
    truth = run("query", q, "--format", "json", "--store", str(store_dir)).stdout
    sentences = [b["evidence"]["value"] for b in json.loads(truth)["results"]["bindings"]]
    def squeeze(texts: list[str]) -> list[str]:  # a line may break at a space
        return ["".join(t.split()) for t in texts]

    assert squeeze(evidence) == squeeze(sentences) and len(sentences[0]) > 60  # whole, the longest first


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_csv_bom_for_excel(store_dir, fmt):
    q = "SELECT ?l WHERE { company:mediatek rdfs:label ?l FILTER(LANG(?l) = 'zh-hant') }"
    r = runner.invoke(app, ["query", q, "--format", fmt, "--csv-bom", "--store", str(store_dir)])
    assert r.exit_code == 0, r.output
    assert r.stdout_bytes.startswith(b"\xef\xbb\xbf")
    header, value = r.stdout_bytes[3:].decode("utf-8").split()
    assert header == ("l" if fmt == "csv" else "?l") and "聯發科" in value
    plain = runner.invoke(app, ["query", q, "--format", fmt, "--store", str(store_dir)])
    assert not plain.stdout_bytes.startswith(b"\xef\xbb\xbf")


def test_csv_bom_in_exported_csv_files(store_dir, tmp_path):
    r = run("export", "--format", "csv", "--csv-bom", "-o", str(tmp_path), "--store", str(store_dir))
    assert r.exit_code == 0, r.output
    for name in ("entities.csv", "relations.csv"):
        data = (tmp_path / name).read_bytes()
        assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\xef\xbb\xbf") == 1
    rows = list(csv.DictReader(io.StringIO((tmp_path / "entities.csv").read_text(encoding="utf-8-sig"))))
    assert any(row["label_zh"] == "英伟达" for row in rows)


def test_csv_bom_only_with_csv(store_dir):
    r = run("query", "ASK {}", "--csv-bom", "--store", str(store_dir))
    assert r.exit_code == 2 and "--csv-bom is for --format csv or tsv" in r.stderr
    r = run("export", "--format", "ttl", "--csv-bom", "-o", "-", "--store", str(store_dir))
    assert r.exit_code == 2 and "--csv-bom is for --format csv" in r.stderr
