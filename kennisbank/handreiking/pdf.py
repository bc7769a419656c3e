"""The book as a PDF, rendered on the server with WeasyPrint, cached per book version.

WeasyPrint needs pango (a Debian package), so it is imported only when a PDF is asked for. The
HTML holds everything it needs (CSS inline, images as data: URIs): WeasyPrint fetches nothing.

A 40-chapter book takes seconds to render, so no request renders it: the pdf/ route serves the
file built for the book's current version from HANDREIKING_PDF_DIR, and otherwise queues
`handreiking_pdf_maken` on the "achtergrond" task backend (the worker beside the site) and says
the PDF is being made. The version is a digest of the book's and its live chapters' revisions,
so a published chapter makes a new PDF and an unchanged book is never rendered twice.
"""

import hashlib
import os
import time
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

# A build marker older than this is taken to be from a worker that died: queue again.
BOUWTIJD_MAX = 15 * 60


class PdfNietBeschikbaar(Exception):
    """WeasyPrint or the pango libraries it needs are missing on this server."""


def beschikbaar():
    try:
        import weasyprint  # noqa: F401 - lazy: pango is only needed for PDFs
    except (ImportError, OSError):
        return False
    return True


def boek_als_pdf(boek, context, request=None):
    try:
        from weasyprint import HTML  # lazy: pango is only needed for PDFs
    except (ImportError, OSError) as fout:
        raise PdfNietBeschikbaar(str(fout)) from fout

    html = render_to_string(
        "handreiking/boek_pdf.html", {**context, "pdf": True, "page": boek}, request=request
    )
    return HTML(string=html).write_pdf()


def boekversie(boek):
    """A digest of what the PDF shows: the book's and its live chapters' published revisions."""
    from kennisbank.handreiking.models import HoofdstukPage

    delen = [(boek.pk, boek.latest_revision_id, str(boek.last_published_at))]
    delen += list(
        HoofdstukPage.objects.live()
        .descendant_of(boek)
        .order_by("path")
        .values_list("pk", "path", "latest_revision_id", "last_published_at")
    )
    return hashlib.sha256(repr(delen).encode()).hexdigest()[:24]


def _map():
    from cms.bestanden import prive_map

    return prive_map(Path(settings.HANDREIKING_PDF_DIR))


def pdf_pad(boek, versie):
    return _map() / f"boek-{boek.pk}-{versie}.pdf"


def bouw_vragen(boek, versie):
    """Queue a build of this version unless one is queued or running (one marker file)."""
    from kennisbank.handreiking.tasks import handreiking_pdf_maken

    marker = pdf_pad(boek, versie).with_suffix(".bezig")
    try:
        fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        if time.time() - marker.stat().st_mtime < BOUWTIJD_MAX:
            return
        marker.touch()
    else:
        os.close(fd)
    handreiking_pdf_maken.enqueue(boek.pk, versie)


def bouwen(boek_id, versie):
    """Render and store the PDF of this book version (the task's body); drop older versions."""
    from kennisbank.handreiking import selectors
    from kennisbank.handreiking.models import HandreikingPage

    boek = HandreikingPage.objects.live().filter(pk=boek_id).first()
    doel = None
    try:
        if boek is None:
            return
        doel = pdf_pad(boek, versie)
        if doel.exists():
            return
        inhoud = boek_als_pdf(boek, selectors.volledig_boek_context(boek, None))
        tijdelijk = doel.with_suffix(".tmp")
        tijdelijk.write_bytes(inhoud)
        os.chmod(tijdelijk, 0o600)
        os.replace(tijdelijk, doel)  # atomic: a reader sees the whole file or none
        for oud in doel.parent.glob(f"boek-{boek.pk}-*.pdf"):
            if oud != doel:
                oud.unlink(missing_ok=True)
    finally:
        if doel is not None:
            doel.with_suffix(".bezig").unlink(missing_ok=True)
