from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LeernetwerkConfig(AppConfig):
    name = "leernetwerk"
    verbose_name = _("Leernetwerk")

    # Groups and methods are managed in the admin; session content never is (confidential).
    rol_rechten = {
        "Beheerder": [
            "leernetwerk.add_intervisiegroep",
            "leernetwerk.change_intervisiegroep",
            "leernetwerk.delete_intervisiegroep",
            "leernetwerk.add_intervisiemethode",
            "leernetwerk.change_intervisiemethode",
            "leernetwerk.view_toegangslog",
        ],
        "Trainer": [
            "leernetwerk.add_intervisiegroep",
            "leernetwerk.change_intervisiegroep",
            "leernetwerk.change_intervisiemethode",
        ],
    }
