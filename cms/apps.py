from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import m2m_changed, post_migrate
from django.utils.translation import gettext_lazy as _

TAXONOMIE = [
    "fasereeks",
    "fase",
    "doelgroep",
    "trede",
    "klanttype",
    "werkzaamelement",
    "basismethodiek",
]


def _crud(app_label, modellen, acties=("add", "change", "delete", "view")):
    return [f"{app_label}.{actie}_{model}" for model in modellen for actie in acties]


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Leernetwerk basis")

    rol_rechten = {
        "Trainer": ["wagtailadmin.access_admin"],
        "Kennisbeheerder": ["wagtailadmin.access_admin", *_crud("cms", TAXONOMIE)],
        "Beheerder": [
            "wagtailadmin.access_admin",
            *_crud("cms", TAXONOMIE),
            *_crud("cms", ["organisatie", "team", "profiel"]),
            *_crud("auth", ["user"]),
            "auth.change_group",
            "auth.view_group",
            "wagtailcore.change_site",
            "wagtailcore.view_site",
            "cms.view_auditregel",
        ],
    }

    def ready(self):
        from django.conf import settings

        from cms.bestanden import prive_map_aanscherpen, sqlite_beveiligen

        connection_created.connect(sqlite_beveiligen, dispatch_uid="cms_sqlite_beveiligen")
        prive_map_aanscherpen(settings.VAR_DIR)

        from cms.rollen import rollen_inrichten

        post_migrate.connect(rollen_inrichten, dispatch_uid="cms_rollen_inrichten")

        from django.contrib.auth import get_user_model

        from cms.signalen import rol_wijziging_vastleggen

        m2m_changed.connect(
            rol_wijziging_vastleggen,
            sender=get_user_model().groups.through,
            dispatch_uid="cms_rol_wijziging",
        )
