"""Thin views: one step per page, plain forms (no JavaScript needed), trainer screens."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.invoer import fout_bij_velden, id_uit
from cms.models import Team
from cms.rollen import TRAINER, heeft_rol
from oefeningen import selectors, services
from oefeningen.forms import (
    FORMULIEREN,
    ConceptFormulier,
    FeedbackFormulier,
    OvernemenFormulier,
    TeruggevenFormulier,
    ZelfbeoordelingFormulier,
)
from oefeningen.models import Antwoord, LeermodulePage, Oefeningconcept, OefeningPage


def _waar_verder(poging):
    if poging.afgerond or not poging.huidige_stap:
        return redirect("oefeningen:poging", pk=poging.pk)
    return redirect("oefeningen:stap", pk=poging.pk, stap_id=poging.huidige_stap)


@require_POST
def starten(request, oefening_id):
    oefening = get_object_or_404(OefeningPage.objects.live(), pk=oefening_id)
    try:
        poging, _nieuw = services.poging_starten(gebruiker=request.user, oefening=oefening)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
        return redirect(oefening.url)
    return _waar_verder(poging)


def poging(request, pk):
    """The result of a finished attempt: score, path taken, debrief. Open: go to the step."""
    poging = selectors.poging_van(request.user, pk)
    if not poging.afgerond:
        return _waar_verder(poging)
    oefening = poging.oefening.specific
    antwoorden, pad = selectors.pad_van(poging)
    return render(
        request,
        "oefeningen/resultaat.html",
        {
            "poging": poging,
            "oefening": oefening,
            "antwoorden": antwoorden,
            "pad": pad,
            **selectors.oefening_voor(user=request.user, oefening=oefening),
        },
    )


def stap(request, pk, stap_id):
    poging = selectors.poging_van(request.user, pk)
    oefening = poging.oefening.specific
    index, stap = oefening.stap(stap_id)
    if stap is None:
        raise Http404(_("Deze stap bestaat niet in deze oefening."))
    antwoord = poging.antwoorden.filter(stap_id=stap_id).first()
    if antwoord is not None:
        if request.method == "POST":
            messages.info(request, _("Je antwoord op deze stap was al opgeslagen."))
            return redirect("oefeningen:stap", pk=poging.pk, stap_id=stap_id)
        return _feedback(request, poging, oefening, index, stap, antwoord)
    if poging.afgerond or stap_id != poging.huidige_stap:
        messages.info(request, _("Deze stap is nu niet aan de beurt. Je gaat verder waar je was."))
        return _waar_verder(poging)

    formulier_klasse = FORMULIEREN[stap.block_type]
    opties = selectors.stap_opties(stap)
    if request.method == "POST":
        formulier = formulier_klasse(request.POST, stap=stap, opties=opties)
        if formulier.is_valid():
            try:
                services.antwoord_geven(
                    poging=poging, stap_id=stap_id, gegevens=formulier.gegevens()
                )
            except services.StapNietAanDeBeurt as fout:
                messages.info(request, " ".join(fout.messages))
                return _waar_verder(poging)
            except ValidationError as fout:
                formulier.add_error(None, fout)
            else:
                return redirect("oefeningen:stap", pk=poging.pk, stap_id=stap_id)
    else:
        formulier = formulier_klasse(stap=stap, opties=opties)
    return render(
        request,
        "oefeningen/stap.html",
        {
            "poging": poging,
            "oefening": oefening,
            "stap": stap,
            "nummer": index + 1,
            "formulier": formulier,
            "beantwoord": poging.antwoorden.count(),
        },
        status=400 if formulier.is_bound else 200,
    )


def _feedback(request, poging, oefening, index, stap, antwoord, zelf_formulier=None):
    if zelf_formulier is None and stap.block_type == "open":
        zelf_formulier = ZelfbeoordelingFormulier(
            initial=antwoord.zelfbeoordeling, criteria=list(stap.value["rubric"])
        )
    return render(
        request,
        "oefeningen/feedback.html",
        {
            "poging": poging,
            "oefening": oefening,
            "stap": stap,
            "nummer": index + 1,
            "antwoord": antwoord,
            "regels": selectors.stap_feedback(antwoord=antwoord, stap=stap),
            "verdeling": selectors.collega_verdeling(poging=poging, stap=stap),
            "minimum_collegas": selectors.MINIMUM_COLLEGAS,
            "zelf_formulier": zelf_formulier,
            "trainer_feedback": getattr(antwoord, "feedback", None),
        },
        status=400 if zelf_formulier is not None and zelf_formulier.is_bound else 200,
    )


def _open_antwoord(request, pk, stap_id):
    poging = selectors.poging_van(request.user, pk)
    antwoord = poging.antwoorden.filter(stap_id=stap_id, stap_type="open").first()
    if antwoord is None:
        raise Http404(_("Dit antwoord bestaat niet."))
    return poging, antwoord


@require_POST
def zelfbeoordeling(request, pk, stap_id):
    poging, antwoord = _open_antwoord(request, pk, stap_id)
    oefening = poging.oefening.specific
    index, stap = oefening.stap(stap_id)
    if stap is None:
        raise Http404
    formulier = ZelfbeoordelingFormulier(request.POST, criteria=list(stap.value["rubric"]))
    if not formulier.is_valid():
        return _feedback(request, poging, oefening, index, stap, antwoord, formulier)
    services.zelfbeoordeling_opslaan(antwoord=antwoord, oordelen=formulier.cleaned_data)
    messages.success(request, _("Je zelfbeoordeling is opgeslagen."))
    return redirect("oefeningen:stap", pk=poging.pk, stap_id=stap_id)


@require_POST
def feedback_vragen(request, pk, stap_id):
    poging, antwoord = _open_antwoord(request, pk, stap_id)
    if services.feedback_vragen(antwoord=antwoord):
        messages.success(request, _("Je vraag om feedback staat bij de trainers."))
    else:
        messages.info(request, _("Je had al om feedback gevraagd."))
    return redirect("oefeningen:stap", pk=poging.pk, stap_id=stap_id)


# Trainer


def _alleen_trainer(request):
    if not heeft_rol(request.user, TRAINER):
        raise PermissionDenied


def wachtrij(request):
    _alleen_trainer(request)
    filters = selectors.wachtrij_filters()
    module = team = None
    if module_id := id_uit(request.GET.get("module")):
        module = filters["modules"].filter(pk=module_id).first()
    if request.GET.get("team"):
        team = Team.objects.filter(slug=request.GET["team"]).first()
    return render(
        request,
        "oefeningen/trainer/wachtrij.html",
        {
            "antwoorden": selectors.feedback_wachtrij(module=module, team=team),
            "gekozen_module": module,
            "gekozen_team": team,
            **filters,
        },
    )


def feedback_schrijven(request, antwoord_id):
    _alleen_trainer(request)
    antwoord = get_object_or_404(
        Antwoord.objects.select_related("poging__oefening", "poging__gebruiker").filter(
            feedback_gevraagd__isnull=False
        ),
        pk=antwoord_id,
    )
    oefening = antwoord.poging.oefening.specific
    _index, stap = oefening.stap(antwoord.stap_id)
    bestaand = getattr(antwoord, "feedback", None)
    formulier = FeedbackFormulier(request.POST or None)
    if request.method == "POST" and bestaand is None and formulier.is_valid():
        try:
            services.feedback_geven(
                antwoord=antwoord,
                trainer=request.user,
                tekst=formulier.cleaned_data["tekst"],
                herkansing=formulier.cleaned_data["herkansing"],
            )
        except ValidationError as fout:
            formulier.add_error("tekst", fout)
        else:
            messages.success(request, _("Je feedback is verstuurd."))
            return redirect("oefeningen:wachtrij")
    return render(
        request,
        "oefeningen/trainer/feedback_schrijven.html",
        {
            "antwoord": antwoord,
            "oefening": oefening,
            "stap": stap,
            "formulier": formulier,
            "bestaand": bestaand,
            "zelfbeoordeling": [
                (criterium, antwoord.zelfbeoordeling.get(f"c{i}"))
                for i, criterium in enumerate(stap.value["rubric"])
            ]
            if stap is not None and antwoord.zelfbeoordeling
            else [],
        },
        status=400 if formulier.is_bound and bestaand is None else 200,
    )


def statistiek(request, oefening_id):
    _alleen_trainer(request)
    oefening = get_object_or_404(OefeningPage, pk=oefening_id)
    return render(
        request,
        "oefeningen/trainer/statistiek.html",
        {"oefening": oefening, **selectors.oefening_statistiek(oefening=oefening)},
    )


def modules(request):
    """My leermodules with progress (also on the oefeningen page and the home page)."""
    return render(
        request,
        "oefeningen/modules.html",
        {
            "modules": selectors.module_voortgang(request.user),
            "alle_modules": LeermodulePage.objects.live().order_by("title")
            if heeft_rol(request.user, TRAINER)
            else [],
        },
    )


# --- Concept-oefeningen: the consulent's own case, the trainers' review queue ----------------


def mijn_concepten(request):
    """The consulent's own drafts: waiting, returned with a comment, or adopted."""
    return render(
        request,
        "oefeningen/mijn_concepten.html",
        {"concepten": selectors.concepten_van(request.user)},
    )


