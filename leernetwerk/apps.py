from django.apps import AppConfig


class LeernetwerkConfig(AppConfig):
    name = "leernetwerk"
