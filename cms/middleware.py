"""Small middleware the platform shares."""

from django.conf import settings
from django.urls import reverse
from wagtail import views as wagtail_views
from wagtail.models import Site

from cms.inhoudcache import fragment


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


class SiteUitCacheMiddleware:
    """For pages Wagtail serves, find the request's site in the content cache, not by query.

    Wagtail looks the site up once per request (`Site.find_for_request` keeps it in
    `request._wagtail_site`), with a query whose ordering alone costs more than some pages'
    content. Sites are content: a change to one writes a new content version
    (`cms.inhoudcache`), so a cached answer is never stale. Other views are left alone: they
    do not all need the site, nor the content version.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve or hasattr(request, "_wagtail_site"):
            return None

        def vinden():
            site = Site._find_for_request(request)
            if site is not None:
                site.root_page.specific  # noqa: B018 - cached with the site: routing starts there
            return site

        sleutel = ("wagtail", "site", request._get_raw_host(), request.get_port())
        site = fragment(sleutel, vinden)
        if site is not None:
            request._wagtail_site = site
        return None
