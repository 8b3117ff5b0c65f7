"""Upstream credentials stay off the command line: a libpq service file and password file instead.

A password inside ``--upstream`` (or COUNTERLINE_UPSTREAM) is refused: every user of the PC sees a
command line in ``ps``. ``--upstream-service NAME`` names a section of the libpq service file
(PGSERVICEFILE, default ~/.pg_service.conf) holding host, port, dbname and user; the password
comes from the libpq password file (PGPASSFILE, default ~/.pgpass). Both must be readable by their
owner alone, checked here so the refusal is one line naming the file.
"""

from __future__ import annotations

import codecs
import configparser
import os
from pathlib import Path
from urllib.parse import quote

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from models.store.secret_files import check_owner_only
from queueing.core.errors import ConfigError


def service_file() -> Path:
    return Path(os.environ.get("PGSERVICEFILE") or Path.home() / ".pg_service.conf")


def password_file() -> Path:
    return Path(os.environ.get("PGPASSFILE") or Path.home() / ".pgpass")


def upstream_url(url: str | None, service: str | None) -> str | None:
    """The upstream URL to open, from ``--upstream`` or ``--upstream-service``; ConfigError saying what is wrong."""
    if url and service:
        raise ConfigError("give --upstream or --upstream-service, not both")
    if service:
        _check_service(service)
        _check_password_file()
        return f"postgresql+psycopg:///?service={quote(service)}"
    if url:
        try:
            parsed = make_url(url)
        except ArgumentError:
            return url  # a plain SQLite path: nothing secret in it
        if parsed.password:
            raise ConfigError(
                "the upstream URL holds a password, which every user of this PC can read (ps): put it in a libpq "
                "password file (PGPASSFILE, mode 600) or use --upstream-service NAME"
            )
        if parsed.get_backend_name() == "postgresql":
            _check_password_file()
    return url


def _check_service(name: str) -> None:
    file = service_file()
    if not file.is_file():
        raise ConfigError(f"--upstream-service {name}: no libpq service file at {file} (set PGSERVICEFILE)")
    check_owner_only(file)
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(_service_text(file), str(file))
    except configparser.Error as exc:
        raise ConfigError(f"{file}: not a libpq service file ({exc.__class__.__name__})") from None
    if not parser.has_section(name):
        known = ", ".join(parser.sections()) or "none"
        raise ConfigError(f"{file}: no service [{name}] (services: {known})")
    if parser.has_option(name, "password"):
        raise ConfigError(f"{file}: service [{name}] holds a password; keep it in the password file (PGPASSFILE)")


def _check_password_file() -> None:
    file = password_file()
    if file.exists():
        check_owner_only(file)
        _libpq_bytes(file)  # its passwords are libpq's business, in whatever encoding: only the mark is checked


def _libpq_bytes(file: Path) -> bytes:
    """The bytes of a file libpq reads, or ConfigError naming it when libpq would misread it."""
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{file}: cannot read: {exc.strerror}") from None
    if data.startswith(codecs.BOM_UTF8):
        # libpq takes the mark for part of the first line: "[branch]" is then no section header, or the first
        # password line matches no host. Saying so here beats "service not found" or a refused password later.
        raise ConfigError(
            f"{file}: starts with a byte-order mark (Notepad), which libpq cannot read: save it as UTF-8 without BOM"
        )
    return data


def _service_text(file: Path) -> str:
    try:
        return _libpq_bytes(file).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{file}: not UTF-8 text (byte {exc.start})") from None
