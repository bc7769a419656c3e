"""Writes of the handreiking."""

from django.db import transaction

from cms.models import Activiteit
from cms.services import activiteit_vastleggen


def hoofdstuk_gelezen_markeren(*, gebruiker, hoofdstuk):
    """Record in the user's leercyclus that this chapter was read (once per chapter)."""
    return activiteit_vastleggen(
        gebruiker=gebruiker,
        soort=Activiteit.Soort.HOOFDSTUK_GELEZEN,
        onderwerp=hoofdstuk,
        titel=hoofdstuk.title,
    )


@transaction.atomic
def hoofdstuk_publiceren(*, hoofdstuk, notitie, auteur=None, beoordelaar=None):
    """Save a new revision with its change note and publish it (demo content, imports).

    The beoordelaar must be allowed to publish (a kennisbeheerder); without one, no check is done.
    """
    hoofdstuk.wijzigingsnotitie = notitie
    revisie = hoofdstuk.save_revision(user=auteur, log_action=True)
    revisie.publish(user=beoordelaar)
    return revisie
