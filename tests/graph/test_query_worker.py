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
