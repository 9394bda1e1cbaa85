"""Settings for `bench_scale`: the page benchmark's settings on a database and
media folder the command names (BENCH_SCALE_DB_URL, BENCH_SCALE_MEDIA) and
removes afterwards, so two archives can be served side by side."""

import os
import warnings

from benchmarks.databases import throwaway_database
from benchmarks.settings import *  # noqa: F403

DATABASES = {
    "default": throwaway_database(
        os.environ.get("BENCH_SCALE_DB_URL", f"sqlite:///{VAR_DIR / 'bench_scale.sqlite3'}"),  # noqa: F405
        POSTGRES_OPTIONS,  # noqa: F405
    )
}
MEDIA_ROOT = os.environ.get("BENCH_SCALE_MEDIA", str(VAR_DIR / "bench-scale-media"))  # noqa: F405
# Static files are served by the finders here; no collected folder is expected.
warnings.filterwarnings("ignore", message="No directory at")
