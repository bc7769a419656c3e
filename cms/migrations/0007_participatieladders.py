"""Participatieladders as their own series (issue 16, seeds/003 L205-242, L1591-1641, L1720-1760).

The first reference data hung Heemskerk's local subtreden (Rust, 2.1-2.6) under the VNG's
trede 1 and 2. They belong to Heemskerk's own ladder: there trede 1 is "Rust (altijd tijdelijk)"
and trede 2 is divided into six subtreden. The VNG ladder keeps its six treden, with trede 6
named as the VNG does: betaald werk zonder ondersteuning.
"""

import cms.taxonomie
import django.db.models.deletion
import modelsearch.index
from django.db import migrations, models


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

    dependencies = [
        ('cms', '0006_klanttypen_een_definitie'),
    ]

    operations = [
        migrations.CreateModel(
            name='Ladder',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('naam', models.CharField(max_length=120, verbose_name='naam')),
                ('slug', models.SlugField(max_length=120, unique=True, verbose_name='slug')),
                ('omschrijving', models.TextField(blank=True, verbose_name='korte omschrijving')),
                ('volgorde', models.PositiveIntegerField(default=0, verbose_name='volgorde')),
                ('standaard', models.BooleanField(default=False, help_text='De ladder die het platform standaard toont (de VNG-participatieladder).', verbose_name='standaardladder')),
            ],
            options={
                'verbose_name': 'participatieladder',
                'verbose_name_plural': 'participatieladders',
                'ordering': ['volgorde', 'naam'],
                'abstract': False,
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.AlterModelOptions(
            name='trede',
            options={'ordering': ['ladder__volgorde', 'volgorde', 'naam'], 'verbose_name': 'trede', 'verbose_name_plural': 'treden'},
        ),
        migrations.AddField(
            model_name='trede',
            name='ladder',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='treden', to='cms.ladder', verbose_name='ladder'),
        ),
        migrations.RunPython(ladders, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='trede',
            name='ladder',
            field=models.ForeignKey(default=cms.taxonomie.standaard_ladder, on_delete=django.db.models.deletion.PROTECT, related_name='treden', to='cms.ladder', verbose_name='ladder'),
        ),
    ]
