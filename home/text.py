"""Small text helpers every app needs the same way."""

import re

from django.utils.text import slugify

# Spelled out here rather than taken from the locale: the output must not
# depend on which locales a server has installed.
WEEKDAYS_DA = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
MONTHS_DA = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)

_WHOLE_NUMBER = re.compile(r"[0-9]+")
LARGEST_WHOLE_NUMBER = 999_999_999


def whole_number(raw: str) -> int | None:
    """A query parameter's plain ASCII whole number, or None.

    Not `str.isdigit()`: it accepts "²", "①" and "⁵", which int() refuses. Any
    longer run of digits (int() refuses past 4,300) counts as the largest
    number, more than any page, size or count here needs: the caller clamps it
    as it clamps any large value. Past 100 digits it is no number at all.
    """
    raw = raw.strip()
    if len(raw) > 100 or not _WHOLE_NUMBER.fullmatch(raw):
        return None  # not a number a person or a program means
    return int(raw) if len(raw) <= 9 else LARGEST_WHOLE_NUMBER


_DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def slugify_da(text: str) -> str:
    """Slugify with the Danish letters spelled out, so 'Hundegård' becomes
    'hundegaard' rather than Django's 'hundegard', which reads as another word."""
    return slugify(text.translate(_DANISH_LETTERS))


# A tag-like sequence: "<b>", "</p>", "<!-- x -->", "<script src=x>". "3 < 5" is not one.
_TAG = re.compile(r"<\s*[/!?]?\s*[a-zA-Z!?-][^<>]*>")
_TAG_START = re.compile(r"<(?=\s*[/!?]?\s*[a-zA-Z!?])")


def plain_text(value):
    """Stored text as plain text for the feeds, ICS, GeoJSON and the API.

    Public forms refuse markup, but older entries and pasted text may hold
    some; a site that puts our text into its HTML must never receive a tag
    from us. Tags are removed (repeatedly, so "<<b>script>" cannot reassemble
    one); a "<" that still starts something tag-like becomes "‹". Non-strings
    pass through unchanged.
    """
    if not isinstance(value, str) or "<" not in value:
        return value
    for _ in range(5):
        stripped = _TAG.sub("", value)
        if stripped == value:
            break
        value = stripped
    return _TAG_START.sub("‹", value)
