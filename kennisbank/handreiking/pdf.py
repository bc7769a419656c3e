"""The book as a PDF, rendered on the server with WeasyPrint.

WeasyPrint needs pango (a Debian package), so it is imported only when a PDF is asked for. The
HTML holds everything it needs (CSS inline, images as data: URIs): WeasyPrint fetches nothing.
"""

from django.template.loader import render_to_string


class PdfNietBeschikbaar(Exception):
    """WeasyPrint or the pango libraries it needs are missing on this server."""


def boek_als_pdf(boek, context, request):
    try:
        from weasyprint import HTML  # lazy: pango is only needed for PDFs
    except (ImportError, OSError) as fout:
        raise PdfNietBeschikbaar(str(fout)) from fout

    html = render_to_string(
        "handreiking/boek_pdf.html", {**context, "pdf": True, "page": boek}, request=request
    )
    return HTML(string=html).write_pdf()
