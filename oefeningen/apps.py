from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _crud(modellen, acties=("add", "change", "delete", "view")):
    return [f"oefeningen.{actie}_{model}" for model in modellen for actie in acties]


class OefeningenConfig(AppConfig):
    name = "oefeningen"
    verbose_name = _("Oefeningen")

    # Page permissions (incl. publishing oefeningen and leermodules) are given on the
    # oefeningen index page by oefeningen.rechten after every migrate.
    rol_rechten = {
        "Trainer": ["oefeningen.view_poging", "oefeningen.view_antwoord", *_crud(["feedback"])],
        "Beheerder": _crud(["poging", "antwoord", "feedback"]),
    }

    def ready(self):
        from django.db.models.signals import post_migrate

        from cms.inhoudcache import inhoud_model
        from oefeningen.models import LeermoduleToewijzing
        from oefeningen.rechten import trainers_publiceren

        # Assignments are part of the module page, but one saved on its own (a data fix, the
        # demo) must reach the cached modules too.
        inhoud_model(LeermoduleToewijzing)

        post_migrate.connect(trainers_publiceren, dispatch_uid="oefeningen_trainers_publiceren")
