from django.db import migrations

HERKOMST = [
    ("literatuur", "Literatuur"),
    ("focusgroep-clienten", "Focusgroep cliënten"),
    ("consulenten", "Consulenten"),
    ("n1-praktijk", "N=1 praktijk"),
    ("andere-gemeente", "Andere gemeente"),
]


def laden(apps, schema_editor):
    Herkomst = apps.get_model("kennisbank", "Herkomst")
    for volgorde, (slug, naam) in enumerate(HERKOMST, start=1):
        Herkomst.objects.update_or_create(slug=slug, defaults={"naam": naam, "volgorde": volgorde})


class Migration(migrations.Migration):
    dependencies = [("kennisbank", "0001_initial")]

    operations = [migrations.RunPython(laden, migrations.RunPython.noop)]
