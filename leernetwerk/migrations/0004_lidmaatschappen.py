"""Memberships with a join date, who added whom and why (issue 19); filled in 0005."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('leernetwerk', '0003_intervisiemethoden'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Gespreksleiderschap',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sinds', models.DateField(default=django.utils.timezone.localdate, verbose_name='lid sinds')),
                ('reden', models.TextField(blank=True, verbose_name='reden')),
                ('ziet_eerdere_sessies', models.BooleanField(default=False, help_text='Alleen een eerder lid van de groep deelt de geschiedenis van de groep.', verbose_name='ziet sessies van vóór de toetreding')),
                ('eerdere_sessies_gedeeld_door', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='eerdere sessies gedeeld door')),
                ('groep', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='leiderschappen', to='leernetwerk.intervisiegroep', verbose_name='groep')),
                ('persoon', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='intervisie_leiderschappen', to=settings.AUTH_USER_MODEL, verbose_name='gespreksleider')),
                ('toegevoegd_door', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='toegevoegd door')),
            ],
            options={
                'verbose_name': 'gespreksleiderschap',
                'verbose_name_plural': 'gespreksleiderschappen',
                'ordering': ['sinds', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='Groepslidmaatschap',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sinds', models.DateField(default=django.utils.timezone.localdate, verbose_name='lid sinds')),
                ('reden', models.TextField(blank=True, verbose_name='reden')),
                ('ziet_eerdere_sessies', models.BooleanField(default=False, help_text='Alleen een eerder lid van de groep deelt de geschiedenis van de groep.', verbose_name='ziet sessies van vóór de toetreding')),
                ('eerdere_sessies_gedeeld_door', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='eerdere sessies gedeeld door')),
                ('groep', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='lidmaatschappen', to='leernetwerk.intervisiegroep', verbose_name='groep')),
                ('persoon', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='intervisie_lidmaatschappen', to=settings.AUTH_USER_MODEL, verbose_name='lid')),
                ('toegevoegd_door', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='toegevoegd door')),
            ],
            options={
                'verbose_name': 'lidmaatschap',
                'verbose_name_plural': 'lidmaatschappen',
                'ordering': ['sinds', 'pk'],
            },
        ),
        migrations.AddConstraint(
            model_name='gespreksleiderschap',
            constraint=models.UniqueConstraint(fields=('groep', 'persoon'), name='gespreksleiderschap_uniek'),
        ),
        migrations.AddConstraint(
            model_name='groepslidmaatschap',
            constraint=models.UniqueConstraint(fields=('groep', 'persoon'), name='groepslidmaatschap_uniek'),
        ),
    ]
