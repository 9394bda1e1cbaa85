"""manage.py backup and restore on the suite's own database (SQLite or PostgreSQL).

Transactional tests: the backup reads the database from a connection of its
own (SQLite's online backup, PostgreSQL's snapshot), which sees only what is
committed.
"""

import datetime
import hashlib
import io
import json
import tarfile
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from wagtail.models import GroupApprovalTask, Workflow, WorkflowState, WorkflowTask

from channels.models import Publication, PublicationStatus
from channels.reach.models import ChannelMetric, PageDay, ReachPull, SiteDay
from cms.backups import storage
from cms.backups.archive import MANIFEST
from stories.models import StoryPage
from tests.factories import make_story

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "gammel-adgangskode-42"


@pytest.fixture
def portal():
    """A small portal with one of each thing a restore must give back."""
    user = get_user_model().objects.create_user("redaktoer", "r@example.dk", PASSWORD)
    story = make_story(title="Bænken ved Ishøj Strand")
    draft = make_story(title="Kladde til godkendelse", publish=False)
    workflow = Workflow.objects.create(name="Prøvegodkendelse")
    task = GroupApprovalTask.objects.create(name="Se den igennem")
    task.groups.add(Group.objects.create(name="Godkendere"))  # not the author's group
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    workflow.start(draft, user)
    publication = Publication.objects.create(
        page=story,
        channel="facebook",
        status=PublicationStatus.PUBLISHED,
        external_id="1000000001_42",
        external_url="https://www.facebook.com/1000000001/posts/42",
        published_at=timezone.now() - datetime.timedelta(days=3, microseconds=123457),
    )
    pull = ReachPull.objects.create(
        publication=publication, page=story, channel="facebook", pulled_at=timezone.now()
    )
    ChannelMetric.objects.create(pull=pull, metric="post_impressions_unique", value=734)
    day = timezone.localdate() - datetime.timedelta(days=1)
    SiteDay.objects.create(day=day, views=1200, visitors=830)
    PageDay.objects.create(page=story, day=day, views=310, visitors=250)
    return {"user": user, "story": story, "draft": draft, "publication": publication}


def backup() -> Path:
    out = StringIO()
    call_command("backup", stdout=out)
    return Path(out.getvalue().strip().splitlines()[-1])


def restore(*args) -> str:
    out = StringIO()
    call_command("restore", *args, stdout=out)
    return out.getvalue()


def members(archive: Path) -> dict[str, bytes]:
    with tarfile.open(archive) as tar:
        return {m.name: tar.extractfile(m).read() for m in tar if m.isfile()}


def test_the_manifest_names_release_migrations_rows_and_every_files_checksum(portal):
    archive = backup()
    files = members(archive)
    manifest = json.loads(files.pop(MANIFEST))
    assert list(files)[-1].startswith("media/")  # the manifest is the last member
    named = {tuple(m) for m in manifest["migrations"]}
    assert named <= set(MigrationRecorder.Migration.objects.values_list("app", "name"))
    assert {("backups", "0001_backup_runs"), ("stories", "0001_initial")} <= named
    assert manifest["engine"] == connection.vendor
    assert manifest["release"]
    assert manifest["tables"]["stories_storypage"]["rows"] == StoryPage.objects.count() == 2
    assert manifest["tables"]["reach_channelmetric"]["rows"] == 1
    assert "django_session" not in manifest["tables"]  # sessions are not carried over
    assert set(manifest["files"]) == set(files)
    for name, content in files.items():
        assert manifest["files"][name] == {
            "sha256": hashlib.sha256(content).hexdigest(),
            "size": len(content),
        }
    image = portal["story"].image.file.name
    assert files[f"media/{image}"] == portal["story"].image.file.open("rb").read()


def test_restore_gives_back_content_records_figures_workflow_and_passwords(portal, client):
    archive = backup()
    story, publication, user = portal["story"], portal["publication"], portal["user"]
    published_at = publication.published_at
    # What a bad day does: a story deleted, a post's record changed, figures lost,
    # the draft's approval cancelled, a password changed.
    Publication.objects.filter(pk=publication.pk).update(status=PublicationStatus.FAILED)
    StoryPage.objects.get(pk=story.pk).delete()
    SiteDay.objects.all().delete()
    WorkflowState.objects.update(status=WorkflowState.STATUS_CANCELLED)
    user.set_password("ny-adgangskode")
    user.save()

    output = restore(str(archive), "--replace")

    assert "alle kontrolleret mod arkivet" in output
    restored = StoryPage.objects.get(pk=story.pk)
    assert restored.title == "Bænken ved Ishøj Strand" and restored.live
    record = Publication.objects.get(pk=publication.pk)
    assert (record.status, record.external_id, record.published_at) == (
        PublicationStatus.PUBLISHED,
        "1000000001_42",
        published_at,  # to the microsecond
    )
    assert ChannelMetric.objects.get().value == 734
    assert SiteDay.objects.get().visitors == 830
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_IN_PROGRESS
    assert client.login(username="redaktoer", password=PASSWORD)
    assert "Bænken ved Ishøj Strand" in client.get(restored.url).content.decode()
    assert "Bænken ved Ishøj Strand" in client.get("/search/?query=bænken").content.decode()
    # New rows get new ids after the restored ones (PostgreSQL's sequences reset).
    assert SiteDay.objects.create(day=timezone.localdate(), views=1, visitors=1).pk > 1


