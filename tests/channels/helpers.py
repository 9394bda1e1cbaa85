"""Publishing through Wagtail, with the on-commit enqueue actually run."""

from channels.models import PageChannel, Publication


def publish(page, capture):
    with capture(execute=True):
        page.save_revision().publish()
    page.refresh_from_db()
    return page


def unpublish(page, capture):
    with capture(execute=True):
        page.unpublish()


def publication(page, channel) -> Publication:
    return Publication.objects.get(page=page, channel=channel)


def choose(page, channel, **fields):
    """Set the editor's choice for a channel (as the Kanaler tab does)."""
    rows = [c for c in page.channel_settings.all() if c.channel != channel]
    rows.append(PageChannel(channel=channel, **fields))
    page.channel_settings = rows
    return page
