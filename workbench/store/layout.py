"""The files of one store folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbench.errors import StoreNotFound
from workbench.store.fsutil import restrict

DB_NAME = "workbench.db"
KEYFILE_NAME = "keyfile.json"


@dataclass(frozen=True)
class StoreLayout:
    root: Path

    @property
    def db(self) -> Path:
        return self.root / DB_NAME

    @property
    def keyfile(self) -> Path:
        return self.root / KEYFILE_NAME

    @property
    def blobs(self) -> Path:
        return self.root / "blobs"

    @property
    def staging(self) -> Path:
        return self.root / "blobs" / "staging"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    def restrict(self) -> None:
        """Make the folder and its top files owner-only (stores made before 0600/0700), before
        SQLite opens the database, so its new -wal and -shm files take the database's mode."""
        for path in (self.root, self.keyfile, self.db, *self.db_companions()):
            restrict(path)

    def db_companions(self) -> tuple[Path, ...]:
        return tuple(self.db.with_name(self.db.name + suffix) for suffix in ("-wal", "-shm"))

    def exists(self) -> bool:
        return self.keyfile.is_file() and self.db.is_file()

    def require(self) -> None:
        if not self.exists():
            raise StoreNotFound(f"在 {self.root} 未找到数据库，请先初始化", path=str(self.root))
