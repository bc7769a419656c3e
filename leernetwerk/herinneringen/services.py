"""Writes of the reminders: send what is due and not yet sent, and save a person's settings."""

import logging

from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from leernetwerk.herinneringen import selectors
from leernetwerk.herinneringen.agenda import sessie_ics
from leernetwerk.herinneringen.models import (
    Herinneringsinstellingen,
    Soort,
    VerstuurdeHerinnering,
)

logger = logging.getLogger("leernetwerk")


def herinnering_bericht(*, gebruiker, herinnering, basis):
    """The e-mail for one reminder: the sentence, the direct link, where to turn it off."""
    url = selectors.absolute_url(herinnering.pad, basis)
    tekst = render_to_string(
        "herinneringen/mail.txt",
        {
            "gebruiker": gebruiker,
            "herinnering": herinnering,
            "url": url,
            "instellingen_url": basis + reverse("mijn_instellingen"),
            "met_agenda": herinnering.soort == Soort.INTERVISIE,
        },
    )
    bericht = EmailMessage(
        f"Leernetwerk: {herinnering.onderwerp}", tekst.strip() + "\n", to=[gebruiker.email]
    )
    if herinnering.sessie is not None:
        bericht.attach(
            "intervisie.ics",
            sessie_ics(herinnering.sessie, url),
            "text/calendar; charset=utf-8; method=PUBLISH",
        )
    return bericht


def _vastleggen(gebruiker, herinnering):
    """Claim this reminder for sending; None when it was sent (or is being sent) already."""
    try:
        with transaction.atomic():
            return VerstuurdeHerinnering.objects.create(
                gebruiker=gebruiker, soort=herinnering.soort, sleutel=herinnering.sleutel
            )
    except IntegrityError:
        return None


def herinneringen_versturen(*, gebruiker, vandaag=None):
    """E-mail the user every reminder due today that was not sent before. Returns how many.

    Each reminder is recorded before it is sent (the unique key makes a second worker skip it)
    and the record is removed again when sending fails, so tomorrow's run tries once more.
    """
    if not gebruiker.is_active or not gebruiker.email:
        return 0
    vandaag = vandaag or timezone.localdate()
    with translation.override("nl"):
        herinneringen = selectors.open_herinneringen(gebruiker, vandaag)
        al = set(
            VerstuurdeHerinnering.objects.filter(
                gebruiker=gebruiker, sleutel__in=[h.sleutel for h in herinneringen]
            ).values_list("sleutel", flat=True)
        )
        nieuw = [h for h in herinneringen if h.sleutel not in al]
        if not nieuw:
            return 0
        basis = selectors.basis_url()
        verstuurd, fout = 0, None
        with get_connection() as verbinding:
            for herinnering in nieuw:
                record = _vastleggen(gebruiker, herinnering)
                if record is None:
                    continue
                bericht = herinnering_bericht(
                    gebruiker=gebruiker, herinnering=herinnering, basis=basis
                )
                bericht.connection = verbinding
                try:
                    bericht.send()
                except Exception as e:
                    record.delete()
                    logger.exception("Herinnering %s niet verstuurd", herinnering.sleutel)
                    fout = fout or e
                    continue
                verstuurd += 1
    if fout is not None:
        raise fout
    return verstuurd


def herinneringsinstellingen_opslaan(*, gebruiker, **soorten):
    """Save which kinds of reminder the person gets: {soort: True/False} for each Soort."""
    onbekend = set(soorten) - set(Soort.values)
    if onbekend:
        raise ValueError(f"Onbekende soorten herinnering: {sorted(onbekend)}")
    instellingen, _nieuw = Herinneringsinstellingen.objects.update_or_create(
        gebruiker=gebruiker, defaults=soorten
    )
    return instellingen
