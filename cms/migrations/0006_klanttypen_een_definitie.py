"""One definition per klanttype, as the method describes it (seeds/000 L758-763, 003 L2756-2776).

The first reference data made the toetser someone who "checks whether what is asked is
reasonable" and gave the regievoerder the co-producent's "duwtje". With a toetser the
professional steers, in consultation, and the client checks whether the proposals fit his wishes.
"""

from django.db import migrations

DEFINITIES = {
    "toetser": (
        "Weinig zelfsturend vermogen: de consulent neemt in overleg de regie en doet voorstellen; "
        "de klant toetst of die passen bij zijn wensen en verwachtingen."
    ),
    "co-producent": (
        "Gemotiveerd, maar met plannen die (nog) niet haalbaar zijn of acties die uitblijven: de "
        "regie is gedeeld en de klant heeft een duwtje in de rug nodig."
    ),
    "regievoerder": (
        "Zelfsturend: bepaalt binnen de vangrails zelf hoe zijn weg naar werk of school eruitziet; "
        "de consulent coacht."
    ),
}


def bijwerken(apps, schema_editor):
    Klanttype = apps.get_model("cms", "Klanttype")
    for slug, omschrijving in DEFINITIES.items():
        Klanttype.objects.filter(slug=slug).update(omschrijving=omschrijving)


class Migration(migrations.Migration):
    dependencies = [("cms", "0005_auditlog")]

    operations = [migrations.RunPython(bijwerken, migrations.RunPython.noop)]
