"""Writes of the oefeningen app. Each is atomic; replays are recognised and change nothing."""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.activiteiten import Activiteit
from cms.privacy import controleer_tekst
from cms.rollen import TRAINER, heeft_rol
from cms.services import activiteit_vastleggen
from oefeningen.models import (
    Antwoord,
    Feedback,
    LeermodulePage,
    Oefeningconcept,
    OefeningenIndexPage,
    OefeningPage,
    Poging,
)
from oefeningen.selectors import module_voortgang


def mag_opnieuw(*, gebruiker, oefening, laatste=None):
    """A finished oefening may be done again when the page or the trainer allows it."""
    if laatste is None:
        laatste = Poging.objects.filter(gebruiker=gebruiker, oefening=oefening).first()
    return laatste is None or oefening.opnieuw_toegestaan or laatste.herkansing_toegestaan


@transaction.atomic
def poging_starten(*, gebruiker, oefening):
    """Resume the open attempt, or start a new one when allowed. Returns (poging, nieuw)."""
    laatste = Poging.objects.select_for_update().filter(gebruiker=gebruiker, oefening=oefening)
    laatste = laatste.first()
    if laatste is not None and laatste.afgerond is None:
        return laatste, False
    if not mag_opnieuw(gebruiker=gebruiker, oefening=oefening, laatste=laatste):
        raise ValidationError(
            _("Je hebt deze oefening al gemaakt. Een trainer kan een nieuwe poging toestaan.")
        )
    try:
        with transaction.atomic():
            poging = Poging.objects.create(
                gebruiker=gebruiker,
                oefening=oefening,
                nummer=(laatste.nummer + 1) if laatste else 1,
                huidige_stap=oefening.eerste_stap_id(),
            )
    except IntegrityError:
        # A double click started the same attempt twice: keep the first.
        return Poging.objects.get(gebruiker=gebruiker, oefening=oefening, afgerond=None), False
    return poging, True


class StapNietAanDeBeurt(ValidationError):
    pass


@transaction.atomic
def antwoord_geven(*, poging, stap_id, gegevens):
    """Store the answer to the current step and move on. Returns (antwoord, nieuw).

    An answer to a step already answered in this attempt (a replayed form) returns the stored
    answer unchanged. An answer to any other step than the current one is refused.
    """
    poging = Poging.objects.select_for_update().select_related("oefening").get(pk=poging.pk)
    bestaand = poging.antwoorden.filter(stap_id=stap_id).first()
    if bestaand is not None:
        return bestaand, False
    if poging.afgerond or stap_id != poging.huidige_stap:
        raise StapNietAanDeBeurt(
            _("Deze stap is nu niet aan de beurt. Je gaat verder waar je gebleven was.")
        )
    oefening = poging.oefening.specific
    _index, stap = oefening.stap(stap_id)
    if stap is None:
        raise StapNietAanDeBeurt(_("Deze stap bestaat niet (meer) in deze oefening."))
    beoordeling = stap.block.beoordeel(stap.value, gegevens)  # refuses ids not in the step
    nu = timezone.now()
    antwoord = Antwoord.objects.create(
        poging=poging,
        stap_id=stap_id,
        stap_type=stap.block_type,
        stap_titel=stap.value["titel"][:120],
        keuzes=beoordeling.keuzes,
        tekst=gegevens.get("tekst", ""),
        score=beoordeling.score,
        max_score=beoordeling.max_score,
        beantwoord=nu,
        seconden=max(0, int((nu - poging.stap_sinds).total_seconds())),
    )
    poging.huidige_stap = oefening.volgende_stap_id(stap_id, beoordeling.volgende)
    poging.stap_sinds = nu
    if not poging.huidige_stap:
        _afronden(poging, oefening, nu)
    poging.save()
    return antwoord, True


def _afronden(poging, oefening, moment):
    scores = [(a.score, a.max_score) for a in poging.antwoorden.all() if a.max_score]
    poging.afgerond = moment
    poging.score = sum(s for s, _m in scores) if scores else None
    poging.max_score = sum(m for _s, m in scores) if scores else None
    activiteit_vastleggen(
        gebruiker=poging.gebruiker,
        soort=Activiteit.Soort.OEFENING_AFGEROND,
        onderwerp=oefening,
        moment=moment,
        titel=oefening.title,
    )


