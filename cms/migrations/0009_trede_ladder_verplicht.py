"""Every trede on a ladder (a separate migration: on PostgreSQL the NOT NULL cannot follow the data
step of 0008 in one transaction, its foreign-key checks are still pending)."""

import django.db.models.deletion
from django.db import migrations, models

import cms.taxonomie


class Migration(migrations.Migration):

    dependencies = [
        ('cms', '0008_participatieladders_vullen'),
    ]

    operations = [
        migrations.AlterField(
            model_name='trede',
            name='ladder',
            field=models.ForeignKey(default=cms.taxonomie.standaard_ladder, on_delete=django.db.models.deletion.PROTECT, related_name='treden', to='cms.ladder', verbose_name='ladder'),
        ),
    ]
