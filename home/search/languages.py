"""Which language each indexed object is written in: its locale's, else the site's."""

from __future__ import annotations

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale

_codes: dict[int, str] = {}


def language_of(obj) -> str:
    """The language code of a translatable object (a page, a snippet), else the
    site's default. Locales are few and almost never change: their codes are
    remembered per process and forgotten when one is saved or deleted."""
    locale_id = getattr(obj, "locale_id", None)
    if locale_id is None:
        return settings.LANGUAGE_CODE
    if locale_id not in _codes:
        _codes.update(Locale.objects.values_list("pk", "language_code"))
    return _codes.get(locale_id, settings.LANGUAGE_CODE)


def _forget(**kwargs) -> None:
    _codes.clear()


post_save.connect(_forget, sender=Locale, dispatch_uid="home.search.languages")
post_delete.connect(_forget, sender=Locale, dispatch_uid="home.search.languages.delete")
