"""Backups in a private S3 bucket (BACKUP_S3_BUCKET), against a real S3 server.

moto's server (requirements-dev.txt) speaks S3's HTTP API on loopback, so
django-storages and boto3 run exactly as they do against AWS or a municipal
S3-compatible store: signed requests, multipart uploads, ACLs.
"""

import importlib.util
import os
import socket
import subprocess
import sys
import time
from io import StringIO
from pathlib import Path

import pytest
import requests
from django.core.management import call_command

from cms.backups import storage
from cms.settings.base import private_backup_bucket
from stories.models import StoryPage
from tests.factories import make_story

pytestmark = pytest.mark.django_db(transaction=True)

BUCKET = "voresishoej-backups"
ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"
AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory):
    """moto's S3 server as a process of its own on 127.0.0.1; its URL."""
    if importlib.util.find_spec("moto") is None:
        reason = "moto[server] er ikke installeret (requirements-dev.txt): ingen S3 at teste mod"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    port = _free_port()
    log = tmp_path_factory.mktemp("moto") / "server.log"
    with open(log, "wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):  # up once it answers, at most a minute
            if server.poll() is not None:
                pytest.fail(f"moto stoppede: {Path(log).read_text()[-2000:]}")
            try:
                requests.get(url, timeout=5)
                break
            except (requests.ConnectionError, requests.Timeout):
                time.sleep(0.2)
        else:
            pytest.fail(f"moto svarede ikke på {url}")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture
def bucket(s3_server, settings, monkeypatch):
    """A new private bucket as the backups storage, configured as
    BACKUP_S3_BUCKET configures it; a boto3 client on the same account."""
    import boto3

    for key, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(key, value)
    endpoint = {"endpoint_url": s3_server, "region_name": "us-east-1"}
    client = boto3.client("s3", **endpoint)
    for stale in (
        client.list_objects_v2(Bucket=BUCKET).get("Contents", []) if _exists(client) else []
    ):
        client.delete_object(Bucket=BUCKET, Key=stale["Key"])
    if not _exists(client):
        client.create_bucket(Bucket=BUCKET)
    settings.STORAGES = {**settings.STORAGES, "backups": private_backup_bucket(BUCKET, endpoint)}
    return client


def _exists(client) -> bool:
    return any(b["Name"] == BUCKET for b in client.list_buckets()["Buckets"])


def test_a_backup_goes_to_the_private_bucket_and_is_restored_from_it(bucket, s3_server):
    story = make_story(title="Bænken ved Ishøj Strand")
    out = StringIO()
    call_command("backup", stdout=out)

    # The operator is told the bucket's address; the archive is there, nowhere on disk.
    (name,) = storage.list_archives()
    assert out.getvalue().strip().splitlines()[-1] == f"s3://{BUCKET}/backups/{name}"
    (stored,) = bucket.list_objects_v2(Bucket=BUCKET)["Contents"]
    assert stored["Key"] == f"backups/{name}" and stored["Size"] > 10_000

    # Private: no grant to anybody but the account, and no way in without its keys.
    grants = bucket.get_object_acl(Bucket=BUCKET, Key=stored["Key"])["Grants"]
    grantees = {g["Grantee"].get("URI") or g["Grantee"].get("ID") for g in grants}
    assert ALL_USERS not in grantees and AUTHENTICATED_USERS not in grantees
    assert [g["Permission"] for g in grants] == ["FULL_CONTROL"]
    anonymous = requests.get(f"{s3_server}/{BUCKET}/{stored['Key']}", timeout=10)
    assert anonymous.status_code == 403
    # A link to it is signed (and expires), never a bare public address.
    link = storage.backup_storage().url(name)
    assert "Signature=" in link and "Expires=" in link

    StoryPage.objects.filter(pk=story.pk).update(title="Rettet efter sikkerhedskopien")
    restored = StringIO()
    call_command("restore", name, "--replace", stdout=restored)

    assert StoryPage.objects.get(pk=story.pk).title == "Bænken ved Ishøj Strand"
    assert "alle kontrolleret mod arkivet" in restored.getvalue()
