"""Signal receivers of cms."""

from django.contrib.auth.models import Group

from cms.audit import AuditRegel
from cms.services import audit_vastleggen


def rol_wijziging_vastleggen(sender, instance, action, pk_set, reverse, **kwargs):
    """Log every change of a user's roles (groups), from either side of the relation."""
    if action not in {"post_add", "post_remove", "post_clear"} or reverse:
        return
    # The demo loader and migrations run without a request; only real edits carry a user.
    from cms.huidige import huidige_gebruiker

    door = huidige_gebruiker()
    if door is None:
        return
    namen = ", ".join(
        sorted(Group.objects.filter(pk__in=pk_set or []).values_list("name", flat=True))
    )
    wat = {"post_add": "toegevoegd", "post_remove": "ingetrokken", "post_clear": "alle ingetrokken"}
    audit_vastleggen(
        actie=AuditRegel.Actie.ROL_GEWIJZIGD,
        gebruiker=door,
        onderwerp=instance.get_username(),
        reden=f"Rollen {wat[action]}: {namen}".strip(": "),
    )
