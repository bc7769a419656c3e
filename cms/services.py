"""Writes shared by every app."""

import logging
import re

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import SuspiciousOperation
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail import hooks

from cms.activiteiten import Activiteit
from cms.audit import AuditRegel
from cms.invoer import zonder_stuurtekens

logger = logging.getLogger("leernetwerk")


def activiteit_vastleggen(*, gebruiker, soort, onderwerp=None, moment=None, uren=None, titel=""):
    """Record that something counts in the user's leercyclus.

    With an `onderwerp` (any model instance) the record is kept once per user, kind and object:
    recording it again updates moment, hours and title instead of counting twice.

    Afterwards every `activiteit_vastgelegd` hook gets the record, so a higher app can act on
    what counts (oefeningen completes leermodules whose items are now done).
    """
    moment = moment or timezone.now()
    if onderwerp is None:
        activiteit = Activiteit.objects.create(
            gebruiker=gebruiker, soort=soort, moment=moment, uren=uren, titel=titel
        )
        return _gevolgen(activiteit)
    activiteit, _ = Activiteit.objects.update_or_create(
        gebruiker=gebruiker,
        soort=soort,
        content_type=ContentType.objects.get_for_model(onderwerp, for_concrete_model=False),
        object_id=onderwerp.pk,
        defaults={"moment": moment, "uren": uren, "titel": titel or str(onderwerp)[:255]},
    )
    return _gevolgen(activiteit)


def _gevolgen(activiteit):
    for hook in hooks.get_hooks("activiteit_vastgelegd"):
        hook(activiteit)
    return activiteit


def activiteit_intrekken(*, gebruiker, soort, onderwerp):
    """Remove the record for this user, kind and object (e.g. attendance withdrawn)."""
    Activiteit.objects.filter(
        gebruiker=gebruiker,
        soort=soort,
        content_type=ContentType.objects.get_for_model(onderwerp, for_concrete_model=False),
        object_id=onderwerp.pk,
    ).delete()


def activiteit_bijwerken(*, soort, onderwerp, **velden):
    """Update every user's record of this kind for this object (e.g. a session's net hours)."""
    return Activiteit.objects.filter(
        soort=soort,
        content_type=ContentType.objects.get_for_model(onderwerp, for_concrete_model=False),
        object_id=onderwerp.pk,
    ).update(**velden)


def audit_vastleggen(*, actie, gebruiker=None, onderwerp="", reden=""):
    """Write one line to the audit log (who, what, on what, why). Never content itself."""
    if gebruiker is not None and not gebruiker.is_authenticated:
        gebruiker = None
    return AuditRegel.objects.create(
        actie=actie, gebruiker=gebruiker, onderwerp=str(onderwerp)[:255], reden=reden
    )


def _oidc_gebruikersnaam(claims, sub):
    """A free username from the claims. Only a name: the account is found by (issuer, sub)."""
    from django.contrib.auth import get_user_model

    basis = str(claims.get("preferred_username") or claims.get("email") or f"oidc-{sub}")
    basis = re.sub(r"[^\w.@+-]", "", basis)[:140] or "oidc"
    gebruikers = get_user_model().objects
    naam, volgnummer = basis, 1
    while gebruikers.filter(username__iexact=naam).exists():
        volgnummer += 1
        naam = f"{basis}-{volgnummer}"
    return naam


def _oidc_claimwaarden(claims):
    waarden = set()
    for claim in settings.OIDC_ROLLEN_CLAIMS:
        waarde = claims.get(claim)
        if isinstance(waarde, str):
            waarden.add(waarde)
        elif isinstance(waarde, list | tuple):
            waarden.update(str(w) for w in waarde)
    return waarden


def _oidc_identiteit(issuer, sub):
    from cms.oidc import OidcIdentiteit

    return OidcIdentiteit.objects.select_related("gebruiker").filter(issuer=issuer, sub=sub).first()


