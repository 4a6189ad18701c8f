"""Ingest: read → extract → store with the real extractor; idempotence, bad input, kill -9."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from techkg.errors import TechKGError
from techkg.ingest import IngestSummary, ingest, ingest_articles
from techkg.records import Article
from techkg.store import GraphStore
from techkg.vocab import Ids

IDS = Ids()
ROOT = Path(__file__).resolve().parents[2]

# file name → (text, encoding); real news sentences in several scripts and encodings
ARTICLES = {
    "nvidia_tsmc.md": (
        "---\ntitle: 英伟达与台积电合作推进计算光刻\ndate: 2023-03-21\nsource: 虎嗅\n---\n"
        "英伟达宣布与台积电、新思科技合作，将cuLitho计算光刻库引入2纳米芯片制造。"
        "英伟达同时发布了H100 NVL GPU。\n",
        "utf-8",
    ),
    "baidu.txt": ("百度发布文心一言\n\n3月16日，百度正式发布了大语言模型文心一言。\n", "utf-8"),
    "huawei_gbk.txt": ("华为发布Mate 60 Pro\n\n华为于8月29日上线Mate 60 Pro手机。\n", "gbk"),
    "mediatek_big5.md": ("聯發科發表天璣9300\n\n聯發科正式發表天璣9300旗艦晶片，並與輝達合作開發車用晶片。\n", "big5"),
}


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (text, enc) in ARTICLES.items():
        (folder / name).write_bytes(text.encode(enc))
    return folder


class CountingExtractor:
    """The real extractor, counting how many articles it was given."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.seen: list[str] = []

    def pipe(self, articles, batch_size=32):
        for a in articles:
            self.seen.append(a.id)
            yield from self.inner.pipe([a], batch_size=1)


class BreaksOn(CountingExtractor):
    """The real extractor, failing on one article id (to test that a failure stays local)."""

    def __init__(self, inner, bad_id: str) -> None:
        super().__init__(inner)
        self.bad_id = bad_id

    def pipe(self, articles, batch_size=32):
        for a in articles:
            if a.id == self.bad_id:
                raise RuntimeError("simulated crash in the extractor")
            yield from self.inner.pipe([a], batch_size=1)


def test_ingest_folder_then_again_is_unchanged(tmp_path, extractor):
    corpus = write_corpus(tmp_path / "corpus")
    store = GraphStore.open(None)
    counting = CountingExtractor(extractor)
    s = ingest([corpus], store, extractor=counting, batch_size=2)
    assert (s.read, s.new, s.updated, s.unchanged, s.failed) == (4, 4, 0, 0, 0), s.errors
    assert s.entities > 0 and s.relations > 0 and s.chars > 0
    assert s.extract_s > 0 and s.store_s > 0 and s.seconds >= s.extract_s
    assert sorted(a.id for a in store.articles()) == sorted(Path(n).stem for n in ARTICLES)
    # the GBK and Big5 files were decoded: their Chinese text made it into the graph
    assert bool(store.query(f"ASK {{ <{IDS.article('huawei_gbk')}> schema:headline '华为发布Mate 60 Pro' }}"))
    assert bool(store.query(f"ASK {{ <{IDS.article('mediatek_big5')}> schema:headline '聯發科發表天璣9300' }}"))
    n = len(store)

    counting.seen.clear()
    again = ingest([corpus], store, extractor=counting)
    assert (again.read, again.new, again.unchanged) == (4, 0, 4)
    assert counting.seen == []  # unchanged articles are not extracted again
    assert len(store) == n


def test_changed_article_is_updated(tmp_path, extractor):
    corpus = write_corpus(tmp_path / "corpus")
    store = GraphStore.open(None)
    ingest([corpus], store, extractor=extractor)
    assert bool(store.query(f"ASK {{ ?e tk:participant <{IDS.company('synopsys')}> }}"))
    (corpus / "nvidia_tsmc.md").write_text(
        "---\ntitle: 英伟达与台积电合作推进计算光刻\ndate: 2023-03-21\n---\n英伟达宣布与台积电合作。\n",
        encoding="utf-8",
    )
    s = ingest([corpus], store, extractor=extractor)
    assert (s.updated, s.unchanged, s.new) == (1, 3, 0)
    assert not bool(store.query(f"ASK {{ ?e tk:participant <{IDS.company('synopsys')}> }}"))
    assert bool(store.query(f"ASK {{ ?e tk:participant <{IDS.company('tsmc')}> }}"))
    assert store.check() == []


