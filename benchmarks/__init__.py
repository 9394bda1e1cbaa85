"""Benchmarks: not part of the product, never installed in production.

The commands here (`manage.py benchmark_pages`, `benchmark_load`,
`bench_event_feed`, `bench_channels`, `bench_reach_hits`) each build their own
throwaway database and print figures next to the targets; none is asserted in
a test. The app is installed by the dev settings and by `benchmarks.settings`,
the production-like settings the measuring processes run under.
"""
