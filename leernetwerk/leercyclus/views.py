"""Thin views: Mijn leercyclus, the teamchef dashboard, its plan and exports."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.audit import AuditRegel
from cms.rollen import TEAMCHEF, heeft_rol
from cms.services import audit_vastleggen
from leernetwerk.leercyclus import export, grafiek, portfolio, selectors, services
from leernetwerk.leercyclus.forms import (
    LeercyclusplanForm,
    PeriodeForm,
    PlanmoduleFormSet,
    ReflectieForm,
    VoornemenReflectieForm,
)
from leernetwerk.leercyclus.models import Leercyclusplan, Planmodule, Reflectie
from leernetwerk.models import Voornemen

# --- Mijn leercyclus -----------------------------------------------------------------------------


def _mijn_pagina(request, reflectie_form=None, voornemen_forms=None, status=200):
    overzicht = selectors.mijn_leercyclus(request.user)
    voornemen_forms = voornemen_forms or {}
    open_voornemens = [
        (v, voornemen_forms.get(v.pk) or VoornemenReflectieForm(prefix=f"v{v.pk}"))
        for v in overzicht.open_voornemens
    ]
    return render(
        request,
        "leercyclus/mijn_leercyclus.html",
        {
            "overzicht": overzicht,
            "open_voornemens": open_voornemens,
            "reflectie_form": reflectie_form or ReflectieForm(),
        },
        status=status,
    )


def mijn_leercyclus(request):
    return _mijn_pagina(request)


@require_POST
def reflectie_schrijven(request):
    form = ReflectieForm(request.POST)
    if not form.is_valid():
        return _mijn_pagina(request, reflectie_form=form, status=400)
    services.reflectie_schrijven(gebruiker=request.user, **form.cleaned_data)
    messages.success(request, _("Je reflectie staat in je logboek."))
    return redirect(reverse("mijn_leercyclus") + "#logboek")


@require_POST
def reflectie_verwijderen(request, pk):
    reflectie = get_object_or_404(Reflectie, pk=pk, gebruiker=request.user)
    services.reflectie_verwijderen(reflectie=reflectie)
    messages.success(request, _("De reflectie is verwijderd."))
    return redirect(reverse("mijn_leercyclus") + "#logboek")


@require_POST
def voornemen_reflecteren(request, pk):
    voornemen = get_object_or_404(
        Voornemen, pk=pk, gebruiker=request.user, status=Voornemen.Status.OPEN
    )
    form = VoornemenReflectieForm(request.POST, prefix=f"v{pk}")
    if not form.is_valid():
        return _mijn_pagina(request, voornemen_forms={pk: form}, status=400)
    services.voornemen_reflecteren(
        voornemen=voornemen, gedaan=form.cleaned_data["gedaan"], werkte=form.cleaned_data["werkte"]
    )
    messages.success(
        request, _("“%(titel)s” is afgerond met je reflectie.") % {"titel": voornemen.titel}
    )
    return redirect(reverse("mijn_leercyclus") + "#voornemens")


@require_POST
def module_afronden(request, pk):
    module = get_object_or_404(
        Planmodule.objects.select_related("plan__team"),
        pk=pk,
        plan__team__leden=request.user,
        leermodule_id__isnull=True,
    )
    afgerond = request.POST.get("afgerond") == "1"
    services.module_afronden(gebruiker=request.user, module=module, afgerond=afgerond)
    if afgerond:
        messages.success(request, _("“%(naam)s” staat op afgerond.") % {"naam": module.naam})
    else:
        messages.info(request, _("“%(naam)s” staat weer open.") % {"naam": module.naam})
    return redirect(reverse("mijn_leercyclus") + "#modules")


def mijn_portfolio(request, formaat):
    """The user's own whole leercyclus as PDF or JSON. Only ever request.user's: no id to guess."""
    gegevens = portfolio.portfolio(request.user)
    naam = f"portfolio-{request.user.get_username()}-{gegevens['aangemaakt']:%Y-%m-%d}.{formaat}"
    if formaat == "json":
        response = HttpResponse(
            portfolio.als_json(gegevens), content_type="application/json; charset=utf-8"
        )
    else:
        html = render_to_string("leercyclus/portfolio_pdf.html", {"p": gegevens}, request=request)
        from weasyprint import HTML

        pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
        response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    return response


# --- Teamchef ------------------------------------------------------------------------------------


def _periode(request):
    """The period from ?van=&tot=; the last three months when absent or invalid (errors shown)."""
    vandaag = timezone.localdate()
    standaard = selectors.Periode.laatste_maanden(3, vandaag)
    if "van" not in request.GET and "tot" not in request.GET:
        form = PeriodeForm(initial={"van": standaard.van, "tot": standaard.tot})
        return standaard, form
    form = PeriodeForm(request.GET)
    if form.is_valid():
        return selectors.Periode(form.cleaned_data["van"], form.cleaned_data["tot"]), form
    return standaard, form


def _snelkeuzes():
    vandaag = timezone.localdate()
    return [
        (_("Laatste 3 maanden"), selectors.Periode.laatste_maanden(3, vandaag)),
        (_("Laatste 12 maanden"), selectors.Periode.laatste_maanden(12, vandaag)),
        (_("Dit jaar"), selectors.Periode.dit_jaar(vandaag)),
    ]


def team(request, slug=None):
    if slug is None and not heeft_rol(request.user, TEAMCHEF):
        raise PermissionDenied
    periode, periode_form = _periode(request)
    overzichten = selectors.teamoverzichten(selectors.teams_van_teamchef(request.user), periode)
    if slug is None:
        gekozen = overzichten[0] if overzichten else None
    else:
        gekozen = next((o for o in overzichten if o.team.slug == slug), None)
        if gekozen is None:
            raise Http404
    context = {"overzichten": overzichten, "overzicht": gekozen, "periode_form": periode_form}
    if gekozen is not None:
        gekozen.trend = selectors.maandtrend(gekozen)
        context.update(
            grafiek=grafiek.trendgrafiek(gekozen.trend),
            snelkeuzes=_snelkeuzes(),
            query=f"van={periode.van:%Y-%m-%d}&tot={periode.tot:%Y-%m-%d}",
        )
    return render(request, "leercyclus/team.html", context)


def team_export(request, slug, formaat):
    periode, _form = _periode(request)
    overzichten = selectors.teamoverzichten(
        selectors.teams_van_teamchef(request.user).filter(slug=slug), periode
    )
    if not overzichten:
        raise Http404
    overzicht = overzichten[0]
    naam = f"leercyclus-{slug}-{periode.van:%Y%m%d}-{periode.tot:%Y%m%d}.{formaat}"
    if formaat == "csv":
        response = HttpResponse(export.csv_bytes(overzicht), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            export.xlsx_bytes(overzicht),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    audit_vastleggen(
        actie=AuditRegel.Actie.EXPORT,
        gebruiker=request.user,
        onderwerp=naam,
        reden=_("Deelname-export van een team"),
    )
    return response


def team_plan(request, slug):
    team = get_object_or_404(selectors.teams_van_teamchef(request.user), slug=slug)
    plan = Leercyclusplan.objects.filter(team=team).first() or Leercyclusplan(team=team)
    keuzes = {"leermodules": selectors.leermodules_voor_team(team)}
    if request.method == "POST":
        plan_form = LeercyclusplanForm(request.POST, instance=plan)
        modules = PlanmoduleFormSet(
            request.POST, instance=plan, prefix="modules", form_kwargs=keuzes
        )
        if plan_form.is_valid() and modules.is_valid():
            services.leercyclusplan_opslaan(
                team=team, door=request.user, plan_form=plan_form, modules_formset=modules
            )
            messages.success(
                request, _("Het leercyclusplan van %(team)s is opgeslagen.") % {"team": team.naam}
            )
            return redirect("team_dashboard", slug=team.slug)
        status = 400
    else:
        plan_form = LeercyclusplanForm(instance=plan)
        modules = PlanmoduleFormSet(instance=plan, prefix="modules", form_kwargs=keuzes)
        status = 200
    return render(
        request,
        "leercyclus/plan.html",
        {"team": team, "plan_form": plan_form, "modules": modules, "nieuw": plan.pk is None},
        status=status,
    )
