"""Benchmarks: `make bench` → bench/results.md (see bench/run.py)."""
