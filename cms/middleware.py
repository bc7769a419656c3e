"""Small middleware the platform shares."""

from django.conf import settings
from django.urls import reverse


class ContentSecurityPolicyMiddleware:
    """Add a Content-Security-Policy header built from settings.LEERNETWERK_CSP, when set.

    Wagtail's admin gets settings.LEERNETWERK_CSP_BEHEER instead, when that is set: its
    templates still contain inline scripts that our own pages do without.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "LEERNETWERK_CSP", None)
        beheer = getattr(settings, "LEERNETWERK_CSP_BEHEER", None)
        if beheer and request.path.startswith(reverse("wagtailadmin_home")):
            policy = beheer
        if policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = "; ".join(
                f"{directive} {' '.join(sources)}" for directive, sources in policy.items()
            )
        return response
