"""Benchmarks: `make bench` runs every module here that has a run() function and prints its figures."""
