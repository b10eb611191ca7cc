"""Composition root of the desktop workbench (the pages arrive with the UI issue)."""

from __future__ import annotations

import sys


def main() -> int:
    print("桌面界面尚在开发中；请先使用命令行 `workbench`。", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
