"""PostgreSQL matches in a narrow table, ``search_searchmatch``: one row per document with what
counting, facetting and ordering by date read, and the full vector out of line. Triggers on
``search_searchdocument`` keep it in step and set the document's ``rank_vector`` in the same
write (the index used to write each row twice: the row, then its vectors). SQLite keeps its
FTS5 table (migration 0002); the new table stays empty there."""

import django.contrib.postgres.search
from django.db import migrations, models


def _words(row, column, left=None):
    value = f"COALESCE({row}.{column}, '')"
    return f"LEFT({value}, {left})" if left else value


def _vector(row, weight, words, variants, *, opening=None):
    half = opening and opening // 2
    text = f"{_words(row, words, opening)} || ' ' || {_words(row, variants, half)}"
    return f"setweight(to_tsvector('simple', {text}), '{weight}')"


def match_vector(row):
    """Every word, for matching: title (A), text (B), files (C). ``search.analysis`` has
    folded and stemmed them, so the configuration is ``simple``."""
    return " || ".join(
        _vector(row, weight, f"{part}_words", f"{part}_variants")
        for weight, part in (("A", "title"), ("B", "text"), ("C", "files"))
    )


# Ranking reads one vector per ranked match: the title and the opening of the text keep it small.
RANK_OPENING = 240


def rank_vector(row):
    return (
        _vector(row, "A", "title_words", "title_variants")
        + " || "
        + _vector(row, "B", "text_words", "text_variants", opening=RANK_OPENING)
    )


MATCH_COLUMNS = "id, kind, object_id, date, year, body_id, outcome"


def _values(row):
    return ", ".join(f"{row}.{c.strip()}" for c in MATCH_COLUMNS.split(","))


POSTGRES_FORWARD = [
    "DROP INDEX IF EXISTS searchdoc_vector_gin",
    # The vector must live out of line for the rows to stay narrow. PostgreSQL only starts
    # moving values out of a row above about 2 KB (TOAST_TUPLE_THRESHOLD, fixed when it is
    # built; toast_tuple_target only lowers the size aimed at once it has started), and most
    # vectors are smaller. A 2 KB column of spaces, which compresses to ~35 bytes, makes every
    # row start; the vector (EXTERNAL: never compressed in the row) then goes to TOAST and a
    # row is ~95 bytes. Not in the Django model: nothing reads it.
    "ALTER TABLE search_searchmatch SET (toast_tuple_target = 128)",
    "ALTER TABLE search_searchmatch ALTER COLUMN search_vector SET STORAGE EXTERNAL",
    "ALTER TABLE search_searchmatch ADD COLUMN toast_padding text DEFAULT repeat(' ', 2048)",
    # What is indexed already (before the triggers, so written once): its narrow rows, and
    # its ranking vector from the same words.
    f"""INSERT INTO search_searchmatch ({MATCH_COLUMNS}, search_vector)
        SELECT {_values("d")}, {match_vector("d")} FROM search_searchdocument AS d""",
    f"UPDATE search_searchdocument AS d SET rank_vector = {rank_vector('d')}",
    f"""CREATE OR REPLACE FUNCTION search_document_rank_vector() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            NEW.rank_vector := {rank_vector("NEW")};
            RETURN NEW;
        END $$""",
    """CREATE TRIGGER search_document_rank_vector BEFORE INSERT OR UPDATE
        ON search_searchdocument FOR EACH ROW EXECUTE FUNCTION search_document_rank_vector()""",
    f"""CREATE OR REPLACE FUNCTION search_document_match() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                DELETE FROM search_searchmatch WHERE id = OLD.id;
                RETURN OLD;
            END IF;
            INSERT INTO search_searchmatch ({MATCH_COLUMNS}, search_vector)
            VALUES ({_values("NEW")}, {match_vector("NEW")})
            ON CONFLICT (id) DO UPDATE SET
                kind = EXCLUDED.kind, object_id = EXCLUDED.object_id, date = EXCLUDED.date,
                year = EXCLUDED.year, body_id = EXCLUDED.body_id, outcome = EXCLUDED.outcome,
                search_vector = EXCLUDED.search_vector;
            RETURN NEW;
        END $$""",
    """CREATE TRIGGER search_document_match AFTER INSERT OR UPDATE OR DELETE
        ON search_searchdocument FOR EACH ROW EXECUTE FUNCTION search_document_match()""",
    (
        "CREATE INDEX IF NOT EXISTS searchmatch_vector_gin ON search_searchmatch "
        "USING gin (search_vector)"
    ),
]
POSTGRES_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_document_match ON search_searchdocument",
    "DROP FUNCTION IF EXISTS search_document_match()",
    "DROP TRIGGER IF EXISTS search_document_rank_vector ON search_searchdocument",
    "DROP FUNCTION IF EXISTS search_document_rank_vector()",
]
# After the column is back (backwards), its values and index.
POSTGRES_BACKWARD_VECTOR = [
    f"UPDATE search_searchdocument AS d SET search_vector = {match_vector('d')}",
    (
        "CREATE INDEX IF NOT EXISTS searchdoc_vector_gin ON search_searchdocument "
        "USING gin (search_vector)"
    ),
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext_indexes")]

    operations = [
        migrations.CreateModel(
            name="SearchMatch",
            fields=[
                ("id", models.BigIntegerField(primary_key=True, serialize=False)),
                ("kind", models.CharField(max_length=32)),
                ("object_id", models.CharField(max_length=64)),
                ("date", models.DateTimeField(blank=True, null=True)),
                ("year", models.PositiveSmallIntegerField(blank=True, null=True)),
                ("body_id", models.BigIntegerField(blank=True, null=True)),
                ("outcome", models.CharField(blank=True, max_length=32)),
                ("search_vector", django.contrib.postgres.search.SearchVectorField(null=True)),
            ],
        ),
        migrations.RunPython(_run(POSTGRES_FORWARD), _run(POSTGRES_BACKWARD)),
        migrations.RunPython(migrations.RunPython.noop, _run(POSTGRES_BACKWARD_VECTOR)),
        migrations.RemoveField(model_name="searchdocument", name="search_vector"),
    ]
