"""Trainers write and publish oefeningen and leermodules in the Wagtail admin."""

from django.urls import reverse
from wagtail.models import Page

from oefeningen.models import LeermodulePage, OefeningPage


def test_trainer_may_publish_below_oefeningen_and_consulent_not(demo_gebruikers, index):
    trainer = index.permissions_for_user(demo_gebruikers["demo-trainer"])
    assert trainer.can_add_subpage() and trainer.can_publish_subpage()
    consulent = index.permissions_for_user(demo_gebruikers["demo-consulent"])
    assert not consulent.can_add_subpage()
    # Publishing rights stop at the oefeningen section.
    thuis = Page.objects.get(depth=2).permissions_for_user(demo_gebruikers["demo-trainer"])
    assert not thuis.can_publish()


def test_admin_forms_for_oefening_and_leermodule_open_for_trainer(client_als, index, maak_oefening):
    oefening = maak_oefening("vacatures")
    client = client_als("demo-trainer")
    for model in ("oefeningpage", "leermodulepage"):
        url = reverse("wagtailadmin_pages:add", args=["oefeningen", model, index.pk])
        assert client.get(url).status_code == 200, model
    bewerken = client.get(reverse("wagtailadmin_pages:edit", args=[oefening.pk]))
    assert bewerken.status_code == 200
    assert "Fragment beoordelen" in bewerken.content.decode()


def test_trainer_publishes_a_leermodule_through_the_admin(client_als, index, maak_oefening):
    oefening = maak_oefening("schilder")
    client = client_als("demo-trainer")
    url = reverse("wagtailadmin_pages:add", args=["oefeningen", "leermodulepage", index.pk])
    data = {
        "title": "Nieuwe module",
        "slug": "nieuwe-module",
        "intro": "",
        "afronding": "alles",
        "minimum": "",
        "onderdelen-count": "1",
        "onderdelen-0-type": "oefening",
        "onderdelen-0-value": str(oefening.pk),
        "onderdelen-0-deleted": "",
        "onderdelen-0-order": "0",
        "onderdelen-0-id": "",
        "toewijzingen-TOTAL_FORMS": "1",
        "toewijzingen-INITIAL_FORMS": "0",
        "toewijzingen-MIN_NUM_FORMS": "0",
        "toewijzingen-MAX_NUM_FORMS": "1000",
        "toewijzingen-0-team": str(demo_team_pk()),
        "toewijzingen-0-vanaf": "2026-01-01",
        "toewijzingen-0-deadline": "2026-12-31",
        "toewijzingen-0-ORDER": "1",
        "toewijzingen-0-id": "",
        "toewijzingen-0-DELETE": "",
        "action-publish": "action-publish",
    }
    antwoord = client.post(url, data)
    assert antwoord.status_code == 302, antwoord.content.decode()[:3000]
    module = LeermodulePage.objects.get(slug="nieuwe-module")
    assert module.live and module.toewijzingen.get().team.slug == "jongeren-noordwaarde"
    assert OefeningPage.objects.filter(pk=oefening.pk).exists()


def demo_team_pk():
    from cms.models import Team

    return Team.objects.get(slug="jongeren-noordwaarde").pk
