"""Thin views of the leernetwerk app. Access to intervisie content is decided in selectors."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from cms import spreadsheets
from cms.audit import AuditRegel
from cms.invoer import fout_bij_velden, id_uit, terugweg
from cms.rollen import CONSULENT, TEAMCHEF, heeft_rol
from cms.services import audit_vastleggen
from leernetwerk import export, forms, selectors, services
from leernetwerk.models import (
    Actiepunt,
    Intervisiegroep,
    Intervisiesessie,
    Koppel,
    ToegangsLog,
    Voornemen,
)
from leernetwerk.services import ROLLEN_IN_GROEP
from oefeningen.services import oefeningconcept_indienen


@require_POST
def voornemen_maken(request):
    """'Dit ga ik proberen' on an interventie: record a voornemen and go back."""
    interventie = get_object_or_404(Page.objects.live(), pk=id_uit(request.POST.get("interventie")))
    _voornemen, nieuw = services.voornemen_maken(
        gebruiker=request.user, interventie=interventie.specific
    )
    if nieuw:
        messages.success(
            request,
            _("Genoteerd in je leercyclus: je gaat “%(titel)s” proberen.")
            % {"titel": interventie.title},
        )
    else:
        messages.info(request, _("Dit voornemen stond al open in je leercyclus."))
    return redirect(terugweg(request, request.POST.get("next"), interventie.url))


# --- Intervisie: access ------------------------------------------------------------------------


def _weigeren(request):
    """A page for one role only (no id in it): log and answer 403."""
    services.toegang_loggen(
        gebruiker=request.user, soort=ToegangsLog.Soort.GEWEIGERD, pad=request.get_full_path()
    )
    raise PermissionDenied


def _verbergen(request, *, sessie=None, groep=None):
    """Log the refused look, then answer exactly as for an id that does not exist (404)."""
    services.toegang_loggen(
        gebruiker=request.user,
        soort=ToegangsLog.Soort.GEWEIGERD,
        sessie=sessie,
        groep=groep,
        pad=request.get_full_path(),
    )
    raise Http404


def _bestaand(queryset, pk):
    gevonden = queryset.filter(pk=pk).first()
    if gevonden is None:
        raise Http404
    return gevonden


def _sessie_voor_lid(request, pk):
    """The session, for those who may read it; anyone else gets the 404 of an unknown id."""
    sessie = _bestaand(Intervisiesessie.objects.select_related("groep", "methode"), pk)
    if not selectors.mag_inhoud_lezen(request.user, sessie):
        _verbergen(request, sessie=sessie)
    return sessie


def _groep_voor_lid(request, pk):
    groep = _bestaand(Intervisiegroep.objects.all(), pk)
    if not selectors.is_groepslid(request.user, groep):
        _verbergen(request, groep=groep)
    return groep


# --- Intervisie: pages -------------------------------------------------------------------------


def intervisie(request):
    vandaag = timezone.localdate()
    return render(
        request,
        "leernetwerk/intervisie.html",
        {
            "groepen": selectors.groepen_overzicht(request.user),
            "actiepunten": selectors.mijn_open_actiepunten(request.user),
            "uren_form": forms.UrenForm(
                initial={"van": vandaag.replace(month=1, day=1), "tot": vandaag}
            ),
            "is_teamchef": heeft_rol(request.user, TEAMCHEF),
            "vandaag": vandaag,
        },
    )


def deelname(request):
    """Teamchef: who of my teams took part in which session; dates, hours, attendance only."""
    if not heeft_rol(request.user, TEAMCHEF):
        _weigeren(request)
    return render(
        request,
        "leernetwerk/deelname.html",
        {"sessies": selectors.deelname_voor_teamchef(request.user)},
    )


def groep(request, pk):
    _groep_voor_lid(request, pk)
    groep = selectors.groep_met_sessies(pk, request.user)
    return render(
        request,
        "leernetwerk/groep.html",
        {
            "groep": groep,
            "vandaag": timezone.localdate(),
            "nieuwe_leden": selectors.nieuwe_leden_om_mee_te_delen(request.user, groep),
        },
    )


@require_POST
def eerdere_sessies_delen(request, pk):
    """An earlier member shares the group's history with a later member (the group decides)."""
    groep = _groep_voor_lid(request, pk)
    model = ROLLEN_IN_GROEP.get(request.POST.get("rol", ""))
    persoon = request.POST.get("persoon", "")
    if model is None or not persoon.isdigit():
        raise Http404
    toegang = model.objects.select_related("persoon", "groep")
    toegang = toegang.filter(groep=groep, persoon=persoon).first()
    if toegang is None:
        raise Http404
    services.eerdere_sessies_delen(toegang=toegang, door=request.user)
    messages.success(
        request,
        _("%(naam)s leest nu ook de sessies van vóór %(datum)s.")
        % {
            "naam": toegang.persoon.get_full_name() or toegang.persoon.get_username(),
            "datum": toegang.sinds.strftime("%d-%m-%Y"),
        },
    )
    return redirect(groep)


