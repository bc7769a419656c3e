from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from cms.rollen import BEHEERDER, KENNISBEHEERDER

HERKOMST_RECHTEN = [
    "kennisbank.add_herkomst",
    "kennisbank.change_herkomst",
    "kennisbank.delete_herkomst",
    "kennisbank.view_herkomst",
]


class KennisbankConfig(AppConfig):
    name = "kennisbank"
    verbose_name = _("Kennisbank")
    rol_rechten = {KENNISBEHEERDER: HERKOMST_RECHTEN, BEHEERDER: HERKOMST_RECHTEN}

    def ready(self):
        from cms.inhoudcache import inhoud_model
        from kennisbank.models import Herkomst

        inhoud_model(Herkomst)
