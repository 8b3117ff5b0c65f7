"""Benchmarks: `make bench` runs bench/run.py, which runs every bench/bench_*.py module."""