def sessie_nieuw(request, pk):
    groep = _groep_voor_lid(request, pk)
    form = forms.SessieNieuwForm(request.POST or None, groep=groep)
    if request.method == "POST" and form.is_valid():
        try:
            sessie = services.sessie_plannen(groep=groep, **form.cleaned_data)
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(request, _("De sessie staat gepland."))
            return redirect(sessie)
    return render(request, "leernetwerk/sessie_nieuw.html", {"groep": groep, "form": form})


def _sessie_context(request, sessie):
    sessie = selectors.sessie_met_inhoud(sessie.pk)
    eigen = next((a for a in sessie.aanwezigheden.all() if a.deelnemer_id == request.user.pk), None)
    return {
        "sessie": sessie,
        "eigen_aanwezigheid": eigen,
        "kan_bevestigen": sessie.datum <= timezone.localdate(),
    }


def sessie(request, pk):
    """The record. Members read it; a beheerder only after stating a reason; others 404."""
    sessie = _bestaand(Intervisiesessie.objects.select_related("groep", "methode"), pk)
    if selectors.mag_inhoud_lezen(request.user, sessie):
        return render(request, "leernetwerk/sessie.html", _sessie_context(request, sessie))
    if not selectors.mag_inhoud_openen_met_reden(request.user):
        _verbergen(request, sessie=sessie)
    form = forms.RedenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.toegang_loggen(
            gebruiker=request.user,
            soort=ToegangsLog.Soort.BEHEERDER,
            sessie=sessie,
            pad=request.get_full_path(),
            reden=form.cleaned_data["reden"],
        )
        context = _sessie_context(request, sessie) | {"als_beheerder": True}
        return render(request, "leernetwerk/sessie.html", context)
    return render(
        request, "leernetwerk/sessie_reden.html", {"sessie": sessie, "form": form}, status=403
    )


def _conflict_melding(request):
    messages.error(
        request,
        _(
            "Iemand anders heeft deze sessie opgeslagen terwijl jij bezig was. Er is niets "
            "overschreven: jouw tekst staat hieronder nog. Vergelijk met de opgeslagen versie en "
            "sla opnieuw op."
        ),
    )


def _kopie(sessie):
    """A fresh instance for a bound form: validating writes into it, the original stays."""
    return Intervisiesessie.objects.select_related("groep", "methode").get(pk=sessie.pk)


def _met_nieuwe_versie(data, versie):
    data = data.copy()
    data["versie"] = str(versie)
    return data


def _inhoud_verwijderd(request, sessie):
    """A cleaned session takes no new content: say so on its record page."""
    messages.error(request, services.InhoudVerwijderd().messages[0])
    return redirect(sessie)


