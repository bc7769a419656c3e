"""The person's own settings page: which reminders they get."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from leernetwerk.herinneringen import selectors, services
from leernetwerk.herinneringen.forms import HerinneringsinstellingenForm


def mijn_instellingen(request):
    instellingen = selectors.instellingen_van(request.user)
    if request.method == "POST":
        form = HerinneringsinstellingenForm(request.POST, instance=instellingen)
        if form.is_valid():
            services.herinneringsinstellingen_opslaan(gebruiker=request.user, **form.cleaned_data)
            messages.success(request, _("Je instellingen voor herinneringen zijn opgeslagen."))
            return redirect(reverse("mijn_instellingen"))
        status = 400
    else:
        form = HerinneringsinstellingenForm(instance=instellingen)
        status = 200
    return render(
        request,
        "herinneringen/instellingen.html",
        {"form": form, "email": request.user.email},
        status=status,
    )
