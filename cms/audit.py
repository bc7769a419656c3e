"""Audit log of sensitive actions: access to confidential content, denied attempts, role changes,
exports. Written through cms.services.audit_vastleggen; read by beheerders in the admin."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditRegel(models.Model):
    class Actie(models.TextChoices):
        INHOUD_INGEZIEN = "inhoud_ingezien", _("vertrouwelijke inhoud ingezien door niet-lid")
        TOEGANG_GEWEIGERD = "toegang_geweigerd", _("toegang geweigerd")
        ROL_GEWIJZIGD = "rol_gewijzigd", _("rol gewijzigd")
        EXPORT = "export", _("export gemaakt")
        VOORSTEL_OVERGENOMEN = "voorstel_overgenomen", _("voorstel voor de kennisbank overgenomen")
        VOORSTEL_AFGEWEZEN = "voorstel_afgewezen", _("voorstel voor de kennisbank afgewezen")

    moment = models.DateTimeField(_("moment"), auto_now_add=True, db_index=True)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actie = models.CharField(_("actie"), max_length=30, choices=Actie.choices)
    onderwerp = models.CharField(_("waarop"), max_length=255, blank=True)
    reden = models.TextField(_("reden of details"), blank=True)

    # An audit row points at a user but is never content: keep it out of Wagtail's reference
    # index, so writing one costs one INSERT (exports stay within their query budget).
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-moment"]
        verbose_name = _("auditregel")
        verbose_name_plural = _("auditlog")

    def __str__(self):
        return f"{self.moment:%d-%m-%Y %H:%M} {self.get_actie_display()}"