def oidc_gebruiker_aanmelden(*, issuer, sub, claims):
    """Return the user signing in as `sub` at `issuer`; create them on their first sign-in.

    The account is found by (issuer, sub) only, never by e-mail. Name and e-mail follow the
    claims at every sign-in; so do the organisation and the roles the issuer's mapping manages
    (OIDC_ORGANISATIES): a mapped role the claims no longer carry is withdrawn, a role the
    mapping does not name (granted by a beheerder) is left alone. Role changes are audited.
    """
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from cms.huidige import zonder_huidige_gebruiker
    from cms.oidc import OidcIdentiteit, organisatie_instelling
    from cms.organisaties import Organisatie, Profiel

    instelling = organisatie_instelling(issuer)
    with transaction.atomic():
        identiteit = _oidc_identiteit(issuer, sub)
        if identiteit is None:
            try:
                with transaction.atomic():
                    gebruiker = get_user_model()(username=_oidc_gebruikersnaam(claims, sub))
                    gebruiker.set_unusable_password()
                    gebruiker.save()
                    identiteit = OidcIdentiteit.objects.create(
                        gebruiker=gebruiker, issuer=issuer, sub=sub
                    )
            except IntegrityError as fout:
                # The same first sign-in in another tab won the race: use its account.
                identiteit = _oidc_identiteit(issuer, sub)
                if identiteit is None:  # a username taken at the same moment: try again
                    raise SuspiciousOperation("gelijktijdige eerste aanmelding") from fout
        gebruiker = identiteit.gebruiker
        velden = {  # PostgreSQL refuses NUL in text: no control characters from the provider
            "email": zonder_stuurtekens(str(claims.get("email") or ""))[:254],
            "first_name": zonder_stuurtekens(
                str(claims.get("given_name") or claims.get("name") or "")
            )[:150],
            "last_name": zonder_stuurtekens(str(claims.get("family_name") or ""))[:150],
        }
        gewijzigd = [veld for veld, waarde in velden.items() if getattr(gebruiker, veld) != waarde]
        for veld in gewijzigd:
            setattr(gebruiker, veld, velden[veld])
        if gewijzigd:
            gebruiker.save(update_fields=gewijzigd)
        identiteit.laatst_ingelogd = timezone.now()
        identiteit.save(update_fields=["laatst_ingelogd"])

        if instelling["organisatie"]:
            organisatie = Organisatie.objects.filter(slug=instelling["organisatie"]).first()
            if organisatie is None:
                logger.warning(
                    "OIDC: organisatie %r van issuer %s bestaat niet",
                    instelling["organisatie"],
                    issuer,
                )
            else:
                profiel, _ = Profiel.objects.get_or_create(gebruiker=gebruiker)
                if profiel.organisatie_id != organisatie.pk:
                    profiel.organisatie = organisatie
                    profiel.save(update_fields=["organisatie"])

        waarden = _oidc_claimwaarden(claims)
        beheerd = {rol for doelen in instelling["rollen"].values() for rol in doelen}
        gewenst = {
            rol
            for waarde, doelen in instelling["rollen"].items()
            if waarde in waarden
            for rol in doelen
        }
        huidig = set(gebruiker.groups.filter(name__in=beheerd).values_list("name", flat=True))
        toevoegen, intrekken = gewenst - huidig, (beheerd - gewenst) & huidig
        with zonder_huidige_gebruiker():  # the audit lines below say it was the provider
            if toevoegen:
                gebruiker.groups.add(*Group.objects.filter(name__in=toevoegen))
            if intrekken:
                gebruiker.groups.remove(*Group.objects.filter(name__in=intrekken))
        for wat, rollen in (("toegevoegd", toevoegen), ("ingetrokken", intrekken)):
            if rollen:
                audit_vastleggen(
                    actie=AuditRegel.Actie.ROL_GEWIJZIGD,
                    onderwerp=gebruiker.get_username(),
                    reden=f"Rollen {wat} via gemeente-account ({issuer}): "
                    + ", ".join(sorted(rollen)),
                )
    return gebruiker
