"""Words as the index keeps them: stemmed in the page's own language, folded
so that the keyboard a resident happens to have does not matter.

Folding: lower case, accents dropped (é → e, ü → u, Arabic vowel marks too),
æ → ae, ø → o, å → a, and the Danish stand-ins "oe" → o and "aa" → a, so
"ishoj", "ishoej" and "Ishøj" are one word, and "aeldre" is "ældre".

Stemming: the Snowball stemmer of the page's language where Snowball has one
(Danish, Arabic, Turkish, English, and whatever language is added later, found
by its English name), plain folded words elsewhere (Urdu). Each word is kept in
the one or two forms two orders give: stem then fold keeps the language's own
rules ("kitapları" stems as Turkish), fold then stem gives what a query typed
without the special letters stems to ("cafe" and "Café" both become "caf").

A query does not know its language, so each query word is looked up in every
form any of the site's languages gives it: a Danish reader finds an Arabic page
by its Arabic word, and the other way round.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer
from django.conf import settings
from django.conf.locale import LANG_INFO

# Letters and digits of any script with the marks written on them (Arabic vowel
# signs, Devanagari's vowel signs); everything else (quotes, *, :, ^, brackets,
# "_", emoji) separates words. Python's \w alone leaves the marks out and would
# cut "مَكتَبة" into three words.
_MARKS = "".join(
    chr(code) for code in range(0x300, 0x10000) if unicodedata.category(chr(code)).startswith("M")
)
WORD = re.compile(rf"(?:[^\W_]|[{re.escape(_MARKS)}])+")

# Letters that have no accent to drop but a plain spelling on every keyboard.
_PLAIN = str.maketrans(
    {
        "æ": "ae",
        "ø": "o",
        "å": "a",
        "œ": "oe",
        "ß": "ss",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ı": "i",
        # Arabic letters as Urdu writes them, so either keyboard finds the word.
        "ي": "ی",
        "ى": "ی",
        "ك": "ک",
        "ـ": "",  # tatweel, a stretch of the line and no letter
    }
)
_DANISH_DIGRAPHS = re.compile(r"aa|oe")
_DIGRAPH_LETTER = {"aa": "a", "oe": "o"}


@lru_cache(maxsize=100_000)
def fold(word: str) -> str:
    """The word as any keyboard can type it (see the module's docstring)."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _DANISH_DIGRAPHS.sub(lambda m: _DIGRAPH_LETTER[m[0]], bare.translate(_PLAIN))


@lru_cache(maxsize=64)
def _stemmer(language: str):
    """Snowball's stemmer for a language code ("da", "ar", "en-gb"), or None."""
    for code in (language.lower(), language.lower().split("-")[0]):
        name = LANG_INFO.get(code, {}).get("name", "").lower()
        if name in snowballstemmer.algorithms():
            return snowballstemmer.stemmer(name)
    return None


def has_stemmer(language: str) -> bool:
    return _stemmer(language) is not None


def _lower(word: str, language: str) -> str:
    if language.startswith(("tr", "az")):
        # Turkish has a dotted and a dotless i in both cases.
        word = word.replace("I", "ı").replace("İ", "i")
    return word.lower()


@lru_cache(maxsize=200_000)
def word_forms(word: str, language: str) -> tuple[str, ...]:
    """The forms under which a word of `language` is indexed and looked up."""
    stemmer = _stemmer(language)
    if stemmer is None:
        return (fold(word),)
    stem_then_fold = fold(stemmer.stemWord(_lower(word, language)))
    fold_then_stem = fold(stemmer.stemWord(fold(word)))
    if stem_then_fold == fold_then_stem:
        return (stem_then_fold,)
    return (stem_then_fold, fold_then_stem)


def analyse_text(text: str, language: str) -> str:
    """An indexed text as the words the index keeps, each in all its forms."""
    return " ".join(form for word in WORD.findall(text) for form in word_forms(word, language))


def fold_text(text: str) -> str:
    """Folded whole words (for autocomplete, which matches the start of words)."""
    return " ".join(fold(word) for word in WORD.findall(text))


def search_languages() -> list[str]:
    """The languages a query word is looked up in: the site's content languages."""
    configured = getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", None) or settings.LANGUAGES
    codes = [settings.LANGUAGE_CODE, *(code for code, _name in configured)]
    return list(dict.fromkeys(code.lower() for code in codes))


def query_forms(word: str) -> list[str]:
    """Every form the word takes in any of the site's languages, each once."""
    forms = (form for language in search_languages() for form in word_forms(word, language))
    return [form for form in dict.fromkeys(forms) if form]
