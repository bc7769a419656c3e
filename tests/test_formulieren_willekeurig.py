"""Every form and every query-string filter on the platform, filled with generated input: never
a 500, a refused form writes nothing, and no control character reaches the database.

The forms are found on the pages themselves (each <form>, its method, action and field names),
so a new form on these pages is covered without a new test. Query parameters that no form
shows (a `?stap=`, a `next`, the exports' filters) are listed in QUERY_ZONDER_FORMULIER.
"""

from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.db import connection, models
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from kennisbank.handreiking.models import HoofdstukPage
from leernetwerk.models import Intervisiesessie
from oefeningen.models import Antwoord, OefeningenIndexPage
from tests.conftest import EIGEN_APPS
from tests.test_rechtenmatrix import _objecten
from tests.test_slechte_invoer import INSTELLINGEN, WAARDE

pytestmark = pytest.mark.django_db

# (account, page holding forms): the demo objects fill in the path.
PAGINAS = [
    ("demo-consulent", "/mijn-leercyclus/"),
    ("demo-consulent", "/mijn-instellingen/"),
    ("demo-consulent", "/mijn-leercyclus/voornemens/{voornemen}/bespreken/"),
    ("demo-consulent", "/intervisie/"),
    ("demo-consulent", "/intervisie/uren/"),
    ("demo-consulent", "/intervisie/groepen/{groep}/sessies/nieuw/"),
    ("demo-consulent", "/intervisie/sessies/{sessie}/"),
    ("demo-consulent", "/intervisie/sessies/{sessie}/bewerken/"),
    ("demo-consulent", "/intervisie/sessies/{sessie}/leiden/"),
    ("demo-consulent", "/intervisie/sessies/{sessie}/leiden/?stap=99"),  # the afronding
    ("demo-trainer", "/intervisie/sessies/{bijeenkomst}/bewerken/"),
    ("demo-trainer", "/intervisie/sessies/{bijeenkomst}/leiden/?stap=99"),  # voornemens
    ("demo-beheerder", "/intervisie/sessies/{sessie}/"),  # the reason to open it
    ("demo-consulent", "{interventie_url}"),
    ("demo-consulent", "{hoofdstuk_url}"),
    ("demo-consulent", "/interventieschema/"),
    ("demo-consulent", "/interventieschema/lijst/"),
    ("demo-consulent", "/interventieschema/hiaten/"),
    ("demo-kennisbeheerder", "/interventieschema/importeren/"),
    ("demo-consulent", "/zoeken/?q=jongeren"),
    ("demo-consulent", "{oefeningen_url}"),
    ("demo-consulent", "{oefening_url}"),
    ("demo-consulent", "/oefenen/poging/{poging}/stap/{stap}/"),
    ("demo-consulent", "/oefenen/poging/{open_poging}/stap/{open_stap}/"),  # self-assessment
    ("demo-trainer", "/oefenen/trainer/feedback/"),
    ("demo-trainer", "/oefenen/trainer/feedback/{antwoord}/"),
    ("demo-teamchef", "/team/jongeren-noordwaarde/"),
    ("demo-teamchef", "/team/jongeren-noordwaarde/plan/"),
]

_SCHEMA = [
    "doelgroep",
    "trede",
    "klanttype",
    "werkzaam_element",
    "basismethodiek",
    "status",
    "herkomst",
    "bewijsniveau",
    "fase",
]
# (account, path, parameters): query strings that links or scripts send, not a form.
QUERY_ZONDER_FORMULIER = [
    ("demo-consulent", "/zoeken/", ["q", "type", "doelgroep", "fase", "pagina"]),
    ("demo-consulent", "/api/zoeken/", ["q", "type", "doelgroep", "fase", "pagina"]),
    ("demo-consulent", "/api/zoeken/suggesties/", ["q"]),
    ("demo-consulent", "/interventieschema/export.csv", _SCHEMA),
    ("demo-consulent", "/interventieschema/export.xlsx", _SCHEMA),
    ("demo-consulent", "/intervisie/sessies/{sessie}/leiden/", ["stap"]),
    ("demo-consulent", "/mijn-leercyclus/voornemens/{voornemen}/bespreken/", ["next"]),
    ("demo-trainer", "/oefenen/trainer/feedback/", ["module", "team"]),
    ("demo-teamchef", "/team/", ["van", "tot"]),
    ("demo-teamchef", "/team/jongeren-noordwaarde/export.csv", ["van", "tot"]),
    ("demo-teamchef", "/team/jongeren-noordwaarde/export.xlsx", ["van", "tot"]),
]

