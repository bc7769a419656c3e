"""Reminders: what a person asked not to get, and what was sent (so nothing is sent twice).

What is due is never stored: it is read from the status of the things themselves (a leermodule
not yet completed, feedback not yet opened, ...) by herinneringen.selectors, so a reminder
disappears from the home page the moment the thing is done.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Soort(models.TextChoices):
    LEERMODULE = "leermodule", _("leermodule bijna of over de datum")
    FEEDBACK = "feedback", _("nieuwe feedback van een trainer")
    INTERVISIE = "intervisie", _("intervisie morgen")
    VOORNEMEN = "voornemen", _("reflectie op een voornemen")


class Herinneringsinstellingen(models.Model):
    """Which kinds of reminder one person gets (e-mail and home page). Everything is on until the
    person turns it off on their own settings page."""

    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="herinneringsinstellingen",
    )
    leermodule = models.BooleanField(
        _("Leermodules"),
        default=True,
        help_text=_("Een week voor de einddatum van een leermodule, en als de datum voorbij is."),
    )
    feedback = models.BooleanField(
        _("Feedback van een trainer"),
        default=True,
        help_text=_("Als een trainer feedback gaf op je antwoord en je die nog niet las."),
    )
    intervisie = models.BooleanField(
        _("Intervisie"),
        default=True,
        help_text=_("De dag voor een intervisiesessie van je groep, met een agenda-afspraak."),
    )
    voornemen = models.BooleanField(
        _("Voornemens"),
        default=True,
        help_text=_("Als het tijd is om te reflecteren op wat je wilde proberen."),
    )
    bijgewerkt = models.DateTimeField(_("bijgewerkt"), auto_now=True)

    class Meta:
        verbose_name = _("herinneringsinstellingen")
        verbose_name_plural = _("herinneringsinstellingen")

    def __str__(self):
        return str(self.gebruiker)

    def staat_aan(self, soort):
        return bool(getattr(self, soort))


class VerstuurdeHerinnering(models.Model):
    """One reminder e-mail that went out. `sleutel` names the thing and the moment it is about
    (e.g. the module and its due date), so a new due date is a new reminder, the same one never."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="verstuurde_herinneringen",
    )
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    sleutel = models.CharField(_("waarover"), max_length=120)
    verstuurd = models.DateTimeField(_("verstuurd"), default=timezone.now)

    class Meta:
        ordering = ["-verstuurd"]
        verbose_name = _("verstuurde herinnering")
        verbose_name_plural = _("verstuurde herinneringen")
        constraints = [
            models.UniqueConstraint(
                fields=["gebruiker", "sleutel"], name="herinnering_eenmaal_per_gebruiker"
            )
        ]

    def __str__(self):
        return f"{self.gebruiker} · {self.get_soort_display()} · {self.verstuurd:%d-%m-%Y}"
