"""Start-up warning: a search backend without Dutch analysis (issue 14, point 8)."""

import logging

from django.conf import settings
from django.core import checks
from django.db import connection
from django.utils.translation import gettext as _

logger = logging.getLogger("leernetwerk.zoeken")

NEDERLANDS = {"cms.search.backend", "cms.search.backend.WhooshSearchBackend"}
NEDERLANDS_OP_POSTGRES = {"cms.search.database", "cms.search.database.SearchBackend"}


def zonder_nederlands():
    """[(alias, backend path)] of configured search backends that have no Dutch analysis."""
    uit = []
    for alias, instellingen in getattr(settings, "WAGTAILSEARCH_BACKENDS", {}).items():
        pad = instellingen.get("BACKEND", "")
        if pad in NEDERLANDS:
            continue
        if pad in NEDERLANDS_OP_POSTGRES and connection.vendor == "postgresql":
            continue
        uit.append((alias, pad))
    return uit


def melding(alias, pad):
    return _(
        "Zoekbackend '%(alias)s' (%(pad)s op %(database)s) heeft geen Nederlandse taalanalyse: "
        "geen stammen (fase/fases), samenstellingen of synoniemen. Gebruik ZOEKBACKEND=whoosh, "
        "of ZOEKBACKEND=database met PostgreSQL."
    ) % {"alias": alias, "pad": pad, "database": connection.vendor}


@checks.register(checks.Tags.compatibility)
def zoekbackend_nederlands(app_configs=None, **kwargs):
    return [
        checks.Warning(melding(alias, pad), id="zoeken.W001") for alias, pad in zonder_nederlands()
    ]


def waarschuwen_bij_start():
    """The same warning in the log: gunicorn does not run system checks."""
    for alias, pad in zonder_nederlands():
        logger.warning(melding(alias, pad))
