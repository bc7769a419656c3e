"""Organisations (gemeenten), teams and the user profile."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class Organisatie(models.Model):
    """A gemeente (or another organisation taking part in a leernetwerk)."""

    naam = models.CharField(_("naam"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)

    panels = [FieldPanel("naam"), FieldPanel("slug")]

    class Meta:
        ordering = ["naam"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self):
        return self.naam


class Team(models.Model):
    organisatie = models.ForeignKey(
        Organisatie, verbose_name=_("organisatie"), on_delete=models.PROTECT, related_name="teams"
    )
    naam = models.CharField(_("naam"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    teamchefs = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("teamchefs"),
        blank=True,
        related_name="geleide_teams",
    )
    leden = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("leden"), blank=True, related_name="teams"
    )

    panels = [
        FieldPanel("organisatie"),
        FieldPanel("naam"),
        FieldPanel("slug"),
        FieldPanel("teamchefs"),
        FieldPanel("leden"),
    ]

    class Meta:
        ordering = ["organisatie__naam", "naam"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self):
        return f"{self.naam} ({self.organisatie})"


class Profiel(models.Model):
    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="profiel",
    )
    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="profielen",
    )
    functie = models.CharField(
        _("functietitel"),
        max_length=120,
        blank=True,
        help_text=_(
            "Zoals de gemeente de functie noemt, bijvoorbeeld klantmanager of jongerencoach."
        ),
    )

    class Meta:
        verbose_name = _("profiel")
        verbose_name_plural = _("profielen")

    def __str__(self):
        return str(self.gebruiker)