def test_restore_refuses_a_database_that_holds_content(portal):
    archive = backup()
    make_story(title="Skrevet efter sikkerhedskopien")

    with pytest.raises(CommandError, match="Databasen indeholder allerede indhold"):
        restore(str(archive))

    assert StoryPage.objects.filter(title="Skrevet efter sikkerhedskopien").exists()


def _manifest_at(archive: Path) -> int:
    """Where the manifest's tar header starts (it is the last member)."""
    with tarfile.open(archive) as tar:
        return next(m.offset for m in tar if m.name == MANIFEST)


def _cut(archive: Path, size: int) -> Path:
    cut = archive.with_name("afkortet.tar")
    cut.write_bytes(archive.read_bytes()[:size])
    return cut


@pytest.mark.parametrize(
    "damage, message",
    [
        (lambda a: _cut(a, a.stat().st_size // 2), "afkortet"),
        (lambda a: _cut(a, _manifest_at(a)), "mangler sit manifest"),
        (lambda a: _cut(a, _manifest_at(a) + 600), "afkortet"),
        (lambda a: _cut(a, 700), "afkortet"),
    ],
    ids=["halfway", "before-the-manifest", "in-the-manifest", "in-the-first-file"],
)
def test_a_truncated_archive_is_refused_and_nothing_changes(portal, damage, message):
    archive = backup()
    make_story(title="Skrevet efter sikkerhedskopien")
    before = list(StoryPage.objects.order_by("pk").values_list("pk", "title"))

    with pytest.raises(CommandError, match=message) as refused:
        restore(str(damage(archive)), "--replace")

    assert "truncated" in str(refused.value) or "no manifest" in str(refused.value)
    assert list(StoryPage.objects.order_by("pk").values_list("pk", "title")) == before


def test_a_damaged_byte_is_refused_and_nothing_changes(portal):
    archive = backup()
    files = members(archive)
    name = next(n for n in files if n.startswith("data/stories.storypage"))
    data = bytearray(archive.read_bytes())
    at = data.index(files[name][:64]) + 100
    data[at] ^= 0xFF
    damaged = archive.with_name("beskadiget.tar")
    damaged.write_bytes(bytes(data))
    StoryPage.objects.filter(pk=portal["story"].pk).update(title="Rettet titel")

    with pytest.raises(CommandError, match=f"beskadiget.*{name}"):
        restore(str(damaged), "--replace")

    assert StoryPage.objects.get(pk=portal["story"].pk).title == "Rettet titel"


def test_an_archive_from_a_newer_release_is_refused(portal):
    archive = backup()
    files = members(archive)
    manifest = json.loads(files.pop(MANIFEST))
    manifest["migrations"].append(["stories", "9999_from_the_future"])
    body = json.dumps(manifest).encode()
    newer = archive.with_name("nyere.tar")
    with tarfile.open(newer, "w") as tar:
        for name, content in [*files.items(), (MANIFEST, body)]:
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))

    with pytest.raises(CommandError, match="nyere udgave"):
        restore(str(newer), "--replace")

    assert StoryPage.objects.count() == 2


def test_archives_in_object_storage_are_written_listed_and_restored_by_name(portal, settings):
    """BACKUP_S3_BUCKET puts archives in a storage that is not a folder; only
    Django's storage API is used, here with Django's in-memory storage."""
    settings.STORAGES = {
        **settings.STORAGES,
        "backups": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    out = StringIO()
    call_command("backup", stdout=out)
    (name,) = storage.list_archives()
    assert out.getvalue().strip().endswith(name)
    StoryPage.objects.filter(pk=portal["story"].pk).update(title="Rettet titel")

    restore(name, "--replace")

    assert StoryPage.objects.get(pk=portal["story"].pk).title == "Bænken ved Ishøj Strand"


def test_after_a_restore_no_cached_page_shows_what_the_archive_does_not_hold(portal, client):
    story = portal["story"]
    archive = backup()
    revision = StoryPage.objects.get(pk=story.pk).save_revision()
    revision.content["title"] = "Ny titel efter sikkerhedskopien"
    revision.save()
    revision.publish()
    assert "Ny titel efter sikkerhedskopien" in client.get(story.url).content.decode()  # cached

    restore(str(archive), "--replace")

    page = client.get(story.url).content.decode()
    assert "Bænken ved Ishøj Strand" in page and "Ny titel efter sikkerhedskopien" not in page
