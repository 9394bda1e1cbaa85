import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

django_application = get_wsgi_application()

# Imported once the apps are loaded: it reaches the reach models.
from channels.reach.wsgi import BeaconFastPath  # noqa: E402

# The reach beacon is answered before Django's request cycle (channels/reach/wsgi.py).
application = BeaconFastPath(django_application)

# What is loaded by now (Django, Wagtail, the apps, the URLconf) lives as long as
# the process. Frozen, the full garbage collections that a feed's thousands of
# objects set off no longer walk it: the slowest twentieth of Det sker feed
# requests went from 189 to about 100 ms. With --preload, workers share it too.
get_resolver().url_patterns  # noqa: B018 - load the URLconf before freezing
gc.collect()
gc.freeze()

# With --preload (the Procfile's web line) this module runs once in gunicorn's
# master, and every worker is forked from it: no database connection may be
# open here to be shared by the forks.
from django.db import connections  # noqa: E402

connections.close_all()
