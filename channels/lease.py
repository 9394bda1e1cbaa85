"""The claim's lease: how long a post may stay "publishing" without a sign of life.

A worker that claims a post (`performing.claim`) holds it for
CHANNELS_CLAIM_LEASE_SECONDS and renews the lease from a thread of its own
while the attempt runs, so a slow platform (a video upload, a hung answer)
never costs it the post. A worker killed outright (SIGKILL, the machine gone)
stops renewing, and the clock's sweep (`reconciling.retry_due`) gives the post
back as unconfirmed once the lease ran out: looked up on the platform before
anything is sent again, within one lease instead of the old 300 seconds.
The lease is `claimed_at`, moved forward by each beat.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from datetime import datetime, timedelta
from types import TracebackType

from django.conf import settings
from django.db import DatabaseError, connection

from .governor import governor
from .models import Publication
from .models import PublicationStatus as S

logger = logging.getLogger("voresishoj.channels")


MIN_BEAT_SECONDS = 1.0
"""However short a lease is set, the database is not written more often than this."""


def lease_seconds() -> float:
    return float(settings.CHANNELS_CLAIM_LEASE_SECONDS)


def expired_before(now: datetime) -> datetime:
    """A claim last renewed before this moment belongs to a worker that is gone."""
    return now - timedelta(seconds=lease_seconds())


class ClaimHeartbeat:
    """Renews one claim's lease every third of a lease until the attempt ends.

    It writes only while the claim is still this worker's (token and status),
    so a late beat can never revive a post another worker took over. A beat
    that fails (the database away) is skipped; the next one tries again.
    """

    def __init__(self, publication_id: int, token: str) -> None:
        self.publication_id = publication_id
        self.token = token
        self.interval = max(lease_seconds() / 3, MIN_BEAT_SECONDS)
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._beat, name=f"claim-lease-{publication_id}", daemon=True
        )

    def __enter__(self) -> ClaimHeartbeat:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._thread.join(timeout=self.interval)

    def _beat(self) -> None:
        used_database = False
        try:
            # Most attempts end before the first beat and never open a connection here.
            while not self._stop.wait(self.interval):
                used_database = True
                try:
                    Publication.objects.filter(
                        pk=self.publication_id, claim_token=self.token, status=S.PUBLISHING
                    ).update(claimed_at=governor.now())
                except DatabaseError as error:
                    logger.warning(
                        "channels: lease of publication %s not renewed (%s)",
                        self.publication_id,
                        type(error).__name__,
                    )
                    with contextlib.suppress(DatabaseError):
                        connection.close()
        finally:
            if used_database:
                with contextlib.suppress(DatabaseError):
                    connection.close()
