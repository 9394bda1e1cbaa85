"""Small text helpers every app needs the same way."""

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

_DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def slugify_da(text: str) -> str:
    """Slugify with the Danish letters spelled out, so 'Hundegård' becomes
    'hundegaard' rather than Django's 'hundegard', which reads as another word."""
    return slugify(text.translate(_DANISH_LETTERS))
