"""Versions and review: a trainer submits, a kennisbeheerder approves; bad input is refused."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Revision, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from kennisbank.handreiking.blocks import HoofdstukBlock
from kennisbank.handreiking.models import HoofdstukPage
from tests.handreiking.conftest import tekst

pytestmark = pytest.mark.django_db


def _formulier(hoofdstuk, *, body=None, **velden):
    data = {
        "title": hoofdstuk.title,
        "slug": hoofdstuk.slug,
        "samenvatting": hoofdstuk.samenvatting,
        "body": streamfield(body or [("tekst", rich_text("<p>Nieuwe uitleg.</p>"))]),
        "eigenaar": "",
        "laatst_beoordeeld": "",
        "volgende_beoordeling": "",
        "wijzigingsnotitie": "",
        "comments": inline_formset([]),
    }
    data.update(velden)
    return nested_form_data(data)


def _bewerk_url(pagina):
    return reverse("wagtailadmin_pages:edit", args=[pagina.pk])


def _tekst_van(fout):
    """A (nested) block validation error as plain text."""
    delen = list(getattr(fout, "messages", []) or [])
    for attr in ("block_errors", "non_block_errors"):
        waarde = getattr(fout, attr, None)
        if isinstance(waarde, dict):
            delen += [_tekst_van(f) for f in waarde.values()]
        elif waarde:
            delen += [_tekst_van(f) for f in waarde]
    return " ".join(str(d) for d in delen)


def _fouten(response):
    """All error messages of the edit form, flattened to text (stream block errors included)."""
    form = response.context["form"]
    return " ".join(_tekst_van(f) for fouten in form.errors.as_data().values() for f in fouten)


@pytest.fixture
def hoofdstuk(maak_boek, maak_hoofdstuk):
    return maak_hoofdstuk(maak_boek(), "Doelen stellen", body=[tekst("<p>Oude uitleg.</p>")])


def test_trainer_submits_and_it_goes_live_only_after_kennisbeheerder_approves(
    client_als, hoofdstuk
):
    trainer = client_als("demo-trainer")
    response = trainer.post(
        _bewerk_url(hoofdstuk),
        _formulier(
            hoofdstuk,
            title="Doelen stellen en bijstellen",
            wijzigingsnotitie="Bijstellen toegevoegd.",
            **{"action-submit": "Ter beoordeling"},
        ),
    )
    assert response.status_code == 302, _fouten(response)

    hoofdstuk.refresh_from_db()
    assert hoofdstuk.title == "Doelen stellen"  # live version unchanged
    assert hoofdstuk.has_unpublished_changes
    status = WorkflowState.objects.get(object_id=str(hoofdstuk.pk))
    assert status.status == WorkflowState.STATUS_IN_PROGRESS
    assert status.workflow.name == "Handreiking beoordelen"
    lezer = client_als("demo-consulent")
    assert "Oude uitleg." in lezer.get(hoofdstuk.url).content.decode()

    # A trainer cannot approve his own submission.
    taak = status.current_task_state
    actie = reverse("wagtailadmin_pages:workflow_action", args=[hoofdstuk.pk, "approve", taak.pk])
    trainer.post(actie)
    hoofdstuk.refresh_from_db()
    assert hoofdstuk.title == "Doelen stellen"

    client_als("demo-kennisbeheerder").post(actie)
    hoofdstuk.refresh_from_db()
    assert hoofdstuk.title == "Doelen stellen en bijstellen"
    html = client_als("demo-consulent").get(hoofdstuk.url).content.decode()
    assert "Nieuwe uitleg." in html and "Bijstellen toegevoegd." in html


def test_kennisbeheerder_can_request_changes_and_nothing_goes_live(client_als, hoofdstuk):
    client_als("demo-trainer").post(
        _bewerk_url(hoofdstuk),
        _formulier(hoofdstuk, title="Concept", **{"action-submit": "Ter beoordeling"}),
    )
    taak = WorkflowState.objects.get(object_id=str(hoofdstuk.pk)).current_task_state
    client_als("demo-kennisbeheerder").post(
        reverse("wagtailadmin_pages:workflow_action", args=[hoofdstuk.pk, "reject", taak.pk]),
        {"comment": "Graag een voorbeeld erbij."},
    )
    taak.refresh_from_db()
    assert taak.status == taak.STATUS_REJECTED
    hoofdstuk.refresh_from_db()
    assert hoofdstuk.title == "Doelen stellen"


def test_consulent_cannot_reach_the_edit_view(client_als, hoofdstuk):
    response = client_als("demo-consulent").get(_bewerk_url(hoofdstuk))
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"].startswith("/inloggen/") or "login" in response["Location"]
    response = client_als("demo-consulent").post(
        _bewerk_url(hoofdstuk), _formulier(hoofdstuk, title="Gekaapt")
    )
    hoofdstuk.refresh_from_db()
    assert hoofdstuk.title == "Doelen stellen"


def _weigert(client, hoofdstuk, formulier, melding, *, indienen=True):
    """Post the edit form (submitted for review unless indienen=False) and expect a refusal."""
    if indienen:
        formulier = {**formulier, "action-submit": "Ter beoordeling"}
    revisies = Revision.objects.count()
    response = client.post(_bewerk_url(hoofdstuk), formulier)
    assert response.status_code == 200
    fouten = _fouten(response)
    assert melding in fouten, fouten
    assert Revision.objects.count() == revisies  # nothing saved
    hoofdstuk.refresh_from_db()
    assert hoofdstuk.title == "Doelen stellen"
    return response


def test_chapter_without_title_is_refused_in_dutch(client_als, hoofdstuk):
    response = _weigert(
        client_als("demo-trainer"),
        hoofdstuk,
        _formulier(hoofdstuk, title="", samenvatting="Mijn nieuwe samenvatting."),
        "Dit is een verplicht veld.",
    )
    # What the trainer typed is kept in the form.
    assert response.context["form"]["samenvatting"].value() == "Mijn nieuwe samenvatting."


def test_empty_required_block_is_refused_in_dutch(client_als, hoofdstuk):
    _weigert(
        client_als("demo-trainer"),
        hoofdstuk,
        _formulier(hoofdstuk, body=[("kernbegrip", {"term": "", "definitie": "Iets."})]),
        "Dit is een verplicht veld.",
    )


def test_client_data_in_a_praktijkvoorbeeld_is_refused_naming_what_to_remove(client_als, hoofdstuk):
    _weigert(
        client_als("demo-trainer"),
        hoofdstuk,
        _formulier(
            hoofdstuk,
            body=[
                (
                    "praktijkvoorbeeld",
                    {"titel": "Een jongere", "tekst": "Bel hem op 06-12345678 voor een afspraak."},
                )
            ],
        ),
        "Verwijder het telefoonnummer “06-12345678”.",
        indienen=False,  # refused even in a draft: client data is never stored
    )


def test_review_dates_in_the_wrong_order_are_refused(client_als, hoofdstuk):
    _weigert(
        client_als("demo-trainer"),
        hoofdstuk,
        _formulier(hoofdstuk, laatst_beoordeeld="2026-05-01", volgende_beoordeling="2026-04-01"),
        "De volgende beoordeling moet na de laatste beoordeling liggen.",
    )


def test_edit_form_starts_with_an_empty_change_note(client_als, hoofdstuk):
    assert hoofdstuk.wijzigingsnotitie == "Eerste versie."
    response = client_als("demo-trainer").get(_bewerk_url(hoofdstuk))
    assert response.context["form"]["wijzigingsnotitie"].value() == ""


def test_no_chapter_below_a_paragraph(maak_boek, maak_hoofdstuk):
    boek = maak_boek()
    hoofdstuk = maak_hoofdstuk(boek, "Hoofdstuk")
    paragraaf = maak_hoofdstuk(hoofdstuk, "Paragraaf")
    assert HoofdstukPage.can_create_at(boek)
    assert HoofdstukPage.can_create_at(hoofdstuk)
    assert not HoofdstukPage.can_create_at(paragraaf)


def test_readers_see_what_changed_since_the_previous_version(client_als, hoofdstuk):
    hoofdstuk.body = [tekst("<p>Oude uitleg.</p>"), tekst("<p>Een nieuwe alinea.</p>")]
    hoofdstuk.wijzigingsnotitie = "Alinea over subdoelen toegevoegd."
    hoofdstuk.save_revision().publish()
    html = client_als("demo-consulent").get(f"{hoofdstuk.url}wijzigingen/").content.decode()
    assert "Alinea over subdoelen toegevoegd." in html and "Eerste versie." in html
    assert html.index("Alinea over subdoelen") < html.index("Eerste versie.")  # newest first
    assert '<li class="toegevoegd">' in html and "Een nieuwe alinea." in html
    assert "Oude uitleg." not in html.split('class="verschil"')[1].split("</ul>")[0]


def test_report_lists_chapters_past_their_review_date(
    client_als, maak_boek, maak_hoofdstuk, demo_gebruikers
):
    vandaag = timezone.localdate()
    boek = maak_boek()
    maak_hoofdstuk(
        boek,
        "Verlopen hoofdstuk",
        eigenaar=demo_gebruikers["demo-trainer"],
        volgende_beoordeling=vandaag - datetime.timedelta(days=3),
    )
    maak_hoofdstuk(
        boek, "Actueel hoofdstuk", volgende_beoordeling=vandaag + datetime.timedelta(days=30)
    )
    url = reverse("handreiking_beoordelingen")
    html = client_als("demo-kennisbeheerder").get(url).content.decode()
    assert "Verlopen hoofdstuk" in html and "Marco Bakker" in html
    assert "Actueel hoofdstuk" not in html
    assert client_als("demo-consulent").get(url).status_code in (302, 403)
    # The report is in the admin's Reports menu.
    assert url in client_als("demo-kennisbeheerder").get("/beheer/").content.decode()


def test_workflow_is_assigned_to_the_handreiking_index(index):
    workflow = Page.objects.get(pk=index.pk).get_workflow()
    assert workflow is not None and workflow.active
    taak = workflow.tasks.get().specific
    assert [g.name for g in taak.groups.all()] == ["Kennisbeheerder"]


def test_trainer_can_preview_a_new_and_an_edited_chapter(client_als, hoofdstuk):
    trainer = client_als("demo-trainer")
    boek = hoofdstuk.get_parent()
    nieuw = _formulier(hoofdstuk, title="Nieuw hoofdstuk", slug="nieuw-hoofdstuk")
    for url, data in [
        (reverse("wagtailadmin_pages:preview_on_edit", args=[hoofdstuk.pk]), _formulier(hoofdstuk)),
        (
            reverse(
                "wagtailadmin_pages:preview_on_add",
                args=["handreiking", "hoofdstukpage", boek.pk],
            ),
            nieuw,
        ),
    ]:
        assert trainer.post(url, data).json()["is_valid"], url
        html = trainer.get(url).content.decode()
        assert "Nieuwe uitleg." in html, url


def test_client_data_in_a_conversation_fragment_is_refused():
    blok = HoofdstukBlock()
    waarde = blok.to_python(
        [
            {
                "type": "techniek",
                "value": {
                    "naam": "Open vragen",
                    "wanneer": "Altijd.",
                    "fragmenten": [
                        {
                            "oordeel": "goed",
                            "regels": [{"spreker": "klant", "tekst": "Mail me: sam@voorbeeld.nl"}],
                            "toelichting": "",
                        }
                    ],
                },
            }
        ]
    )
    with pytest.raises(ValidationError) as fout:
        blok.clean(waarde)
    assert "Verwijder het e-mailadres “sam@voorbeeld.nl”." in _tekst_van(fout.value)
