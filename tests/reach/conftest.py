import pytest
from django.contrib.auth.models import Group, User


@pytest.fixture(autouse=True)
def _fresh_salts():
    """Each test's database starts without salts; so must the process cache."""
    from channels.reach.counting import forget_cached_salts

    forget_cached_salts()
    yield
    forget_cached_salts()


@pytest.fixture
def reader(client):
    """A logged-in report reader (the Rapportlæsere group the reach app grants)."""
    user = User.objects.create_user("laeser")
    user.groups.add(Group.objects.get(name="Rapportlæsere"))
    client.force_login(user)
    return client


# The channel pulls talk real HTTP to the channel layer's platform stand-in.
from tests.channels.conftest import media_server, standin, standin_server  # noqa: E402, F401
