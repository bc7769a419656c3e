"""Point `leden` and `gespreksleiders` at the membership tables (the old link tables go)."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("leernetwerk", "0005_lidmaatschappen_vullen"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveField(model_name="intervisiegroep", name="leden"),
        migrations.RemoveField(model_name="intervisiegroep", name="gespreksleiders"),
        migrations.AddField(
            model_name="intervisiegroep",
            name="leden",
            field=models.ManyToManyField(
                blank=True,
                related_name="intervisiegroepen",
                through="leernetwerk.Groepslidmaatschap",
                through_fields=("groep", "persoon"),
                to=settings.AUTH_USER_MODEL,
                verbose_name="leden",
            ),
        ),
        migrations.AddField(
            model_name="intervisiegroep",
            name="gespreksleiders",
            field=models.ManyToManyField(
                blank=True,
                related_name="geleide_intervisiegroepen",
                through="leernetwerk.Gespreksleiderschap",
                through_fields=("groep", "persoon"),
                to=settings.AUTH_USER_MODEL,
                verbose_name="gespreksleiders",
            ),
        ),
    ]
