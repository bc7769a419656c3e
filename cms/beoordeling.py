"""Knowledge that stays current: an owner and review dates on every kennisbank item.

Chapters of the handreiking and interventies of the schema share this: who keeps the item up to
date, when it was last reviewed and when it is due again. Overdue items are listed for the
kennisbeheerder in the admin reports (`cms.rapporten`).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel


class Beoordeelbaar(models.Model):
    eigenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eigenaar"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Wie houdt dit bij."),
    )
    laatst_beoordeeld = models.DateField(_("laatst beoordeeld"), null=True, blank=True)
    volgende_beoordeling = models.DateField(_("volgende beoordeling"), null=True, blank=True)

    beoordeling_panels = [
        FieldPanel("eigenaar"),
        FieldRowPanel([FieldPanel("laatst_beoordeeld"), FieldPanel("volgende_beoordeling")]),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        laatst, volgende = self.laatst_beoordeeld, self.volgende_beoordeling
        if laatst and volgende and volgende <= laatst:
            raise ValidationError(
                {
                    "volgende_beoordeling": gettext(
                        "De volgende beoordeling moet na de laatste beoordeling liggen."
                    )
                }
            )

    @property
    def beoordeling_verlopen(self):
        return bool(self.volgende_beoordeling and self.volgende_beoordeling < timezone.localdate())
