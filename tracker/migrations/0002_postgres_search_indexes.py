"""PostgreSQL-only indexes: full-text (GIN) for case search, trigram for name search,
and "newest first, undated last" sorts (SQLite cannot index NULLS LAST).

SQLite has neither; there the search falls back to plain LIKE and these steps do nothing.
"""

from django.db import migrations


# concerns_matching(): one GIN lookup over the case's words, names and evidence articles.
SEARCH_INDEX = "CREATE INDEX tracker_concern_search ON tracker_concern USING gin (search_vector)"


# Entity lists and admin search use name__icontains, i.e. UPPER(name) LIKE '%X%': trigram indexes.
TRIGRAM_TABLES = ["company", "companyalias", "agency", "agencyalias", "facility"]

# The lists sort newest first with undated rows last: ORDER BY x DESC NULLS LAST, id DESC.
NULLS_LAST = {
    "tracker_concern_last_rep_nl": "tracker_concern (last_reported DESC NULLS LAST, id DESC)",
    "tracker_concern_first_rep_nl": "tracker_concern (first_reported DESC NULLS LAST, id DESC)",
    "tracker_article_newest_nl": "tracker_article (published DESC NULLS LAST, id DESC)",
}


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(SEARCH_INDEX)
    for table in TRIGRAM_TABLES:
        schema_editor.execute(
            f"CREATE INDEX tracker_{table}_trgm ON tracker_{table} USING gin (UPPER(name) gin_trgm_ops)"
        )
    for name, target in NULLS_LAST.items():
        schema_editor.execute(f"CREATE INDEX {name} ON {target}")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS tracker_concern_search")
    for table in TRIGRAM_TABLES:
        schema_editor.execute(f"DROP INDEX IF EXISTS tracker_{table}_trgm")
    for name in NULLS_LAST:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("tracker", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