# What no web input may leave in a text column (XLSX and PostgreSQL refuse some of these);
# a regex of escapes, so the pattern itself holds no NUL (PostgreSQL cannot store one at all).
STUURTEKENS = r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]"
STUURTEKENS_SQLITE = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
# Shrinking a failure of these long tests takes many minutes; the failing input is printed anyway.
ZONDER_KRIMPEN = settings(
    INSTELLINGEN, phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target]
)


class _Formulieren(HTMLParser):
    def __init__(self):
        super().__init__()
        self.formulieren, self._huidig = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            methode = (attrs.get("method") or "get").lower()
            self._huidig = {"methode": methode, "action": attrs.get("action"), "velden": set()}
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


def _tekstvelden():
    return [
        (m, f.name)
        for m in apps.get_models()
        if m._meta.app_label in EIGEN_APPS and not m._meta.proxy
        for f in m._meta.concrete_fields
        if isinstance(f, (models.CharField, models.TextField))
    ]


def _met_stuurtekens(velden):
    patroon = STUURTEKENS_SQLITE if connection.vendor == "sqlite" else STUURTEKENS
    return [
        f"{m._meta.label}.{naam}"
        for m, naam in velden
        if m.objects.filter(**{f"{naam}__regex": patroon}).exists()
    ]


def _paden():
    objecten = _objecten()
    consulent = Antwoord.objects.filter(
        poging__gebruiker__username="demo-consulent", stap_type="open"
    ).first()
    assert consulent is not None, "the demo has no open answer of demo-consulent"
    bijeenkomst = Intervisiesessie.objects.filter(
        methode__is_leernetwerk=True, groep__gespreksleiders__username="demo-trainer"
    ).first()
    return objecten | {
        "open_poging": consulent.poging_id,
        "open_stap": consulent.stap_id,
        "bijeenkomst": bijeenkomst.pk,
        "oefeningen_url": OefeningenIndexPage.objects.live().first().url,
        "hoofdstuk_url": HoofdstukPage.objects.live().first().url,
    }


def _formulieren_op(account, pad, response):
    lezer = _Formulieren()
    lezer.feed(response.content.decode())
    return [
        (account, f["methode"], f["action"] or pad, tuple(sorted(f["velden"])))
        for f in lezer.formulieren
        if f["action"] != "/uitloggen/"
    ]


@pytest.fixture
def formulieren(client, demo_module):
    """(account, method, action, field names) of every form on PAGINAS, each once."""
    paden = _paden()
    gevonden = []
    for account, pad in PAGINAS:
        client.force_login(demo_module[account])
        pad = pad.format(**paden)
        response = client.get(pad)
        assert response.status_code in (200, 403), pad  # 403: the beheerder's reason form
        op_pagina = _formulieren_op(account, pad, response)
        assert op_pagina, f"no form on {pad}"
        gevonden += op_pagina
        for _account, methode, action, _velden in op_pagina:
            if methode == "post" and action.endswith("/starten/"):  # its first step has a form
                stap = client.post(action, follow=True)
                gevonden += _formulieren_op(account, stap.request["PATH_INFO"], stap)
    assert any("/stap/" in action for _a, _m, action, _v in gevonden), "no oefening step form"
    assert any("zelfbeoordeling" in action for _a, _m, action, _v in gevonden)
    return list(dict.fromkeys(gevonden))


def _invoer(data, action, velden):
    return {veld: data.draw(WAARDE, label=f"{action} {veld}") for veld in velden}


@ZONDER_KRIMPEN
@given(data=st.data())
def test_every_form_refuses_or_saves_and_never_fails(client, demo_module, formulieren, data):
    velden = _tekstvelden()
    for account, methode, action, namen in formulieren:
        if methode != "post":
            continue
        client.force_login(demo_module[account])
        invoer = _invoer(data, action, namen)
        voor = _tellingen()
        response = client.post(action, invoer)
        assert response.status_code < 500, (action, invoer)
        if response.status_code != 302 and "foutsamenvatting" in response.content.decode():
            assert _tellingen() == voor, f"{action}: refused, yet something was written"
    assert not _met_stuurtekens(velden), "a control character reached the database"


@ZONDER_KRIMPEN
@given(data=st.data())
def test_every_filter_and_query_string_answers_any_value(client, demo_module, formulieren, data):
    paden = _paden()
    zonder_formulier = [
        (account, "get", pad.format(**paden), tuple(namen))
        for account, pad, namen in QUERY_ZONDER_FORMULIER
    ]
    for account, methode, action, namen in formulieren + zonder_formulier:
        if methode != "get":
            continue
        client.force_login(demo_module[account])
        invoer = _invoer(data, action, namen)
        response = client.get(action, invoer)
        assert response.status_code < 500, (action, invoer)
