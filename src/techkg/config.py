"""The project file ``techkg.toml``: name the store, lexicons and options once.

Every command looks for it, first found wins: ``--config FILE`` (or the
``TECHKG_CONFIG`` environment variable), then ``techkg.toml`` beside the store
named with ``--store``, then ``techkg.toml`` in the working folder. Its values
become the commands' defaults; an option given on the command line wins.
Paths in the file are relative to the file's folder::

    # techkg.toml
    store = "kg/store"
    lexicons = ["lexicons/robotics.jsonl"]
    curations = "kg/curations.jsonl"
    model = true
    base_iri = "https://example.org/kg/id/"

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "techkg.toml").write_text('store = "kg/store"\\nmodel = false\\n')
>>> cfg = load_config(folder / "techkg.toml")
>>> cfg.options["store"] == folder / "kg" / "store", cfg.options["no_model"]
(True, True)
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from techkg.errors import ConfigError

CONFIG_NAME = "techkg.toml"
CONFIG_ENV = "TECHKG_CONFIG"


@dataclass(frozen=True)
class _Key:
    """One key of the file: its kind and the command option it fills."""

    kind: str  # path, paths, store (a path or an http(s) URL), bool, str, int
    option: str
    meaning: str


#: The keys a project file may hold.
KEYS: dict[str, _Key] = {
    "store": _Key("store", "store", "the graph store folder, or the URL of a SPARQL 1.1 server"),
    "lexicons": _Key("paths", "lexicon", "extra lexicon files, read after the built-in one"),
    "curations": _Key("path", "curations", "the curation file"),
    "model": _Key("bool", "no_model", "use the CLUENER-trained company tagger"),
    "base_iri": _Key("str", "base", "base IRI of entity, article and event IRIs"),
    "batch_size": _Key("int", "batch_size", "articles per batch and transaction"),
    "max_bytes": _Key("int", "max_bytes", "largest file (or JSONL line) read, in bytes"),
}


@dataclass(frozen=True)
class Config:
    """A read project file.

    Attributes:
        path: the file.
        options: command option name → value (paths resolved, ``model`` turned
            into ``no_model``).
    """

    path: Path
    options: dict[str, Any] = field(default_factory=dict)

    def default_map(self, commands: Mapping[str, Any]) -> dict[str, Any]:
        """Click ``default_map`` for a command group: each command gets the options it has."""
        out: dict[str, Any] = {}
        for name, cmd in commands.items():
            sub = getattr(cmd, "commands", None)
            if sub is not None:
                out[name] = self.default_map(sub)
                continue
            have = {p.name for p in getattr(cmd, "params", ())}
            values = {k: v for k, v in self.options.items() if k in have}
            if values:
                out[name] = values
        return out


def find_config(explicit: str | Path | None, args: Sequence[str], cwd: Path | None = None) -> Path | None:
    """The project file to use, or None.

    Args:
        explicit: ``--config`` (or the environment variable's value); must exist.
        args: the command's arguments, searched for ``--store PATH``.
        cwd: the working folder (default: the current one).

    Raises:
        ConfigError: an explicit file does not exist.
    """
    explicit = explicit or os.environ.get(CONFIG_ENV) or None
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"{path}: project file not found; check --config or {CONFIG_ENV}")
        return path
    store = _store_arg(args)
    if store is not None:
        beside = Path(store).parent / CONFIG_NAME
        if beside.is_file():
            return beside
    here = cwd / CONFIG_NAME if cwd is not None else Path(CONFIG_NAME)
    return here if here.is_file() else None


def _store_arg(args: Sequence[str]) -> str | None:
    for i, a in enumerate(args):
        if a == "--store" and i + 1 < len(args):
            return args[i + 1]
        if a.startswith("--store="):
            return a.split("=", 1)[1]
    return None


def load_config(path: str | Path) -> Config:
    """Read and check a project file.

    Raises:
        ConfigError: naming the file and line: bad TOML, an unknown key, a
            value of the wrong kind.
    """
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as e:
        raise ConfigError(f"{path}: cannot read the project file ({e.strerror})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text; save the project file as UTF-8") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(e))
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(e))
        where = f"{path}:{m[1]}" if m else str(path)
        col = f" at column {m[2]}" if m else ""
        raise ConfigError(f"{where}: not valid TOML ({msg}{col}); write lines like store = \"kg/store\"") from None
    options: dict[str, Any] = {}
    for key, value in data.items():
        where = f"{path}:{_line_of(text, key)}"
        spec = KEYS.get(key)
        if spec is None:
            close = difflib.get_close_matches(key, list(KEYS), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ConfigError(f"{where}: unknown key {key!r}{hint}; valid: {', '.join(KEYS)}")
        options[spec.option] = _value(spec, key, value, where, path.parent)
    return Config(path, options)


def _value(spec: _Key, key: str, value: Any, where: str, folder: Path) -> Any:
    if spec.kind == "store" and isinstance(value, str) and value.lower().startswith(("http://", "https://")):
        return value  # a SPARQL server (techkg.remote_store), kept as written
    if spec.kind in ("path", "store"):
        if not isinstance(value, str) or not value:
            raise ConfigError(f"{where}: {key} must be a path in quotes ({spec.meaning})")
        return folder / value
    if spec.kind == "paths":
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise ConfigError(f'{where}: {key} must be a list of paths, like {key} = ["mine.jsonl"]')
        return [folder / v for v in value]
    if spec.kind == "bool":
        if not isinstance(value, bool):
            raise ConfigError(f"{where}: {key} must be true or false ({spec.meaning})")
        return not value if spec.option.startswith("no_") else value
    if spec.kind == "int":
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ConfigError(f"{where}: {key} must be a positive whole number ({spec.meaning})")
        return value
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{where}: {key} must be a string in quotes ({spec.meaning})")
    return value


def _line_of(text: str, key: str) -> int:
    pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*[=.\]]|^\s*\[\s*{re.escape(key)}\s*\]")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.search(line):
            return number
    return 1
