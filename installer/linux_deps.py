"""Which shared libraries the Linux bundle leaves to the system, and the .deb's ``Depends:``.

Bundling the desktop stack (X11/xcb, fontconfig, freetype, D-Bus, GLib, libstdc++) from the
build machine breaks on targets whose own libraries expect newer versions of them (the classic
"GLIBCXX_3.4.x not found" when Mesa or an input method is loaded into the process), and an old
fontconfig misreads a newer distro's fonts.conf. So those come from the target's packages, and
the package says so: ``depends(bundle)`` reads every ELF file's NEEDED entries, keeps the names
the bundle does not carry itself and maps each to its Debian package, failing on a name it does
not know — a newer PySide6 that needs another library stops the build instead of the users.

The glibc floor is the highest GLIBC_2.x symbol version any bundled file requires (read from
each file's version needs, ``.gnu.version_r``): the package installs only where ``libc6`` is at
least that. ``installer/glibc_floor.py`` checks it and the GLIBCXX floor against the declared
ones. No Qt or third-party import here: the spec and the build scripts use it.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterable
from pathlib import Path

# Sonames that glibc provides (``libc6``); PyInstaller never bundles them.
GLIBC = {
    "libc.so.6",
    "libm.so.6",
    "libpthread.so.0",
    "libdl.so.2",
    "librt.so.1",
    "libutil.so.1",
    "libresolv.so.2",
    "ld-linux-x86-64.so.2",
    "ld-linux-aarch64.so.1",
}

# Soname → Debian package ("a | b" where Debian 10-based UOS and newer releases differ).
PACKAGES = {
    "libstdc++.so.6": "libstdc++6",
    "libgcc_s.so.1": "libgcc-s1 | libgcc1",
    "libz.so.1": "zlib1g",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libgio-2.0.so.0": "libglib2.0-0",
    "libgmodule-2.0.so.0": "libglib2.0-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libdrm.so.2": "libdrm2",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libxcb-util.so.1": "libxcb-util1",
    "libexpat.so.1": "libexpat1",
    "libpng16.so.16": "libpng16-16",
    "libharfbuzz.so.0": "libharfbuzz0b",
    "libXext.so.6": "libxext6",
    "libXrender.so.1": "libxrender1",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    # QtNetwork: nothing bundled links it since PDFs render with pypdfium2 instead of QtPdf;
    # kept so that a Qt module bringing it back still maps to its packages
    "libgssapi_krb5.so.2": "libgssapi-krb5-2",
    "libbrotlidec.so.1": "libbrotli1",
    "libbrotlicommon.so.1": "libbrotli1",
    "libuuid.so.1": "libuuid1",  # Python's _uuid
    # Qt's print support: the system's CUPS client speaks to the system's CUPS server (and brings
    # GnuTLS, Avahi and their kin, ten libraries the bundle would otherwise carry)
    "libcups.so.2": "libcups2",
}
# libxcb-<name>.so.<n> is packaged as libxcb-<name><n> (libxcb-render-util.so.0 → …-util0).
_XCB = re.compile(r"^libxcb-([a-z0-9-]+)\.so\.(\d+)$")

# Libraries of the desktop stack that the system provides even where our code does not link
# them directly (they arrive as dependencies of the ones above): never bundled either.
_SYSTEM_STACK = re.compile(
    r"^lib(X11|X11-xcb|xcb|xcb-.*|xkbcommon.*|fontconfig|freetype|harfbuzz|graphite2|brotli.*"
    r"|png16|expat|dbus-1|glib-2\.0|gobject-2\.0|gthread-2\.0|gio-2\.0|gmodule-2\.0|pcre|pcre2-.*"
    r"|systemd|selinux|mount|blkid|gcrypt|gpg-error|lz4|cap|bsd|md|Xau|Xdmcp|Xext|Xrender"
    r"|gssapi_krb5|krb5|krb5support|k5crypto|com_err|keyutils|stdc\+\+|gcc_s|z"
    r"|GL|EGL|GLX|OpenGL|drm|wayland-.*|jpeg|gdk_pixbuf-2\.0|atk-1\.0|cairo.*|pango.*"
    r"|pixman-1|fribidi|thai|datrie|gtk-3|gdk-3|epoxy|uuid|cups"
    # what libcups brings along: no bundled file needs these once libcups is the system's
    r"|gnutls|avahi-client|avahi-common|gmp|hogweed|nettle|idn2|p11-kit|tasn1|unistring)\.so(\.\d+)*$"
)

FONT_PACKAGES = "fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei"


def left_to_system(soname: str) -> bool:
    """True for a library the target's packages provide (the spec drops it from the bundle)."""
    return soname in GLIBC or bool(_SYSTEM_STACK.match(soname))


def debian_package(soname: str) -> str | None:
    if soname in GLIBC:
        return "libc6"
    if soname in PACKAGES:
        return PACKAGES[soname]
    match = _XCB.match(soname)
    if match:
        return f"libxcb-{match.group(1)}{match.group(2)}"
    return None


# -- ELF reading (64-bit little-endian: x86_64 and aarch64) -------------------------------------

