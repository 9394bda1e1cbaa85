"""Caches a benchmark run owns: never the portal's Redis or its page-cache folder.

A benchmark run under settings that inherit the portal's caches wrote its own
pages (and a robots.txt naming its throwaway port) into the dev server's page
cache, and on Redis `cache.clear()` empties the whole shared database. Every
benchmark process therefore caches in memory, and pages in a folder that the
command creates for the run and removes afterwards (BENCHMARK_CACHE_DIR).
"""

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ENV = "BENCHMARK_CACHE_DIR"


def caches() -> dict:
    """CACHES for a benchmark process. Pages are cached only in the folder of the
    running command (cache_dir()); a process outside one caches no page at all."""
    folder = os.environ.get(ENV)
    pages = (
        {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": folder}
        if folder
        else {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    )
    return {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": pages,
    }


@contextmanager
def cache_dir() -> Iterator[Path]:
    """A page-cache folder for this run, handed to child processes and removed at the end."""
    path = Path(tempfile.mkdtemp(prefix="voresishoj-bench-cache-"))
    previous = os.environ.get(ENV)
    os.environ[ENV] = str(path)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)
        if previous is None:
            os.environ.pop(ENV, None)
        else:
            os.environ[ENV] = previous


def empty(path: Path) -> None:
    """Forget every cached page of the run (between the uncached and cached rounds)."""
    for child in path.iterdir():
        if child.is_dir():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)
