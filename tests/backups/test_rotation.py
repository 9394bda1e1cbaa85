"""Which archives the nightly rotation keeps: 7 days, 4 weeks, 12 months by default."""

import datetime

import pytest
from django.core.files.base import ContentFile

from cms.backups import rotation, storage


def nightly_names(days: int, end=datetime.datetime(2026, 12, 7, 2, 15, tzinfo=datetime.UTC)):
    return [storage.archive_name(end - datetime.timedelta(days=n)) for n in range(days)]


def test_a_year_and_a_half_of_nights_keeps_the_last_week_four_weeks_and_twelve_months():
    names = nightly_names(550)

    kept = sorted(rotation.to_keep(names, daily=7, weekly=4, monthly=12), reverse=True)

    dates = [storage.taken_at(n).date() for n in kept]
    assert dates[:7] == [datetime.date(2026, 12, 7) - datetime.timedelta(days=n) for n in range(7)]
    months = {(d.year, d.month) for d in dates}
    assert len(months) == 12 and min(months) == (2026, 1)
    assert len(kept) <= 7 + 4 + 12
    assert max(datetime.date(2026, 12, 7) - d for d in dates) < datetime.timedelta(days=366)


def test_a_second_backup_the_same_night_replaces_the_first():
    first, second = (
        storage.archive_name(datetime.datetime(2026, 12, 7, h, tzinfo=datetime.UTC)) for h in (1, 3)
    )

    assert rotation.to_keep([first, second], daily=7, weekly=4, monthly=12) == {second}


@pytest.mark.django_db
def test_prune_deletes_from_the_backup_storage_what_the_rotation_drops(settings):
    settings.BACKUP_KEEP_DAILY, settings.BACKUP_KEEP_WEEKLY, settings.BACKUP_KEEP_MONTHLY = 2, 0, 0
    backups = storage.backup_storage()
    for name in nightly_names(4):
        backups.save(name, ContentFile(b"arkiv"))
    backups.save("noter.txt", ContentFile(b"ikke et arkiv"))

    deleted = rotation.prune()

    assert len(deleted) == 2
    assert storage.list_archives() == nightly_names(2)
    assert backups.exists("noter.txt")
