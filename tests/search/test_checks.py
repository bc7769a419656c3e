"""The start-up warning when search has no Dutch analysis (issue 14, point 8)."""

import logging

from django.core.management import call_command
from django.db import connection

from cms.search import checks


def test_whoosh_has_dutch_and_gives_no_warning(settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search.backend"}}
    assert checks.zoekbackend_nederlands() == []


def test_modelsearch_database_backend_gets_a_dutch_warning(settings, caplog):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "modelsearch.backends.database"}}
    (waarschuwing,) = checks.zoekbackend_nederlands()
    assert waarschuwing.id == "zoeken.W001"
    assert "geen Nederlandse taalanalyse" in waarschuwing.msg
    assert "modelsearch.backends.database" in waarschuwing.msg
    with caplog.at_level(logging.WARNING, logger="leernetwerk.zoeken"):
        checks.waarschuwen_bij_start()
    assert "geen Nederlandse taalanalyse" in caplog.text


def test_our_database_backend_is_dutch_on_postgresql_only(settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search.database"}}
    meldingen = checks.zoekbackend_nederlands()
    if connection.vendor == "postgresql":
        assert meldingen == []
    else:
        assert len(meldingen) == 1 and connection.vendor in meldingen[0].msg


def test_manage_py_check_shows_the_warning(settings, capsys):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "modelsearch.backends.database"}}
    call_command("check")
    assert "zoeken.W001" in capsys.readouterr().err
