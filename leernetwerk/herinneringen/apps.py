from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HerinneringenConfig(AppConfig):
    name = "leernetwerk.herinneringen"
    label = "herinneringen"
    verbose_name = _("Herinneringen")
