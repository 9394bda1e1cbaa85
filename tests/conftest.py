import shutil
import subprocess
from pathlib import Path

import pytest
from django.utils.translation.reloader import translation_file_changed

LOCALE = Path(__file__).resolve().parent.parent / "home" / "locale"


def pytest_configure(config):
    """Compile the project's catalogues (home/locale: the admin's Danish, the
    server's django.po and the JavaScript's djangojs.po, and the public site's
    other languages) when `make install` has not, or a .po changed since:
    the language tests read what Django reads."""
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            if not shutil.which("msgfmt"):
                raise pytest.UsageError("msgfmt mangler: installer Debians pakke 'gettext'")
            subprocess.run(["msgfmt", "--check", "-o", str(mo), str(po)], check=True)
            # pytest-django has set Django up and may have read the old .mo
            # already; forget it, as the dev server does when a .mo changes.
            translation_file_changed(None, mo)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Every test writes its images and renditions to its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    # Files the code writes beside the database (the demo's stand-in seed) stay
    # out of the checkout's var/.
    settings.VAR_DIR = tmp_path / "var"
    # Backups too (cms/backups): never into the checkout's var/backups.
    settings.BACKUP_DIR = tmp_path / "backups"
    settings.STORAGES = {
        **settings.STORAGES,
        "backups": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(settings.BACKUP_DIR)},
        },
    }


def _clear_caches():
    """Empty every cache; on Redis only this run's keys (see cms/settings/test.py)."""
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    for cache in caches.all(initialized_only=False):
        if isinstance(cache, RedisCache):
            client = cache._cache.get_client(write=True)
            keys = list(client.scan_iter(match=cache.make_key("*", version="*"), count=1000))
            if keys:
                client.delete(*keys)
        else:
            cache.clear()


@pytest.fixture(autouse=True)
def _fresh_cache():
    _clear_caches()
    yield
    _clear_caches()


@pytest.fixture
def database_proxy():
    """Every new database connection of this process goes through a TCP proxy
    (tests/tcp_proxy.py) that the test can cut and restore."""
    from django.db import connection

    from home.outages import drop_broken_connections
    from tests.tcp_proxy import TcpProxy

    conn_settings = connection.settings_dict  # shared with other threads' connections
    original = {key: conn_settings[key] for key in ("HOST", "PORT")}
    proxy = TcpProxy(int(original["PORT"] or 5432), original["HOST"] or "127.0.0.1").start()
    drop_broken_connections()
    conn_settings.update(HOST="127.0.0.1", PORT=str(proxy.port))
    yield proxy
    proxy.restore()
    drop_broken_connections()
    conn_settings.update(original)
    drop_broken_connections()
    proxy.cut()
