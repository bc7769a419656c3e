"""Reference data: the intervisie methods (see leernetwerk/methoden.py)."""

from django.db import migrations


def laden(apps, schema_editor):
    from leernetwerk.methoden import methoden_laden

    methoden_laden(
        apps.get_model("leernetwerk", "Intervisiemethode"),
        apps.get_model("leernetwerk", "Methodestap"),
    )


class Migration(migrations.Migration):
    dependencies = [("leernetwerk", "0002_intervisie")]

    operations = [migrations.RunPython(laden, migrations.RunPython.noop)]
