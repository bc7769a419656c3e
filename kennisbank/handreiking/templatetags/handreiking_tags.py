import base64
import mimetypes

from django import template

register = template.Library()


@register.filter
def als_data_uri(rendition):
    """An image rendition as a data: URI, so the PDF needs no network or file access."""
    try:
        with rendition.file.open("rb") as bestand:
            inhoud = bestand.read()
    except (OSError, ValueError):
        return ""
    soort = mimetypes.guess_type(rendition.file.name)[0] or "image/png"
    return f"data:{soort};base64,{base64.b64encode(inhoud).decode('ascii')}"
