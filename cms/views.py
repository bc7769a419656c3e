from django import forms
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _


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


@method_decorator(login_not_required, name="dispatch")
class InlogView(LoginView):
    """Leernetwerk's own login page at /inloggen/.

    A logged-in user who is sent here (by Wagtail's admin, for instance) lacks access to the page
    they asked for: tell them so, instead of bouncing them around.
    """

    template_name = "registration/inloggen.html"
    authentication_form = InlogFormulier

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            if request.GET.get(self.redirect_field_name):
                return render(request, "403.html", status=403)
            return redirect("/")
        return super().dispatch(request, *args, **kwargs)
