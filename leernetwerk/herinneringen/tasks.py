"""Reminder e-mails run on the "achtergrond" task backend (django-tasks-db): the daily command
`herinneringen_versturen` queues one task per person, `manage.py db_worker --backend
achtergrond` sends them. Arguments are plain JSON: a user id and the day the command ran."""

import datetime as dt

from django.contrib.auth import get_user_model
from django_tasks import task


@task(backend="achtergrond")
def herinneringen_versturen_aan(gebruiker_id, datum):
    from leernetwerk.herinneringen import services

    gebruiker = get_user_model().objects.filter(pk=gebruiker_id).first()
    if gebruiker is None:
        return 0
    return services.herinneringen_versturen(
        gebruiker=gebruiker, vandaag=dt.date.fromisoformat(datum)
    )
