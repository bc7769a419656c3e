"""The book's PDF is built by the background worker, once per book version: a request serves
the stored file or says it is being made; it never renders the PDF itself."""

import time

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from tests.handreiking.conftest import tekst
from tests.kennisbank.test_import_achtergrond import WACHTRIJ

pytestmark = pytest.mark.django_db


def test_pdf_is_queued_built_by_the_worker_and_rebuilt_after_a_publish(
    client_als, maak_boek, maak_hoofdstuk, settings, monkeypatch
):
    settings.TASKS = WACHTRIJ
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    boek = maak_boek()
    hoofdstuk = maak_hoofdstuk(boek, "Eerste stap", body=[tekst("<p>Oude tekst.</p>")])
    client = client_als("demo-consulent")
    url = f"{boek.url}pdf/"

    begin = time.perf_counter()
    response = client.get(url)
    assert time.perf_counter() - begin < 5  # no WeasyPrint in the request (generous: CI is slow)
    assert response.status_code == 202
    assert "De PDF wordt gemaakt" in response.content.decode()
    assert client.get(url).status_code == 202
    assert DBTaskResult.objects.count() == 1  # asking twice queues one build

    call_command("db_worker", "--backend", "achtergrond", "--batch", "--no-startup-delay", "-v0")
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    eerste = response.content
    assert eerste.startswith(b"%PDF")
    assert client.get(url).status_code == 200  # served from the file, nothing queued
    assert DBTaskResult.objects.count() == 1

    hoofdstuk.body = [tekst("<p>Nieuwe tekst.</p>")]
    hoofdstuk.save_revision().publish()
    assert client.get(url).status_code == 202  # a new version: built again
    call_command("db_worker", "--backend", "achtergrond", "--batch", "--no-startup-delay", "-v0")
    response = client.get(url)
    assert response.status_code == 200
    assert response.content != eerste
    assert len(list(settings.HANDREIKING_PDF_DIR.glob(f"boek-{boek.pk}-*.pdf"))) == 1
