"""Writes shared by every app."""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail import hooks

from cms.activiteiten import Activiteit
from cms.audit import AuditRegel


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