def sessie_bewerken(request, pk):
    sessie = _sessie_voor_lid(request, pk)
    if sessie.inhoud_verwijderd and request.method != "POST":
        return _inhoud_verwijderd(request, sessie)
    actueel = None
    if request.method == "POST":
        form = forms.SessieVerslagForm(request.POST, instance=sessie)
        if form.is_valid():
            try:
                services.sessie_bijwerken(
                    sessie=sessie, versie=form.cleaned_data["versie"], gegevens=form.gegevens()
                )
            except services.InhoudVerwijderd as fout:
                form.add_error(None, fout)  # what was typed stays in the form
            except services.VersieConflict as conflict:
                _conflict_melding(request)
                actueel = conflict.actueel
                form = forms.SessieVerslagForm(
                    _met_nieuwe_versie(request.POST, actueel.versie),
                    instance=_kopie(actueel),
                )
                form.is_valid()
            else:
                messages.success(request, _("Het verslag is opgeslagen."))
                return redirect(sessie)
    else:
        form = forms.SessieVerslagForm(instance=sessie)
    return render(
        request,
        "leernetwerk/sessie_bewerken.html",
        {"sessie": sessie, "form": form, "actueel": actueel},
    )


def sessie_leiden(request, pk):
    """Walk the group through the method: terugblik, each step with its time, afronding."""
    sessie = _sessie_voor_lid(request, pk)
    if sessie.inhoud_verwijderd and request.method != "POST":
        return _inhoud_verwijderd(request, sessie)
    stappen = list(sessie.stappen.all())
    laatste = len(stappen) + 1
    try:
        nummer = int(request.GET.get("stap", sessie.huidige_stap))
    except ValueError:
        nummer = 0
    nummer = max(0, min(nummer, laatste))
    stap = stappen[nummer - 1] if 1 <= nummer <= len(stappen) else None

    def maak_form(data=None):
        if nummer == 0:
            return forms.TerugblikForm(data, instance=_kopie(sessie))
        if nummer == laatste:
            return forms.AfrondingForm(data, instance=_kopie(sessie))
        initial = {"versie": sessie.versie, "notitie": stap.notitie}
        return forms.StapForm(data, initial=initial)

    form = maak_form(request.POST or None)
    actueel = None
    if request.method == "POST" and form.is_valid():
        richting = request.POST.get("richting", "volgende")
        naar = {"vorige": nummer - 1, "volgende": nummer + 1}.get(richting, nummer)
        naar = max(0, min(naar, laatste))
        afronding = isinstance(form, forms.AfrondingForm)
        if afronding:
            gegevens = form.sessie_gegevens()
            toevoegen = {"actiepunt": form.nieuw_actiepunt(), "voornemen": form.nieuw_voornemen()}
        else:
            gegevens = {
                k: v for k, v in form.cleaned_data.items() if k not in ("versie", "notitie")
            }
            toevoegen = {}
        try:
            if richting == "afronden":
                services.sessie_afronden(
                    sessie=sessie,
                    versie=form.cleaned_data["versie"],
                    gegevens=gegevens,
                    **toevoegen,
                )
                messages.success(
                    request,
                    _(
                        "De sessie is afgerond en het verslag staat klaar voor de groep. "
                        "Bevestig je aanwezigheid, dan tellen de uren mee."
                    ),
                )
                return redirect(sessie)
            services.stap_opslaan(
                sessie=sessie,
                versie=form.cleaned_data["versie"],
                stap=stap,
                notitie=form.cleaned_data.get("notitie", ""),
                gegevens=gegevens,
                naar_stap=naar,
                **toevoegen,
            )
        except services.InhoudVerwijderd as fout:
            form.add_error(None, fout)  # what was typed stays in the form
        except services.VersieConflict as conflict:
            _conflict_melding(request)
            actueel = conflict.actueel
            sessie = actueel
            if stap is not None:
                stap.refresh_from_db()
            form = maak_form(_met_nieuwe_versie(request.POST, actueel.versie))
            form.is_valid()
        else:
            if toevoegen.get("actiepunt"):
                messages.success(request, _("Actiepunt toegevoegd."))
            if toevoegen.get("voornemen"):
                messages.success(request, _("Voornemen vastgelegd."))
            return redirect(f"{reverse('sessie_leiden', args=[sessie.pk])}?stap={naar}")
    context = {
        "sessie": sessie,
        "stappen": stappen,
        "nummer": nummer,
        "laatste": laatste,
        "stap": stap,
        "form": form,
        "actueel": actueel,
    }
    if nummer == 0:
        context["terugblik"] = selectors.open_actiepunten_van_groep_voor(sessie, user=request.user)
        if sessie.methode.is_leernetwerk:
            context["voornemens"] = selectors.voornemens_ter_bespreking(sessie, user=request.user)
    if nummer == laatste:
        context["actiepunten"] = sessie.actiepunten.select_related("eigenaar")
        context["nieuwe_voornemens"] = sessie.voornemens.select_related("gebruiker")
    return render(request, "leernetwerk/sessie_leiden.html", context)


