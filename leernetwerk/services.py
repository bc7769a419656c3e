"""Writes of the leernetwerk app."""

from django.db import transaction

from cms.activiteiten import Activiteit
from cms.services import activiteit_vastleggen
from leernetwerk.models import Voornemen


@transaction.atomic
def voornemen_maken(*, gebruiker, interventie, toelichting="", tot=None):
    """Record that the user will try this interventie. An open voornemen is not made twice."""
    bestaand = Voornemen.objects.filter(
        gebruiker=gebruiker, interventie=interventie, status=Voornemen.Status.OPEN
    ).first()
    if bestaand:
        return bestaand, False
    voornemen = Voornemen.objects.create(
        gebruiker=gebruiker,
        interventie=interventie,
        titel=interventie.title,
        toelichting=toelichting,
        tot=tot,
    )
    activiteit_vastleggen(
        gebruiker=gebruiker,
        soort=Activiteit.Soort.VOORNEMEN_GEMAAKT,
        onderwerp=voornemen,
        titel=voornemen.titel,
    )
    return voornemen, True
