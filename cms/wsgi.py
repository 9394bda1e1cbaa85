import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

django_application = get_wsgi_application()

# Imported once the apps are loaded: it reaches the reach models.
from channels.reach.wsgi import BeaconFastPath  # noqa: E402

# The reach beacon is answered before Django's request cycle (channels/reach/wsgi.py).
application = BeaconFastPath(django_application)
