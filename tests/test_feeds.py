"""RSS and Atom feeds into the store, and ``techkg watch``, against a loopback news site.

The RSS feed (tests/newsite.py) carries teasers only, so its items' pages are
fetched: a GBK page (tracking parameters in the link), a Big5 page, an item
from 2023, a 404 and a page that never finishes. The Atom feed carries the
full text of two entries (not fetched) and only a summary for a third.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from newsite import BOILERPLATE, serve_site
from newsite import BYD_PATH as BYD
from newsite import HUAWEI_PATH as HUAWEI
from newsite import HUNYUAN_PATH as HUNYUAN
from newsite import MATE60_PATH as MATE60
from newsite import MEDIATEK_PATH as MEDIATEK
from newsite import XIAOMI_PATH as XIAOMI
from typer.testing import CliRunner

from techkg.cli import app
from techkg.errors import CorpusError
from techkg.feeds import FeedReader, stored_urls
from techkg.ingest import ingest
from techkg.read import id_from_url
from techkg.read.web import Fetcher
from techkg.records import Article
from techkg.store import GraphStore

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def site():
    with serve_site() as s:
        yield s


def feed_ingest(site, store, extractor, *, since=None, force=False):
    """One ``techkg ingest --feed rss --feed atom`` run; returns the summary, reports and requests."""
    before = len(site.requests)
    # 3 s: the slow page must time out, and nothing else may (0.5 s timed out a feed on a busy CI machine)
    with Fetcher(max_bytes=1_000_000, timeout=3, delay=0) as f:
        reader = FeedReader(f, known=stored_urls(store), since=since, force=force)
        feeds = [site.base + "/rss.xml", site.base + "/atom.xml"]
        summary = ingest([], store, extractor=extractor, fetcher=f, more=reader.read_all(feeds))
    return summary, reader.reports, site.requests[before:]


def test_feeds_go_in_and_a_second_run_fetches_nothing_new(site, extractor):
    store = GraphStore.open(None)
    s, (rss, atom), asked = feed_ingest(site, store, extractor)
    # six items read; the 404 and the page that never finishes are reported, the rest goes in
    assert (s.read, s.new, s.failed) == (6, 6, 2), s.errors
    assert s.errors == [
        f"{site.base}/tech/2024/0501/gone.html: the server answered 404 Not Found; check the address",
        f"{site.base}/tech/2024/0502/slow.html: no complete answer within 3 s; try again later "
        "or pass a longer --timeout",
    ]
    assert (rss.items, rss.read, rss.failed, atom.items, atom.read) == (5, 3, 2, 3, 3)
    # Atom entries with their full text are not fetched; summaries-only items are
    assert not any(BYD in p or HUNYUAN in p for p in asked)
    assert sum(XIAOMI in p for p in asked) == 1 and sum(MEDIATEK in p for p in asked) == 1

    arts = {a.url.split("?")[0].removeprefix(site.base): a for a in store.articles()}
    assert set(arts) == {HUAWEI, MEDIATEK, MATE60, XIAOMI, BYD, HUNYUAN}
    assert arts[BYD].date == "2024-03-19"  # the feed's date, not a year guessed from "GTC 2024"
    assert arts[HUNYUAN].title == "腾讯发布混元大模型" and arts[MEDIATEK].date == "2024-03-20"
    for row in store.select("SELECT ?text WHERE { ?a tk:text ?text }"):
        assert not any(b in row["text"] for b in BOILERPLATE)

    s2, (rss2, atom2), asked2 = feed_ingest(site, store, extractor)
    assert (s2.read, s2.new, s2.failed) == (0, 0, 2)
    assert (rss2.known, atom2.known) == (3, 3)
    # only the feeds, the two items that failed and (once a run) the site's robots.txt are asked again
    assert sorted(p.split("?")[0] for p in asked2) == sorted(
        ["/rss.xml", "/atom.xml", "/robots.txt", "/tech/2024/0501/gone.html", "/tech/2024/0502/slow.html"])


def test_an_item_is_known_by_its_url_without_tracking_parameters(site, extractor):
    store = GraphStore.open(None)
    # 5 s, as the tests here that need every good page: on a busy CI machine 0.5 s timed out the first ingest
    with Fetcher(max_bytes=1_000_000, timeout=5, delay=0) as f:
        ingest([site.base + HUAWEI], store, extractor=extractor, fetcher=f)  # no utm_* here
        before = len(site.requests)
        reader = FeedReader(f, known=stored_urls(store))
        items = list(reader.read(site.base + "/rss.xml"))  # the feed's link has utm_source=rss
    assert reader.reports[0].known == 1
    assert not any(isinstance(i, Article) and HUAWEI in i.url for i in items)
    assert not any(HUAWEI in p for p in site.requests[before:])


def test_since_skips_older_items_without_fetching_them(site, extractor):
    store = GraphStore.open(None)
    s, (rss, atom), asked = feed_ingest(site, store, extractor, since="2024-01-01")
    assert (rss.older, atom.older) == (1, 1)
    assert not any(MATE60 in p for p in asked)
    urls = {a.url.split("?")[0].removeprefix(site.base) for a in store.articles()}
    assert urls == {HUAWEI, MEDIATEK, XIAOMI, BYD} and s.new == 4


def test_relative_links_and_plain_text_content(site):
    with Fetcher(max_bytes=1_000_000, timeout=5, delay=0) as f:
        reader = FeedReader(f)
        xiaomi, honor = reader.read(site.base + "/feeds/relative.xml")
    # "../tech/..." is resolved against the feed's own address; the fragment is kept as written
    assert xiaomi.url == site.base + XIAOMI + "#comments" and xiaomi.title.startswith("小米SU7")
    assert xiaomi.id == id_from_url(site.base + XIAOMI)  # the fragment is not part of the id
    # content:encoded without markup is the article: its two lines are its paragraphs, no fetch
    assert honor.text.splitlines() == [
        "1月18日，荣耀在北京发布Magic6系列手机，Magic6 Pro搭载第三代骁龙8移动平台。",
        "荣耀表示，Magic6系列与高通合作，在手机上运行70亿参数的端侧大模型。",
    ]
    assert honor.date == "2024-01-18" and honor.publisher == "数码前沿网 快讯"
    assert not any("honor-magic6" in p for p in site.requests)


def test_broken_feeds_are_reported(site):
    with Fetcher(max_bytes=1_000_000, timeout=5, delay=0) as f:
        reader = FeedReader(f)
        items = list(reader.read_all([site.base + "/not-a-feed.xml", site.base + "/no-feed.xml",
                                      "ftp://127.0.0.1/rss.xml"]))
    assert all(isinstance(i, CorpusError) for i in items) and len(items) == 3
    assert str(items[0]).startswith(f"{site.base}/not-a-feed.xml: not an RSS or Atom feed (")
    assert str(items[0]).endswith("check the address (a web page is ingested without --feed)")
    assert "404 Not Found" in str(items[1]) and "ftp: addresses are not fetched" in str(items[2])
    assert [r.failed for r in reader.reports] == [1, 1, 1]


def test_cli_ingest_feed(site, tmp_path):
    store = tmp_path / "store"
    args = ["ingest", "--feed", site.base + "/atom.xml", "--since", "2024年1月1日", "--store",
            str(store), "--no-progress", "--no-model", "--delay", "0"]
    r = CliRunner().invoke(app, args)
    assert r.exit_code == 0, r.output
    assert f"{site.base}/atom.xml: 3 item(s): 2 read, 0 already stored, 1 older than --since, " \
           "0 failed" in r.output
    assert "read 2, new 2" in r.output
    r = CliRunner().invoke(app, args)
    assert "2 already stored" in r.output and "read 0, new 0" in r.output
    feed = ["--feed", site.base + "/atom.xml"]
    for bad, message in ((["--since", "上周三", *feed], "--since: cannot read the date '上周三'"),
                         ([], "nothing to ingest: give files, folders, web addresses or --feed URL"),
                         ([site.base + "/x.html", "--since", "2024-01-01"],
                          "--since applies to feed items; use it with --feed URL")):
        r = CliRunner().invoke(app, ["ingest", "--store", str(store), *bad])
        assert r.exit_code == 2 and message in r.output, r.output


def test_cli_watch_rounds(site, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "lenovo.txt").write_text("联想发布ThinkPad X1 Carbon\n\n联想今天发布了新款ThinkPad X1 "
                                       "Carbon笔记本电脑。\n", encoding="utf-8")
    args = ["watch", str(folder), "--feed", site.base + "/atom.xml", "--every", "0s", "--rounds",
            "2", "--store", str(tmp_path / "store"), "--no-model", "--delay", "0"]
    r = CliRunner().invoke(app, args)
    assert r.exit_code == 0, r.output
    lines = [x for x in r.output.splitlines() if x.startswith("round ")]
    assert len(lines) == 2
    assert "read 4, new 4" in lines[0] and "feeds: 3 item(s): 3 read, 0 already stored" in lines[0]
    assert "read 1, new 0, updated 0, unchanged 1" in lines[1]
    assert "3 already stored" in lines[1]
    for bad, message in ((["--feed", site.base + "/atom.xml", "--every", "5 minutes"],
                          "is not a duration"),
                         (["-"], "stdin can be read only once"),
                         ([], "nothing to watch: give a folder or --feed URL")):
        r = CliRunner().invoke(app, ["watch", *bad])
        assert r.exit_code == 2 and message in r.output, r.output


@pytest.mark.slow
def test_watch_stops_cleanly_on_ctrl_c(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("小米发布小米14\n\n小米今天发布了小米14手机。\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cmd = [sys.executable, "-c", "from techkg.cli import main; main()", "watch", str(folder), "--every", "1h",
           "--store", str(tmp_path / "store"), "--no-model"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    watchdog = threading.Timer(120, proc.kill)  # bounded even if round 1 never ends
    watchdog.start()
    try:
        first = proc.stdout.readline()  # round 1 done, now sleeping for an hour
        assert first.startswith("round 1 at ") and "new 1" in first
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        watchdog.cancel()
        proc.kill()
    assert proc.returncode == 0, err
    assert "stopped after 1 complete round(s)" in err and "Traceback" not in err
    with GraphStore.open(tmp_path / "store") as st:
        assert len(st.articles()) == 1


def test_watch_extracts_in_worker_processes_with_jobs(tmp_path, monkeypatch):
    """``watch --jobs 2`` goes through the same worker processes as ``ingest --jobs 2``."""
    import shutil

    import techkg.workers

    started = []

    class Recorded(techkg.workers.ProcessExtractor):
        def __init__(self, jobs, **options):
            started.append(jobs)
            super().__init__(jobs, **options)

    monkeypatch.setattr(techkg.workers, "ProcessExtractor", Recorded)
    folder = tmp_path / "news"
    folder.mkdir()
    articles = sorted((ROOT / "corpus").glob("*.md"))[:20]  # enough to give both workers a chunk
    for f in articles:
        shutil.copy(f, folder / f.name)
    args = ["watch", str(folder), "--every", "0s", "--rounds", "1", "--store", str(tmp_path / "store"),
            "--no-model", "--jobs", "2"]
    r = CliRunner().invoke(app, args)
    assert r.exit_code == 0, r.output
    assert started == [2]
    assert f"read {len(articles)}, new {len(articles)}, updated 0, unchanged 0, failed 0" in r.output
    with GraphStore.open(tmp_path / "store") as st:
        assert {a.id for a in st.articles()} == {f.stem for f in articles}
    r = CliRunner().invoke(app, ["watch", str(folder), "--jobs", "0"])
    assert r.exit_code == 2 and "--jobs" in r.output


def test_robots_txt_keeps_techkg_out_of_disallowed_pages(site, extractor):
    store = GraphStore.open(None)
    private = "/private/2024/0601/chip-survey.html"
    before = len(site.requests)
    with Fetcher(max_bytes=1_000_000, timeout=5, delay=0) as f:
        reader = FeedReader(f)
        s = ingest([], store, extractor=extractor, fetcher=f, more=reader.read(site.base + "/feeds/robots.xml"))
        asked = site.requests[before:]
        assert (s.new, s.failed) == (1, 1)  # the allowed page went in
        assert s.errors == [f"{site.base}{private}: {site.base}/robots.txt disallows this page for crawlers "
                            "such as techkg; not fetched (save it from a browser and ingest the file, if the "
                            "site allows that)"]
        assert reader.reports[0].failed == 1 and not any(private in p for p in asked)
        assert asked.count("/robots.txt") == 1  # read once per site and run
        again = ingest([site.base + private, site.base + "/login"], store, extractor=extractor, fetcher=f)
    assert again.failed == 2 and all("robots.txt disallows" in e for e in again.errors)
    assert site.requests[before:].count("/robots.txt") == 1 and not any(private in p for p in site.requests)
    assert {a.url.removeprefix(site.base) for a in store.articles()} == {XIAOMI}


def test_an_unreadable_robots_txt_allows_nothing_a_missing_one_everything(site):
    from techkg.read.web import read_url

    try:
        site.robots_status = 503
        with Fetcher(max_bytes=1_000_000, timeout=5, delay=0) as f, pytest.raises(CorpusError) as err:
            read_url(site.base + XIAOMI, f)
        assert str(err.value) == (f"{site.base}{XIAOMI}: {site.base}/robots.txt could not be read (the server "
                                  "answered 503), so the site's rules for crawlers are unknown and the page is "
                                  "not fetched; try again later")
        site.robots_status = 404
        with Fetcher(max_bytes=1_000_000, timeout=5, delay=0) as f:
            assert read_url(site.base + XIAOMI, f).title.startswith("小米SU7")
    finally:
        site.robots_status = 200


def test_cli_ingest_of_a_disallowed_page(site, tmp_path):
    url = site.base + "/private/2024/0601/chip-survey.html"
    r = CliRunner().invoke(app, ["ingest", url, "--store", str(tmp_path / "store"), "--no-progress", "--no-model",
                                 "--delay", "0"])
    assert r.exit_code == 1
    assert f"{url}: {site.base}/robots.txt disallows this page" in " ".join(r.output.split())
    assert not (tmp_path / "store").exists()


def test_an_unchanged_feed_is_not_read_again(site, tmp_path):
    """Conditional GET: the ETag and Last-Modified of a feed are kept beside the store; 304 → nothing new."""
    store = tmp_path / "store"
    feed = site.base + "/feeds/etag.xml"
    args = ["ingest", "--feed", feed, "--store", str(store), "--no-progress", "--no-model", "--delay", "0"]
    site.feed_version = 1
    r = CliRunner().invoke(app, args)
    assert r.exit_code == 0, r.output
    assert f"{feed}: 3 item(s): 3 read, 0 already stored, 0 failed" in r.output
    kept = json.loads((tmp_path / "store-feeds.json").read_text(encoding="utf-8"))
    assert kept == {feed: {"etag": '"atom-v1"', "last_modified": "Mon, 01 Apr 2024 08:00:00 GMT"}}
    before = len(site.requests)
    r = CliRunner().invoke(app, args)  # a second run: the server answers 304
    assert r.exit_code == 0, r.output
    assert f"{feed}: 0 item(s): 0 read, 0 already stored, 0 failed; 1 feed(s) not modified since last time" \
        in r.output
    assert site.requests[before:] == ["/feeds/etag.xml"]
    site.feed_version = 2  # the feed changes: read in full, its items already stored
    try:
        r = CliRunner().invoke(app, args)
        assert f"{feed}: 3 item(s): 0 read, 3 already stored, 0 failed" in r.output
        assert json.loads((tmp_path / "store-feeds.json").read_text(encoding="utf-8"))[feed]["etag"] == '"atom-v2"'
    finally:
        site.feed_version = 1


def test_watch_rounds_ask_an_unchanged_feed_conditionally(site, tmp_path):
    feed = site.base + "/feeds/etag.xml"
    before = len(site.requests)
    r = CliRunner().invoke(app, ["watch", "--feed", feed, "--every", "0s", "--rounds", "3", "--store",
                                 str(tmp_path / "store"), "--no-model", "--delay", "0"])
    assert r.exit_code == 0, r.output
    lines = [x for x in r.output.splitlines() if x.startswith("round ")]
    assert "feeds: 3 item(s): 3 read" in lines[0]
    assert all("read 0, new 0" in x and "1 feed(s) not modified since last time" in x for x in lines[1:])
    assert site.requests[before:].count("/feeds/etag.xml") == 3


def test_a_feed_with_failed_items_is_asked_in_full_next_time(site):
    from techkg.feeds import FeedState

    state = FeedState()
    with Fetcher(max_bytes=1_000_000, timeout=5, delay=0) as f:
        list(FeedReader(f, state=state).read(site.base + "/feeds/etag.xml"))
        assert state.headers(site.base + "/feeds/etag.xml") == {
            "If-None-Match": '"atom-v1"', "If-Modified-Since": "Mon, 01 Apr 2024 08:00:00 GMT"}
        # this feed has an ETag too, but one of its items was refused (robots.txt): not remembered
        list(FeedReader(f, state=state).read(site.base + "/feeds/robots.xml"))
    assert site.base + "/feeds/robots.xml" not in state.validators
