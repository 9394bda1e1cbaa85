"""Queries reduced to their words, and Danish stems (see home/search/__init__.py)."""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer
from modelsearch.backends.base import EmptySearchResults
from modelsearch.query import And, Boost, Not, Or, Phrase, PlainText

# Letters and digits; everything else (quotes, *, :, ^, brackets, "_") separates words.
WORD = re.compile(r"[^\W_]+")
# A search is a few words; more, or longer ones, find nothing a shorter query
# would not, and only make the database work.
MAX_QUERY_WORDS = 16
MAX_WORD_LENGTH = 60


def query_words(text: str) -> list[str]:
    """The words of a typed query, at most MAX_QUERY_WORDS of at most MAX_WORD_LENGTH."""
    return [word[:MAX_WORD_LENGTH] for word in WORD.findall(text)][:MAX_QUERY_WORDS]


_stemmer = snowballstemmer.stemmer("danish")


@lru_cache(maxsize=50_000)
def danish_stem(word: str) -> str:
    return _stemmer.stemWord(word.lower())


def stem_text(text: str) -> str:
    """Every word of an indexed text replaced by its Danish stem."""
    return " ".join(danish_stem(word) for word in WORD.findall(text))


def clean_query(query, transform=None):
    """The query with each text part reduced to its words (and transformed, e.g.
    stemmed); None when no word is left anywhere, so the caller finds nothing
    instead of handing the database an empty or broken expression."""
    if isinstance(query, str):
        words = query_words(query)
        if transform:
            words = [transform(word) for word in words]
        return " ".join(words) or None
    if isinstance(query, PlainText):
        text = clean_query(query.query_string, transform)
        return text and PlainText(text, operator=query.operator, boost=query.boost)
    if isinstance(query, Phrase):
        text = clean_query(query.query_string, transform)
        return text and Phrase(text)
    if isinstance(query, (And, Or)):
        parts = [clean_query(sub, transform) for sub in query.subqueries]
        parts = [part for part in parts if part is not None]
        return type(query)(parts) if parts else None
    if isinstance(query, Not):
        inner = clean_query(query.subquery, transform)
        return inner and Not(inner)
    if isinstance(query, Boost):
        inner = clean_query(query.subquery, transform)
        return inner and Boost(inner, query.boost)
    return query  # MatchAll and anything else without typed text


class CleanQueryMixin:
    """Reduce every query to words before the database sees it."""

    def stem_query_word(self, word: str) -> str:
        return word

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        if isinstance(query, str):
            operator = kwargs.get("operator") or query_compiler_class.DEFAULT_OPERATOR
            # Checked here, before anything is cleaned, so a wrong operator is the
            # caller's ValueError whatever the words are.
            query = PlainText(query, operator=operator)
        is_autocomplete = query_compiler_class is self.autocomplete_query_compiler_class
        query = clean_query(query, None if is_autocomplete else self.stem_query_word)
        if query is None:
            return EmptySearchResults()
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)
