"""The words of the trade a consulent expects search to know (issue 14, point 4).

Synonyms are pairs; search joins pairs that share a term into one group, so klantmanager,
jongerencoach and werkcoach all meet consulent and each other.

Klant and cliënt were seeded before (0002). Werkzoekende and jongere are left out on purpose:
not every klant is werkzoekend or young, and "clienten" would then rank every text about
werkzoekenden or jongeren beside those about cliënten.
"""

from django.db import migrations

SYNONIEMEN = [
    ("klantmanager", "consulent", "synoniem"),
    ("jongerencoach", "consulent", "synoniem"),
    ("werkcoach", "consulent", "synoniem"),
    ("bijstand", "uitkering", "synoniem"),
    ("bijstand", "Participatiewet", "synoniem"),
    ("PW", "Participatiewet", "afkorting"),
    ("UWV", "Uitvoeringsinstituut Werknemersverzekeringen", "afkorting"),
    ("WW", "Werkloosheidswet", "afkorting"),
    ("WW", "werkloosheidsuitkering", "afkorting"),
    ("werkervaringsplaats", "werkervaringsplek", "synoniem"),
    ("schulden", "schuldhulpverlening", "synoniem"),
]


def zaaien(apps, schema_editor):
    Synoniem = apps.get_model("zoeken", "Synoniem")
    for term, betekenis, soort in SYNONIEMEN:
        Synoniem.objects.get_or_create(term=term, betekenis=betekenis, defaults={"soort": soort})


def verwijderen(apps, schema_editor):
    Synoniem = apps.get_model("zoeken", "Synoniem")
    for term, betekenis, _soort in SYNONIEMEN:
        Synoniem.objects.filter(term=term, betekenis=betekenis).delete()


class Migration(migrations.Migration):
    dependencies = [("zoeken", "0002_synoniemen_zaaien")]

    operations = [migrations.RunPython(zaaien, verwijderen)]
