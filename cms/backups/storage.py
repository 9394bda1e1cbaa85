"""Where archives live: the `backups` storage (BACKUP_DIR, or a private S3 bucket).

Everything goes through Django's storage API, so the local folder and S3 behave
alike; only a restore needs a local file, and gets a downloaded copy.
"""

from __future__ import annotations

import datetime
import re
import shutil
from pathlib import Path

from django.core.files import File
from django.core.files.storage import FileSystemStorage, storages

PREFIX = "voresishoej-"
NAME_PATTERN = re.compile(r"^voresishoej-(\d{8}T\d{6}Z)(?:-\d+)?\.tar$")


def backup_storage():
    return storages["backups"]


def archive_name(at: datetime.datetime) -> str:
    return f"{PREFIX}{at.astimezone(datetime.UTC):%Y%m%dT%H%M%SZ}.tar"


def taken_at(name: str) -> datetime.datetime | None:
    match = NAME_PATTERN.match(name)
    if not match:
        return None
    return datetime.datetime.strptime(match.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.UTC)


def list_archives(storage=None) -> list[str]:
    """The archives in the storage, newest first."""
    storage = storage or backup_storage()
    try:
        _, files = storage.listdir("")
    except FileNotFoundError:
        return []
    return sorted(
        (f for f in files if NAME_PATTERN.match(f)), key=lambda n: (taken_at(n), n), reverse=True
    )


def staging_dir(storage=None) -> Path | None:
    """Where an archive is put together: beside its final place on a local disk
    (so finishing it is a rename), else the system's temporary folder."""
    storage = storage or backup_storage()
    if isinstance(storage, FileSystemStorage):
        folder = Path(storage.location)
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return None


def store(path: Path, name: str, storage=None) -> str:
    """Move the finished archive into the storage under `name` (or a free
    variant of it); the name it got."""
    storage = storage or backup_storage()
    if isinstance(storage, FileSystemStorage):
        final = name
        n = 2
        while storage.exists(final):
            final = name.replace(".tar", f"-{n}.tar")
            n += 1
        path.replace(Path(storage.location) / final)
        return final
    with open(path, "rb") as source:
        return storage.save(name, File(source, name=name))


def describe(name: str, storage=None) -> str:
    """Where an operator finds the archive: a path on disk, or the bucket's address."""
    storage = storage or backup_storage()
    if isinstance(storage, FileSystemStorage):
        return str(Path(storage.location) / name)
    bucket = getattr(storage, "bucket_name", "")
    if not bucket:
        return f"{type(storage).__name__}: {name}"
    location = getattr(storage, "location", "")
    return f"s3://{bucket}/{location.strip('/') + '/' if location else ''}{name}"


def local_copy(reference: str, folder: Path, storage=None) -> Path:
    """A file on disk for ARCHIVE: the path itself when it is one, else the
    named archive from the storage, downloaded into `folder`."""
    candidate = Path(reference)
    if candidate.is_file():
        return candidate
    storage = storage or backup_storage()
    if not storage.exists(reference):
        raise FileNotFoundError(reference)
    if isinstance(storage, FileSystemStorage):
        return Path(storage.path(reference))
    target = folder / Path(reference).name
    with storage.open(reference, "rb") as source, open(target, "wb") as out:
        shutil.copyfileobj(source, out, 1024 * 1024)
    return target


def media_files(storage) -> list[str]:
    """Every file in the media storage, as storage names."""
    names = []
    pending = [""]
    while pending:
        folder = pending.pop()
        try:
            dirs, files = storage.listdir(folder)
        except FileNotFoundError:
            continue
        prefix = f"{folder}/" if folder else ""
        names.extend(prefix + f for f in files)
        pending.extend(prefix + d for d in dirs)
    return sorted(names)
