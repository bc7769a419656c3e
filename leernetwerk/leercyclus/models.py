"""The leercyclus: a plan per team, its modules, and each user's private reflection log.

What people did is not stored here: that is the ledger cms.activiteiten.Activiteit. These models
hold what a team should do (the plan) and what a user writes for themselves (reflecties).
"""

from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.privacy import geen_persoonsgegevens


class Leercyclusplan(models.Model):
    """What the teamchef expects of every member of one team."""

    team = models.OneToOneField(
        "cms.Team", verbose_name=_("team"), on_delete=models.CASCADE, related_name="leercyclusplan"
    )
    intervisie_elke_weken = models.PositiveSmallIntegerField(
        _("intervisie minstens elke … weken"),
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(52)],
        help_text=_("Bijvoorbeeld 4: wie langer dan vier weken geen intervisie had, loopt achter."),
    )
    min_reflectie_uren = models.DecimalField(
        _("minimaal aantal reflectie-uren per jaar"),
        max_digits=5,
        decimal_places=1,
        default=Decimal("20"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("500"))],
        help_text=_(
            "Intervisie en eigen reflectie tellen mee. Door het jaar heen vergelijken we naar rato."
        ),
    )
    stil_na_weken = models.PositiveSmallIntegerField(
        _("stil na … weken zonder activiteit"),
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(52)],
        help_text=_("Zo lang zonder enige activiteit telt als: het plan ligt stil."),
    )
    bijgewerkt = models.DateTimeField(_("bijgewerkt"), auto_now=True)
    bijgewerkt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bijgewerkt door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("leercyclusplan")
        verbose_name_plural = _("leercyclusplannen")

    def __str__(self):
        return str(_("Leercyclusplan %(team)s") % {"team": self.team.naam})


class Planmodule(models.Model):
    """A module every team member should complete before a date.

    Completion is a MODULE_AFGEROND record in the ledger whose onderwerp is `leermodule` when set
    (a leermodule of the oefeningen app), otherwise this Planmodule itself (a module outside the
    platform, such as a classroom training, which the member marks as done).
    """

    plan = models.ForeignKey(
        Leercyclusplan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="modules"
    )
    naam = models.CharField(_("module"), max_length=200)
    uiterlijk = models.DateField(_("afgerond uiterlijk op"))
    leermodule_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    leermodule_id = models.PositiveBigIntegerField(null=True, blank=True)
    leermodule = GenericForeignKey("leermodule_type", "leermodule_id")

    class Meta:
        ordering = ["uiterlijk", "naam"]
        verbose_name = _("module in het plan")
        verbose_name_plural = _("modules in het plan")

    def __str__(self):
        return self.naam

    @property
    def zelf_af_te_vinken(self):
        return self.leermodule_id is None

    def afrondingssleutel(self):
        """(app label, model, object id) of the ledger record that means: completed.

        Natural keys, not content type ids, so reading it needs no content type query.
        """
        if self.leermodule_id is not None:
            soort = self.leermodule_type
            return (soort.app_label, soort.model, self.leermodule_id)
        return (self._meta.app_label, self._meta.model_name, self.pk)


class Reflectie(models.Model):
    """An entry in a user's own reflection log. Private: only its author ever reads the text."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="reflecties",
    )
    datum = models.DateField(_("datum"), default=timezone.localdate)
    uren = models.DecimalField(
        _("reflectie-uren"),
        max_digits=4,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.25")), MaxValueValidator(Decimal("12"))],
        help_text=_("Optioneel: hoe lang je hiermee bezig was. Telt mee voor je reflectie-uren."),
    )
    tekst = models.TextField(
        _("wat neem ik mee"),
        validators=[geen_persoonsgegevens],
        help_text=_(
            "Alleen jij leest dit. Schrijf niets waarmee een klant herkenbaar is "
            "(geen namen, BSN, adressen of geboortedata)."
        ),
    )
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        ordering = ["-datum", "-aangemaakt"]
        verbose_name = _("reflectie")
        verbose_name_plural = _("reflecties")

    def __str__(self):
        return f"{self.gebruiker} · {self.datum:%d-%m-%Y}"
