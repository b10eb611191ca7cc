"""The files of one store folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbench.errors import StoreNotFound

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

    def exists(self) -> bool:
        return self.keyfile.is_file() and self.db.is_file()

    def require(self) -> None:
        if not self.exists():
            raise StoreNotFound(f"在 {self.root} 未找到数据库，请先初始化", path=str(self.root))
