from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import oidc_inloggen, views

urlpatterns = [
    path("inloggen/", views.InlogView.as_view(), name="inloggen"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="uitloggen"),
    # Sign-in with the gemeente's account (OIDC); 404 unless configured. Names are the library's.
    path("oidc/inloggen/", oidc_inloggen.OidcInloggen.as_view(), name="oidc_authentication_init"),
    path(
        "oidc/terugkeer/",
        oidc_inloggen.OidcTerugkeer.as_view(),
        name="oidc_authentication_callback",
    ),
    # The admin has no login of its own: /inloggen/ serves everyone (keeps ?next=).
    path(
        "beheer/login/",
        login_not_required(RedirectView.as_view(url="/inloggen/", query_string=True)),
    ),
    path("beheer/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("", include("cms.search.urls")),
    path("", include("leernetwerk.leercyclus.urls")),
    path("", include("leernetwerk.herinneringen.urls")),
    path("", include("leernetwerk.urls")),
    path("", include("kennisbank.urls")),
    path("", include("oefeningen.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    # Wagtail's own front-end login is not used: everything goes through /inloggen/.
    path("_util/login/", login_not_required(RedirectView.as_view(url="/inloggen/"))),
    path("", include(wagtail_urls)),
]
