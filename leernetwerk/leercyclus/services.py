"""Writes of the leercyclus. Each records what counts in the ledger through cms.services."""

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.activiteiten import Activiteit
from cms.services import activiteit_intrekken, activiteit_vastleggen
from leernetwerk.leercyclus.models import Planmodule, Reflectie
from leernetwerk.models import Voornemen


def _moment_op(datum):
    """Now for today, otherwise noon of that day: the ledger needs a moment, the user gave a day."""
    if datum == timezone.localdate():
        return timezone.now()
    return timezone.make_aware(dt.datetime.combine(datum, dt.time(12)))


@transaction.atomic
def voornemen_reflecteren(*, voornemen, gedaan, werkte):
    """Close an open voornemen with what the user did and what worked."""
    if voornemen.status != Voornemen.Status.OPEN:
        raise ValueError("Dit voornemen is al afgerond.")
    voornemen.reflectie_gedaan = gedaan
    voornemen.reflectie_werkte = werkte
    voornemen.status = Voornemen.Status.AFGEROND
    voornemen.afgerond = timezone.now()
    voornemen.save(update_fields=["reflectie_gedaan", "reflectie_werkte", "status", "afgerond"])
    activiteit_vastleggen(
        gebruiker=voornemen.gebruiker,
        soort=Activiteit.Soort.VOORNEMEN_GEREFLECTEERD,
        onderwerp=voornemen,
        moment=voornemen.afgerond,
        titel=voornemen.titel,
    )
    return voornemen


@transaction.atomic
def reflectie_schrijven(*, gebruiker, datum, tekst, uren=None):
    """Add an entry to the own log. The ledger gets the fact and the hours, never the text."""
    reflectie = Reflectie.objects.create(gebruiker=gebruiker, datum=datum, tekst=tekst, uren=uren)
    activiteit_vastleggen(
        gebruiker=gebruiker,
        soort=Activiteit.Soort.REFLECTIE,
        onderwerp=reflectie,
        moment=_moment_op(datum),
        uren=uren,
        titel=_("reflectie"),
    )
    return reflectie


@transaction.atomic
def reflectie_verwijderen(*, reflectie):
    activiteit_intrekken(
        gebruiker=reflectie.gebruiker, soort=Activiteit.Soort.REFLECTIE, onderwerp=reflectie
    )
    reflectie.delete()


def module_afronden(*, gebruiker, module, afgerond=True):
    """Mark a plan module outside the platform as done (or undo it) for a member of its team."""
    if not module.zelf_af_te_vinken:
        raise PermissionDenied("Deze module wordt afgerond in het platform zelf.")
    if not module.plan.team.leden.filter(pk=gebruiker.pk).exists():
        raise PermissionDenied("Alleen leden van het team ronden modules van het teamplan af.")
    if afgerond:
        return activiteit_vastleggen(
            gebruiker=gebruiker,
            soort=Activiteit.Soort.MODULE_AFGEROND,
            onderwerp=module,
            titel=module.naam,
        )
    activiteit_intrekken(
        gebruiker=gebruiker, soort=Activiteit.Soort.MODULE_AFGEROND, onderwerp=module
    )
    return None


@transaction.atomic
def leercyclusplan_opslaan(*, team, door, plan_form, modules_formset):
    """Save the plan and its modules from valid forms, all or nothing.

    A module removed from the plan takes its own 'afgerond' records along: they meant nothing else.
    """
    plan = plan_form.save(commit=False)
    plan.team = team
    plan.bijgewerkt_door = door
    plan.save()
    modules_formset.instance = plan
    weg = [f.instance.pk for f in modules_formset.deleted_forms if f.instance.pk]
    if weg:
        Activiteit.objects.filter(
            soort=Activiteit.Soort.MODULE_AFGEROND,
            content_type=ContentType.objects.get_for_model(Planmodule),
            object_id__in=weg,
        ).delete()
    modules_formset.save()
    return plan
