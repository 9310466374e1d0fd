"""PostgreSQL-only: a trigram index on UPPER(sector) for the case list's sector filter.

The filter is sector__icontains, i.e. UPPER(sector) LIKE '%X%'. Without an index on that
expression PostgreSQL has no statistics for it and guessed ~3 matching companies where a common
sector has 1,500 at 100,000 cases, so it planned nested loops that read every matching case.
With the index, ANALYZE keeps statistics for the expression and the lookup itself is one index scan.
SQLite has neither; there this step does nothing.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "CREATE INDEX tracker_company_sector_trgm ON tracker_company USING gin (UPPER(sector) gin_trgm_ops)"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS tracker_company_sector_trgm")


class Migration(migrations.Migration):
    dependencies = [("tracker", "0004_history_without_index_copies")]
    operations = [migrations.RunPython(forwards, backwards)]
