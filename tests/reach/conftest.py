import pytest


@pytest.fixture(autouse=True)
def _fresh_salts():
    """Each test's database starts without salts; so must the process cache."""
    from channels.reach.counting import forget_cached_salts

    forget_cached_salts()
    yield
    forget_cached_salts()


# The channel pulls talk real HTTP to the channel layer's platform stand-in.
from tests.channels.conftest import media_server, standin, standin_server  # noqa: E402, F401
