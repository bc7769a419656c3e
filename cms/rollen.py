"""The five roles of Leernetwerk, as Wagtail/Django groups. One person can hold several."""

from django.utils.translation import gettext_lazy as _

from cms.voorbereid import voorbereid

CONSULENT = "Consulent"
TRAINER = "Trainer"
TEAMCHEF = "Teamchef"
KENNISBEHEERDER = "Kennisbeheerder"
BEHEERDER = "Beheerder"

ROLLEN = {
    CONSULENT: _("Consulent: leest, oefent, logt intervisie en eigen voornemens"),
    TRAINER: _(
        "Trainer: schrijft hoofdstukken, interventies, oefeningen en modules; geeft feedback"
    ),
    TEAMCHEF: _("Teamchef: volgt de deelname van de eigen teams"),
    KENNISBEHEERDER: _("Kennisbeheerder: beoordeelt en publiceert kennisbankinhoud"),
    BEHEERDER: _("Beheerder: accounts, organisaties, teams en instellingen"),
}


def rollen_van(user):
    """Return the set of role names the user holds (cached on the user object)."""
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_leernetwerk_rollen"):
        namen = set(_groepnamen(user.pk))
        if user.is_superuser:
            namen.add(BEHEERDER)
        user._leernetwerk_rollen = frozenset(namen & set(ROLLEN))
    return user._leernetwerk_rollen


@voorbereid
def _groepnamen(user_id):
    from django.contrib.auth.models import Group  # cms.rollen loads before the app registry

    return Group.objects.filter(user__id=user_id).values_list("name", flat=True)


def heeft_rol(user, *rollen):
    """True when the user holds at least one of the given roles."""
    return bool(rollen_van(user) & set(rollen))


# Page and collection permissions on the whole tree, per role.
PAGINA_RECHTEN = {
    TRAINER: ["add_page", "change_page"],
    KENNISBEHEERDER: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    BEHEERDER: [
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
        "bulk_delete_page",
    ],
}
COLLECTIE_RECHTEN = {
    TRAINER: ["add_image", "choose_image", "add_document", "choose_document"],
    KENNISBEHEERDER: [
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    ],
    BEHEERDER: [
        "add_image",
        "change_image",
        "delete_image",
        "choose_image",
        "add_document",
        "change_document",
        "delete_document",
        "choose_document",
    ],
}


def rollen_inrichten(**kwargs):
    """Create the five groups and give them their permissions. Idempotent; runs after migrate.

    Model permissions come from each app's AppConfig.rol_rechten ({rol: ["app.codename", ...]}),
    so an app that adds models also declares who may edit them, without cms knowing the app.
    """
    from django.apps import apps
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    groepen = {naam: Group.objects.get_or_create(name=naam)[0] for naam in ROLLEN}

    gewenst = {naam: set() for naam in ROLLEN}
    for config in apps.get_app_configs():
        for rol, rechten in getattr(config, "rol_rechten", {}).items():
            gewenst[rol].update(rechten)
    for rol, rechten in gewenst.items():
        perms = []
        for recht in sorted(rechten):
            app_label, codename = recht.split(".")
            perm = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if perm is not None:
                perms.append(perm)
        groepen[rol].permissions.add(*perms)

    wortel = Page.get_first_root_node()
    if wortel is not None:
        for rol, codenames in PAGINA_RECHTEN.items():
            for codename in codenames:
                perm = Permission.objects.filter(
                    content_type__app_label="wagtailcore", codename=codename
                ).first()
                if perm is not None:
                    GroupPagePermission.objects.get_or_create(
                        group=groepen[rol], page=wortel, permission=perm
                    )
    collectie = Collection.get_first_root_node()
    if collectie is not None:
        for rol, codenames in COLLECTIE_RECHTEN.items():
            for perm in Permission.objects.filter(
                content_type__app_label__in=["wagtailimages", "wagtaildocs"], codename__in=codenames
            ):
                GroupCollectionPermission.objects.get_or_create(
                    group=groepen[rol], collection=collectie, permission=perm
                )
