"""Factories for groups, tasks, photo calls and users in each role."""

import datetime
import io
import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from home.roles import MEDREDAKTOR, RAPPORTLAESER, SEKRETARIAT
from home.tree_names import ROOT_COLLECTION_NAME
from stories.models import GroupIndexPage, GroupPage, GroupTask, PhotoCallPage
from tests.factories import home_page

_n = itertools.count(1)
PASSWORD = "en-lang-test-adgangskode-42"


def user_in(role: str | None, username: str | None = None):
    """A user in one role's group; role None is a resident with a login and no groups."""
    username = username or f"{(role or 'borger').lower()}-{next(_n)}"
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.dk", password=PASSWORD, first_name="Test"
    )
    if role:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    return user


def secretariat(**kw):
    return user_in(SEKRETARIAT, **kw)


def co_editor(**kw):
    return user_in(MEDREDAKTOR, **kw)


def report_reader(**kw):
    return user_in(RAPPORTLAESER, **kw)


def group_index() -> GroupIndexPage:
    home = home_page()
    existing = GroupIndexPage.objects.child_of(home).first()
    if existing:
        return existing
    index = GroupIndexPage(title="Grupper", slug="grupper", show_in_menus=True)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def make_group(title=None, tasks=(), contact_user=None, **fields) -> GroupPage:
    """A published group; `tasks` are (title, hands_needed) pairs dated next week."""
    index = group_index()
    n = next(_n)
    page = GroupPage(
        title=title or f"Gruppe {n}",
        slug=fields.pop("slug", f"gruppe-{n}"),
        purpose=fields.pop("purpose", "Vi hjælper hinanden i Ishøj."),
        contact_name=fields.pop("contact_name", "Birthe"),
        contact_email=fields.pop("contact_email", "birthe.hemmelig@example.dk"),
        contact_phone=fields.pop("contact_phone", "+45 20 30 40 50"),
        contact_user=contact_user,
        **fields,
    )
    day = timezone.localdate() + datetime.timedelta(days=7)
    for i, (task_title, hands) in enumerate(tasks):
        page.tasks.add(GroupTask(title=task_title, hands_needed=hands, date=day, sort_order=i))
    index.add_child(instance=page)
    page.save_revision().publish()
    return GroupPage.objects.get(pk=page.pk)


def make_photo_call(title="Min sommer i Ishøj", **fields) -> PhotoCallPage:
    home = home_page()
    call = PhotoCallPage(
        title=title, slug=fields.pop("slug", f"fotos-{next(_n)}"),
        intro=fields.pop("intro", "Send os dit bedste sommerbillede."), **fields,
    )  # fmt: skip
    home.add_child(instance=call)
    call.save_revision().publish()
    return call


def jpeg_upload(size=(1200, 900), exif=None, name="sommer.jpg", color=(200, 120, 40)):
    buffer = io.BytesIO()
    image = Image.new("RGB", size, color)
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(buffer, "JPEG", **kwargs)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def gps_exif(orientation: int | None = None):
    """EXIF with a GPS position (Ishøj Strand) and optionally an orientation."""
    exif = Image.Exif()
    exif[0x010F] = "TelefonFabrikant"
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (55.0, 36.0, 30.0)
    gps[3] = "E"
    gps[4] = (12.0, 21.0, 50.0)
    if orientation:
        exif[0x0112] = orientation
    return exif


def rebuild_roles():
    """Transactional tests flush the rows data migrations made; put the roles,
    the "Godkendelse" workflow and the root collection back the way
    home/migrations/0003_roles does."""
    import importlib

    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from wagtail.models import Collection

    if not Collection.objects.exists():
        Collection.add_root(name=ROOT_COLLECTION_NAME)
    for config in apps.get_app_configs():
        create_permissions(config, verbosity=0)
    home_page()
    importlib.import_module("home.migrations.0003_roles").apply_roles(apps)
