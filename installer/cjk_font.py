"""The CJK font the Linux bundle carries for machines that have none (ui/fonts.py loads it only
then): Noto Sans CJK Regular, SIL Open Font License 1.1, one 19 MB collection (SC, TC, JP, KR).

Not in git: the build copies it from the build machine's fonts-noto-cjk, or fetches that Debian
package with apt-get (no root needed) and takes the one file and its licence out of it.
WORKBENCH_CJK_FONT=/path/to/font.ttc uses another file (its licence must sit beside it as
LICENSE.txt or be added by hand). Windows builds carry none: every Windows has Microsoft YaHei.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
from pathlib import Path

PACKAGE = "fonts-noto-cjk"
FONT = "NotoSansCJK-Regular.ttc"
SYSTEM_FONT = Path("/usr/share/fonts/opentype/noto") / FONT
SYSTEM_LICENSE = Path("/usr/share/doc") / PACKAGE / "copyright"
LICENSE = "LICENSE-NotoSansCJK.txt"


def provide(work: Path) -> Path | None:
    """A folder holding the font and its licence, ready to go to resources/fonts; ``None`` when
    none can be had (the build says so and goes on: the app then warns at launch)."""
    target = work / "cjk-font"
    if (target / FONT).is_file() and (target / LICENSE).is_file():
        return target
    target.mkdir(parents=True, exist_ok=True)
    chosen = os.environ.get("WORKBENCH_CJK_FONT")
    if chosen:
        font = Path(chosen)
        shutil.copy2(font, target / font.name)
        licence = font.parent / "LICENSE.txt"
        if licence.is_file():
            shutil.copy2(licence, target / LICENSE)
        return target
    if SYSTEM_FONT.is_file() and SYSTEM_LICENSE.is_file():
        shutil.copy2(SYSTEM_FONT, target / FONT)
        shutil.copy2(SYSTEM_LICENSE, target / LICENSE)
        return target
    return _from_package(target)


def _from_package(target: Path) -> Path | None:
    if shutil.which("apt-get") is None or shutil.which("dpkg-deb") is None:
        return None
    download = target / "download"
    download.mkdir(exist_ok=True)
    fetched = subprocess.run(  # noqa: S603 - our own arguments
        ["apt-get", "download", PACKAGE],  # noqa: S607 - apt-get from PATH
        cwd=download,
        capture_output=True,
        check=False,
    )
    debs = sorted(download.glob(f"{PACKAGE}_*.deb"))
    if fetched.returncode != 0 or not debs:
        return None
    wanted = {
        f"./{SYSTEM_FONT.relative_to('/')}": FONT,
        f"./{SYSTEM_LICENSE.relative_to('/')}": LICENSE,
    }
    with subprocess.Popen(  # noqa: S603 - our own arguments
        ["dpkg-deb", "--fsys-tarfile", str(debs[-1])],  # noqa: S607
        stdout=subprocess.PIPE,
    ) as unpack:
        assert unpack.stdout is not None
        with tarfile.open(fileobj=unpack.stdout, mode="r|") as tar:
            for member in tar:
                if member.name in wanted and member.isfile():
                    source = tar.extractfile(member)
                    assert source is not None
                    with (target / wanted[member.name]).open("wb") as out:
                        shutil.copyfileobj(source, out)
    shutil.rmtree(download)
    found = (target / FONT).is_file() and (target / LICENSE).is_file()
    return target if found else None
