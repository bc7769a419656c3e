from django.db import migrations

SYNONIEMEN = [
    ("MI", "motiverende gespreksvoering", "afkorting"),
    ("LVB", "licht verstandelijke beperking", "afkorting"),
    ("ASS", "autismespectrumstoornis", "afkorting"),
    ("ASS", "autisme", "afkorting"),
    ("P-wet", "Participatiewet", "afkorting"),
    ("PVA", "plan van aanpak", "afkorting"),
    ("LKS", "loonkostensubsidie", "afkorting"),
    ("NT2", "Nederlands als tweede taal", "afkorting"),
    ("GGZ", "geestelijke gezondheidszorg", "afkorting"),
    ("SW", "sociale werkvoorziening", "afkorting"),
    ("WWB", "Participatiewet", "afkorting"),
    ("OGC", "oplossingsgericht coachen", "afkorting"),
    ("MGV", "motiverende gespreksvoering", "afkorting"),
    ("klant", "cliënt", "synoniem"),
    ("statushouder", "nieuwkomer", "synoniem"),
    ("schuldhulp", "schuldhulpverlening", "synoniem"),
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
    dependencies = [("zoeken", "0001_synoniem")]

    operations = [migrations.RunPython(zaaien, verwijderen)]
