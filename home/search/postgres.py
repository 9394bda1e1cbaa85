"""PostgreSQL: the index holds the word forms home/search/analysis.py makes, in
each object's own language, under the "simple" configuration (lower case, no
stemming of its own), so both databases find exactly the same pages.

PostgreSQL's own "danish" configuration with `unaccent` would stem only
Danish and could not make "oe" stand for ø; one analysis in Python serves
every language, with or without a Snowball stemmer.
"""

from django.db.models.sql.subqueries import InsertQuery
from modelsearch.backends.database.postgres import postgres

from home.search.analysis import analyse_text, fold_text
from home.search.languages import language_of
from home.search.query import AnalysedQueryMixin

SEARCH_CONFIG = "simple"


class AnalysedObjectIndexer(postgres.ObjectIndexer):
    def as_vector(self, texts, for_autocomplete=False):
        if for_autocomplete:
            texts = [(fold_text(text), weight) for text, weight in texts]
        else:
            language = language_of(self.obj)
            texts = [(analyse_text(text, language), weight) for text, weight in texts]
        return super().as_vector(texts, for_autocomplete=for_autocomplete)


class AnalysedPostgresIndex(postgres.PostgresIndex):
    def add_items(self, model, objs):
        # Wagtail's PostgresIndex.add_items, with the analysing indexer.
        if not model.get_search_fields():
            return
        indexers = [AnalysedObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        entry = postgres.IndexEntry
        content_type_pk = postgres.get_content_type_pk(model)
        compiler = InsertQuery(entry).get_compiler(connection=self.write_connection)
        rows, params = [], []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            vectors = []
            for name in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(entry._meta.get_field(name), getattr(indexer, name))
                sql, value_params = value.as_sql(compiler, self.write_connection)
                vectors.append(sql)
                params.extend(value_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {entry._meta.db_table} (content_type_id, object_id, title,
                    autocomplete, body, title_norm, title_text, body_text)
                (VALUES {", ".join(rows)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0,
                              autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,
                              title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
                """,
                params,
            )
        self._refresh_title_norms()


class AnalysedPostgresSearchBackend(AnalysedQueryMixin, postgres.PostgresSearchBackend):
    index_class = AnalysedPostgresIndex

    def __init__(self, params):
        super().__init__(params)
        self.config = SEARCH_CONFIG