def concept_aanpassen(request, pk):
    """Change a returned draft and offer it again. Only its author sees it."""
    concept = get_object_or_404(Oefeningconcept, pk=pk, auteur=request.user)
    formulier = ConceptFormulier(request.POST or None, instance=concept)
    bewerkbaar = concept.status == Oefeningconcept.Status.TERUGGEGEVEN
    if request.method == "POST" and bewerkbaar and formulier.is_valid():
        try:
            services.oefeningconcept_opnieuw_indienen(
                concept=concept,
                **{v: formulier.cleaned_data[v] for v in services.CONCEPTVELDEN},
            )
        except ValidationError as fout:
            fout_bij_velden(formulier, fout)
        else:
            messages.success(request, _("Je concept is opnieuw ingediend bij de trainers."))
            return redirect("oefeningen:mijn_concepten")
    return render(
        request,
        "oefeningen/concept_aanpassen.html",
        {"concept": concept, "form": formulier, "bewerkbaar": bewerkbaar},
    )


def concepten(request):
    """The trainers' review queue of draft oefeningen from practice."""
    _alleen_trainer(request)
    return render(
        request,
        "oefeningen/trainer/concepten.html",
        {"concepten": selectors.concepten_ter_beoordeling()},
    )


def concept_beoordelen(request, pk):
    """A trainer adopts a draft into a published oefening, or returns it with a comment."""
    _alleen_trainer(request)
    concept = get_object_or_404(Oefeningconcept.objects.select_related("auteur"), pk=pk)
    actie = request.POST.get("actie") if request.method == "POST" else None
    overnemen = OvernemenFormulier(
        request.POST if actie == "overnemen" else None,
        initial={
            "titel": concept.titel,
            "casus_profiel": concept.casus_profiel,
            "casus": concept.casus,
            "vraag": concept.vraag,
            "modelantwoord": concept.eigen_aanpak,
        },
        prefix="overnemen",
    )
    teruggeven = TeruggevenFormulier(
        request.POST if actie == "teruggeven" else None, prefix="teruggeven"
    )
    formulier = {"overnemen": overnemen, "teruggeven": teruggeven}.get(actie)
    if formulier is not None and formulier.is_valid():
        try:
            if actie == "overnemen":
                concept = services.oefeningconcept_overnemen(
                    concept=concept, trainer=request.user, **formulier.cleaned_data
                )
                messages.success(
                    request,
                    _("“%(titel)s” staat nu als oefening tussen de oefeningen.")
                    % {"titel": concept.oefening.title},
                )
            else:
                services.oefeningconcept_teruggeven(
                    concept=concept, trainer=request.user, **formulier.cleaned_data
                )
                messages.success(request, _("Het concept is teruggegeven met je opmerking."))
        except ValidationError as fout:
            fout_bij_velden(formulier, fout)
        else:
            return redirect("oefeningen:concepten")
    return render(
        request,
        "oefeningen/trainer/concept_beoordelen.html",
        {"concept": concept, "overnemen": overnemen, "teruggeven": teruggeven},
    )
