"""The archive file: a plain tar of data files, media files and a manifest.

Plain tar because every operating system opens it and a truncated one is
recognisable; the data files inside are gzipped JSON Lines (the media are
already compressed). The manifest comes last and lists the SHA-256 and size of
every other member, so an archive cut short lacks it, and reading checks every
byte against it before a restore changes anything.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import tarfile
import time
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any

FORMAT = "vores-ishoej-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CHUNK = 1024 * 1024


class ArchiveError(Exception):
    """An archive that must not be restored; the message says why in Danish and English."""

    def __init__(self, danish: str, english: str):
        super().__init__(f"{danish}\n{english}")
        self.danish = danish
        self.english = english


class _HashingReader:
    """Reads through a file and keeps its SHA-256 and length on the way."""

    def __init__(self, source: IO[bytes]):
        self.source = source
        self.sha256 = hashlib.sha256()
        self.size = 0

    def read(self, n: int = -1) -> bytes:
        data = self.source.read(n)
        self.sha256.update(data)
        self.size += len(data)
        return data


@dataclass(frozen=True)
class Member:
    sha256: str
    size: int


class ArchiveWriter:
    """Adds members to a new tar and remembers each one's checksum for the manifest."""

    def __init__(self, path: Path):
        self.path = path
        self.files: dict[str, Member] = {}
        self._tar = tarfile.open(path, "w", format=tarfile.PAX_FORMAT)

    def add(self, name: str, source: IO[bytes], size: int) -> Member:
        _check_name(name)
        info = tarfile.TarInfo(name)
        info.size = size
        info.mtime = int(time.time())
        info.mode = 0o600
        reader = _HashingReader(source)
        self._tar.addfile(info, reader)
        if reader.size != size:
            raise OSError(f"{name}: read {reader.size} bytes, expected {size}")
        member = Member(reader.sha256.hexdigest(), size)
        self.files[name] = member
        return member

    def add_file(self, name: str, path: Path) -> Member:
        with open(path, "rb") as source:
            return self.add(name, source, path.stat().st_size)

    def close(self, manifest: dict[str, Any]) -> None:
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            **manifest,
            "files": {
                name: {"sha256": m.sha256, "size": m.size} for name, m in sorted(self.files.items())
            },
        }
        body = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size = len(body)
        info.mtime = int(time.time())
        info.mode = 0o600
        self._tar.addfile(info, io.BytesIO(body))
        self._tar.close()

    def abort(self) -> None:
        self._tar.close()
        self.path.unlink(missing_ok=True)


def _check_name(name: str) -> None:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts or "\\" in name:
        raise ArchiveError(
            f"Arkivet indeholder et ugyldigt filnavn: {name!r}.",
            f"The archive holds an invalid file name: {name!r}.",
        )


@dataclass(frozen=True)
class VerifiedArchive:
    """An archive unpacked into `root` whose every file matched its manifest."""

    root: Path
    manifest: dict[str, Any]

    def path(self, name: str) -> Path:
        return self.root / name

    @property
    def media_names(self) -> list[str]:
        return sorted(n[len("media/") :] for n in self.manifest["files"] if n.startswith("media/"))


def unpack_and_verify(archive: Path, into: Path) -> VerifiedArchive:
    """Unpack every member into `into`, checking it against the manifest.

    Raises ArchiveError for anything short of a complete, undamaged archive of
    this format: unreadable or truncated tar, a missing or unreadable manifest,
    a file missing, added, or with another size or SHA-256.
    """
    seen: dict[str, Member] = {}
    manifest_bytes = None
    try:
        with tarfile.open(archive, "r:") as tar:
            for info in tar:
                _check_name(info.name)
                if info.isdir():
                    continue
                if not info.isfile():
                    raise ArchiveError(
                        f"Arkivet indeholder noget, der ikke er en almindelig fil: {info.name}.",
                        f"The archive holds something that is not a regular file: {info.name}.",
                    )
                source = tar.extractfile(info)
                reader = _HashingReader(source)
                if info.name == MANIFEST:
                    manifest_bytes = reader.read()
                else:
                    target = into / info.name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    with open(target, "wb") as out:
                        shutil.copyfileobj(reader, out, CHUNK)
                if reader.size != info.size:
                    raise EOFError(info.name)
                seen[info.name] = Member(reader.sha256.hexdigest(), reader.size)
    except ArchiveError:
        raise
    except (tarfile.TarError, EOFError, OSError) as exc:
        raise ArchiveError(
            f"Arkivet kan ikke læses til ende; det er afkortet eller beskadiget ({exc}).",
            f"The archive cannot be read to its end; it is truncated or damaged ({exc}).",
        ) from exc
    if manifest_bytes is None:
        raise ArchiveError(
            "Arkivet mangler sit manifest; det er afkortet eller ikke en sikkerhedskopi "
            "fra Vores Ishøj.",
            "The archive has no manifest; it is truncated or not a Vores Ishøj backup.",
        )
    try:
        manifest = json.loads(manifest_bytes)
    except ValueError as exc:
        raise ArchiveError(
            "Arkivets manifest kan ikke læses.", "The archive's manifest cannot be read."
        ) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ArchiveError(
            "Filen er ikke en sikkerhedskopi fra Vores Ishøj.",
            "The file is not a Vores Ishøj backup.",
        )
    if manifest.get("format_version") != FORMAT_VERSION:
        raise ArchiveError(
            f"Arkivets format {manifest.get('format_version')} kendes ikke af denne udgave.",
            f"This release does not know archive format {manifest.get('format_version')}.",
        )
    expected = {
        name: Member(entry["sha256"], entry["size"]) for name, entry in manifest["files"].items()
    }
    seen.pop(MANIFEST, None)
    missing = sorted(set(expected) - set(seen))
    extra = sorted(set(seen) - set(expected))
    damaged = sorted(n for n in set(expected) & set(seen) if expected[n] != seen[n])
    if missing:
        raise ArchiveError(
            f"Arkivet mangler {len(missing)} fil(er), fx {missing[0]}.",
            f"The archive lacks {len(missing)} file(s), e.g. {missing[0]}.",
        )
    if damaged:
        raise ArchiveError(
            f"Arkivet er beskadiget: {len(damaged)} fil(er) har ikke den SHA-256, manifestet "
            f"angiver, fx {damaged[0]}.",
            f"The archive is damaged: {len(damaged)} file(s) do not match the SHA-256 in the "
            f"manifest, e.g. {damaged[0]}.",
        )
    if extra:
        raise ArchiveError(
            f"Arkivet indeholder {len(extra)} fil(er), manifestet ikke kender, fx {extra[0]}.",
            f"The archive holds {len(extra)} file(s) its manifest does not list, e.g. {extra[0]}.",
        )
    return VerifiedArchive(into, manifest)
