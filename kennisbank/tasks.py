"""Background tasks of the kennisbank. They run on the "achtergrond" backend (TASKS in
cms/settings/base.py): queued in the database and run by `manage.py db_worker --backend
achtergrond` beside the site, so a long import holds no request and no lock for its length."""

from django_tasks import task


@task(backend="achtergrond")
def importtaak_uitvoeren(taak_id):
    from kennisbank import services

    services.importtaak_uitvoeren(taak_id=taak_id)
