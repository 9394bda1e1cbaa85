"""Each benchmark run's figures, kept to compare the next run with.

One JSON object per line in var/benchmarks/<name>.jsonl (git-ignored with the
rest of var/), so the previous run is the last line and a run never rewrites
an older one.
"""

import json
import os
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.utils import timezone


def _path(name: str) -> Path:
    return Path(settings.VAR_DIR) / "benchmarks" / f"{name}.jsonl"


def runs(name: str) -> list[dict]:
    path = _path(name)
    if not path.exists():
        return []
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            found.append(json.loads(line))
        except ValueError:
            continue  # a line cut off by an interrupted run
    return found


def record(name: str, figures: dict) -> dict:
    """Append this run (with its time and the machine's load) and return it."""
    run = {
        "at": timezone.now().isoformat(timespec="seconds"),
        "load": [round(n, 2) for n in os.getloadavg()],
        **figures,
    }
    path = _path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as file:
        file.write(json.dumps(run, ensure_ascii=False) + "\n")
    return run


def when(run: dict) -> str:
    """The run's time as a reader in Ishøj writes it."""
    at = timezone.localtime(datetime.fromisoformat(run["at"]))
    return at.strftime("%Y-%m-%d %H:%M")
