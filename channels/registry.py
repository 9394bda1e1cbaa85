"""The channels that run: the `CHANNELS` setting, loaded into backends.

Shaped like Django's `CACHES` and django-tasks' `TASKS`: an alias maps to a
backend path and its options,

    CHANNELS = {
        "facebook": {
            "BACKEND": "channels.platforms.facebook.FacebookBackend",
            "OPTIONS": {"API_URL": "...", "PAGE_ID": "...", "TOKEN": "..."},
        },
        "facebook_kommune": {
            "BACKEND": "channels.platforms.facebook.FacebookBackend",
            "LABEL": "Ishøj Kommunes Facebook-side",
            "OPTIONS": {...},
        },
    }

and this handler is the one list of channels: the choices of PageChannel and
Publication, the labels in reports, the UTM tags on links and the reach
attribution of visits all come from it. Removing an entry switches the channel
off (nothing is planned or pulled for it; its old records stay and show the
alias); `cms/settings/channels.py` reads the documented environment variables
into the setting.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.module_loading import import_string

from .platforms.base import ChannelBackend, Metric

OVERRIDES = {
    "LABEL": "label",
    "CHOICE_LABEL": "choice_label",
    "UTM_SOURCE": "utm_source",
    "UTM_CONTENT": "utm_content",
    "REACH_SOURCE": "reach_source",
}
"""Top-level keys of an entry besides BACKEND and OPTIONS, and the attribute each sets."""


class ChannelHandler:
    """Builds each alias's backend once per configuration (rebuilt when the setting
    changes, as in tests); an entry that cannot be loaded is left out and reported
    by the system check `channels.E010`."""

    def __init__(self) -> None:
        self._backends: dict[str, ChannelBackend] | None = None
        self._errors: dict[str, str] = {}

    def _load(self) -> dict[str, ChannelBackend]:
        if self._backends is None:
            backends: dict[str, ChannelBackend] = {}
            errors: dict[str, str] = {}
            for alias, entry in getattr(settings, "CHANNELS", {}).items():
                try:
                    backends[alias] = self.create(alias, entry)
                except (ImportError, TypeError, ValueError) as error:
                    errors[alias] = f"{type(error).__name__}: {error}"
            self._backends, self._errors = backends, errors
        return self._backends

    @staticmethod
    def create(alias: str, entry: dict[str, Any]) -> ChannelBackend:
        backend_class = import_string(entry["BACKEND"])
        if not (isinstance(backend_class, type) and issubclass(backend_class, ChannelBackend)):
            raise TypeError(f"{entry['BACKEND']} is not a ChannelBackend")
        unknown = set(entry) - {"BACKEND", "OPTIONS", *OVERRIDES}
        if unknown:
            raise ValueError(f"unknown keys {', '.join(sorted(unknown))}")
        overrides = {attr: str(entry[key]) for key, attr in OVERRIDES.items() if entry.get(key)}
        return backend_class(alias, entry.get("OPTIONS") or {}, **overrides)

    @property
    def load_errors(self) -> dict[str, str]:
        """Per alias that could not be loaded, why."""
        self._load()
        return dict(self._errors)

    def reset(self) -> None:
        self._backends = None
        self._errors = {}

    def __getitem__(self, alias: str) -> ChannelBackend:
        return self._load()[alias]

    def __contains__(self, alias: object) -> bool:
        return alias in self._load()

    def __iter__(self) -> Iterator[str]:
        return iter(self._load())

    def get(self, alias: str) -> ChannelBackend | None:
        return self._load().get(alias)

    def all(self) -> list[ChannelBackend]:
        return list(self._load().values())

    def items(self) -> list[tuple[str, ChannelBackend]]:
        return list(self._load().items())


channels = ChannelHandler()


@receiver(setting_changed)
def _reload(setting: str, **kwargs: Any) -> None:
    if setting in ("CHANNELS", "GRAPH_API_VERSION"):
        channels.reset()


def get_channel(alias: str) -> ChannelBackend:
    return channels[alias]


def all_channels() -> list[ChannelBackend]:
    return channels.all()


def channel_choices() -> list[tuple[str, str]]:
    """(alias, label) for every channel: the choices of PageChannel and Publication."""
    return [(c.alias, c.choice_label or c.label) for c in channels.all()]


def channel_label(alias: str) -> str:
    """The channel's name; a channel removed from the setting keeps its alias as name."""
    channel = channels.get(alias)
    return channel.label if channel else alias


def metric_for(alias: str, name: str) -> Metric | None:
    """The registry entry for a metric a channel reported; None for one we never asked for."""
    channel = channels.get(alias)
    if channel is None:
        return None
    return next((m for m in channel.metrics if m.name == name), None)
