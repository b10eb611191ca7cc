"""The oldest Linux a bundle runs on: the highest GLIBC and GLIBCXX symbol versions its ELF files
need, checked against the declared floor.

    python installer/glibc_floor.py dist/xuncha-workbench --glibc 2.28 --glibcxx 3.4.25

Prints the highest version of each family and the files that need it (or every file above the
floor), and exits 1 when anything needs more than declared. ``installer/build.py`` runs it on
every bundle it makes (``make installer``, ``make installer-compat``); the measured glibc floor
goes into the .deb's ``Depends: libc6 (>= …)`` (``linux_deps.depends``). glibc is what the
bundle cannot carry; GLIBCXX is the system's libstdc++ (left to the system, linux_deps.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

sys.path.insert(0, str(Path(__file__).resolve().parent))
from linux_deps import elf_files, highest_versions  # installer/ is no package

FAMILIES = ("GLIBC", "GLIBCXX")


def parse_version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def show(number: tuple[int, ...]) -> str:
    return ".".join(map(str, number))


def measure(bundle: Path) -> dict[str, dict[Path, tuple[int, ...]]]:
    """Family → {file → the highest version of that family it needs}; files needing none are
    left out."""
    found: dict[str, dict[Path, tuple[int, ...]]] = {family: {} for family in FAMILIES}
    for path in elf_files(bundle):
        for family in FAMILIES:
            number = highest_versions(path, family)
            if number is not None:
                found[family][path] = number
    return found


def check(bundle: Path, floors: dict[str, tuple[int, ...]], out: TextIO = sys.stdout) -> bool:
    """Print the report; True when no file needs more than its family's floor."""
    ok = True
    for family, needs in measure(bundle).items():
        floor = floors[family]
        highest = max(needs.values(), default=None)
        if highest is None:
            print(f"{family}: not needed (floor {show(floor)})", file=out)
            continue
        above = {p: n for p, n in needs.items() if n > floor}
        verdict = "ABOVE THE FLOOR" if above else "ok"
        print(f"{family}: highest {show(highest)}, floor {show(floor)}: {verdict}", file=out)
        shown = above or {p: n for p, n in needs.items() if n == highest}
        for path, number in sorted(shown.items(), key=lambda item: (item[1], item[0])):
            print(f"  {family}_{show(number)}  {path.relative_to(bundle)}", file=out)
        ok = ok and not above
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="installer/glibc_floor.py", description=__doc__.split("\n")[0]
    )
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--glibc", type=parse_version, required=True, help="e.g. 2.28")
    parser.add_argument("--glibcxx", type=parse_version, required=True, help="e.g. 3.4.25")
    args = parser.parse_args(argv)
    ok = check(args.bundle, {"GLIBC": args.glibc, "GLIBCXX": args.glibcxx})
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
