"""Synonyms and abbreviations kennisbeheerders maintain for search (a snippet)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Synoniem(models.Model):
    """One pair that search treats as the same thing, in both directions."""

    class Soort(models.TextChoices):
        AFKORTING = "afkorting", _("afkorting")
        SYNONIEM = "synoniem", _("synoniem")

    term = models.CharField(
        _("term"), max_length=80, help_text=_("Bijvoorbeeld de afkorting: MI, LVB, P-wet.")
    )
    betekenis = models.CharField(
        _("betekenis"),
        max_length=200,
        help_text=_("Waar de term voor staat, bijvoorbeeld: motiverende gespreksvoering."),
    )
    soort = models.CharField(
        _("soort"), max_length=20, choices=Soort.choices, default=Soort.AFKORTING
    )

    class Meta:
        verbose_name = _("synoniem of afkorting")
        verbose_name_plural = _("synoniemen en afkortingen")
        ordering = ["term", "betekenis"]
        constraints = [
            models.UniqueConstraint(fields=["term", "betekenis"], name="zoeken_synoniem_uniek")
        ]

    def __str__(self):
        return f"{self.term} = {self.betekenis}"
