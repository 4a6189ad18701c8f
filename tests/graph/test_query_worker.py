"""The query worker's loop on a store it cannot read: a server-side fault, reported as one."""

from __future__ import annotations

import multiprocessing
import threading

from techkg.sparql.worker import STORE_ATTEMPTS, Job, _main


def test_a_store_lost_under_the_worker_is_unavailable_not_a_bad_query(tmp_path, monkeypatch):
    """RocksDB files compacted away under a read-only view raise OSError: the worker reopens and
    tries again, then answers "unavailable" (the web app's 503 + Retry-After), never a 400."""
    import pyoxigraph as ox

    opened = []

    def lost(path):
        opened.append(path)
        raise OSError(f"IO error: No such file or directory: While open a file for random read: {path}/000042.sst")

    monkeypatch.setattr(ox.Store, "read_only", staticmethod(lost))
    monkeypatch.setattr("techkg.sparql.worker.STORE_RETRY_S", 0.0)
    parent, child = multiprocessing.Pipe()
    loop = threading.Thread(target=_main, args=(child, str(tmp_path / "store"), True), daemon=True)
    loop.start()
    assert parent.recv()[0] == "ready"
    parent.send(Job("SELECT * WHERE { ?s ?p ?o } LIMIT 1", {}, 10, generation=1))
    kind, message = parent.recv()
    assert kind == "QueryUnavailable"
    assert "store changed under the query" in message and "000042.sst" in message
    assert len(opened) == 1 + STORE_ATTEMPTS  # the open at start, then one per try
    parent.close()
    loop.join(timeout=5)


def _query_worker_pids() -> set[int]:
    return {p.pid for p in multiprocessing.active_children() if p.name == "techkg-query"}


def test_a_store_dropped_without_close_stops_its_query_workers():
    """A library user who forgets close() must not leave worker processes behind: they stop
    when the last reference goes, without waiting for the cycle collector (switched off here)."""
    import gc
    import time

    from techkg.store import GraphStore

    before = _query_worker_pids()
    store = GraphStore.open(None)
    store.load('<urn:nvidia> <urn:label> "英伟达" <urn:a> .', format="nq")
    rows = store.query("SELECT ?l WHERE { ?s <urn:label> ?l }", timeout_s=10)  # a time limit: a worker
    assert [str(r["l"].value) for r in rows] == ["英伟达"]
    started = _query_worker_pids() - before
    assert started, "the query ran in a worker process"
    gc.disable()
    try:
        del store
        deadline = time.monotonic() + 10
        while started & _query_worker_pids() and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        gc.enable()
    assert not started & _query_worker_pids()


def test_closing_a_store_stops_its_workers_once():
    from techkg.store import GraphStore

    before = _query_worker_pids()
    store = GraphStore.open(None)
    assert bool(store.query("ASK {}", timeout_s=10))
    assert _query_worker_pids() - before
    store.close()
    store.close()  # a second close is harmless
    assert not (_query_worker_pids() - before)
