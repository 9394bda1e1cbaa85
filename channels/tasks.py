"""Background tasks of the channel layer: thin wrappers round the services."""

from django_tasks import task

from . import publishing


@task()
def perform_publication(publication_id: int) -> str:
    """One attempt at one story on one channel (claimed, so safe to run twice)."""
    return publishing.perform(publication_id)


@task()
def retry_due_publications() -> int:
    """Every minute: scheduled posts, due retries and stuck claims."""
    return publishing.retry_due()


@task()
def check_channel_logins() -> int:
    """Daily: read token expiry from the platforms so the banner can warn in time."""
    from .logins import check_logins

    return len(check_logins())
