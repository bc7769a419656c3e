"""Background tasks of the kennisbank (django-tasks: the immediate backend runs them in the
request; a worker backend set in TASKS runs them beside the site)."""

from django_tasks import task


@task()
def importtaak_uitvoeren(taak_id):
    from kennisbank import services

    services.importtaak_uitvoeren(taak_id=taak_id)
