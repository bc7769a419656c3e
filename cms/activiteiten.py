"""The leercyclus ledger: one row per thing that counts in someone's learning cycle.

Lower apps write here through cms.services.activiteit_vastleggen (never by importing leernetwerk);
leernetwerk's selectors read it for "Mijn leercyclus" and the teamchef dashboard. It holds
participation facts only: what kind of activity, when, how long, and a link to the object.
Never content (no answers, no intervisie notes).
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Activiteit(models.Model):
    class Soort(models.TextChoices):
        HOOFDSTUK_GELEZEN = "hoofdstuk_gelezen", _("hoofdstuk gelezen")
        OEFENING_AFGEROND = "oefening_afgerond", _("oefening afgerond")
        FEEDBACK_ONTVANGEN = "feedback_ontvangen", _("feedback ontvangen")
        INTERVISIE_BIJGEWOOND = "intervisie_bijgewoond", _("intervisie bijgewoond")
        VOORNEMEN_GEMAAKT = "voornemen_gemaakt", _("voornemen gemaakt")
        VOORNEMEN_GEREFLECTEERD = "voornemen_gereflecteerd", _("gereflecteerd op voornemen")
        MODULE_AFGEROND = "module_afgerond", _("leermodule afgerond")
        REFLECTIE = "reflectie", _("reflectie geschreven")
        KOPPELGESPREK = "koppelgesprek", _("meegekeken in een koppel")

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="activiteiten",
    )
    soort = models.CharField(_("soort"), max_length=40, choices=Soort.choices)
    moment = models.DateTimeField(_("moment"), default=timezone.now)
    uren = models.DecimalField(
        _("uren"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Reflectie-uren, bijvoorbeeld de duur van een intervisiesessie."),
    )
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    onderwerp = GenericForeignKey("content_type", "object_id")
    titel = models.CharField(
        _("titel"), max_length=255, blank=True, help_text=_("Titel van het object, nooit inhoud.")
    )

    class Meta:
        ordering = ["-moment"]
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        indexes = [
            models.Index(fields=["gebruiker", "soort", "moment"]),
            models.Index(fields=["moment"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["gebruiker", "soort", "content_type", "object_id"],
                name="activiteit_eenmaal_per_object",
                condition=models.Q(object_id__isnull=False),
            )
        ]

    def __str__(self):
        return f"{self.gebruiker} · {self.get_soort_display()} · {self.moment:%d-%m-%Y}"