@require_POST
def aanwezigheid(request, pk):
    """Confirm or withdraw one's own attendance. Nobody confirms for someone else."""
    sessie = _sessie_voor_lid(request, pk)
    if request.POST.get("actie") == "intrekken":
        services.aanwezigheid_intrekken(sessie=sessie, deelnemer=request.user)
        messages.info(request, _("Je aanwezigheid is ingetrokken; de uren tellen niet meer mee."))
    elif sessie.datum > timezone.localdate():
        messages.error(
            request, _("Je kunt je aanwezigheid pas vanaf de dag van de sessie bevestigen.")
        )
    else:
        services.aanwezigheid_bevestigen(sessie=sessie, deelnemer=request.user)
        messages.success(
            request,
            _("Je aanwezigheid is bevestigd: %(uren)s uur telt mee in je leercyclus.")
            % {"uren": number_format(sessie.uren, 2)},
        )
    return redirect(sessie)


@require_POST
def actiepunt_afronden(request, pk):
    actiepunt = _bestaand(Actiepunt.objects.select_related("sessie__groep"), pk)
    if not selectors.mag_inhoud_lezen(request.user, actiepunt.sessie):
        _verbergen(request, sessie=actiepunt.sessie)
    in_sessie = None
    if request.POST.get("sessie"):
        in_sessie = get_object_or_404(
            selectors.sessies_zichtbaar_voor(request.user),
            pk=id_uit(request.POST["sessie"]),
            groep=actiepunt.sessie.groep,
        )
    services.actiepunt_afronden(actiepunt=actiepunt, in_sessie=in_sessie)
    messages.success(request, _("Actiepunt afgesloten: “%(a)s”.") % {"a": actiepunt.omschrijving})
    return redirect(terugweg(request, request.POST.get("next"), reverse("intervisie")))


def voornemen_bespreken(request, pk):
    """The consulent's own reflection on a voornemen, reviewed in the next bijeenkomst."""
    voornemen = get_object_or_404(Voornemen, pk=pk, gebruiker=request.user)
    form = forms.VoornemenReflectieForm(request.POST or None, instance=voornemen)
    if request.method == "POST" and form.is_valid():
        services.voornemen_afronden(
            voornemen=voornemen,
            reflectie_gedaan=form.cleaned_data["reflectie_gedaan"],
            reflectie_werkte=form.cleaned_data["reflectie_werkte"],
        )
        messages.success(request, _("Je reflectie is opgeslagen en het voornemen afgerond."))
        return redirect(terugweg(request, request.POST.get("next"), reverse("mijn_leercyclus")))
    return render(
        request,
        "leernetwerk/voornemen_bespreken.html",
        {
            "voornemen": voornemen,
            "form": form,
            "next": terugweg(request, request.GET.get("next"), ""),
        },
    )


# --- Intervisie: JSON and exports --------------------------------------------------------------


def sessie_json(request, pk):
    sessie = _sessie_voor_lid(request, pk)
    sessie = selectors.sessie_met_inhoud(sessie.pk)
    return JsonResponse(
        {
            "id": sessie.pk,
            "groep": sessie.groep.naam,
            "methode": sessie.methode.naam,
            "datum": sessie.datum.isoformat(),
            "start": sessie.start.strftime("%H:%M"),
            "eind": sessie.eind.strftime("%H:%M"),
            "uren": str(sessie.uren),
            "pauze_minuten": sessie.pauze_minuten,
            "vorm": sessie.vorm,
            "reflectievorm": sessie.reflectievorm,
            "onderwerp": sessie.onderwerp,
            "casus": sessie.casus,
            "hulpvraag": sessie.hulpvraag,
            "leerpunten": sessie.leerpunten,
            "agenda": sessie.agenda,
            "procesverslag": sessie.procesverslag,
            "stappen": [{"titel": s.titel, "notitie": s.notitie} for s in sessie.stappen.all()],
            "actiepunten": [
                {
                    "omschrijving": a.omschrijving,
                    "eigenaar": a.eigenaar.get_full_name(),
                    "deadline": a.deadline.isoformat() if a.deadline else None,
                    "afgerond": a.afgerond is not None,
                }
                for a in sessie.actiepunten.all()
            ],
            "aanwezig": [
                a.deelnemer.get_full_name() for a in sessie.aanwezigheden.all() if a.bevestigd
            ],
        }
    )


