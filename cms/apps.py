from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import m2m_changed, post_migrate, post_save, pre_save
from django.utils.translation import gettext_lazy as _
from wagtail.users import apps as wagtail_users_apps

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


def _gedeelde_inhoud():
    """Wagtail's models that show inside pages or decide how they are served: a changed one
    makes cached fragments stale."""
    from taggit.models import Tag
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import PageViewRestriction, Site

    return (Tag, Site, PageViewRestriction, get_image_model(), get_document_model())


class CmsConfig(AppConfig):
    default = True  # this module also holds GebruikersbeheerConfig (for wagtail.users)
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
        from django.contrib.auth.models import Group

        from cms import inhoudcache, signalen
        from cms.organisaties import Organisatie
        from cms.taxonomie import Taxonomie

        inhoudcache.signalen_verbinden()
        for model in (Taxonomie, Organisatie, *_gedeelde_inhoud()):
            inhoudcache.inhoud_model(model)
        from cms.organisaties import Team

        User = get_user_model()
        m2m_changed.connect(
            signalen.rol_wijziging_vastleggen,
            sender=User.groups.through,
            dispatch_uid="cms_rol_wijziging",
        )
        m2m_changed.connect(
            signalen.rechten_van_rol_vastleggen,
            sender=Group.permissions.through,
            dispatch_uid="cms_rechten_van_rol",
        )
        pre_save.connect(
            signalen.vorige_rechten_onthouden, sender=User, dispatch_uid="cms_vorige_rechten"
        )
        post_save.connect(
            signalen.rechten_wijziging_vastleggen, sender=User, dispatch_uid="cms_rechten"
        )
        for veld, rol in (("teamchefs", "teamchef"), ("leden", "teamlid")):
            m2m_changed.connect(
                signalen.team_rol_vastlegger(rol),
                sender=getattr(Team, veld).through,
                dispatch_uid=f"cms_team_{veld}",
                weak=False,
            )


class GebruikersbeheerConfig(wagtail_users_apps.WagtailUsersAppConfig):
    """Wagtail's user admin with cms.gebruikers' forms (in INSTALLED_APPS for wagtail.users)."""

    user_viewset = "cms.gebruikers.GebruikerViewSet"
