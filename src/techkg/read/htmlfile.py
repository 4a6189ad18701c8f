"""An HTML page: main text and metadata extracted with trafilatura (imported lazily)."""

from __future__ import annotations

from collections.abc import Mapping

from techkg.errors import CorpusError
from techkg.read.articles import _whole_file_article
from techkg.read.layout import _first_line, _strip_blank_lines
from techkg.records import Article


def _html_article(
    html: str,
    source: str,
    stem: str | None,
    *,
    url: str | None = None,
    defaults: Mapping[str, str | None] | None = None,
) -> Article:
    """An HTML page: main text and metadata extracted with trafilatura.

    Args:
        html: the decoded page.
        source: where it came from (file, ``<stdin>`` or URL), for errors and ``Article.path``.
        stem: the fallback id.
        url: the address the page was fetched from; it wins over the page's canonical URL.
        defaults: ``title``, ``date`` and ``source`` used where the page has none
            (a feed item's own metadata).
    """
    trafilatura = _html_stack(source)
    try:
        # Precision first keeps logos and link lists out; recall keeps short items that it drops.
        for recall in (False, True):
            doc = trafilatura.bare_extraction(
                html, with_metadata=True, include_comments=False, favor_recall=recall
            )
            body = _strip_blank_lines(getattr(doc, "text", None) or "")
            if body:
                break
    except Exception as exc:  # lxml and trafilatura raise many kinds
        raise CorpusError(
            source, f"could not parse the HTML ({exc}); save the article as .txt"
        ) from exc
    if not body or _only_links(body, html):
        raise CorpusError(
            source,
            "no article text found in the HTML; check that the page holds the article body "
            "(not a login, index or script-only page), or save the text as .txt",
        )
    defaults = defaults or {}
    title = (doc.title or defaults.get("title") or "").strip()
    if title:
        heading, rest = _first_line(body, False)
        if heading == title and rest:
            body = rest  # trafilatura repeats the <h1> headline at the top
    fields = {
        "date": doc.date or defaults.get("date"),
        "url": url or doc.url,
        "source": doc.sitename or defaults.get("source"),
    }
    return _whole_file_article(body, title, fields, source, stem)


def _html_stack(source: str):
    """trafilatura, imported on first use, or a located error when the HTML stack is broken.

    Heavy, and only HTML needs it: a missing or mismatched piece (trafilatura,
    lxml, lxml_html_clean) makes each HTML input fail with this message while
    text and JSON inputs still read.
    """
    try:
        import trafilatura
    except ImportError as exc:
        raise CorpusError(
            source,
            f"cannot read HTML: the HTML reader (trafilatura) does not import ({exc}); "
            "reinstall techkg's dependencies (pip install --force-reinstall techkg), "
            "or save the article as .txt",
        ) from exc
    return trafilatura


def _only_links(body: str, html: str) -> bool:
    """True when every line of the extracted text is the label of a link on the page.

    Such text is navigation ("首页", "Home", "返回首頁"), not an article: a
    page whose main text trafilatura could not find falls back to it.
    """
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return False
    labels = {" ".join(a.text_content().split()) for a in root.iter("a")}
    lines = [" ".join(line.split()) for line in body.splitlines() if line.strip()]
    return all(line in labels for line in lines)
