"""Web pages straight into articles, against a loopback news site (tests/newsite.py).

Covers the page reader (charsets from the HTTP header and from <meta>,
boilerplate left out, the asked address as URL and id) and every limit of the
fetcher: schemes (also on redirects), redirects, size, time, status codes,
content types, and the per-host delay.
"""

from __future__ import annotations

import socket
import time

import pytest
from newsite import BOILERPLATE, serve_site
from newsite import HUAWEI_PATH as HUAWEI
from newsite import MEDIATEK_PATH as MEDIATEK
from newsite import XIAOMI_PATH as XIAOMI

from techkg.cli import fetch_opts
from techkg.errors import CorpusError
from techkg.ingest import ingest
from techkg.read import id_from_url, read_articles
from techkg.read.web import DEFAULT_DELAY, DEFAULT_TIMEOUT, Fetcher, Pacer, read_url
from techkg.records import Article
from techkg.store import GraphStore



@pytest.fixture(scope="module")
def site():
    with serve_site() as s:
        yield s


@pytest.fixture
def fetcher():
    # 3 s: the slow page must time out and no good page may, even on a busy CI machine
    with Fetcher(max_bytes=1_000_000, timeout=3, delay=0) as f:
        yield f


def no_boilerplate(text: str) -> None:
    leaked = [b for b in BOILERPLATE if b in text]
    assert not leaked, f"navigation or footer text in the article: {leaked}"


def test_gbk_page_with_charset_in_the_header(site, fetcher):
    url = site.base + HUAWEI
    a = read_url(url, fetcher)
    assert a.title == "华为Pura 70系列正式开售"
    assert "4月18日，华为终端在官方商城上线Pura 70系列手机" in a.text
    assert "高端手机市场的竞争将进一步加剧。" in a.text
    no_boilerplate(a.text)
    # the address asked for is the article's URL and id source, not the page's canonical link
    assert a.url == url and a.id == id_from_url(url) and a.path == url
    assert a.date == "2024-04-18" and a.publisher == "数码前沿网"


def test_big5_page_with_charset_only_in_meta(site, fetcher):
    [a] = read_articles([site.base + MEDIATEK], fetcher=fetcher)
    assert isinstance(a, Article), a
    assert a.title == "聯發科攜手輝達打造車用晶片"
    assert "與輝達（NVIDIA）合作的天璣汽車平台" in a.text
    no_boilerplate(a.text)
    assert a.date == "2024-03-20" and a.publisher == "科技島新聞"


def test_a_redirect_inside_http_is_followed(site, fetcher):
    a = read_url(site.base + "/moved", fetcher)
    assert "小米SU7" in a.title and a.url == site.base + "/moved"
    assert site.fetched(XIAOMI) >= 1


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/news.html",
                                 "gopher://127.0.0.1/1"])
def test_other_schemes_are_refused(url, fetcher):
    [e] = read_articles([url], fetcher=fetcher)
    assert isinstance(e, CorpusError) and e.where == url
    assert "addresses are not fetched; techkg fetches only http and https" in str(e)


@pytest.mark.parametrize(("path", "target"), [("/to-ftp", "ftp://files.example.com/news.html"),
                                              ("/to-file", "file:///etc/passwd")])
def test_a_redirect_to_another_scheme_is_refused(site, fetcher, path, target):
    url = site.base + path
    with pytest.raises(CorpusError) as err:
        read_url(url, fetcher)
    assert str(err.value).startswith(f"{url}: the server redirects to {target}, which is not an "
                                     "http or https address")


def test_a_redirect_loop_ends(site, fetcher):
    before = site.fetched("/loop")
    with pytest.raises(CorpusError, match="more than 5 redirects"):
        read_url(site.base + "/loop", fetcher)
    assert site.fetched("/loop") - before == 6


@pytest.mark.parametrize("path", ["/huge-declared.html", "/huge-streamed.html"])
def test_an_oversize_response_is_refused(site, fetcher, path):
    with pytest.raises(CorpusError) as err:
        read_url(site.base + path, fetcher)
    assert "above the 1 MB limit; pass --max-bytes" in str(err.value)
    with Fetcher(max_bytes=3_000_000, timeout=5, delay=0) as roomy:  # the limit, not the page
        assert len(roomy.fetch(site.base + path).data) == 2_408_000


def test_a_page_that_never_finishes_times_out(site, fetcher):
    t = time.monotonic()
    with pytest.raises(CorpusError) as err:
        read_url(site.base + "/tech/2024/0502/slow.html", fetcher)
    assert time.monotonic() - t < 15  # cut at the timeout, long before the server's 30 s
    assert "no complete answer within 3 s; try again later or pass a longer --timeout" in str(err.value)


def test_status_and_content_type_errors_say_what_to_do(site, fetcher):
    cases = {
        "/nowhere.html": "the server answered 404 Not Found; check the address",
        "/report.pdf": "the server sent application/pdf, not an HTML page; save the article as "
                       ".txt and ingest the file",
        "/rss.xml": "this is a feed or XML document (application/rss+xml), not a web page; "
                    "ingest a feed with --feed URL",
    }
    for path, message in cases.items():
        with pytest.raises(CorpusError) as err:
            read_url(site.base + path, fetcher)
        assert str(err.value) == f"{site.base}{path}: {message}"


def test_nothing_listening_is_a_clear_error(fetcher):
    with socket.socket() as s:  # a port that was free a moment ago: nobody listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(CorpusError) as err:
        read_url(f"http://127.0.0.1:{port}/a.html", fetcher)
    assert "cannot fetch the page" in str(err.value) and "check the address" in str(err.value)


def test_the_delay_between_requests_to_one_host(site):
    waits: list[float] = []
    pacer = Pacer(2.0, sleep=waits.append)  # the real clock, the sleeps recorded
    with Fetcher(max_bytes=1_000_000, timeout=5, pacer=pacer) as f:
        f.fetch(site.base + XIAOMI)
        f.fetch(site.base + "/moved")  # a redirect to the same host: one more wait
    assert len(waits) == 2 and all(1.0 < w <= 2.0 for w in waits)
    with Fetcher(max_bytes=1_000_000, timeout=5, delay=0.3) as f:  # and really sleeping
        t = time.monotonic()
        f.fetch(site.base + XIAOMI)
        f.fetch(site.base + XIAOMI)
        assert time.monotonic() - t >= 0.3


def test_ingest_a_page_then_again(site, extractor):
    store = GraphStore.open(None)
    url = site.base + MEDIATEK
    with Fetcher(max_bytes=1_000_000, timeout=5, delay=0) as f:
        first = ingest([url, "ftp://127.0.0.1/x.html"], store, extractor=extractor, fetcher=f)
        again = ingest([url], store, extractor=extractor, fetcher=f)
    assert (first.new, first.failed) == (1, 1) and "ftp:" in first.errors[0]
    assert (again.read, again.unchanged, again.new) == (1, 1, 0)
    [info] = store.articles()
    assert info.url == url and info.date == "2024-03-20"
    keys = {r["key"] for r in store.select("SELECT ?key WHERE { ?e tk:key ?key }")}
    assert {"mediatek", "nvidia"} <= keys


def test_cli_defaults_match_the_fetcher():
    assert (fetch_opts.DEFAULT_TIMEOUT, fetch_opts.DEFAULT_DELAY) == (DEFAULT_TIMEOUT, DEFAULT_DELAY)
