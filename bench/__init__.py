"""Benchmarks behind ``make bench``: each figure is compared with a baseline from the same run."""
