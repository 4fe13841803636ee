import pytest


@pytest.fixture(autouse=True)
def _imports_run_in_the_test(settings):
    """Imports run synchronously in tests: a subprocess would not see the test database."""
    settings.CCHC_DOSSIER_IMPORT_SYNC = True