@transaction.atomic
def zelfbeoordeling_opslaan(*, antwoord, oordelen):
    antwoord.zelfbeoordeling = dict(oordelen)
    antwoord.save(update_fields=["zelfbeoordeling"])
    return antwoord


@transaction.atomic
def feedback_vragen(*, antwoord):
    """Put an open answer in the trainers' queue. Asking twice changes nothing."""
    if antwoord.stap_type != "open":
        raise ValidationError(_("Alleen bij een open vraag kun je om feedback vragen."))
    updated = Antwoord.objects.filter(pk=antwoord.pk, feedback_gevraagd__isnull=True).update(
        feedback_gevraagd=timezone.now()
    )
    antwoord.refresh_from_db(fields=["feedback_gevraagd"])
    return bool(updated)


@transaction.atomic
def feedback_geven(*, antwoord, trainer, tekst, herkansing=False):
    """Record a trainer's feedback on an open answer, once. Returns (feedback, nieuw)."""
    controleer_tekst(tekst)
    if antwoord.feedback_gevraagd is None:
        raise ValidationError(_("Voor dit antwoord is geen feedback gevraagd."))
    bestaand = Feedback.objects.filter(antwoord=antwoord).first()
    if bestaand is not None:
        return bestaand, False
    try:
        with transaction.atomic():
            feedback = Feedback.objects.create(antwoord=antwoord, trainer=trainer, tekst=tekst)
    except IntegrityError:
        return Feedback.objects.get(antwoord=antwoord), False
    poging = antwoord.poging
    if herkansing and not poging.herkansing_toegestaan:
        poging.herkansing_toegestaan = True
        poging.save(update_fields=["herkansing_toegestaan"])
    activiteit_vastleggen(
        gebruiker=poging.gebruiker,
        soort=Activiteit.Soort.FEEDBACK_ONTVANGEN,
        onderwerp=feedback,
        titel=_("Feedback op %(oefening)s") % {"oefening": poging.oefening.title},
    )
    return feedback, True


def feedback_gelezen(*, gebruiker, oefening):
    """Mark the trainer feedback on this user's answers to this oefening as read."""
    return Feedback.objects.filter(
        antwoord__poging__gebruiker=gebruiker,
        antwoord__poging__oefening=oefening,
        gelezen__isnull=True,
    ).update(gelezen=timezone.now())


# Kinds of ledger records that can complete a leermodule item.
MODULE_ONDERDELEN = {
    Activiteit.Soort.HOOFDSTUK_GELEZEN,
    Activiteit.Soort.OEFENING_AFGEROND,
    Activiteit.Soort.INTERVISIE_BIJGEWOOND,
}


@transaction.atomic
def leermodules_afronden(*, gebruiker):
    """Record MODULE_AFGEROND for each of the user's leermodules its completion rule now meets.

    Once per module: a module already recorded keeps its first completion moment. Returns the
    modules newly recorded.
    """
    af = {v.module.pk for v in module_voortgang(gebruiker) if v.afgerond}
    if not af:
        return []
    al = set(
        Activiteit.objects.filter(
            gebruiker=gebruiker,
            soort=Activiteit.Soort.MODULE_AFGEROND,
            content_type=ContentType.objects.get_for_model(LeermodulePage),
            object_id__in=af,
        ).values_list("object_id", flat=True)
    )
    nieuw = list(LeermodulePage.objects.filter(pk__in=af - al).order_by("path"))
    for module in nieuw:
        activiteit_vastleggen(
            gebruiker=gebruiker,
            soort=Activiteit.Soort.MODULE_AFGEROND,
            onderwerp=module,
            titel=module.title,
        )
    return nieuw


# --- Concept-oefeningen: a consulent's own case, adopted or returned by a trainer -------------

CONCEPTVELDEN = ("titel", "casus_profiel", "casus", "vraag", "eigen_aanpak")


@transaction.atomic
def oefeningconcept_indienen(*, auteur, titel, casus_profiel, casus, vraag, eigen_aanpak=""):
    """Offer an anonymised case from practice to the trainers as a draft oefening."""
    concept = Oefeningconcept(
        auteur=auteur,
        titel=titel,
        casus_profiel=casus_profiel,
        casus=casus,
        vraag=vraag,
        eigen_aanpak=eigen_aanpak,
    )
    concept.full_clean()
    concept.save()
    return concept