ELF_MAGIC = b"\x7fELF"
_DT_NEEDED, _DT_STRTAB, _DT_NULL = 1, 5, 0
_SHT_DYNAMIC, _SHT_GNU_VERNEED = 6, 0x6FFFFFFE
_Section = tuple[int, int, int, int, int]  # type, addr, offset, size, link


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(4) == ELF_MAGIC
    except OSError:
        return False


def _elf64(data: bytes) -> bytes:
    if data[:4] != ELF_MAGIC or data[4] != 2 or data[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF file")
    return data


def _sections(data: bytes) -> list[_Section]:
    """(type, addr, offset, size, link) of every section header."""
    shoff = struct.unpack_from("<Q", data, 0x28)[0]
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = []
    for i in range(shnum):
        base = shoff + i * shentsize
        sh_type = struct.unpack_from("<I", data, base + 4)[0]
        addr, offset, size = struct.unpack_from("<QQQ", data, base + 0x10)
        link = struct.unpack_from("<I", data, base + 0x28)[0]
        sections.append((sh_type, addr, offset, size, link))
    return sections


def _linked_strings(data: bytes, sections: list[_Section], link: int) -> bytes:
    _type, _addr, offset, size, _link = sections[link]
    return data[offset : offset + size]


def _dynamic_strings(data: bytes) -> tuple[list[int], bytes]:
    """The NEEDED string offsets and the dynamic string table of an ELF64 file."""
    sections = _sections(_elf64(data))
    for sh_type, _addr, offset, size, link in sections:
        if sh_type != _SHT_DYNAMIC:
            continue
        table = _linked_strings(data, sections, link)
        needed = []
        for pos in range(offset, offset + size, 16):
            tag, value = struct.unpack_from("<qQ", data, pos)
            if tag == _DT_NULL:
                break
            if tag == _DT_NEEDED:
                needed.append(value)
        return needed, table
    return [], b""


def _string(table: bytes, offset: int) -> str:
    return table[offset : table.index(b"\0", offset)].decode()


def needed(path: Path) -> list[str]:
    """The sonames ``path`` links against (its DT_NEEDED entries)."""
    offsets, table = _dynamic_strings(path.read_bytes())
    return [_string(table, o) for o in offsets]


def required_versions(path: Path) -> dict[str, set[str]]:
    """The symbol versions ``path`` needs, by library: {"libc.so.6": {"GLIBC_2.14", …}, …}."""
    data = _elf64(path.read_bytes())
    sections = _sections(data)
    wanted: dict[str, set[str]] = {}
    for sh_type, _addr, offset, _size, link in sections:
        if sh_type != _SHT_GNU_VERNEED:
            continue
        table = _linked_strings(data, sections, link)
        pos = offset
        while True:  # Elf64_Verneed entries, each followed by its Elf64_Vernaux chain
            _version, count, file, aux, following = struct.unpack_from("<HHIII", data, pos)
            names = wanted.setdefault(_string(table, file), set())
            entry = pos + aux
            for _ in range(count):
                name, next_aux = struct.unpack_from("<II", data, entry + 8)
                names.add(_string(table, name))
                entry += next_aux
            if not following:
                break
            pos += following
    return wanted


def version_number(name: str, family: str) -> tuple[int, ...] | None:
    """``version_number("GLIBC_2.28", "GLIBC")`` → (2, 28); None for another family (or
    GLIBC_PRIVATE)."""
    prefix, _, number = name.partition("_")
    parts = number.split(".")
    if prefix != family or not all(part.isdigit() for part in parts):
        return None
    return tuple(int(part) for part in parts)


def highest_versions(path: Path, family: str) -> tuple[int, ...] | None:
    """The highest ``family`` (GLIBC, GLIBCXX) version ``path`` needs, None if it needs none."""
    found = [
        number
        for names in required_versions(path).values()
        for name in names
        if (number := version_number(name, family)) is not None
    ]
    return max(found, default=None)


def glibc_floor(paths: Iterable[Path]) -> tuple[int, int]:
    """The highest GLIBC_2.x version any of the files needs (2.2.5 counts as 2.2)."""
    best = (2, 0)
    for path in paths:
        number = highest_versions(path, "GLIBC")
        if number is not None:
            best = max(best, (number[0], number[1]))
    return best


def elf_files(bundle: Path) -> list[Path]:
    return sorted(p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p))


def system_sonames(bundle: Path) -> dict[str, list[str]]:
    """Sonames needed by the bundle's ELF files that it does not carry: name → who needs it."""
    carried = {p.name for p in bundle.rglob("*")}
    wanted: dict[str, list[str]] = {}
    for path in elf_files(bundle):
        for name in needed(path):
            if name not in carried:
                wanted.setdefault(name, []).append(str(path.relative_to(bundle)))
    return wanted


def depends(bundle: Path) -> tuple[list[str], tuple[int, int]]:
    """The ``Depends:`` entries of the bundle's package (sorted) and its glibc floor."""
    floor = glibc_floor(elf_files(bundle))
    unknown = {}
    packages = {f"libc6 (>= {floor[0]}.{floor[1]})"}
    for soname, users in system_sonames(bundle).items():
        package = debian_package(soname)
        if package is None:
            unknown[soname] = users[:3]
        elif package != "libc6":
            packages.add(package)
    if unknown:
        raise LookupError(
            "no Debian package known for these libraries (add them to installer/linux_deps.py "
            f"or bundle them): {unknown}"
        )
    return sorted(packages), floor
