"""Fill the participatieladders of 0007 (own migration: on PostgreSQL data steps and schema changes
on the same table cannot share a transaction while foreign-key checks are pending).

Heemskerk's local subtreden (Rust, 2.1-2.6; seeds/003 L205-242, L1720-1760) move to Heemskerk's own
ladder; the VNG ladder keeps its six treden, trede 6 named as the VNG does.
"""

from django.db import migrations

VNG = ("participatieladder-vng", "Participatieladder (VNG)", "De zes treden van de VNG.")
HEEMSKERK = (
    "participatieladder-heemskerk",
    "Participatieladder gemeente Heemskerk",
    "Heemskerk gebruikt de VNG-ladder, met trede 1 als tijdelijke rust en trede 2 verdeeld in "
    "zes subtreden; een klant kan op meer subtreden tegelijk staan.",
)


def ladders(apps, schema_editor):
    Ladder = apps.get_model("cms", "Ladder")
    Trede = apps.get_model("cms", "Trede")
    vng, _ = Ladder.objects.update_or_create(
        slug=VNG[0],
        defaults={"naam": VNG[1], "omschrijving": VNG[2], "standaard": True, "volgorde": 1},
    )
    eigen, _ = Ladder.objects.update_or_create(
        slug=HEEMSKERK[0],
        defaults={"naam": HEEMSKERK[1], "omschrijving": HEEMSKERK[2], "volgorde": 2},
    )
    Trede.objects.update(ladder=vng)
    Trede.objects.filter(slug="trede-6").update(naam="Betaald werk zonder ondersteuning")
    lokaal = Trede.objects.filter(slug__in=["trede-1-rust"] + [f"trede-2-{i}" for i in range(1, 7)])
    if not lokaal.exists():
        return  # reference data changed by a beheerder before this migration: leave it
    Trede.objects.filter(slug="trede-1-rust").update(
        ladder=eigen,
        bovenliggend=None,
        code="1",
        naam="Rust (altijd tijdelijk)",
        omschrijving="De klant heeft tijdelijk rust nodig om problemen op te lossen.",
        volgorde=100,
    )
    twee, _ = Trede.objects.update_or_create(
        slug="heemskerk-trede-2",
        defaults={
            "ladder": eigen,
            "code": "2",
            "naam": "Trede 2, verdeeld in subtreden",
            "omschrijving": "Van sociale activering tot deeltijdwerk als hoogst haalbare.",
            "volgorde": 101,
        },
    )
    for i in range(1, 7):
        Trede.objects.filter(slug=f"trede-2-{i}").update(
            ladder=eigen, bovenliggend=twee, volgorde=101 + i
        )
    for trede in Trede.objects.filter(ladder=eigen).exclude(omschrijving=""):
        tekst = trede.omschrijving.replace("Lokale subtrede: ", "")
        trede.omschrijving = tekst[:1].upper() + tekst[1:]
        trede.save(update_fields=["omschrijving"])


class Migration(migrations.Migration):
    dependencies = [("cms", "0007_participatieladders")]

    operations = [migrations.RunPython(ladders, migrations.RunPython.noop)]