@transaction.atomic
def oefeningconcept_opnieuw_indienen(*, concept, **velden):
    """The author changes a returned draft and offers it again; the trainer's comment stays."""
    concept = Oefeningconcept.objects.select_for_update().get(pk=concept.pk)
    if concept.status != Oefeningconcept.Status.TERUGGEGEVEN:
        raise ValidationError(
            _("Alleen een teruggegeven concept kun je aanpassen en opnieuw indienen.")
        )
    for veld in CONCEPTVELDEN:
        if veld in velden:
            setattr(concept, veld, velden[veld])
    concept.status = Oefeningconcept.Status.INGEDIEND
    concept.ingediend = timezone.now()
    concept.full_clean()
    concept.save()
    return concept


def _beoordelen(concept, trainer):
    if not heeft_rol(trainer, TRAINER):
        raise PermissionDenied
    concept = Oefeningconcept.objects.select_for_update().get(pk=concept.pk)
    if concept.status != Oefeningconcept.Status.INGEDIEND:
        raise ValidationError(
            _("Dit concept is al beoordeeld door een andere trainer. Ververs de pagina.")
        )
    return concept


@transaction.atomic
def oefeningconcept_teruggeven(*, concept, trainer, opmerking):
    """Return the draft to its author with a comment on what it needs."""
    concept = _beoordelen(concept, trainer)
    if not (opmerking or "").strip():
        raise ValidationError({"opmerking": _("Schrijf op wat de inbrenger kan verbeteren.")})
    concept.status = Oefeningconcept.Status.TERUGGEGEVEN
    concept.opmerking = opmerking
    concept.beoordeeld_door = trainer
    concept.beoordeeld = timezone.now()
    concept.full_clean()
    concept.save()
    return concept


@transaction.atomic
def oefeningconcept_overnemen(
    *, concept, trainer, titel, casus_profiel, casus, vraag, modelantwoord, criteria
):
    """Turn the draft into a published oefening: the case, and an open question with a model
    answer and self-assessment criteria written by the trainer. The trainer can refine it
    further in the beheer."""
    concept = _beoordelen(concept, trainer)
    index = OefeningenIndexPage.objects.first()
    if index is None:
        raise ValidationError(_("Er is nog geen oefeningenoverzicht om de oefening in te zetten."))
    fouten = {}
    if not [c for c in criteria if c.strip()]:
        fouten["criteria"] = _("Geef minstens één criterium voor de zelfbeoordeling.")
    if not modelantwoord.strip():
        fouten["modelantwoord"] = _("Schrijf een modelantwoord.")
    for veld, waarde in (("vraag", vraag), ("modelantwoord", modelantwoord)):
        try:
            controleer_tekst(waarde)
        except ValidationError as fout:
            fouten[veld] = fout
    if fouten:
        raise ValidationError(fouten)
    stap = {
        "type": "open",
        "id": str(uuid.uuid4()),
        "value": {
            "titel": _("Jouw aanpak"),
            "sleutel": "",
            "daarna": "",
            "vraag": vraag,
            "modelantwoord": modelantwoord,
            "rubric": [
                {"type": "item", "id": str(uuid.uuid4()), "value": c.strip()}
                for c in criteria
                if c.strip()
            ],
        },
    }
    pagina = OefeningPage(
        title=titel,
        casus_profiel=casus_profiel,
        casus=casus,
        stappen=[stap],
        debrief=_("Deze oefening komt uit de praktijk van een collega."),
        owner=trainer,
    )
    try:
        pagina.full_clean(exclude=["path", "depth", "slug", "url_path"])
    except ValidationError as fout:
        raise ValidationError(
            {("titel" if k == "title" else k): v for k, v in fout.message_dict.items()}
        ) from fout
    index.add_child(instance=pagina)
    pagina.save_revision(user=trainer).publish(user=trainer)
    concept.status = Oefeningconcept.Status.OVERGENOMEN
    concept.oefening = pagina
    concept.beoordeeld_door = trainer
    concept.beoordeeld = timezone.now()
    concept.save()
    return concept
