"""Sign-in with the gemeente's own account (OpenID Connect): the identity link and the settings.

A person signing in through OIDC is identified by the issuer (the gemeente's identity provider)
and the `sub` claim it gives, never by e-mail address: an e-mail can change or be reused, the
pair (issuer, sub) cannot. `OidcIdentiteit` stores that pair per user.

Configuration comes from the settings (see the README, "Inloggen met het gemeente-account"):
client id and secret, the provider's discovery URL and, per issuer, the organisation and the
mapping of role or group claims to Leernetwerk's five roles.
"""

import logging

import requests
from django.conf import settings
from django.core import checks
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.rollen import ROLLEN

logger = logging.getLogger("leernetwerk")

# The settings the library (mozilla-django-oidc) reads that a discovery document can supply.
ONTDEKBAAR = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
    "OIDC_OP_ISSUER": "issuer",
}
ONTDEKKING_BEWAARTIJD = 60 * 60  # seconds; a provider rotates keys via JWKS, not discovery


class OidcIdentiteit(models.Model):
    """Who a user is at the gemeente's identity provider: issuer plus `sub`."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="oidc_identiteiten",
    )
    issuer = models.CharField(_("identity provider (issuer)"), max_length=255)
    sub = models.CharField(_("kenmerk bij de provider (sub)"), max_length=255)
    aangemaakt = models.DateTimeField(_("eerste keer ingelogd"), auto_now_add=True)
    laatst_ingelogd = models.DateTimeField(_("laatst ingelogd"), null=True, blank=True)

    wagtail_reference_index_ignore = True

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issuer", "sub"], name="oidc_identiteit_uniek")
        ]
        verbose_name = _("OIDC-identiteit")
        verbose_name_plural = _("OIDC-identiteiten")

    def __str__(self):
        return f"{self.gebruiker} ({self.issuer})"


def oidc_ingeschakeld():
    """True when this installation signs people in through an OIDC provider."""
    return bool(getattr(settings, "OIDC_RP_CLIENT_ID", "")) and bool(
        getattr(settings, "OIDC_OP_DISCOVERY_URL", "")
        or getattr(settings, "OIDC_OP_AUTHORIZATION_ENDPOINT", "")
    )


def _ontdekking():
    """The provider's discovery document (cached), or {} without a discovery URL."""
    url = getattr(settings, "OIDC_OP_DISCOVERY_URL", "")
    if not url:
        return {}
    sleutel = f"oidc-ontdekking:{url}"
    document = cache.get(sleutel)
    if document is None:
        antwoord = requests.get(url, timeout=getattr(settings, "OIDC_TIMEOUT", 10))
        antwoord.raise_for_status()
        document = antwoord.json()
        if not isinstance(document, dict):
            raise ValueError("discovery document is geen JSON-object")
        cache.set(sleutel, document, ONTDEKKING_BEWAARTIJD)
    return document


def oidc_instelling(naam, *standaard):
    """A setting for mozilla-django-oidc: from the settings, else from the discovery document.

    Raises requests' errors when the provider cannot be reached; callers turn that into a
    Dutch message.
    """
    if hasattr(settings, naam):
        return getattr(settings, naam)
    if naam in ONTDEKBAAR:
        waarde = _ontdekking().get(ONTDEKBAAR[naam])
        if waarde:
            return waarde
    if standaard:
        return standaard[0]
    raise ImproperlyConfigured(f"OIDC-instelling {naam} ontbreekt (ook niet via discovery).")


def geaccepteerde_issuers():
    """Issuers whose ID tokens we accept: the configured organisations' and the provider's own.

    Entra's multi-tenant discovery names its issuer with a "{tenantid}" placeholder: that one is
    not a real issuer, so then only the issuers listed in OIDC_ORGANISATIES count.
    """
    issuers = set(getattr(settings, "OIDC_ORGANISATIES", {}) or {})
    eigen = oidc_instelling("OIDC_OP_ISSUER", "")
    if eigen and "{" not in eigen:
        issuers.add(eigen)
    return issuers


def organisatie_instelling(issuer):
    """{"organisatie": slug or None, "rollen": {claimwaarde: [rol, ...]}} for this issuer."""
    instelling = (getattr(settings, "OIDC_ORGANISATIES", {}) or {}).get(issuer) or {}
    rollen = {}
    for waarde, doel in (instelling.get("rollen") or {}).items():
        rollen[str(waarde)] = [doel] if isinstance(doel, str) else list(doel)
    return {"organisatie": instelling.get("organisatie") or None, "rollen": rollen}


def organisaties_controleren():
    """Dutch descriptions of what is wrong in OIDC_ORGANISATIES (empty list: all fine)."""
    fouten = []
    organisaties = getattr(settings, "OIDC_ORGANISATIES", {}) or {}
    if not isinstance(organisaties, dict):
        return ["OIDC_ORGANISATIES moet een object zijn: {issuer: {organisatie, rollen}}."]
    for issuer, instelling in organisaties.items():
        if not isinstance(instelling, dict):
            fouten.append(f"{issuer}: verwacht een object met 'organisatie' en 'rollen'.")
            continue
        rollen = instelling.get("rollen") or {}
        if not isinstance(rollen, dict):
            fouten.append(f"{issuer}: 'rollen' moet een object zijn: {{claimwaarde: rol}}.")
            continue
        for waarde, doel in rollen.items():
            for rol in [doel] if isinstance(doel, str) else doel:
                if rol not in ROLLEN:
                    fouten.append(
                        f"{issuer}: rol {rol!r} bij {waarde!r} bestaat niet; "
                        f"kies uit {', '.join(ROLLEN)}."
                    )
    return fouten


@checks.register(checks.Tags.security)
def oidc_instellingen_check(app_configs=None, **kwargs):
    """`manage.py check` names a role mapping that points at a role we do not have."""
    return [checks.Error(fout, id="leernetwerk.E101") for fout in organisaties_controleren()]
