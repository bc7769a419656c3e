from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _crud(model, acties=("add", "change", "delete", "view")):
    return [f"zoeken.{actie}_{model}" for actie in acties]


class ZoekenConfig(AppConfig):
    name = "cms.search"
    label = "zoeken"
    verbose_name = _("Zoeken")

    rol_rechten = {
        "Kennisbeheerder": ["wagtailadmin.access_admin", *_crud("synoniem")],
        "Beheerder": ["wagtailadmin.access_admin", *_crud("synoniem")],
    }

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from cms.inhoudcache import inhoud_model
        from cms.search import checks
        from cms.search.backend import synoniemen_vergeten
        from cms.search.models import Synoniem

        checks.waarschuwen_bij_start()
        # A synonym changes the "gevonden via" search keeps in the content cache.
        inhoud_model(Synoniem)

        def vergeten(**kwargs):
            synoniemen_vergeten()

        post_save.connect(vergeten, sender=Synoniem, weak=False, dispatch_uid="zoeken_syn_s")
        post_delete.connect(vergeten, sender=Synoniem, weak=False, dispatch_uid="zoeken_syn_d")
        m2m_changed.connect(opnieuw_indexeren, dispatch_uid="zoeken_m2m")


def opnieuw_indexeren(sender, instance, action, reverse, **kwargs):
    """Index again after many-to-many changes (fases, doelgroepen, tags).

    modelsearch indexes on post_save, but a page's ParentalManyToMany values are written
    after that, so without this the index would hold the previous fases and doelgroepen.
    """
    from modelsearch.index import class_is_indexed, insert_or_update_object

    if action not in ("post_add", "post_remove", "post_clear") or reverse:
        return
    model = type(instance)
    if class_is_indexed(model) and getattr(model, "search_auto_update", True):
        insert_or_update_object(instance)
