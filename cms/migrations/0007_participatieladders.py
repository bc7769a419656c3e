"""Participatieladders as their own series (issue 16, seeds/003 L205-242, L1591-1641, L1720-1760).

The first reference data hung Heemskerk's local subtreden (Rust, 2.1-2.6) under the VNG's
trede 1 and 2. They belong to Heemskerk's own ladder: there trede 1 is "Rust (altijd tijdelijk)"
and trede 2 is divided into six subtreden. The VNG ladder keeps its six treden, with trede 6
named as the VNG does: betaald werk zonder ondersteuning.
"""

import django.db.models.deletion
import modelsearch.index
from django.db import migrations, models


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
    ]
