"""Which address a request comes from, for django-axes' login throttling.

Behind a reverse proxy every request has the proxy's REMOTE_ADDR; the client's address is in
X-Forwarded-For, which each proxy extends with the address it saw. Only the entries our own
proxies wrote can be trusted: with VERTROUWDE_PROXY_AANTAL = n the client is the n-th entry from
the right. Anything to the left of it is whatever the client sent, so a forged header cannot
move an attacker to a fresh address. With 0 (no proxy configured) the header is ignored.
"""

import ipaddress

from django.conf import settings


def client_adres(request):
    adres = request.META.get("REMOTE_ADDR")
    aantal = settings.VERTROUWDE_PROXY_AANTAL
    if not aantal:
        return adres
    doorgestuurd = [d.strip() for d in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    doorgestuurd = [d for d in doorgestuurd if d]
    if len(doorgestuurd) < aantal:
        # Fewer entries than proxies: the request did not pass them all; count the sender.
        return adres
    kandidaat = doorgestuurd[-aantal]
    try:
        return str(ipaddress.ip_address(kandidaat))
    except ValueError:
        return adres
