"""Leernetwerk: voornemens (and later intervisie and the leercyclus plan)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Voornemen(models.Model):
    """The interventie a consulent chooses to try in the coming period, and what came of it."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        AFGEROND = "afgerond", _("afgerond")

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("consulent"),
        on_delete=models.CASCADE,
        related_name="voornemens",
    )
    interventie = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("interventie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    titel = models.CharField(_("wat ga ik proberen"), max_length=255)
    toelichting = models.TextField(_("toelichting"), blank=True)
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    tot = models.DateField(_("proberen tot"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default="open")
    reflectie_gedaan = models.TextField(_("wat heb ik gedaan"), blank=True)
    reflectie_werkte = models.TextField(_("wat werkte, wat niet"), blank=True)
    afgerond = models.DateTimeField(_("afgerond op"), null=True, blank=True)

    class Meta:
        ordering = ["status", "-aangemaakt"]
        verbose_name = _("voornemen")
        verbose_name_plural = _("voornemens")

    def __str__(self):
        return self.titel
