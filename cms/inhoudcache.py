"""Cache of what every reader sees alike: rendered fragments keyed on one content version.

The version is a random token in the database (one row, `Inhoudsversie`), so every worker and
every machine sees a change at once: publishing, unpublishing, moving or deleting a page, an
import, or an edit of a taxonomy (or another model registered with `inhoud_model`) writes a new
token, and every fragment cached under the old one is simply never read again. The fragments
themselves live in Django's cache (`CACHES`; local memory per process by default, Redis or
Memcached when several machines serve: see the README, "Opschalen").

Only what is the same for every logged-in reader goes in here: never anything per user or per
group (read marks, progress, intervisie content). Fragments are rendered without a request, so
no user, csrf token or message can end up inside one.
"""

import hashlib
import threading
import uuid

from django.core.cache import cache
from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.huidige import blokgeheugen
from cms.voorbereid import voorbereid

FRAGMENT_DUUR = 60 * 60 * 24  # a day; a new version makes old entries unreachable anyway
_INHOUD_MODELLEN = set()


class Inhoudsversie(models.Model):
    """One row: the token every cached fragment of shared content is keyed on."""

    versie = models.CharField(_("versie"), max_length=32)
    gewijzigd = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("inhoudsversie")

    def __str__(self):
        return self.versie


_verzoek = threading.local()  # within one request the token is read once


def _verzoek_begint(**_kwargs):
    _verzoek.actief, _verzoek.versie = True, None


def _verzoek_eindigt(**_kwargs):
    _verzoek.actief, _verzoek.versie = False, None


def inhoudsversie():
    """The current token (one small query per request, or per `gedeeld_lezen` block outside a
    request, e.g. one user's reminders in the e-mail task: it must be the same in every worker)."""
    if getattr(_verzoek, "actief", False) and _verzoek.versie:
        return _verzoek.versie
    blok = blokgeheugen()
    if blok is not None and _BLOKSLEUTEL in blok:
        return blok[_BLOKSLEUTEL]
    versie = _versie_lezen()
    if getattr(_verzoek, "actief", False):
        _verzoek.versie = versie
    if blok is not None:
        blok[_BLOKSLEUTEL] = versie
    return versie


_BLOKSLEUTEL = "inhoudsversie"


@voorbereid
def _versie_rij():
    return Inhoudsversie.objects.filter(pk=1).values_list("versie", flat=True)


def _versie_lezen():
    versie = next(iter(_versie_rij()), None)
    if versie is None:
        rij, _nieuw = Inhoudsversie.objects.get_or_create(
            pk=1, defaults={"versie": uuid.uuid4().hex}
        )
        versie = rij.versie
    return versie


def inhoud_gewijzigd(**_kwargs):
    """Make every cached fragment stale (usable as a signal receiver)."""
    nieuw = uuid.uuid4().hex
    _verzoek.versie = None
    blok = blokgeheugen()
    if blok is not None:
        blok.pop(_BLOKSLEUTEL, None)
    if not Inhoudsversie.objects.filter(pk=1).update(versie=nieuw):
        Inhoudsversie.objects.get_or_create(pk=1, defaults={"versie": nieuw})


def inhoud_model(model):
    """Register a model whose saves and deletes change what readers see (a taxonomy, ...)."""
    _INHOUD_MODELLEN.add(model)
    return model


def _bij_opslaan(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        # Drafts of pages nobody reads yet change nothing; live pages and unpublish do.
        if instance.live or kwargs.get("signal_naam") == "delete":
            inhoud_gewijzigd()
    elif any(isinstance(instance, model) for model in _INHOUD_MODELLEN):
        inhoud_gewijzigd()


def _bij_verwijderen(sender, instance, **kwargs):
    _bij_opslaan(sender, instance, signal_naam="delete")


def signalen_verbinden():
    from django.core.signals import request_finished, request_started
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.signals import page_unpublished, post_page_move

    post_save.connect(_bij_opslaan, dispatch_uid="inhoudcache_opslaan")
    post_delete.connect(_bij_verwijderen, dispatch_uid="inhoudcache_verwijderen")
    page_unpublished.connect(inhoud_gewijzigd, dispatch_uid="inhoudcache_depubliceren")
    post_page_move.connect(inhoud_gewijzigd, dispatch_uid="inhoudcache_verplaatsen")
    m2m_changed.connect(_bij_m2m, dispatch_uid="inhoudcache_m2m")
    request_started.connect(_verzoek_begint, dispatch_uid="inhoudcache_verzoek_begint")
    request_finished.connect(_verzoek_eindigt, dispatch_uid="inhoudcache_verzoek_eindigt")


def _bij_m2m(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        _bij_opslaan(sender, instance)


def fragment(sleutel, maak, *, request=None):
    """The cached value for `sleutel` (a tuple) under the current version, made by `maak()`.

    A Wagtail preview (`request.is_preview`) shows a draft: it is made afresh, never cached.
    """
    if request is not None and getattr(request, "is_preview", False):
        return maak()
    versie = inhoudsversie()
    # Hashed: parts may hold anything (query strings), and memcached wants short, plain keys.
    naam = "inhoud:" + versie + ":" + hashlib.sha256(repr(sleutel).encode()).hexdigest()[:40]
    waarde = cache.get(naam)
    if waarde is None:
        waarde = maak()
        cache.set(naam, waarde, FRAGMENT_DUUR)
    return waarde


class BeperkingenUitCache:
    """Page mixin: Wagtail's view-restriction check without its two queries when there are none.

    For every page it serves Wagtail asks which view restrictions lie on the page and its
    ancestors (the ancestors' aliases, then the restrictions: two queries). Leernetwerk is for
    logged-in staff and rarely has any; whether any exist at all is kept under the content
    version (saving or deleting a restriction writes a new one), so those queries run only
    when there is a restriction somewhere.
    """

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        if not fragment(("wagtail", "beperkingen"), PageViewRestriction.objects.exists):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
