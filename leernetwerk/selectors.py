"""Reads for the leercyclus and the team overview."""

from django.contrib.auth import get_user_model

from cms.models import Team


def teams_van_teamchef(user):
    """Teams the user leads, with their members, in a fixed number of queries."""
    return (
        Team.objects.filter(teamchefs=user)
        .select_related("organisatie")
        .prefetch_related("leden__profiel")
    )


def gebruiker_met_profiel(user):
    return (
        get_user_model()
        .objects.select_related("profiel__organisatie")
        .prefetch_related("teams__organisatie", "groups")
        .get(pk=user.pk)
    )
