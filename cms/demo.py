"""Demo content of the foundation: two gemeenten, three teams and fifteen users.

Every app adds its own demo content by registering a `demo_laden` hook (a callable taking
`stdout`), run in registration order after this one. Everything here is idempotent.
"""

import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail import hooks

from cms.models import Organisatie, Profiel, Team
from cms.rollen import BEHEERDER, CONSULENT, KENNISBEHEERDER, TEAMCHEF, TRAINER
from cms.search.backend import indexeren_uitgesteld

ORGANISATIES = [
    ("noordwaarde", "Gemeente Noordwaarde"),
    ("lindenhoven", "Gemeente Lindenhoven"),
]

TEAMS = [
    ("jongeren-noordwaarde", "Team Jongeren", "noordwaarde"),
    ("werk-participatie-noordwaarde", "Team Werk en Participatie", "noordwaarde"),
    ("activering-lindenhoven", "Team Inkomen en Activering", "lindenhoven"),
]

# username, voornaam, achternaam, organisatie, functie, rollen, teams (lid), teams (teamchef)
GEBRUIKERS = [
    (
        "demo-consulent",
        "Sanne",
        "de Vries",
        "noordwaarde",
        "jongerencoach",
        [CONSULENT],
        ["jongeren-noordwaarde"],
        [],
    ),
    (
        "demo-trainer",
        "Marco",
        "Bakker",
        "noordwaarde",
        "trainer en leernetwerkbegeleider",
        [TRAINER, CONSULENT],
        [],
        [],
    ),
    (
        "demo-teamchef",
        "Ingrid",
        "Hoekstra",
        "noordwaarde",
        "teamchef",
        [TEAMCHEF],
        [],
        ["jongeren-noordwaarde", "werk-participatie-noordwaarde"],
    ),
    (
        "demo-kennisbeheerder",
        "Yusuf",
        "Demir",
        "noordwaarde",
        "kwaliteitsmedewerker",
        [KENNISBEHEERDER],
        [],
        [],
    ),
    (
        "demo-beheerder",
        "Petra",
        "Visser",
        "noordwaarde",
        "functioneel beheerder",
        [BEHEERDER],
        [],
        [],
    ),
    (
        "fatima.elamrani",
        "Fatima",
        "El Amrani",
        "noordwaarde",
        "jongerencoach",
        [CONSULENT],
        ["jongeren-noordwaarde"],
        [],
    ),
    (
        "daan.mulder",
        "Daan",
        "Mulder",
        "noordwaarde",
        "jongerencoach",
        [CONSULENT],
        ["jongeren-noordwaarde"],
        [],
    ),
    (
        "lotte.jansen",
        "Lotte",
        "Jansen",
        "noordwaarde",
        "jongerencoach",
        [CONSULENT],
        ["jongeren-noordwaarde"],
        [],
    ),
    (
        "bram.smit",
        "Bram",
        "Smit",
        "noordwaarde",
        "klantmanager",
        [CONSULENT],
        ["werk-participatie-noordwaarde"],
        [],
    ),
    (
        "esra.yilmaz",
        "Esra",
        "Yılmaz",
        "noordwaarde",
        "klantmanager",
        [CONSULENT],
        ["werk-participatie-noordwaarde"],
        [],
    ),
    (
        "joost.vandijk",
        "Joost",
        "van Dijk",
        "noordwaarde",
        "werkcoach",
        [CONSULENT],
        ["werk-participatie-noordwaarde"],
        [],
    ),
    (
        "anouk.bos",
        "Anouk",
        "Bos",
        "lindenhoven",
        "klantmanager",
        [CONSULENT],
        ["activering-lindenhoven"],
        [],
    ),
    (
        "ricardo.martina",
        "Ricardo",
        "Martina",
        "lindenhoven",
        "klantmanager",
        [CONSULENT],
        ["activering-lindenhoven"],
        [],
    ),
    (
        "mirjam.postma",
        "Mirjam",
        "Postma",
        "lindenhoven",
        "participatiecoach",
        [CONSULENT],
        ["activering-lindenhoven"],
        [],
    ),
    (
        "teamchef.lindenhoven",
        "Henk",
        "de Boer",
        "lindenhoven",
        "teamleider",
        [TEAMCHEF],
        [],
        ["activering-lindenhoven"],
    ),
]

DEMO_LOGINS = [
    "demo-consulent",
    "demo-trainer",
    "demo-teamchef",
    "demo-kennisbeheerder",
    "demo-beheerder",
]


def demo_wachtwoord():
    return os.environ.get("DEMO_WACHTWOORD", "leernetwerk-demo")


@transaction.atomic
def organisaties_en_gebruikers_laden():
    """Create or update the demo organisations, teams and users. Returns the users by username."""
    User = get_user_model()
    organisaties = {
        slug: Organisatie.objects.update_or_create(slug=slug, defaults={"naam": naam})[0]
        for slug, naam in ORGANISATIES
    }
    teams = {
        slug: Team.objects.update_or_create(
            slug=slug, defaults={"naam": naam, "organisatie": organisaties[org]}
        )[0]
        for slug, naam, org in TEAMS
    }
    groepen = {g.name: g for g in Group.objects.all()}
    wachtwoord = demo_wachtwoord()
    gebruikers = {}
    for username, voornaam, achternaam, org, functie, rollen, lid_van, chef_van in GEBRUIKERS:
        user, nieuw = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": voornaam,
                "last_name": achternaam,
                "email": f"{username}@{org}.example",
            },
        )
        if nieuw:
            user.set_password(wachtwoord)
            user.save()
        user.groups.add(*(groepen[r] for r in rollen))
        Profiel.objects.update_or_create(
            gebruiker=user, defaults={"organisatie": organisaties[org], "functie": functie}
        )
        for slug in lid_van:
            teams[slug].leden.add(user)
        for slug in chef_van:
            teams[slug].teamchefs.add(user)
        gebruikers[username] = user
    return gebruikers


def inhoud_laden(stdout):
    """Run every app's `demo_laden` hook in order; the search index is written once, at the end."""
    with indexeren_uitgesteld():
        for laden in hooks.get_hooks("demo_laden"):
            laden(stdout=stdout)
