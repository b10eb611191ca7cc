"""``workbench data`` sub-commands (see ``data_cmds``)."""

from __future__ import annotations

import argparse


def add_parsers(data: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Filled in by the 碰撞比对 work."""
