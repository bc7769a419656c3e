"""Small middleware the platform shares."""

from django.conf import settings


class ContentSecurityPolicyMiddleware:
    """Add a Content-Security-Policy header built from settings.LEERNETWERK_CSP, when set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "LEERNETWERK_CSP", None)
        if policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = "; ".join(
                f"{directive} {' '.join(sources)}" for directive, sources in policy.items()
            )
        return response