def test_force_re_extracts(tmp_path, extractor):
    corpus = write_corpus(tmp_path / "corpus")
    store = GraphStore.open(None)
    ingest([corpus], store, extractor=extractor)
    s = ingest([corpus], store, extractor=extractor, force=True)
    assert s.updated == 4


def test_bad_inputs_are_reported_and_the_rest_goes_in(tmp_path, extractor):
    corpus = write_corpus(tmp_path / "corpus")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (corpus / "broken.jsonl").write_text(
        '{"id": "j1", "text": "小米发布小米14手机。", "date": "2023-10-26"}\n'
        '{"id": "j2", "text": "坏行\n'
        '{"id": "j3", "text": "阿里云与英伟达合作推出通义千问。", "title": "阿里云"}\n',
        encoding="utf-8",
    )
    (corpus / "script_only.html").write_text(
        "<html><head><title>新闻</title><script>var app=1;</script></head><body><div id='app'></div></body></html>",
        encoding="utf-8",
    )
    with open(corpus / "huge.txt", "wb") as fh:  # a 50 MB file
        fh.truncate(50 * 1024 * 1024)
    store = GraphStore.open(None)
    errors: list[str] = []
    s = ingest([corpus], store, extractor=extractor, on_error=errors.append)
    assert s.read == 6 and s.new == 6
    assert s.failed == 5 and not s.ok
    assert errors == s.errors
    text = "\n".join(errors)
    for name in ("empty.txt", "binary.txt", "broken.jsonl:2", "script_only.html", "huge.txt"):
        assert name in text, (name, text)
    assert {"j1", "j3"} <= {a.id for a in store.articles()}


def test_extraction_failure_stays_local(tmp_path, extractor):
    corpus = write_corpus(tmp_path / "corpus")
    store = GraphStore.open(None)
    s = ingest([corpus], store, extractor=BreaksOn(extractor, "baidu"), batch_size=8)
    assert (s.new, s.failed) == (3, 1)
    assert "baidu.txt" in s.errors[0] and "simulated crash" in s.errors[0]
    assert "baidu" not in {a.id for a in store.articles()}


def test_stdin_jsonl(extractor):
    store = GraphStore.open(None)
    lines = "\n".join(
        json.dumps(d, ensure_ascii=False)
        for d in [
            {"id": "s1", "text": "腾讯发布混元大模型。", "url": "https://example.com/hunyuan"},
            {"id": "s2", "text": "輝達與鴻海合作建設AI工廠。", "source": "中央社"},
        ]
    )
    s = ingest(["-"], store, extractor=extractor, stdin=io.StringIO(lines))
    assert (s.read, s.new) == (2, 2)
    assert store.find_articles("https://example.com/hunyuan") == ["s1"]


def test_duplicate_article_in_one_batch_is_counted_once(extractor):
    a = Article(id="dup", text="英伟达与台积电合作。", title="合作")
    s = ingest_articles([a, a, a], GraphStore.open(None), extractor=extractor, batch_size=8)
    assert (s.read, s.new, s.unchanged) == (3, 1, 2)


def test_progress_and_bad_batch_size(extractor):
    seen: list[IngestSummary] = []
    arts = [Article(id=f"p{i}", text=f"华为发布第{i}代麒麟芯片。") for i in range(5)]
    ingest_articles(arts, GraphStore.open(None), extractor=extractor, batch_size=2, on_progress=seen.append)
    assert len(seen) == 3
    with pytest.raises(TechKGError, match="batch size"):
        ingest_articles(arts, GraphStore.open(None), extractor=extractor, batch_size=0)


def test_summary_line_and_dict():
    s = IngestSummary(read=2, new=1, unchanged=1, entities=5, relations=2, seconds=1.234)
    assert "read 2, new 1" in s.line()
    assert s.as_dict()["seconds"] == 1.234 and s.ok


def _articles_now(store_dir: Path) -> int:
    """Articles in a store another process is writing (0 while it cannot be read yet)."""
    if not (store_dir / "CURRENT").exists():
        return 0
    try:
        with GraphStore.open(store_dir, read_only=True) as store:
            return len(store.articles())
    except (TechKGError, RuntimeError, OSError):  # the writer has not laid the store out yet
        return 0


