"""Give the shipped methods, and the sessions already held with them, their form of reflection.

Existing sessions keep counting as before: no breaks (pauze 0), and intervisie unless their
method is a casuïstiekbespreking or a leernetwerkbijeenkomst (intercollegiale consultatie).
Methods a beheerder renamed keep their slug, so they are found all the same.
"""

from django.db import migrations

VORMEN = {
    "casuistiekbespreking": "casuistiekbespreking",
    "leernetwerkbijeenkomst": "intercollegiale_consultatie",
}


def vullen(apps, schema_editor):
    Intervisiemethode = apps.get_model("leernetwerk", "Intervisiemethode")
    Intervisiesessie = apps.get_model("leernetwerk", "Intervisiesessie")
    for slug, vorm in VORMEN.items():
        Intervisiemethode.objects.filter(slug=slug).update(reflectievorm=vorm)
        Intervisiesessie.objects.filter(methode__slug=slug).update(reflectievorm=vorm)


class Migration(migrations.Migration):
    dependencies = [("leernetwerk", "0007_registerbewijs")]

    operations = [migrations.RunPython(vullen, migrations.RunPython.noop)]
