"""The calendar attachment of an intervisie reminder (iCalendar, RFC 5545, via `icalendar`).

It holds when and with which group, and the link to the session: never the casus, hulpvraag or
anything else the group records.
"""

import datetime as dt
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event


def sessie_ics(sessie, url, nu=None):
    """The session as one event in the site's time zone (with its VTIMEZONE), as bytes."""
    zone = ZoneInfo(settings.TIME_ZONE)
    host = urlsplit(url).hostname or "leernetwerk"
    kalender = Calendar()
    kalender.add("prodid", "-//Leernetwerk//Herinneringen//NL")
    kalender.add("version", "2.0")
    kalender.add("method", "PUBLISH")
    afspraak = Event()
    afspraak.add("uid", f"intervisiesessie-{sessie.pk}@{host}")
    afspraak.add("dtstamp", (nu or timezone.now()).astimezone(dt.UTC))
    afspraak.add("dtstart", dt.datetime.combine(sessie.datum, sessie.start, tzinfo=zone))
    afspraak.add("dtend", dt.datetime.combine(sessie.datum, sessie.eind, tzinfo=zone))
    naam = sessie.groep.naam
    if "intervisie" not in naam.lower():
        naam = _("Intervisie %(groep)s") % {"groep": naam}
    afspraak.add("summary", naam)
    afspraak.add("url", url)
    afspraak.add("description", url)
    kalender.add_component(afspraak)
    jaar = dt.timedelta(days=366)
    kalender.add_missing_timezones(first_date=sessie.datum - jaar, last_date=sessie.datum + jaar)
    return kalender.to_ical()
