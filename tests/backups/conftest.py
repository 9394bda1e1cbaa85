import gzip
import shutil
import tarfile

import pytest
from django.conf import settings

from tests.backups.helpers import manage, portal_env, sqlite_counts
from tests.backups.upgrade import FIXTURE, MEDIA

ENGINE_FREE = pytest.mark.skipif(
    settings.USES_POSTGRES,
    reason="drives both engines in processes of its own, the same in either pass; "
    "the SQLite pass of .ci/run runs it.",
)


def unpack_release_media(folder):
    """The media folder the previous release's demo wrote."""
    with tarfile.open(MEDIA) as media:
        media.extractall(folder, filter="data")


@pytest.fixture(scope="session")
def release_database(tmp_path_factory):
    """A copy of the database the previous release made (tests/backups/upgrade/)."""
    folder = tmp_path_factory.mktemp("release")
    path = folder / "release.sqlite3"
    with gzip.open(FIXTURE) as source, open(path, "wb") as target:
        shutil.copyfileobj(source, target)
    return path


@pytest.fixture(scope="session")
def upgraded(release_database, tmp_path_factory):
    """The previous release's database migrated in place by this release's code:
    (path, environment, rows per table before, rows per table after)."""
    folder = tmp_path_factory.mktemp("upgraded")
    path = folder / "portal.sqlite3"
    shutil.copy(release_database, path)
    before = sqlite_counts(path)
    unpack_release_media(folder / "media")
    env = portal_env(f"sqlite:///{path}", folder)
    manage(env, "migrate", "--noinput")
    return path, env, before, sqlite_counts(path)
