"""The clock's night: a backup, a restore drill in a scratch database, and the
secretariat told once when either fails (dashboard, /healthz, one mail)."""

import json
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command

from cms.backups import storage
from cms.backups.models import BackupKind, BackupRun
from cms.backups.nightly import record_backup, record_drill
from tests.backups.helpers import drill_prefix
from tests.community.helpers import co_editor, rebuild_roles, secretariat
from tests.factories import make_story

pytestmark = pytest.mark.django_db(transaction=True)
WARNING = "Sikkerhedskopierne skal ses efter"


@pytest.fixture(autouse=True)
def operations(settings):
    settings.OPERATIONS_ALERT_EMAIL = "drift@ishoj.dk"
    # A drill on PostgreSQL makes its scratch database beside the suite's own.
    settings.BACKUP_DRILL_DATABASE_PREFIX = drill_prefix()


@pytest.fixture
def admin_client(client):
    """The secretariat, whom the alert mail goes to."""
    rebuild_roles()
    client.force_login(secretariat())
    return client


def healthz(client) -> tuple[int, dict]:
    response = client.get("/healthz")
    return response.status_code, json.loads(response.content)["backups"]


def test_a_night_backs_up_and_restores_the_backup_in_a_scratch_database(client, admin_client):
    make_story(title="Historien der skal kunne gendannes")

    call_command("backup_nightly")

    backup = BackupRun.objects.get(kind=BackupKind.BACKUP)
    drill = BackupRun.objects.get(kind=BackupKind.DRILL)
    assert backup.ok and drill.ok, (backup.message, drill.message)
    assert drill.archive == backup.archive
    assert drill.rows == backup.rows > 100  # every row read back and compared
    assert "svarer til arkivet (antal og kontrolsummer)" in drill.message
    status, body = healthz(client)
    assert status == 200 and body["ok"] is True
    assert 0 <= body["last_good_backup_age_seconds"] < 3600
    assert 0 <= body["last_good_drill_age_seconds"] < 3600
    assert WARNING not in admin_client.get("/admin/").content.decode()
    assert mail.outbox == []


def test_a_drill_of_a_damaged_archive_fails_and_tells_the_secretariat_once(client, admin_client):
    make_story()
    name = record_backup().archive
    path = Path(storage.backup_storage().path(name))
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])

    first, second = record_drill(), record_drill()

    assert not first.ok and not second.ok
    assert "afkortet" in first.message
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["drift@ishoj.dk"]
    assert "gendannelsesøvelsen" in mail.outbox[0].subject
    assert "afkortet" in mail.outbox[0].body
    status, body = healthz(client)
    assert status == 200  # a machine that serves residents stays in the load balancer
    assert body["ok"] is False and body["last_drill_failed"] is True
    dashboard = admin_client.get("/admin/").content.decode()
    assert WARNING in dashboard and "afkortet" in dashboard


def test_a_failing_streak_mails_once_and_a_success_ends_it(settings, tmp_path):
    make_story()
    working = settings.STORAGES["backups"]
    blocked = tmp_path / "ikke-en-mappe"
    blocked.write_text("")
    settings.STORAGES = {
        **settings.STORAGES,
        "backups": {**working, "OPTIONS": {"location": str(blocked)}},
    }

    assert not record_backup().ok and not record_backup().ok
    assert len(mail.outbox) == 1 and "sikkerhedskopien" in mail.outbox[0].subject

    settings.STORAGES = {**settings.STORAGES, "backups": working}
    assert record_backup().ok
    settings.STORAGES = {
        **settings.STORAGES,
        "backups": {**working, "OPTIONS": {"location": str(blocked)}},
    }
    assert not record_backup().ok
    assert len(mail.outbox) == 2


def test_a_backup_older_than_the_limit_shows_on_the_dashboard(settings, client, admin_client):
    make_story()
    assert record_backup().ok
    settings.BACKUP_MAX_AGE_HOURS = 0

    dashboard = admin_client.get("/admin/").content.decode()

    assert "Sikkerhedskopien lykkedes sidst" in dashboard
    assert healthz(client)[1]["ok"] is False


def test_co_editors_who_cannot_act_on_it_are_not_shown_the_warning(client):
    rebuild_roles()
    make_story()
    name = record_backup().archive
    Path(storage.backup_storage().path(name)).write_bytes(b"")
    assert not record_drill().ok
    client.force_login(co_editor())

    dashboard = client.get("/admin/")

    assert dashboard.status_code == 200
    assert WARNING not in dashboard.content.decode()
