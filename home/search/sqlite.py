"""SQLite: FTS5 has no stemmer for our languages, so the index holds the forms
home/search/analysis.py makes, in each object's own language."""

from modelsearch.backends.database.sqlite import sqlite

from home.search.analysis import analyse_text, fold_text
from home.search.languages import language_of
from home.search.query import AnalysedQueryMixin


class AnalysedObjectIndexer(sqlite.ObjectIndexer):
    """Titles and bodies as word forms in the object's language; autocomplete as folded words."""

    @property
    def title(self):
        return analyse_text(super().title, language_of(self.obj))

    @property
    def body(self):
        return analyse_text(super().body, language_of(self.obj))

    @property
    def autocomplete(self):
        return fold_text(super().autocomplete)


class AnalysedSQLiteIndex(sqlite.SQLiteIndex):
    def add_items(self, model, objs):
        # Wagtail's SQLiteIndex.add_items, with the analysing indexer.
        if not model.get_search_fields():
            return
        data = {}
        for obj in objs:
            indexer = AnalysedObjectIndexer(obj, self.backend)
            data[indexer.id] = (indexer.title, indexer.autocomplete, indexer.body)
        if not data:
            return
        content_type_pk = sqlite.get_content_type_pk(model)
        entries = self.entries.filter(content_type_id=content_type_pk)
        indexed = set(entries.filter(object_id__in=data.keys()).values_list("object_id", flat=True))
        for object_id in indexed:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(
                title=title, autocomplete=autocomplete, body=body
            )
        self.entries.bulk_create(
            sqlite.IndexEntry(
                content_type_id=content_type_pk,
                object_id=object_id,
                title=title,
                autocomplete=autocomplete,
                body=body,
            )
            for object_id, (title, autocomplete, body) in data.items()
            if object_id not in indexed
        )
        self._refresh_title_norms()


class AnalysedSQLiteSearchBackend(AnalysedQueryMixin, sqlite.SQLiteSearchBackend):
    index_class = AnalysedSQLiteIndex
