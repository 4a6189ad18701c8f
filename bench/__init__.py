"""Benchmarks for techkg; each module writes its figures to ``bench/results/``."""
