"""Copy the existing members and gespreksleiders into the membership tables.

They keep seeing what they saw: `ziet_eerdere_sessies` is set for every existing membership.
"""

from django.db import migrations
from django.utils import timezone

REDEN = "Lid vóór de registratie van lidmaatschappen (migratie)."


def vullen(apps, schema_editor):
    Intervisiegroep = apps.get_model("leernetwerk", "Intervisiegroep")
    Groepslidmaatschap = apps.get_model("leernetwerk", "Groepslidmaatschap")
    Gespreksleiderschap = apps.get_model("leernetwerk", "Gespreksleiderschap")
    vandaag = timezone.localdate()
    for veld, model in (("leden", Groepslidmaatschap), ("gespreksleiders", Gespreksleiderschap)):
        through = getattr(Intervisiegroep, veld).through
        model.objects.bulk_create(
            model(
                groep_id=rij.intervisiegroep_id,
                persoon_id=rij.user_id,
                sinds=vandaag,
                reden=REDEN,
                ziet_eerdere_sessies=True,
            )
            for rij in through.objects.all()
        )


def terug(apps, schema_editor):
    Intervisiegroep = apps.get_model("leernetwerk", "Intervisiegroep")
    Groepslidmaatschap = apps.get_model("leernetwerk", "Groepslidmaatschap")
    Gespreksleiderschap = apps.get_model("leernetwerk", "Gespreksleiderschap")
    for veld, model in (("leden", Groepslidmaatschap), ("gespreksleiders", Gespreksleiderschap)):
        through = getattr(Intervisiegroep, veld).through
        through.objects.bulk_create(
            through(intervisiegroep_id=rij.groep_id, user_id=rij.persoon_id)
            for rij in model.objects.all()
        )


class Migration(migrations.Migration):
    dependencies = [("leernetwerk", "0004_lidmaatschappen")]

    operations = [migrations.RunPython(vullen, terug)]
