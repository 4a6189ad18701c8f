"""Fixtures for the browser side: a sample store, a live server, headless Chromium."""

from __future__ import annotations

import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
for _path in (HERE, HERE.parents[1]):  # web_samples; bench.synthetic (a fixture shared with bench/)
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from web_samples import extractions  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update"]
ARTIFACTS = HERE.parent / "artifacts"
TOKEN = "tk-s3cret-token-0001"


@pytest.fixture
def new_store():
    """Make in-memory stores (empty, or a copy of a given store) that are closed after the test,
    so their query workers stop with it."""
    from techkg.store import GraphStore

    made = []

    def make(source=None):
        store = GraphStore.open(None)
        if source is not None:
            store.oxigraph.extend(list(source.oxigraph.quads_for_pattern(None, None, None, None)))
        made.append(store)
        return store

    yield make
    for store in made:
        store.close()


@pytest.fixture(scope="session")
def sample_store():
    """An in-memory store holding the sample articles."""
    from techkg.store import GraphStore

    store = GraphStore.open(None)
    for ex in extractions():
        store.put(ex)
    yield store
    store.close()


@pytest.fixture(scope="session")
def sample_graph(sample_store):
    """The NetworkX projection of the sample store."""
    from techkg.network import to_networkx

    return to_networkx(sample_store)


class LiveServer:
    """uvicorn serving an app from a background thread on 127.0.0.1 and a free port."""

    def __init__(self, app) -> None:
        import uvicorn

        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]},
                                       name="techkg-test-server", daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.sock.close()


@pytest.fixture(scope="session")
def live_extractor(extractor):
    """The real extractor (the session one, with the shipped company model)."""
    return extractor


@pytest.fixture(scope="module")
def served(sample_store, live_extractor) -> Iterator[LiveServer]:
    """The web app over a copy of the sample store, with a token, on a live port."""
    import pyoxigraph as ox

    from techkg.web.app import create_app
    from techkg.store import GraphStore

    store = GraphStore.open(None)
    store.oxigraph.extend(list(sample_store.oxigraph.quads_for_pattern(None, None, None, None)))
    app = create_app(store, token=TOKEN, extractor_factory=lambda: live_extractor)
    assert isinstance(store.oxigraph, ox.Store)
    with LiveServer(app) as server:
        yield server
    store.close()


@pytest.fixture(scope="session")
def chromium():
    """Debian's headless Chromium driven by Playwright (never a downloaded browser)."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing: install Debian's chromium (make browser)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    """A fresh page that records JavaScript errors and every request made."""
    context = chromium.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN")
    pg = context.new_page()
    pg.errors = []  # type: ignore[attr-defined]
    pg.requests = []  # type: ignore[attr-defined]
    pg.console = []  # type: ignore[attr-defined]
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("console", lambda m: pg.console.append(m.text))
    pg.on("request", lambda r: pg.requests.append(r.url))
    yield pg
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
