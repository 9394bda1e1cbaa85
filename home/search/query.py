"""Queries reduced to their words, each word looked up in all its forms.

Wagtail's database backend hands the typed text to the database's own query
language, where a lone double quote is a syntax error on SQLite and a NUL byte
one on PostgreSQL. Here every query is reduced to its words first, so quotes,
operators, brackets and control characters are plain separators everywhere.
Each word then becomes "any of its forms" (home/search/analysis.py): the index
holds no original words, only those forms.
"""

from __future__ import annotations

from modelsearch.backends.base import EmptySearchResults
from modelsearch.query import And, Boost, Not, Or, Phrase, PlainText

from home.search.analysis import WORD, fold, query_forms

# A search is a few words; more, or longer ones, find nothing a shorter query
# would not, and only make the database work.
MAX_QUERY_WORDS = 16
MAX_WORD_LENGTH = 60


def query_words(text: str) -> list[str]:
    """The words of a typed query, at most MAX_QUERY_WORDS of at most MAX_WORD_LENGTH."""
    return [word[:MAX_WORD_LENGTH] for word in WORD.findall(text)][:MAX_QUERY_WORDS]


def _any_form(word: str, boost: float):
    forms = [PlainText(form, boost=boost) for form in query_forms(word)]
    if len(forms) <= 1:
        return forms[0] if forms else None
    return Or(forms)


def _words_query(text: str, operator: str, boost: float = 1.0):
    parts = [_any_form(word, boost) for word in query_words(text)]
    parts = [part for part in parts if part is not None]
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    return Or(parts) if operator.lower() == "or" else And(parts)


def analyse_query(query, autocomplete: bool = False):
    """The query with every typed text replaced by the forms the index holds;
    None when no word is left anywhere, so the caller finds nothing instead of
    handing the database an empty or broken expression.

    Autocomplete matches the start of whole words, so its words are only
    folded. A phrase becomes all of its words, in any order: its words have
    several forms each, and the index keeps no positions of the originals.
    """
    if isinstance(query, str):
        query = PlainText(query)
    if isinstance(query, (PlainText, Phrase)):
        operator = getattr(query, "operator", "and")
        if autocomplete:
            words = " ".join(fold(word) for word in query_words(query.query_string))
            return PlainText(words, operator=operator) if words else None
        return _words_query(query.query_string, operator, getattr(query, "boost", 1.0))
    if isinstance(query, (And, Or)):
        parts = [analyse_query(sub, autocomplete) for sub in query.subqueries]
        parts = [part for part in parts if part is not None]
        return type(query)(parts) if parts else None
    if isinstance(query, Not):
        inner = analyse_query(query.subquery, autocomplete)
        return inner and Not(inner)
    if isinstance(query, Boost):
        inner = analyse_query(query.subquery, autocomplete)
        return inner and Boost(inner, query.boost)
    return query  # MatchAll and anything else without typed text


class AnalysedQueryMixin:
    """Reduce every query to the indexed forms of its words before the database sees it."""

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        if isinstance(query, str):
            operator = kwargs.get("operator") or query_compiler_class.DEFAULT_OPERATOR
            # Checked here, before anything is cleaned, so a wrong operator is the
            # caller's ValueError whatever the words are.
            query = PlainText(query, operator=operator)
        is_autocomplete = query_compiler_class is self.autocomplete_query_compiler_class
        query = analyse_query(query, autocomplete=is_autocomplete)
        if query is None:
            return EmptySearchResults()
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)
