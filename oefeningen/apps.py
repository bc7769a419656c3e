from django.apps import AppConfig


class OefeningenConfig(AppConfig):
    name = "oefeningen"
