"""modelsearch's own BackendTests against our whoosh backend (settings: modelsearch_suite).

Expected failures, all of which fail the same way on modelsearch's own SQLite backend
(see suite_sqlite_vergelijking.py, run it with the same command):
- tree filters (get_ancestors/children/descendants/siblings/root_nodes on MP/NS animals):
  the shared `search` fixture (November 2025) predates the tree models' test data;
- search_on_nested_related_fields: the fixture has no agenda items or speakers for meetings.
"""

import unittest

from django.test import TestCase
from modelsearch.tests.test_backends import BackendTests

FIXTURE_ZONDER_BOOMDATA = "fixture mist boomgegevens; faalt ook op de SQLite-backend"


class TestWhooshBackend(BackendTests, TestCase):
    backend_path = "cms.search.backend"

    @unittest.skip(FIXTURE_ZONDER_BOOMDATA)
    def test_get_ancestors_filter(self):
        super().test_get_ancestors_filter()

    @unittest.skip(FIXTURE_ZONDER_BOOMDATA)
    def test_get_children_filter(self):
        super().test_get_children_filter()

    @unittest.skip(FIXTURE_ZONDER_BOOMDATA)
    def test_get_descendants_filter(self):
        super().test_get_descendants_filter()

    @unittest.skip(FIXTURE_ZONDER_BOOMDATA)
    def test_get_siblings_filter(self):
        super().test_get_siblings_filter()

    @unittest.skip(FIXTURE_ZONDER_BOOMDATA)
    def test_get_root_nodes_filter(self):
        super().test_get_root_nodes_filter()

    @unittest.expectedFailure  # fixture has no agenda items; fails on SQLite too
    def test_search_on_nested_related_fields(self):
        super().test_search_on_nested_related_fields()
