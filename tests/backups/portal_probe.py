"""Looks at (or writes to) a portal whose database is given by the environment.

The backup tests run the portal's commands as an operator would, in their own
processes on their own databases; this script is how a test asks such a
portal something, printing JSON on stdout:

    portal_probe.py pages USERNAME PASSWORD PATH...   status and text of each page
    portal_probe.py write STOPFILE TAG                residents signing up, until told to stop
    portal_probe.py writes TAG                        what the writer's rows look like here
"""

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402
from django.test import Client  # noqa: E402

from stories.models import GroupTask, TaskSignup, VolunteerSignup  # noqa: E402

WRITER = "skriver-"
MAX_WRITES = 3000
MAX_SECONDS = 300


def pages(username, password, *paths):
    client = Client(HTTP_HOST="localhost")
    found = {}
    for path in paths:
        response = client.get(path)
        found[path] = {"status": response.status_code, "text": response.content.decode()[:200_000]}
    found["login"] = client.login(username=username, password=password)
    admin = client.get("/admin/")
    found["/admin/"] = {"status": admin.status_code, "text": admin.content.decode()[:200_000]}
    return found


def write(stopfile, tag):
    """Pairs of rows, one transaction each: a backup that is one moment holds
    both rows of a pair or neither. Bounded in count and time."""
    task = GroupTask.objects.order_by("pk").first()
    started = time.monotonic()
    written = 0
    while written < MAX_WRITES and time.monotonic() - started < MAX_SECONDS:
        if Path(stopfile).exists():
            break
        with transaction.atomic():
            name = f"{WRITER}{tag}-{written:05d}"
            TaskSignup.objects.create(
                task=task, name=name, contact="skriver@example.dk", consent=True
            )
            VolunteerSignup.objects.create(name=name, contact="skriver@example.dk", consent=True)
        written += 1
        progress = Path(stopfile + ".count.tmp")
        progress.write_text(str(written))
        progress.replace(stopfile + ".count")  # whole, for the test reading it
        time.sleep(0.005)
    return {"written": written}


def writes(tag):
    prefix = f"{WRITER}{tag}-"
    signups = sorted(
        TaskSignup.objects.filter(name__startswith=prefix).values_list("name", flat=True)
    )
    volunteers = sorted(
        VolunteerSignup.objects.filter(name__startswith=prefix).values_list("name", flat=True)
    )
    return {"signups": signups, "volunteers": volunteers}


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    result = {"pages": pages, "write": write, "writes": writes}[command](*args)
    print(json.dumps(result))
