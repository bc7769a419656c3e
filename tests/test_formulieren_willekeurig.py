"""Every form on the platform, filled with generated input: never a 500, and a refused form
writes nothing. The forms are found on the pages themselves (each <form method="post">, its
action and its field names), so a new form on these pages is covered without a new test."""

import io
from html.parser import HTMLParser

import pytest
from django.apps import apps
from hypothesis import given
from hypothesis import strategies as st

from cms.demo import inhoud_laden
from tests.conftest import EIGEN_APPS
from tests.test_rechtenmatrix import _objecten
from tests.test_slechte_invoer import INSTELLINGEN, WAARDE

pytestmark = pytest.mark.django_db

# (account, page holding forms): the demo objects fill in the path.
PAGINAS = [
    ("demo-consulent", "/mijn-leercyclus/"),
    ("demo-consulent", "/intervisie/groepen/{groep}/sessies/nieuw/"),
    ("demo-consulent", "/intervisie/sessies/{sessie}/"),
    ("demo-consulent", "/intervisie/sessies/{sessie}/bewerken/"),
    ("demo-consulent", "/intervisie/sessies/{sessie}/leiden/"),
    ("demo-consulent", "{oefening_url}"),
    ("demo-consulent", "/oefenen/poging/{poging}/stap/{stap}/"),
    ("demo-trainer", "/oefenen/trainer/feedback/{antwoord}/"),
    ("demo-teamchef", "/team/jongeren-noordwaarde/plan/"),
]


class _Formulieren(HTMLParser):
    def __init__(self):
        super().__init__()
        self.formulieren, self._huidig = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self._huidig = {"action": attrs.get("action") or "", "velden": set()}
            self.formulieren.append(self._huidig)
        elif self._huidig is not None and tag in ("input", "textarea", "select", "button"):
            naam = attrs.get("name")
            if naam and naam != "csrfmiddlewaretoken":
                self._huidig["velden"].add(naam)

    def handle_endtag(self, tag):
        if tag == "form":
            self._huidig = None


def _tellingen():
    return {
        m._meta.label: m.objects.count()
        for m in apps.get_models()
        if m._meta.app_label in EIGEN_APPS and not m._meta.proxy
    }


@pytest.fixture
def formulieren(client, demo_gebruikers):
    inhoud_laden(io.StringIO())
    objecten = _objecten()
    gevonden = []
    for account, pad in PAGINAS:
        client.force_login(demo_gebruikers[account])
        pad = pad.format(**objecten)
        response = client.get(pad)
        assert response.status_code == 200, pad
        op_pagina = _formulieren_op(account, pad, response)
        gevonden += op_pagina
        for _account, action, _velden in op_pagina:
            if action.endswith("/starten/"):  # a new attempt: its first step holds the form
                stap = client.post(action, follow=True)
                gevonden += _formulieren_op(account, stap.request["PATH_INFO"], stap)
    assert any("/stap/" in action for _a, action, _v in gevonden), "no oefening step form"
    return gevonden


def _formulieren_op(account, pad, response):
    lezer = _Formulieren()
    lezer.feed(response.content.decode())
    return [
        (account, f["action"] or pad, sorted(f["velden"]))
        for f in lezer.formulieren
        if f["action"] != "/uitloggen/"
    ]


@INSTELLINGEN
@given(data=st.data())
def test_every_form_refuses_or_saves_and_never_fails(client, demo_gebruikers, formulieren, data):
    for account, action, velden in formulieren:
        client.force_login(demo_gebruikers[account])
        invoer = {veld: data.draw(WAARDE, label=f"{action} {veld}") for veld in velden}
        voor = _tellingen()
        response = client.post(action, invoer)
        assert response.status_code < 500, (action, invoer)
        if response.status_code != 302 and "foutsamenvatting" in response.content.decode():
            assert _tellingen() == voor, f"{action}: refused, yet something was written"
