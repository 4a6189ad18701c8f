"""Start and stop a real Oxigraph SPARQL server (the ``oxigraph`` package's binary) on 127.0.0.1.

Used by the remote-store tests and by ``bench/remote_store.py``. The binary
is installed by the ``test`` extra (``pip install oxigraph``) next to the
Python interpreter.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

START_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 10.0


def oxigraph_binary() -> str:
    """The ``oxigraph`` command: beside this Python first, then on PATH."""
    here = Path(sys.executable).parent / "oxigraph"
    found = str(here) if here.exists() else shutil.which("oxigraph")
    if not found:
        raise RuntimeError("the oxigraph server is not installed; pip install -e '.[test]' (or pip install oxigraph)")
    return found


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def oxigraph_server(location: Path, *, extra: tuple[str, ...] = ()) -> Iterator[str]:
    """Run ``oxigraph serve --location DIR --bind 127.0.0.1:PORT``; yields its base URL.

    Waits (bounded) until the query endpoint answers, and stops the server
    (terminate, then kill) on exit.
    """
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = location.with_suffix(".log")
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [oxigraph_binary(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}", *extra],
            stdout=out, stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"oxigraph server exited with {proc.returncode}: {log.read_text()[-500:]}")
            try:
                httpx.post(f"{url}/query", content="ASK {}", timeout=2,
                           headers={"Content-Type": "application/sparql-query"})
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"oxigraph server did not answer within {START_TIMEOUT_S} s") from None
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(STOP_TIMEOUT_S)
