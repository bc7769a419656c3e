"""The zoekperiode of four weeks applies to jongeren under 27 only (Participatiewet art. 41 lid 4):
the fase said "de klant", as if everyone first searched four weeks before the aanvraag."""

from django.db import migrations

OUD = "De vier weken waarin de klant eerst zelf naar werk of school zoekt."
NIEUW = (
    "Alleen voor jongeren onder de 27: de vier weken waarin de jongere eerst zelf naar werk of "
    "school zoekt, voordat de aanvraag verder gaat."
)


def bijwerken(apps, schema_editor):
    # Only the text as shipped: a description a beheerder rewrote stays his.
    apps.get_model("cms", "Fase").objects.filter(slug="zoekperiode", omschrijving=OUD).update(
        omschrijving=NIEUW
    )


class Migration(migrations.Migration):
    dependencies = [("cms", "0011_audit_voorstel_beoordeeld")]

    operations = [migrations.RunPython(bijwerken, migrations.RunPython.noop)]
