"""PostgreSQL: the text search configuration ``leernetwerk_nl`` of cms.search.database.

It only lowercases (a copy of ``simple``): the Dutch analysis happens in Python, the same as
for the whoosh backend, and PostgreSQL stores and looks up its stems. Nothing on other
databases.
"""

from django.db import connection, migrations

MAKEN = """
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'leernetwerk_nl') THEN
        CREATE TEXT SEARCH CONFIGURATION leernetwerk_nl (COPY = pg_catalog.simple);
    END IF;
END
$$;
"""
WEG = "DROP TEXT SEARCH CONFIGURATION IF EXISTS leernetwerk_nl;"


def _uitvoeren(schema_editor, sql):
    # The tests replay data migrations after a flush without a schema editor.
    verbinding = schema_editor.connection if schema_editor is not None else connection
    if verbinding.vendor == "postgresql":
        with verbinding.cursor() as cursor:
            cursor.execute(sql)


def maken(apps, schema_editor):
    _uitvoeren(schema_editor, MAKEN)


def weg(apps, schema_editor):
    _uitvoeren(schema_editor, WEG)


class Migration(migrations.Migration):
    dependencies = [("zoeken", "0003_synoniemen_vakjargon")]

    operations = [migrations.RunPython(maken, weg)]
