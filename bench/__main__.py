"""Run every benchmark in turn: ``python -m bench [--small]``.

Each one writes its figures to ``bench/results/`` and prints a table. With
``--small`` the graph benchmarks use their quick CI-sized settings.
"""

from __future__ import annotations

import subprocess
import sys

BENCHMARKS = [
    ("bench.extract_speed", []),
    ("bench.long_article", ["--sizes", "40000", "160000", "--unchunked", "40000"]),
    ("bench.ingest", ["--small"]),
    ("bench.sparql", ["--small"]),
    ("bench.remote_store", ["--small"]),
    ("bench.render_scale", []),
    ("bench.serve_scale", []),
]


def main() -> int:
    small = "--small" in sys.argv[1:]
    failed = []
    for module, small_args in BENCHMARKS:
        print(f"\n== {module}", flush=True)
        args = small_args if small else []
        if subprocess.run([sys.executable, "-m", module, *args], check=False).returncode:
            failed.append(module)
    if failed:
        print("failed: " + ", ".join(failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
