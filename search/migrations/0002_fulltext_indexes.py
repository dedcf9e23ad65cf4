"""The full-text index each database has: a GIN index on PostgreSQL, an FTS5 table kept in step
by triggers on SQLite. Each part runs only on its own database."""

from django.db import migrations

FTS_COLUMNS = (
    "title_words",
    "title_variants",
    "text_words",
    "text_variants",
    "files_words",
    "files_variants",
)
_cols = ", ".join(FTS_COLUMNS)
_new = ", ".join(f"new.{c}" for c in FTS_COLUMNS)
_old = ", ".join(f"old.{c}" for c in FTS_COLUMNS)

SQLITE_FORWARD = [
    # External content: the words live once, in search_searchdocument. remove_diacritics 0,
    # because search.analysis has already folded the words and keeps the originals on purpose.
    f"""CREATE VIRTUAL TABLE search_fts USING fts5({_cols},
        content='search_searchdocument', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0')""",
    f"""CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, {_cols}) VALUES (new.id, {_new}); END""",
    f"""CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, {_cols}) VALUES ('delete', old.id, {_old});
        END""",
    f"""CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, {_cols}) VALUES ('delete', old.id, {_old});
        INSERT INTO search_fts(rowid, {_cols}) VALUES (new.id, {_new}); END""",
]
SQLITE_FORWARD.append(
    "CREATE INDEX searchdoc_recent ON search_searchdocument (date DESC, id DESC)"
)
SQLITE_BACKWARD = [
    "DROP INDEX IF EXISTS searchdoc_recent",
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRES_FORWARD = [
    "CREATE INDEX IF NOT EXISTS searchdoc_vector_gin ON search_searchdocument "
    "USING gin (search_vector)",
    # Long text columns leave the row (TOAST) so that counting and facetting thousands of
    # matches reads small rows; rank_vector (title and opening words) stays in the row.
    "ALTER TABLE search_searchdocument SET (toast_tuple_target = 128)",
    "ALTER TABLE search_searchdocument ALTER COLUMN rank_vector SET STORAGE MAIN",
    # Browsing shows the newest first (NULLS LAST, which a plain DESC index cannot serve).
    "CREATE INDEX IF NOT EXISTS searchdoc_recent ON search_searchdocument "
    "(date DESC NULLS LAST, id DESC)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS searchdoc_recent",
    "ALTER TABLE search_searchdocument RESET (toast_tuple_target)",
    "DROP INDEX IF EXISTS searchdoc_vector_gin",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
