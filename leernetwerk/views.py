from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from leernetwerk import services


def intervisie(request):
    return render(request, "leernetwerk/intervisie.html", {})


@require_POST
def voornemen_maken(request):
    """'Dit ga ik proberen' on an interventie: record a voornemen and go back."""
    interventie = get_object_or_404(Page.objects.live(), pk=request.POST.get("interventie"))
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
    terug = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(terug, allowed_hosts={request.get_host()}):
        terug = interventie.url
    return redirect(terug)
