"""Trainers write and publish oefeningen and leermodules: publish rights on the index page."""

from cms.rollen import TRAINER

TRAINER_PAGINA_RECHTEN = ["add_page", "change_page", "publish_page"]


def trainers_publiceren(**kwargs):
    """Give the Trainer group publish rights below /oefeningen/. Idempotent; runs after migrate."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    from oefeningen.models import OefeningenIndexPage

    index = OefeningenIndexPage.objects.first()
    if index is None:
        return
    groep, _ = Group.objects.get_or_create(name=TRAINER)
    for perm in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=TRAINER_PAGINA_RECHTEN
    ):
        GroupPagePermission.objects.get_or_create(group=groep, page=index, permission=perm)
