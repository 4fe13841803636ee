"""Backups (sao lưu) of the database and the uploaded files, and their restore on a wiped server.

A backup is a folder: the database (PostgreSQL: `pg_dump -Fc`; SQLite: a copy made with sqlite3's online backup,
consistent while the site runs), the media folder copied as it is (evidence, imports, templates), a SHA-256 manifest
of every file, and a short description. Restoring checks the whole manifest before it touches anything, creates the
PostgreSQL database when it does not exist yet, refuses to overwrite one that holds tables unless asked to, and checks
the restored files against the manifest again.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.utils import timezone

DATABASE_DUMP = "database.dump"  # PostgreSQL, custom format
DATABASE_SQLITE = "database.sqlite3"
MEDIA = "media"
MANIFEST = "MANIFEST.sha256"
DESCRIPTION = "backup.json"


class BackupError(Exception):
    """Something a person must fix (a missing tool, a damaged backup, a database that is not empty)."""


@dataclass(frozen=True)
class Result:
    folder: Path
    vendor: str
    files: int  # media files
    bytes: int  # media bytes


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _files_under(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []


def _tool(name: str) -> str:
    """pg_dump or pg_restore: on the PATH, else the newest PostgreSQL's own folder (Debian's layout)."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), key=lambda p: int(p.parts[-3]))
    if not candidates:
        raise BackupError(f"Không tìm thấy {name}: hãy cài gói postgresql-client.")
    return str(candidates[-1])


def _pg_arguments(settings_dict: dict, database: str | None = None) -> tuple[list[str], dict]:
    """Connection arguments for the PostgreSQL tools; the password goes in their environment, never on a command line."""
    arguments = []
    if settings_dict.get("HOST"):
        arguments += ["--host", settings_dict["HOST"]]
    if settings_dict.get("PORT"):
        arguments += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        arguments += ["--username", settings_dict["USER"]]
    arguments += ["--dbname", database or settings_dict["NAME"]]
    environment = {**os.environ}
    if settings_dict.get("PASSWORD"):
        environment["PGPASSWORD"] = settings_dict["PASSWORD"]
    return arguments, environment


def _run(command: list[str], environment: dict) -> None:
    finished = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)  # nosec B603: pg_dump/pg_restore, argument lists
    if finished.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} thất bại: {finished.stderr.strip()[:2000]}")


