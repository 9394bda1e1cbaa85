"""Publishing through Wagtail, with the on-commit enqueue actually run; the
channels' configuration as a deployment would write it."""

import copy

from channels.models import PageChannel, Publication


def set_options(settings, alias, **options):
    """Change some OPTIONS of one CHANNELS entry (the others stay as they are)."""
    configured = copy.deepcopy(settings.CHANNELS)
    configured[alias].setdefault("OPTIONS", {}).update(options)
    settings.CHANNELS = configured


def add_channel(settings, alias, entry):
    """A CHANNELS entry more, as a deployment adds a second account."""
    settings.CHANNELS = {**copy.deepcopy(settings.CHANNELS), alias: entry}


def remove_channel(settings, alias):
    settings.CHANNELS = {k: v for k, v in copy.deepcopy(settings.CHANNELS).items() if k != alias}


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
