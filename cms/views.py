from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _

from cms.oidc import oidc_ingeschakeld


class InlogFormulier(AuthenticationForm):
    """Django's login form with Dutch labels and messages."""

    username = forms.CharField(
        label=_("Gebruikersnaam"),
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    password = forms.CharField(
        label=_("Wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _(
            "Deze combinatie van gebruikersnaam en wachtwoord is onbekend. "
            "Let op hoofdletters en kleine letters."
        ),
        "inactive": _("Dit account is niet actief. Neem contact op met de beheerder."),
    }


GEEN_BEHEER = _(
    "Het beheer is er voor redacteuren en beheerders. Alles wat je als consulent of teamchef "
    "nodig hebt, vind je in Leernetwerk zelf."
)


def _naar_beheer(url):
    return url.startswith(reverse("wagtailadmin_home"))


def _mag_beheer(user):
    return user.has_perm("wagtailadmin.access_admin")


@method_decorator(login_not_required, name="dispatch")
class InlogView(LoginView):
    """Leernetwerk's own login page at /inloggen/, for the front end and the admin alike.

    `next` is only followed to this site (Django's check). A logged-in user sent here with a
    `next` lacks access to it (Wagtail's admin sends them): an editor goes on to the admin page,
    anyone else gets a Dutch "Geen toegang" page instead of a loop.
    """

    template_name = "registration/inloggen.html"
    authentication_form = InlogFormulier

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            volgende = self.get_redirect_url()
            if volgende and _naar_beheer(volgende):
                if _mag_beheer(request.user):
                    return redirect(volgende)
                # Wagtail queued its own terse message: mark it read, the page says it better.
                list(messages.get_messages(request))
                context = {"uitleg": GEEN_BEHEER, "messages": []}
                return render(request, "403.html", context, status=403)
            if request.GET.get(self.redirect_field_name):
                return render(request, "403.html", status=403)
            return redirect("/")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "oidc_aan": oidc_ingeschakeld()}

    def get_success_url(self):
        volgende = self.get_redirect_url()
        if volgende and _naar_beheer(volgende) and not _mag_beheer(self.request.user):
            messages.info(self.request, GEEN_BEHEER)
            return settings.LOGIN_REDIRECT_URL
        return super().get_success_url()
