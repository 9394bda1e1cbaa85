"""Small text helpers every app needs the same way."""

from django.utils.text import slugify

_DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def slugify_da(text: str) -> str:
    """Slugify with the Danish letters spelled out, so 'Hundegård' becomes
    'hundegaard' rather than Django's 'hundegard', which reads as another word."""
    return slugify(text.translate(_DANISH_LETTERS))
