"""SQLite: the Danish Snowball stemmer at index and query time (FTS5 has none)."""

from modelsearch.backends.database.sqlite import sqlite

from home.search.query import CleanQueryMixin, danish_stem, stem_text


class DanishObjectIndexer(sqlite.ObjectIndexer):
    """Index titles and bodies as Danish stems (the autocomplete column keeps whole words)."""

    @property
    def title(self):
        return stem_text(super().title)

    @property
    def body(self):
        return stem_text(super().body)


class DanishSQLiteIndex(sqlite.SQLiteIndex):
    def add_items(self, model, objs):
        # Wagtail's SQLiteIndex.add_items, with the stemming indexer.
        if not model.get_search_fields():
            return
        data = {}
        for obj in objs:
            indexer = DanishObjectIndexer(obj, self.backend)
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


class DanishSQLiteSearchBackend(CleanQueryMixin, sqlite.SQLiteSearchBackend):
    index_class = DanishSQLiteIndex

    def stem_query_word(self, word):
        return danish_stem(word)
