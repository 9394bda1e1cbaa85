"""Reach per language: each channel's figures split by the language of the post.

A translation is a page of its own and its posts are its own (the Arabic
version's Facebook post is not the Danish one's), so a post's figures belong
to the language recorded on its publication (channels.models.Publication). The
same rules as the whole-channel figures apply within each language: counts of
people are shown per post, never added up.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.conf import settings
from django.utils.translation import get_language_info

from channels.models import Publication

from .channel_summary import ChannelFigure, channel_summary
from .exports import Table, channel_table
from .periods import Period
from .reports import StoryRow


@dataclass(frozen=True)
class LanguageFigures:
    code: str
    name: str
    """The language's name in Danish, e.g. "Arabisk"."""
    figures: list[ChannelFigure]


def language_name(code: str) -> str:
    try:
        return get_language_info(code)["name_translated"].capitalize()
    except KeyError:
        return code


def by_language(rows: list[StoryRow], period: Period, threshold: int) -> list[LanguageFigures]:
    """The channel summary once per language, Danish first, then by code."""
    recorded = {
        (page_id, channel): language
        for page_id, channel, language in Publication.objects.filter(
            page_id__in=[row.page_id for row in rows]
        ).values_list("page_id", "channel", "language")
    }
    groups: dict[str, list[StoryRow]] = {}
    for row in rows:
        split: dict[str, dict] = {}
        for channel, figures in row.channels.items():
            language = recorded.get((row.page_id, channel)) or settings.LANGUAGE_CODE
            split.setdefault(language, {})[channel] = figures
        for language, channels in split.items():
            groups.setdefault(language, []).append(replace(row, channels=channels))
    order = sorted(groups, key=lambda code: (code != settings.LANGUAGE_CODE, code))
    result = []
    for code in order:
        figures = channel_summary(groups[code], period, threshold)
        if figures:
            result.append(LanguageFigures(code, language_name(code), figures))
    return result


def language_table(languages: list[LanguageFigures]) -> Table:
    """The channel table (exports.channel_table) once per language, each row led by
    the language: a sum only where figures add up."""
    rows = [
        [language.name, language.code, *row]
        for language in languages
        for row in channel_table(language.figures).rows
    ]
    return Table("Kanaler pr. sprog", ["Sprog", "Sprogkode", *channel_table([]).headers], rows)