def test_cli_ingest_kill_9_leaves_store_consistent(tmp_path):
    """A real `techkg ingest` killed with SIGKILL half-way: every article is whole or absent."""
    jsonl = tmp_path / "many.jsonl"
    sentences = [
        "英伟达与台积电合作推进先进封装。", "百度发布文心一言4.0。", "華為與賽力斯合作推出問界M9。",
        "阿里云宣布与英伟达合作。", "小米发布小米14，搭载第三代骁龙8。", "联发科发布天玑9300。",
    ]
    with jsonl.open("w", encoding="utf-8") as fh:
        for i in range(250):
            text = "".join(sentences[(i + k) % len(sentences)] for k in range(4)) + f"第{i}篇。"
            fh.write(json.dumps({"id": f"k{i}", "text": text, "title": f"样例{i}"}, ensure_ascii=False) + "\n")
    store_dir = tmp_path / "store"
    cmd = [sys.executable, "-c", "from techkg.cli import main; main()", "ingest", str(jsonl), "--store", str(store_dir),
           "--no-model", "--no-progress", "--batch-size", "16"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    seen = 0
    try:
        # Wait for whole articles in the store (read beside the writer), not for a time or a file
        # size: on a busy machine loading the model alone can take long, and a kill before any
        # write would prove nothing. 234 articles still to go make finishing first impossible.
        deadline = time.monotonic() + 300
        while seen < 16 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
            seen = _articles_now(store_dir)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read().decode() if proc.stderr else ""
    assert seen >= 16, "no article was written within 300 s"
    with GraphStore.open(store_dir) as store:
        assert store.check() == []
        n = len(store.articles())
        assert seen <= n < 250
    # and the same command finishes the job
    done = subprocess.run(cmd, capture_output=True, env=env, timeout=600, text=True)
    assert done.returncode == 0, done.stderr
    assert f"unchanged {n}" in done.stderr
    with GraphStore.open(store_dir, read_only=True) as store:
        assert len(store.articles()) == 250 and store.check() == []


def test_a_pipeline_that_cannot_load_stops_the_run():
    from techkg.errors import ModelError

    class Broken:
        def pipe(self, articles, batch_size=32):
            raise ModelError("data/models/x.crfsuite: company model not found")

    arts = [Article(id=f"m{i}", text="华为发布麒麟芯片。") for i in range(3)]
    with pytest.raises(ModelError, match="company model not found"):
        ingest_articles(arts, GraphStore.open(None), extractor=Broken())


# ----------------------------------------------------------------- distinct inputs stay distinct


def test_same_file_name_in_two_folders_stays_two_articles(tmp_path, extractor):
    news = tmp_path / "news"
    (news / "2024-01").mkdir(parents=True)
    (news / "2024-02").mkdir(parents=True)
    (news / "2024-01" / "article.txt").write_text("英伟达发布H100\n\n英伟达今天发布了H100。\n", "utf-8")
    (news / "2024-02" / "article.txt").write_text("華為發表Mate 60\n\n華為今天發表Mate 60。\n", "utf-8")
    store = GraphStore.open(None)
    s = ingest([news], store, extractor=extractor)
    assert (s.new, s.updated, s.notes) == (2, 0, [])
    # named one by one, the first file's id is its stem: a new id for a stored file, which is said
    s = ingest([news / "2024-01", news / "2024-02"], store, extractor=extractor)
    assert (s.new, s.unchanged, s.updated, s.failed) == (1, 1, 0, 0)
    (note,) = s.notes
    assert "already stored as article '2024-01_article'" in note and "article.txt" in note
    assert len(store.articles()) == 3 and store.check() == []


def test_replacing_an_article_read_from_another_file_is_said(tmp_path, extractor):
    for folder, text in (("a", "百度发布文心一言。"), ("b", "阿里发布通义千问。")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "news.txt").write_text(text, "utf-8")
    store = GraphStore.open(None)
    ingest([tmp_path / "a"], store, extractor=extractor)
    s = ingest([tmp_path / "b"], store, extractor=extractor)
    assert s.updated == 1
    (note,) = s.notes
    assert str(tmp_path / "a" / "news.txt") in note and str(tmp_path / "b" / "news.txt") in note
    assert "replaces" in note and "id" in note
    assert "1 note" in s.line()


def test_two_texts_through_stdin_stay_two_articles(extractor):
    store = GraphStore.open(None)
    first = ingest(["-"], store, extractor=extractor, stdin=io.StringIO("百度发布文心一言。"))
    second = ingest(["-"], store, extractor=extractor, stdin=io.StringIO("輝達與鴻海合作建設AI工廠。"))
    assert (first.new, second.new, second.updated) == (1, 1, 0)
    assert len(store.articles()) == 2


def test_explicit_ids_with_one_url_stay_separate_and_are_reported(extractor):
    url = "https://example.com/news/1"
    lines = [
        {"id": "a", "text": "百度发布文心一言。", "url": url},
        {"id": "b", "text": "阿里发布通义千问。", "url": url + "?utm_source=feed"},
        {"id": "c", "text": "腾讯发布混元大模型。", "url": "http://www.example.com/news/1/"},
    ]
    store = GraphStore.open(None)
    stdin = io.StringIO("\n".join(json.dumps(d, ensure_ascii=False) for d in lines))
    s = ingest(["-"], store, extractor=extractor, stdin=stdin)
    assert (s.new, s.updated, s.failed) == (3, 0, 0)
    assert sorted(a.id for a in store.articles()) == ["a", "b", "c"]
    assert len(s.notes) == 2 and all("same URL" in n and "'a'" in n for n in s.notes), s.notes
    # a later run meets the stored one
    again = io.StringIO(json.dumps({"id": "d", "text": "小米发布小米14。", "url": url}, ensure_ascii=False))
    s = ingest(["-"], store, extractor=extractor, stdin=again)
    assert s.new == 1 and len(s.notes) == 1 and "'a'" in s.notes[0]


def test_a_lone_surrogate_line_fails_alone(tmp_path, extractor):
    path = tmp_path / "feed.jsonl"
    good = [json.dumps({"id": f"g{i}", "text": f"华为发布第{i}代麒麟芯片。"}, ensure_ascii=False) for i in range(99)]
    bad = '{"id": "bad", "text": "英伟达\\ud800发布H100。"}'
    path.write_text("\n".join(good[:40] + [bad] + good[40:]) + "\n", "utf-8")
    store = GraphStore.open(None)
    s = ingest([path], store, extractor=extractor, batch_size=16)
    assert (s.new, s.failed) == (99, 1)
    assert s.errors[0].startswith(f"{path}:41: ") and "surrogate" in s.errors[0]
    assert len(store.articles()) == 99


def test_any_per_article_failure_is_reported_and_the_rest_goes_in(extractor):
    class BadHash(Article):  # an article whose content hash cannot be computed
        @property
        def content_hash(self) -> str:
            raise ValueError("cannot hash this")

    arts = [Article(id="ok1", text="百度发布文心一言。", path="a.jsonl:1"),
            BadHash(id="bad", text="阿里", path="a.jsonl:2"),
            Article(id="ok2", text="腾讯发布混元。", path="a.jsonl:3")]
    s = ingest_articles(arts, GraphStore.open(None), extractor=extractor)
    assert (s.new, s.failed) == (2, 1)
    assert s.errors[0].startswith("a.jsonl:2: ") and "cannot hash this" in s.errors[0]


def _cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-c", "from techkg.cli import main; main()", *args]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(cmd, capture_output=True, text=True, env=env, input=stdin, timeout=300)


def test_cli_failed_ingest_of_a_missing_file_creates_no_store(tmp_path):
    store = tmp_path / "out" / "store"
    r = _cli("ingest", str(tmp_path / "missing.md"), "--store", str(store), "--no-model", "--no-progress")
    assert r.returncode == 1 and "no such file" in r.stderr
    assert not store.exists() and not (tmp_path / "out").exists()


def test_cli_notes_and_remove_by_path(tmp_path):
    store = tmp_path / "store"
    for folder, text in (("a", "百度发布文心一言。"), ("b", "阿里发布通义千问。")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "news.txt").write_text(text, "utf-8")
    r = _cli("ingest", str(tmp_path / "a"), "--store", str(store), "--no-model", "--no-progress")
    assert r.returncode == 0, r.stderr
    r = _cli("ingest", str(tmp_path / "b"), "--store", str(store), "--no-model", "--no-progress")
    assert r.returncode == 0 and "note: " in r.stderr and "replaces the one read from" in r.stderr
    r = _cli("remove", str(tmp_path / "b" / "news.txt"), "--store", str(store))
    assert r.returncode == 0, r.stderr
    with GraphStore.open(store, read_only=True) as s:
        assert s.articles() == []
