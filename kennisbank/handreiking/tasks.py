"""Background tasks of the handreiking, on the "achtergrond" backend (see kennisbank/tasks.py)."""

from django_tasks import task


@task(backend="achtergrond")
def handreiking_pdf_maken(boek_id, versie):
    from kennisbank.handreiking import pdf

    pdf.bouwen(boek_id, versie)
