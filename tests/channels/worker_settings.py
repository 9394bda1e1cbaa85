"""Settings of the real task worker processes the tests start (`manage.py task_worker`).

The test settings on the database queue; the database (the test's own) and the
platform addresses come from the environment the test gives the process.
"""

from cms.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
