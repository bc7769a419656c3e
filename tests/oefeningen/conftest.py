import io

import pytest
from wagtail import hooks

from oefeningen.models import OefeningPage


@pytest.fixture
def demo(demo_gebruikers):
    """The oefeningen demo content (and the users it needs)."""
    for laden in hooks.get_hooks("demo_laden"):
        laden(stdout=io.StringIO())
    return {o.slug: o for o in OefeningPage.objects.live()}