def sessie_export(request, pk):
    """The record as a Markdown file, for the group's own archive."""
    sessie = _sessie_voor_lid(request, pk)
    sessie = selectors.sessie_met_inhoud(sessie.pk)
    tekst = render_to_string("leernetwerk/sessie_export.md", {"sessie": sessie})
    response = HttpResponse(tekst, content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="intervisie-{sessie.datum:%Y-%m-%d}-{sessie.pk}.md"'
    )
    audit_vastleggen(
        actie=AuditRegel.Actie.EXPORT,
        gebruiker=request.user,
        onderwerp=str(sessie),
        reden=_("Export van een intervisieverslag"),
    )
    return response


def _uren_standaard():
    vandaag = timezone.localdate()
    return forms.UrenForm(initial={"van": vandaag.replace(month=1, day=1), "tot": vandaag})


def _uren_pagina(request, *, periode_form=None, uren_form=None, status=200):
    periode = selectors.registerperiode_van(request.user)
    return render(
        request,
        "leernetwerk/uren.html",
        {
            "periode": periode,
            "periode_form": periode_form or forms.RegisterperiodeForm(instance=periode),
            "uren_form": uren_form or _uren_standaard(),
            "bewijs": selectors.registerbewijs(request.user) if periode else None,
            "vandaag": timezone.localdate(),
        },
        status=status,
    )


def uren(request):
    """The hours overview: the person's register period, running totals and the downloads.

    POST sets the register period; ?van=&tot= downloads the PDF of that range (as before).
    """
    if request.method == "POST":
        periode = selectors.registerperiode_van(request.user)
        form = forms.RegisterperiodeForm(request.POST, instance=periode)
        if not form.is_valid():
            return _uren_pagina(request, periode_form=form, status=400)
        services.registerperiode_instellen(gebruiker=request.user, **form.cleaned_data)
        messages.success(request, _("Je registerperiode is opgeslagen."))
        return redirect(reverse("intervisie_uren") + "#stand")
    if "van" in request.GET or "tot" in request.GET:
        return uren_bewijs(request, "pdf")
    return _uren_pagina(request)


def uren_bewijs(request, formaat):
    """The user's own hours evidence as PDF or CSV: of the register period, or of ?van=&tot=.

    There is no way to name another person: everything is read for request.user.
    """
    if "van" in request.GET or "tot" in request.GET:
        form = forms.UrenForm(request.GET)
        if not form.is_valid():
            return _uren_pagina(request, uren_form=form, status=400)
        bewijs = selectors.registerbewijs(
            request.user, form.cleaned_data["van"], form.cleaned_data["tot"]
        )
    else:
        bewijs = selectors.registerbewijs(request.user)
        if bewijs is None:
            messages.info(
                request, _("Stel eerst je registerperiode in; daarna kun je het bewijs downloaden.")
            )
            return redirect(reverse("intervisie_uren") + "#registerperiode")
    naam = f"intervisie-uren-{bewijs.van}-{bewijs.tot}.{formaat}"
    if formaat == "csv":
        response = HttpResponse(
            spreadsheets.csv_bytes(export.bewijs_rijen(bewijs)),
            content_type="text/csv; charset=utf-8",
        )
    else:
        html = render_to_string(
            "leernetwerk/uren_pdf.html",
            {
                "gebruiker": selectors.gebruiker_met_profiel(request.user),
                "bewijs": bewijs,
                "aangemaakt": timezone.localtime(),
            },
            request=request,
        )
        from weasyprint import HTML

        pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
        response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    return response


