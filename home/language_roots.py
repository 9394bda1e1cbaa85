"""Each language's page tree starts as a copy of the Danish front page and its
sections ("Historier", "Det sker", ...), so a translator can translate a story
at once: Wagtail only translates a page whose parent exists in the language.

The copies are drafts: until a translator has written the front page's texts
and the secretariat has published it, `/ar/` shows the Danish front page in
the Arabic chrome (home.routing). Run after each migrate (a language added to
the settings gets its locale and tree) and by the demo; a site without
sections yet (a fresh database, the tests') is left alone.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.models import GroupPagePermission, Locale, Page, Site

from home.languages import default_language
from home.roles import OVERSAETTER, TRANSLATOR_PAGE_PERMISSIONS


def ensure_locales() -> None:

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def ensure_translated_roots(user=None) -> list:
    """Copy the Danish site root and its sections into every other locale where
    missing; the pages made."""

    made = []
    for site in Site.objects.select_related("root_page"):
        root = site.root_page
        if root.locale.language_code != default_language():
            continue
        sections = list(root.get_children().order_by("path"))
        if not sections:
            continue
        for locale in Locale.objects.exclude(language_code=default_language()):
            for page in [root, *sections]:
                if page.get_translations().filter(locale=locale).exists():
                    continue
                action = CopyPageForTranslationAction(page=page, locale=locale, user=user)
                made.append(action.execute(skip_permission_checks=True))
    return made


def grant_translator_pages() -> None:
    """The Oversætter role may add and edit pages in every translated tree."""

    group = Group.objects.filter(name=OVERSAETTER).first()
    if group is None:
        return
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=TRANSLATOR_PAGE_PERMISSIONS
    )
    for site in Site.objects.select_related("root_page"):
        roots = Page.objects.filter(translation_key=site.root_page.translation_key).exclude(
            locale__language_code=default_language()
        )
        for root in roots:
            for permission in permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root, permission=permission
                )


def after_migrate(sender=None, **kwargs) -> None:

    if not Locale.objects.exists():
        return  # a flushed database (tests) or a partial migrate
    ensure_locales()
    ensure_translated_roots()
    grant_translator_pages()
