"""One error root, with subclasses by meaning.

Every message names what went wrong, where (file and line when there is one)
and what to do about it.
"""

from __future__ import annotations


class TechKGError(Exception):
    """Root of every error techkg raises on purpose."""


class UsageError(TechKGError):
    """A command or function was given a wrong option value (names it and what is valid)."""


class CorpusError(TechKGError):
    """An input article could not be read.

    Args:
        where: the file, URL or ``<stdin>`` the article came from.
        message: what is wrong and what to do.
        line: 1-based line number, when the problem sits on one line.
    """

    def __init__(self, where: str, message: str, line: int | None = None) -> None:
        self.where = where
        self.line = line
        at = f"{where}:{line}" if line is not None else where
        super().__init__(f"{at}: {message}")


class LexiconError(TechKGError):
    """A lexicon file is malformed (names the file and line)."""


class ModelError(TechKGError):
    """The NLP pipeline or a shipped model could not be loaded."""


class WorkerLost(TechKGError):
    """A worker process died while extracting an article (a crash in native code, memory, a kill)."""


class StoreError(TechKGError):
    """The graph store could not be opened, read or written."""


class QueryError(TechKGError):
    """A SPARQL query is malformed, too slow or too large."""


class QuerySyntaxError(QueryError):
    """The query text does not parse (the message names line and column)."""


class QueryRefused(QueryError):
    """The query is refused before it runs (SERVICE when federation is off, nesting too deep)."""


class QueryTooLarge(QueryError):
    """The query text, or its result, is larger than the configured limit."""


class QueryTimeout(QueryError):
    """The query ran past its time limit and was stopped."""

    @classmethod
    def after(cls, timeout_s: float, what: str = "the query was stopped") -> QueryTimeout:
        """The error for a query past ``timeout_s`` seconds (``what`` says what became of it).

        >>> str(QueryTimeout.after(5))[:47]
        'query time limit exceeded (5 s), the query was '
        """
        return cls(f"query time limit exceeded ({timeout_s:g} s), {what}; add a LIMIT or narrow "
                   "the patterns, or raise the limit ('--timeout SECONDS')")


class QueryUnavailable(QueryError):
    """The query could not be run now (its worker process failed to start or died)."""


class ExportError(TechKGError):
    """An export could not be written (names the file and the fix)."""


class RenderError(TechKGError):
    """The graph could not be rendered as asked (unknown focus, bad option)."""


class EvalError(TechKGError):
    """Gold annotations or system output are malformed."""


class CurationError(TechKGError):
    """A curation file is malformed, or a curation names an entity the store lacks."""


class ConfigError(TechKGError):
    """The project file ``techkg.toml`` is malformed."""