# --- Koppels: the observations are for the pair only --------------------------------------------


def koppels(request):
    """My pairs (with a reminder when we are due), and for those who follow participation the
    pairs with the dates they met: never what they wrote."""
    vandaag = timezone.localdate()
    mijn = list(selectors.koppels_van(request.user))
    for k in mijn:
        k.collega = k.collega_van(request.user)
        k.toe_aan_gesprek = selectors.koppel_is_toe_aan_gesprek(k, vandaag)
    return render(
        request,
        "leernetwerk/koppels.html",
        {
            "mijn_koppels": mijn,
            "deelname": selectors.koppels_deelname(request.user),
            "mag_vormen": selectors.mag_koppels_vormen(request.user),
            "is_consulent": heeft_rol(request.user, CONSULENT),
        },
    )


def koppel_vormen(request):
    """A trainer or beheerder pairs two consulenten."""
    if not selectors.mag_koppels_vormen(request.user):
        _weigeren(request)
    form = forms.KoppelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            koppel = services.koppel_vormen(door=request.user, **form.cleaned_data)
        except ValidationError as fout:
            fout_bij_velden(form, fout)
        else:
            messages.success(request, _("%(koppel)s is gevormd.") % {"koppel": koppel})
            return redirect("koppels")
    return render(request, "leernetwerk/koppel_vormen.html", {"form": form})


def koppel(request, pk):
    """The pair's own page: their observations and the form for a new one. Others: 404."""
    gevonden = _bestaand(Koppel.objects.all(), pk)
    if not selectors.is_koppellid(request.user, gevonden):
        _verbergen(request)
    form = forms.KoppelobservatieForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.koppelobservatie_vastleggen(
                koppel=gevonden, observator=request.user, **form.cleaned_data
            )
        except ValidationError as fout:
            fout_bij_velden(form, fout)
        else:
            messages.success(
                request,
                _("Je observatie is opgeslagen. Jullie koppelgesprek telt mee in de leercyclus."),
            )
            return redirect(gevonden)
    koppel = selectors.koppel_met_observaties(pk)
    return render(
        request,
        "leernetwerk/koppel.html",
        {"koppel": koppel, "collega": koppel.collega_van(request.user), "form": form},
    )


# --- Eigen casus: a reflection for the group or a draft oefening ------------------------------


def eigen_casus(request):
    """Bring a case from one's own practice, anonymised: into an intervisie group (seen by
    that group only) or to the trainers as a draft oefening."""
    form = forms.EigenCasusForm(request.POST or None, groepen=selectors.groepen_van(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if form.groep is not None:
                bijdrage = services.groepsbijdrage_inbrengen(
                    groep=form.groep,
                    auteur=request.user,
                    titel=data["titel"],
                    casus=data["casus"],
                    reflectie=data["vraag"],
                )
            else:
                oefeningconcept_indienen(
                    auteur=request.user,
                    titel=data["titel"],
                    casus_profiel=data["casus_profiel"],
                    casus=data["casus"],
                    vraag=data["vraag"],
                    eigen_aanpak=data["eigen_aanpak"],
                )
        except ValidationError as fout:
            if hasattr(fout, "error_dict") and "reflectie" in fout.error_dict:
                fout.error_dict["vraag"] = fout.error_dict.pop("reflectie")
            fout_bij_velden(form, fout)
        else:
            if form.groep is not None:
                messages.success(
                    request,
                    _("Je casus staat bij “%(groep)s”. Alleen de leden van de groep lezen hem.")
                    % {"groep": form.groep.naam},
                )
                return redirect(f"{form.groep.get_absolute_url()}#bijdrage-{bijdrage.pk}")
            messages.success(
                request,
                _(
                    "Je concept-oefening is ingediend. Een trainer neemt hem over of geeft hem "
                    "terug met een opmerking."
                ),
            )
            return redirect("oefeningen:mijn_concepten")
    return render(request, "leernetwerk/eigen_casus.html", {"form": form})
