"""Extraction in worker processes and on a local Dask cluster: same results, failures stay local."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from techkg.evaluate import to_eval_json
from techkg.read import read_articles
from techkg.records import Article, Extraction, ExtractionFailed
from techkg.workers import DaskExtractor, ProcessExtractor, extract_stream

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
SOME = ["c01_nvidia_blackwell.md", "c09_baidu_ernie45_x1.md", "c18_tsmc_q1_2025_jv_denial.md",
        "c21_seres_huawei_yinwang.md", "c30_mediatek_dimensity9300.md", "c35_meituan_keeta_hongkong.md"]

KILLS_WORKER = "这篇稿件会让工作进程直接退出。"  # the worker process dies on this article
RAISES = "這篇稿件讓抽取器拋出異常。"  # the extractor raises on this one (Traditional)


class Fragile:
    """The real extractor, except on two marked articles (built inside each worker)."""

    def __init__(self, **options) -> None:
        from techkg.extract import Extractor

        self.inner = Extractor(**options)

    @property
    def nlp(self):
        return self.inner.nlp

    def pipe(self, articles, batch_size=32):
        articles = list(articles)
        for a in articles:
            if KILLS_WORKER in a.text:
                os._exit(3)
            if RAISES in a.text:
                raise ValueError("simulated bug on one article")
        yield from self.inner.pipe(articles, batch_size=batch_size)


def corpus_articles() -> list[Article]:
    return [a for a in read_articles([CORPUS / n for n in SOME]) if isinstance(a, Article)]


def mixed_articles() -> list[Article]:
    arts = corpus_articles()
    arts.insert(2, Article(id="kills", text="英伟达与台积电合作。" + KILLS_WORKER, path="news/kills.txt"))
    arts.insert(5, Article(id="raises", text="輝達與台積電合作。" + RAISES, path="news/raises.txt"))
    return arts


def as_json(results) -> list[dict]:
    return [to_eval_json(r) for r in results]


@pytest.fixture(scope="module")
def serial(extractor) -> list[dict]:
    return as_json(extract_stream(extractor, corpus_articles(), batch_size=4))


def test_worker_processes_give_the_serial_result_in_order(serial):
    with ProcessExtractor(jobs=2, chunk=2) as runner:
        assert as_json(runner.stream(corpus_articles())) == serial


def test_a_dead_worker_and_a_raising_article_fail_alone():
    with ProcessExtractor(jobs=2, chunk=3, factory=Fragile, use_model=False) as runner:
        results = list(runner.stream(mixed_articles()))
        ids = [r.article.id for r in results]
        assert ids == [a.id for a in mixed_articles()]  # every article, in order
        failed = {r.article.id: r.message for r in results if isinstance(r, ExtractionFailed)}
        assert set(failed) == {"kills", "raises"}
        assert failed["kills"] == "news/kills.txt: the worker process died on this article; the article was skipped"
        assert "ValueError: simulated bug" in failed["raises"]
        assert sum(isinstance(r, Extraction) for r in results) == len(SOME)
        # the pool was replaced: the runner still works afterwards
        assert [type(r) for r in runner.stream(corpus_articles()[:2])] == [Extraction, Extraction]


def test_dask_local_cluster_gives_the_serial_result_and_reports_failures(serial):
    cloudpickle = pytest.importorskip("cloudpickle")
    pytest.importorskip("distributed")
    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers cannot import tests/
    with DaskExtractor("local", workers=2, chunk=3, factory=Fragile) as runner:
        assert runner.workers == 2
        runner.warm_up()
        assert as_json(runner.stream(corpus_articles())) == serial
        # an article that raises fails alone (a worker that dies is Dask's to replace: not tested here)
        arts = [a for a in mixed_articles() if a.id != "kills"]
        results = list(runner.stream(arts))
    assert [r.article.id for r in results] == [a.id for a in arts]
    failed = [r.article.id for r in results if isinstance(r, ExtractionFailed)]
    assert failed == ["raises"]


def test_a_small_input_is_extracted_here_without_starting_workers(serial):
    with ProcessExtractor(jobs=2, chunk=3) as runner:
        assert as_json(runner.stream(corpus_articles()[:3])) == serial[:3]
        assert runner._pool is None  # noqa: SLF001 - no worker process was started
        assert as_json(runner.stream(corpus_articles())) == serial  # 6 >= 2 workers x 3: workers
        assert runner._pool is not None  # noqa: SLF001


def test_unreachable_scheduler_is_a_clear_error():
    pytest.importorskip("distributed")
    from techkg.errors import TechKGError

    with pytest.raises(TechKGError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        DaskExtractor("tcp://127.0.0.1:9")


def test_cli_jobs_2_writes_the_same_quads_as_jobs_1(tmp_path):
    from techkg.cli import app

    corpus = CORPUS  # 66 articles: enough to start the 2 workers (see the small-input test)
    n = len(list(corpus.glob("*.md")))
    runner = CliRunner()
    quads = []
    for jobs in ("1", "2"):
        store = tmp_path / f"store{jobs}"
        r = runner.invoke(app, ["ingest", str(corpus), "--store", str(store), "--jobs", jobs, "--no-progress"])
        assert r.exit_code == 0, r.output
        assert f"read {n}, new {n}" in r.output
        out = tmp_path / f"g{jobs}.nq"
        r = runner.invoke(app, ["export", "--store", str(store), "--format", "nq", "-o", str(out)])
        assert r.exit_code == 0, r.output
        quads.append(sorted(out.read_text("utf-8").splitlines()))
    assert quads[0] == quads[1] and len(quads[0]) > 5000


def test_workers_end_when_the_writer_is_killed():
    """A writer killed with SIGKILL leaves no idle worker processes behind."""
    import signal
    import subprocess
    import time

    script = ("import sys, time; from techkg.workers import ProcessExtractor\n"
              "r = ProcessExtractor(2, factory=dict); r.warm_up()\n"
              "print(*r._pool._processes, flush=True); time.sleep(120)\n")
    writer = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        pids = [int(p) for p in writer.stdout.readline().split()]
        assert len(pids) == 2
        writer.send_signal(signal.SIGKILL)
        writer.wait(10)
        deadline = time.monotonic() + 20
        while any(os.path.exists(f"/proc/{p}") for p in pids) and time.monotonic() < deadline:
            time.sleep(0.2)
        alive = [p for p in pids if os.path.exists(f"/proc/{p}")
                 and Path(f"/proc/{p}/stat").read_text().split()[2] != "Z"]  # zombies are gone
        assert alive == []
    finally:
        writer.kill()
