"""With 2,000 users and 100,000 ledger rows, a 50-person dashboard still takes a fixed query count.

The render time is measured in tests/bench/bench_dashboard.py, not here.
"""

from .hulp import tabel_uit_html
from .massa import massa_laden


def test_dashboard_of_50_members_among_100k_records_uses_fixed_queries(
    client_als, demo_gebruikers, django_assert_max_num_queries
):
    massa_laden(demo_gebruikers["demo-teamchef"])
    client = client_als("demo-teamchef")
    with django_assert_max_num_queries(11):
        response = client.get("/team/groot-team/")
    assert response.status_code == 200
    rijen = tabel_uit_html(response.content.decode(), "dashboard")
    assert len(rijen) == 1 + 50 + 1
    assert sum(int(r[2]) for r in rijen[1:-1]) == int(rijen[-1][2]) > 0
    # The dashboard's reads, plus the one audit row every export writes.
    with django_assert_max_num_queries(9):
        export = client.get("/team/groot-team/export.csv")
    assert export.content.decode("utf-8-sig").count("\n") == 52
