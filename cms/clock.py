"""The periodic jobs the `clock` process runs.

One list, so an operator sees at a glance what runs when. Each job is a
management command; the clock only schedules, the commands do the work.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class PeriodicJob:
    command: str
    """Management command to run."""
    minutes: int
    """Interval between runs."""
    args: tuple[str, ...] = ()
    seconds: int = 0
    """Added to the interval, for the jobs that must come round within a minute."""

    @property
    def interval_seconds(self) -> int:
        return self.minutes * 60 + self.seconds


JOBS: tuple[PeriodicJob, ...] = (
    # Wagtail's scheduled publishing ("Go live" / "Expiry" dates in the editor).
    PeriodicJob("publish_scheduled", minutes=1),
    # Reach: count the site's page view beacons (reports only read what this
    # counted), and pull each channel's figures.
    PeriodicJob("aggregate_reach", minutes=5),
    PeriodicJob("pull_reach", minutes=60),
    # The channel layer: scheduled channel posts, retries and unconfirmed posts, and
    # posts whose worker died mid-send (their claim's lease ran out, channels/lease.py):
    # every 15 s, so such a post waits no longer than the first retry would (30 s).
    PeriodicJob("channels_retry_due", minutes=0, seconds=15),
    # The fediverse fan-out: retries after their back-off, and deliveries whose worker died.
    PeriodicJob("fediverse_deliver_due", minutes=0, seconds=30),
    # Read each channel login's expiry, so the admin warns before it runs out.
    PeriodicJob("channels_check_logins", minutes=24 * 60),
    # A resident whose submission has been looked at for half an hour without an
    # answer is told it is under way (home.participation.IN_REVIEW_MAIL_AFTER).
    PeriodicJob("mail_residents_in_review", minutes=5),
    # Residents' personal data past its PERSONAL_DATA_RETENTION period is erased daily.
    PeriodicJob("purge_personal_data", minutes=24 * 60),
)


@dataclass(frozen=True)
class NightlyJob:
    """A job run once a night at a fixed local time, when the portal is quiet."""

    command: str
    """Management command to run."""
    time_setting: str
    """The setting holding the local time, "HH:MM"."""
    args: tuple[str, ...] = ()


NIGHTLY_JOBS: tuple[NightlyJob, ...] = (
    # Back up the database and media, thin out old archives, and restore the new
    # archive into a scratch database as a drill (cms/backups, docs/deploy.md).
    NightlyJob("backup_nightly", "BACKUP_TIME"),
)