def backup(folder: Path, *, using: str = "default", media_root: Path | None = None) -> Result:
    """Writes a backup into `folder`, which must not exist yet or be empty."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise BackupError(f"Thư mục {folder} đã có dữ liệu: hãy chọn một thư mục mới cho bản sao lưu.")
    folder.mkdir(parents=True, exist_ok=True)
    connection = connections[using]
    if connection.vendor == "postgresql":
        arguments, environment = _pg_arguments(connection.settings_dict)
        _run([_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(folder / DATABASE_DUMP), *arguments],
             environment)
        database = DATABASE_DUMP
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(folder / DATABASE_SQLITE)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        database = DATABASE_SQLITE
    else:
        raise BackupError(f"Chưa hỗ trợ sao lưu cơ sở dữ liệu {connection.vendor}.")
    media_root = Path(media_root or settings.MEDIA_ROOT)
    copied = folder / MEDIA
    copied.mkdir()
    lines, count, size = [f"{sha256_of(folder / database)}  {database}"], 0, 0
    for source in _files_under(media_root):
        relative = source.relative_to(media_root)
        destination = copied / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, destination)
        lines.append(f"{sha256_of(destination)}  {MEDIA}/{relative.as_posix()}")
        count, size = count + 1, size + destination.stat().st_size
    (folder / MANIFEST).write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / DESCRIPTION).write_text(json.dumps({
        "created_at": timezone.now().isoformat(), "vendor": connection.vendor, "database": database,
        "media_files": count, "media_bytes": size,
    }, indent=2), encoding="utf-8")
    return Result(folder, connection.vendor, count, size)


def read_manifest(folder: Path) -> dict[str, str]:
    """{relative path: SHA-256} of the backup, each file checked against it: BackupError on the first mismatch."""
    folder = Path(folder)
    manifest = folder / MANIFEST
    if not manifest.is_file():
        raise BackupError(f"{folder} không phải bản sao lưu của cchc (thiếu {MANIFEST}).")
    expected = {}
    for line in manifest.read_text(encoding="utf-8").splitlines():
        digest, _, relative = line.partition("  ")
        if not relative or ".." in Path(relative).parts or Path(relative).is_absolute():
            raise BackupError(f"Dòng không hợp lệ trong {MANIFEST}: {line[:120]!r}")
        expected[relative] = digest
    for relative, digest in expected.items():
        path = folder / relative
        if not path.is_file():
            raise BackupError(f"Bản sao lưu thiếu tệp {relative}.")
        if sha256_of(path) != digest:
            raise BackupError(f"Tệp {relative} trong bản sao lưu đã bị thay đổi hoặc hỏng (SHA-256 không khớp).")
    listed = {f"{MEDIA}/{p.relative_to(folder / MEDIA).as_posix()}" for p in _files_under(folder / MEDIA)}
    if listed - expected.keys():
        raise BackupError(f"Bản sao lưu có tệp không nằm trong {MANIFEST}: {sorted(listed - expected.keys())[:5]}")
    return expected


def _postgres_database_exists(settings_dict: dict) -> bool:
    import psycopg

    maintenance = {**settings_dict, "NAME": "postgres"}
    with psycopg.connect(**_psycopg_arguments(maintenance), autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [settings_dict["NAME"]]).fetchone():
            return True
        from psycopg import sql

        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(settings_dict["NAME"])))
        return False


def _psycopg_arguments(settings_dict: dict) -> dict:
    arguments = {"dbname": settings_dict["NAME"]}
    for key, name in (("HOST", "host"), ("PORT", "port"), ("USER", "user"), ("PASSWORD", "password")):
        if settings_dict.get(key):
            arguments[name] = str(settings_dict[key])
    return arguments


def _postgres_has_tables(settings_dict: dict) -> bool:
    import psycopg

    with psycopg.connect(**_psycopg_arguments(settings_dict)) as conn:
        return bool(conn.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
                    .fetchone()[0])


def _sqlite_has_tables(path: Path) -> bool:
    if not path.is_file() or not path.stat().st_size:
        return False
    conn = sqlite3.connect(path)
    try:
        return bool(conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0])
    finally:
        conn.close()


def restore(folder: Path, *, using: str = "default", media_root: Path | None = None, replace: bool = False) -> Result:
    """Restores a backup into the database of `using` (created on PostgreSQL if missing) and the media folder.
    Refuses a database that holds tables, or a media folder that holds files, unless `replace`."""
    folder = Path(folder)
    expected = read_manifest(folder)
    connection = connections[using]
    media_root = Path(media_root or settings.MEDIA_ROOT)
    if _files_under(media_root) and not replace:
        raise BackupError(f"Thư mục tệp {media_root} đã có tệp: thêm --replace để thay bằng tệp của bản sao lưu.")
    if connection.vendor == "postgresql":
        if DATABASE_DUMP not in expected:
            raise BackupError("Bản sao lưu này không phải của PostgreSQL.")
        existed = _postgres_database_exists(connection.settings_dict)
        if existed and _postgres_has_tables(connection.settings_dict) and not replace:
            raise BackupError(f"Cơ sở dữ liệu {connection.settings_dict['NAME']} đã có bảng: thêm --replace để ghi đè.")
        connection.close()
        arguments, environment = _pg_arguments(connection.settings_dict)
        _run([_tool("pg_restore"), "--no-owner", "--exit-on-error", *(["--clean", "--if-exists"] if replace else []),
              *arguments, str(folder / DATABASE_DUMP)], environment)
    elif connection.vendor == "sqlite":
        if DATABASE_SQLITE not in expected:
            raise BackupError("Bản sao lưu này không phải của SQLite.")
        name = str(connection.settings_dict["NAME"])
        if name == ":memory:" or "mode=memory" in name:
            raise BackupError("Khôi phục SQLite cần một tệp cơ sở dữ liệu, không phải cơ sở dữ liệu trong bộ nhớ.")
        target = Path(name)
        if _sqlite_has_tables(target) and not replace:
            raise BackupError(f"Cơ sở dữ liệu {name} đã có bảng: thêm --replace để ghi đè.")
        connection.close()
        target.parent.mkdir(parents=True, exist_ok=True)
        source, destination = sqlite3.connect(folder / DATABASE_SQLITE), sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            source.close()
            destination.close()
    else:
        raise BackupError(f"Chưa hỗ trợ khôi phục cơ sở dữ liệu {connection.vendor}.")
    if media_root.exists():
        shutil.rmtree(media_root)
    media_root.mkdir(parents=True)
    count, size = 0, 0
    for relative, digest in expected.items():
        if not relative.startswith(f"{MEDIA}/"):
            continue
        destination = media_root / relative.removeprefix(f"{MEDIA}/")
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(folder / relative, destination)
        if sha256_of(destination) != digest:
            raise BackupError(f"Tệp {relative} chép sang {destination} không khớp SHA-256.")
        count, size = count + 1, size + destination.stat().st_size
    return Result(folder, connection.vendor, count, size)
