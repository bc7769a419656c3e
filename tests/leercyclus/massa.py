"""A large platform for the performance test and benchmark: 2,000 users, 100,000 ledger rows."""

import datetime as dt
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from cms.activiteiten import Activiteit
from cms.models import Organisatie, Team
from leernetwerk.leercyclus.models import Leercyclusplan, Planmodule

SOORTEN = [
    Activiteit.Soort.HOOFDSTUK_GELEZEN,
    Activiteit.Soort.OEFENING_AFGEROND,
    Activiteit.Soort.FEEDBACK_ONTVANGEN,
    Activiteit.Soort.INTERVISIE_BIJGEWOOND,
    Activiteit.Soort.REFLECTIE,
]


def massa_laden(chef, gebruikers=2000, activiteiten=100_000, teamgrootte=50):
    """Bulk-create users, a team of `teamgrootte` led by `chef` with a plan, and ledger rows."""
    User = get_user_model()
    kans = random.Random(8)
    User.objects.bulk_create(
        [
            User(username=f"massa{i}", first_name="Lid", last_name=f"{i:04d}", password="!")
            for i in range(gebruikers)
        ],
        batch_size=1000,
    )
    ids = list(User.objects.filter(username__startswith="massa").values_list("id", flat=True))
    organisatie = Organisatie.objects.create(naam="Grootstad", slug="grootstad")
    team = Team.objects.create(organisatie=organisatie, naam="Groot team", slug="groot-team")
    team.teamchefs.add(chef)
    team.leden.add(*ids[:teamgrootte])
    plan = Leercyclusplan.objects.create(team=team)
    vandaag = timezone.localdate()
    for i, dagen in enumerate([-90, -10, 40]):
        Planmodule.objects.create(
            plan=plan, naam=f"Module {i}", uiterlijk=vandaag + dt.timedelta(days=dagen)
        )
    nu = timezone.now()
    rijen = []
    for _ in range(activiteiten):
        soort = kans.choice(SOORTEN)
        rijen.append(
            Activiteit(
                gebruiker_id=kans.choice(ids),
                soort=soort,
                moment=nu - dt.timedelta(minutes=kans.randint(60, 365 * 24 * 60)),
                uren=Decimal("1.5") if soort == Activiteit.Soort.INTERVISIE_BIJGEWOOND else None,
            )
        )
    Activiteit.objects.bulk_create(rijen, batch_size=5000)
    return team
