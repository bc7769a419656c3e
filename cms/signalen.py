"""Signal receivers of cms: every change of someone's roles goes to the audit log.

Roles are the Django groups, a group's permissions, is_superuser / is_staff and the team roles
(teamchef, teamlid). Only changes made by a person (a request with a logged-in user) are
written; the demo loader and migrations run without one.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from cms.audit import AuditRegel
from cms.huidige import huidige_gebruiker
from cms.services import audit_vastleggen

WAT = {"post_add": "toegevoegd", "post_remove": "ingetrokken", "post_clear": "alle ingetrokken"}
RECHTEN_VELDEN = {"is_superuser": "superuser", "is_staff": "staf (is_staff)"}


def _rol_loggen(door, onderwerp, reden):
    audit_vastleggen(
        actie=AuditRegel.Actie.ROL_GEWIJZIGD, gebruiker=door, onderwerp=onderwerp, reden=reden
    )


def rol_wijziging_vastleggen(sender, instance, action, pk_set, reverse, **kwargs):
    """Log every change of a user's roles (groups), from either side of the relation."""
    door = huidige_gebruiker()
    if action not in WAT or door is None:
        return
    if reverse:  # group.user_set.add(...), e.g. Wagtail's bulk action "assign role"
        if action == "post_clear":
            reden = f"Rol {instance.name} bij iedereen {WAT[action]}"
            _rol_loggen(door, f"rol {instance.name}", reden)
            return
        for user in get_user_model().objects.filter(pk__in=pk_set or []):
            _rol_loggen(door, user.get_username(), f"Rollen {WAT[action]}: {instance.name}")
        return
    namen = ", ".join(
        sorted(Group.objects.filter(pk__in=pk_set or []).values_list("name", flat=True))
    )
    _rol_loggen(door, instance.get_username(), f"Rollen {WAT[action]}: {namen}".strip(": "))


def rechten_van_rol_vastleggen(sender, instance, action, pk_set, reverse, **kwargs):
    """Log changes of what a role (group) may do: its permissions."""
    door = huidige_gebruiker()
    if action not in WAT or door is None or (action != "post_clear" and not pk_set):
        return
    if reverse:  # permission.group_set.add(...)
        for groep in Group.objects.filter(pk__in=pk_set or []):
            _rol_loggen(door, f"rol {groep.name}", f"Recht {WAT[action]}: {instance.codename}")
        return
    rechten = Permission.objects.filter(pk__in=pk_set or [])
    codes = ", ".join(sorted(rechten.values_list("codename", flat=True)))
    _rol_loggen(door, f"rol {instance.name}", f"Rechten {WAT[action]}: {codes}".strip(": "))


def vorige_rechten_onthouden(sender, instance, raw=False, update_fields=None, **kwargs):
    """Before a user is saved by a person: remember is_superuser / is_staff as stored."""
    if raw or huidige_gebruiker() is None:
        return
    if update_fields is not None and not set(RECHTEN_VELDEN) & set(update_fields):
        return
    if instance._state.adding or instance.pk is None:
        vorige = dict.fromkeys(RECHTEN_VELDEN, False)
    else:
        vorige = sender.objects.filter(pk=instance.pk).values(
            *RECHTEN_VELDEN
        ).first() or dict.fromkeys(RECHTEN_VELDEN, False)
    instance._vorige_rechten = vorige


def rechten_wijziging_vastleggen(sender, instance, **kwargs):
    """After the save: log superuser / staff granted or withdrawn."""
    vorige = instance.__dict__.pop("_vorige_rechten", None)
    door = huidige_gebruiker()
    if vorige is None or door is None:
        return
    for veld, naam in RECHTEN_VELDEN.items():
        nu = getattr(instance, veld)
        if nu != vorige[veld]:
            wat = "toegekend" if nu else "ingetrokken"
            _rol_loggen(door, instance.get_username(), f"Recht {naam} {wat}")


def team_rol_vastlegger(rol):
    """A receiver for Team.teamchefs or Team.leden: log each person's team role change."""

    def vastleggen(sender, instance, action, pk_set, reverse, model, **kwargs):
        door = huidige_gebruiker()
        if action not in WAT or door is None:
            return
        if action == "post_clear":
            _rol_loggen(door, str(instance), f"Alle {rol}-rollen {WAT[action]}")
            return
        if reverse:  # user.geleide_teams.add(team): instance is the user
            paren = [(instance, team) for team in model.objects.filter(pk__in=pk_set or [])]
        else:
            paren = [(user, instance) for user in model.objects.filter(pk__in=pk_set or [])]
        for user, team in paren:
            _rol_loggen(door, user.get_username(), f"Rol {rol} {WAT[action]} in team {team}")

    return vastleggen
