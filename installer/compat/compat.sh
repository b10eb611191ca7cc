#!/usr/bin/env bash
# `make installer-compat`: the bundle and the .deb built inside a Debian 11 (bullseye) root, for
# Kylin V10 (glibc 2.31) and UOS 20 (glibc 2.28); then `make installer-compat-test` installs
# that .deb into a bare bullseye root and runs both programs' self-tests there (docs/installing.md).
#
#   compat.sh build   roots (cached), Python 3.11 (cached), venv (cached), bundle, .deb
#   compat.sh test    fresh copy of the bare root, dpkg -i + apt, self-tests, a screenshot, the
#                     office server (a throwaway PostgreSQL on this machine)
#
# Cached under $WORKBENCH_COMPAT_CACHE (default /var/cache/workbench-compat), outside the clone,
# each entry named by a hash of what it is made from, so only the first build pays:
#   base-<key>/    debootstrap --variant=minbase bullseye (never changed afterwards)
#   build-<key>/   base + compilers and libraries + Python 3.11 in /opt/python3.11
#   build-<key>/opt/venvs/<key>/   installer/compat/requirements.txt installed into that Python
#   src/           the CPython source tarball, pip's cache
# Needs root (debootstrap, chroot, mount) and apt's Debian mirror. Output: dist-compat/.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/installer/compat
CACHE=${WORKBENCH_COMPAT_CACHE:-/var/cache/workbench-compat}
MIRROR=${WORKBENCH_COMPAT_MIRROR:-http://deb.debian.org/debian}
SUITE=bullseye
DIST=${WORKBENCH_COMPAT_DIST:-$ROOT/dist-compat}  # inside the clone: the root sees it at /src
case $DIST in "$ROOT"/*) ;; *) echo "WORKBENCH_COMPAT_DIST must be inside $ROOT" >&2; exit 2 ;; esac
WORK=${WORKBENCH_COMPAT_WORK:-$ROOT/build-compat}
# The declared floors: UOS 20 is Debian 10 (glibc 2.28, GCC 8's libstdc++ = GLIBCXX_3.4.25).
GLIBC_FLOOR=2.28
GLIBCXX_FLOOR=3.4.25

# CPython 3.11's source, as Debian ships it (bookworm's python3.11 source package: the upstream
# tarball unchanged), fetched with apt-get source; pinned by its SHA-256.
PY_VERSION=3.11.2
PY_SOURCE_PACKAGE=python3.11
PY_ORIG=python3.11_${PY_VERSION}.orig.tar.gz
PY_SHA256=2411c74bda5bbcfcddaf4531f66d1adc73f247f529aee981b029513aefdbf849
PY_SOURCE_SUITE=bookworm
PY_PREFIX=/opt/python3.11

# What Python's build needs, and what PyInstaller's PySide6 hooks load while they look at Qt.
BUILD_PACKAGES=(
  build-essential libssl-dev zlib1g-dev libffi-dev libbz2-dev liblzma-dev uuid-dev
  ca-certificates binutils
  libgl1 libegl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6
  libglib2.0-0 libdbus-1-3 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0
  libxcb-xkb1 libxcb-sync1 libxcb-xfixes0 libxcb-shm0
)

log() { printf '[compat %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
key() { sha256sum | cut -c1-12; }

BASE_KEY=$(printf '%s\n' "$SUITE" "$MIRROR" minbase | key)
BASE=$CACHE/base-$BASE_KEY
BUILD_KEY=$( { echo "$BASE_KEY $PY_SHA256 $PY_PREFIX ${BUILD_PACKAGES[*]}"; cat "$HERE/python.sh" "$HERE/glibc_compat.h"; } | key)
BUILD_ROOT=$CACHE/build-$BUILD_KEY
VENV_KEY=$( { echo "$BUILD_KEY"; cat "$HERE/requirements.txt"; } | key)
VENV=/opt/venvs/$VENV_KEY

MOUNTED=()
unmount_all() {
  local i
  for ((i = ${#MOUNTED[@]} - 1; i >= 0; i--)); do umount -l "${MOUNTED[i]}" 2>/dev/null || true; done
  MOUNTED=()
}
trap unmount_all EXIT

# remove_root DIR: rm -rf, but never through a mount still in it (/dev, the clone at /src).
remove_root() {
  local dir
  dir=$(realpath -m "$1")
  if grep -q " $dir/" /proc/mounts; then
    log "refusing to delete $dir: something is still mounted in it"; exit 1
  fi
  rm -rf "$dir"
}

# chroot_mount ROOT: /proc, /dev, the clone at /src and the caches, for commands run in ROOT.
chroot_mount() {
  local root=$1
  mkdir -p "$root/src" "$root/cache" "$CACHE/src"
  mount -t proc proc "$root/proc" && MOUNTED+=("$root/proc")
  mount --rbind /dev "$root/dev" && MOUNTED+=("$root/dev")
  mount --bind "$ROOT" "$root/src" && MOUNTED+=("$root/src")
  mount --bind "$CACHE/src" "$root/cache" && MOUNTED+=("$root/cache")
  cp -L /etc/resolv.conf "$root/etc/resolv.conf"
  # the CAs this machine trusts (pip reaches PyPI through whatever this machine reaches it by)
  mkdir -p "$root/etc/ssl"
  cp -L "${PIP_CERT:-${SSL_CERT_FILE:-/etc/ssl/certs/ca-certificates.crt}}" "$root/etc/ssl/host-ca.crt"
}

in_root() {  # in_root ROOT COMMAND...: a clean environment, offscreen Qt
  local root=$1
  shift
  chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive QT_QPA_PLATFORM=offscreen \
    PIP_CACHE_DIR=/cache/pip PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_CERT=/etc/ssl/host-ca.crt "$@"
}

ensure_base() {
  [ -d "$BASE" ] && return
  log "debootstrap $SUITE → $BASE (first run only)"
  mkdir -p "$CACHE"  # a machine that never built: the log below is written there
  remove_root "$BASE.tmp"
  debootstrap --variant=minbase "$SUITE" "$BASE.tmp" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1 \
    || { tail -20 "$CACHE/debootstrap.log"; exit 1; }
  rm -rf "$BASE.tmp/var/cache/apt/archives/"*.deb
  mv "$BASE.tmp" "$BASE"
}

python_source() {
  local tarball=$CACHE/src/$PY_ORIG
  if ! echo "$PY_SHA256  $tarball" | sha256sum -c --quiet 2>/dev/null; then
    log "fetching $PY_ORIG (apt-get source, $PY_SOURCE_SUITE)"
    local apt=$CACHE/src/apt
    mkdir -p "$apt/lists/partial"
    echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $MIRROR $PY_SOURCE_SUITE main" \
      >"$apt/sources.list"
    local opts=(-o "Dir::Etc::SourceList=$apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
      -o "Dir::State::Lists=$apt/lists")
    apt-get "${opts[@]}" -qq update
    # only the upstream tarball is wanted: a missing .dsc of a newer security upload is no loss
    (cd "$CACHE/src" && apt-get "${opts[@]}" source --download-only "$PY_SOURCE_PACKAGE" >/dev/null 2>&1 || true)
    echo "$PY_SHA256  $tarball" | sha256sum -c --quiet || { log "no verified $PY_ORIG"; exit 1; }
  fi
}

ensure_build_root() {
  [ -x "$BUILD_ROOT$PY_PREFIX/bin/python3.11" ] && return
  ensure_base
  python_source
  local tmp=$BUILD_ROOT.tmp
  log "build root $tmp: compilers, libraries, Python $PY_VERSION (first run only)"
  remove_root "$tmp"
  cp -a "$BASE" "$tmp"
  chroot_mount "$tmp"
  in_root "$tmp" apt-get -qq update
  in_root "$tmp" apt-get install -y -qq --no-install-recommends "${BUILD_PACKAGES[@]}" >/dev/null
  in_root "$tmp" apt-get clean
  in_root "$tmp" /src/installer/compat/python.sh "/cache/$PY_ORIG" "$PY_PREFIX"
  unmount_all
  mv "$tmp" "$BUILD_ROOT"
}

ensure_venv() {
  [ -x "$BUILD_ROOT$VENV/bin/pyinstaller" ] && return
  log "venv $VENV: installer/compat/requirements.txt"
  rm -rf "${BUILD_ROOT:?}$VENV"
  in_root "$BUILD_ROOT" "$PY_PREFIX/bin/python3.11" -m venv "$VENV"
  in_root "$BUILD_ROOT" "$VENV/bin/python" -m pip install -q --upgrade pip
  in_root "$BUILD_ROOT" "$VENV/bin/python" -m pip install -q -r /src/installer/compat/requirements.txt \
    || { rm -rf "${BUILD_ROOT:?}$VENV"; exit 1; }
}

cmd_build() {
  local started=$SECONDS epoch
  epoch=${SOURCE_DATE_EPOCH:-$(git -C "$ROOT" log -1 --format=%ct 2>/dev/null || date +%s)}
  ensure_build_root
  chroot_mount "$BUILD_ROOT"
  ensure_venv
  log "bundle and .deb (PyInstaller in the root)"
  rm -rf "$DIST" && mkdir -p "$DIST" "$WORK"
  # the clone is seen as /src: PyInstaller reads the code from there (pathex), not from the venv
  in_root "$BUILD_ROOT" /usr/bin/env SOURCE_DATE_EPOCH="$epoch" WORKBENCH_GLIBC_FLOOR=$GLIBC_FLOOR \
    WORKBENCH_GLIBCXX_FLOOR=$GLIBCXX_FLOOR "$VENV/bin/python" /src/installer/build.py \
    --dist "/src/${DIST#"$ROOT"/}" --work /tmp/workbench-compat-build ${WORKBENCH_COMPAT_FAST:+--fast}
  unmount_all
  log "built in $((SECONDS - started)) s: $(ls "$DIST"/*.deb)"
}

# startup_times ROOT: milliseconds from spawning workbench-gui to its first painted window (the
# first-run wizard, as bench/bench_bundle.py times it), five runs of the installed compat bundle
# in ROOT, alternating with the regular bundle on this machine when $WORKBENCH_COMPAT_BESIDE
# names one (e.g. dist/xuncha-workbench), so that both see the same load. With
# WORKBENCH_COMPAT_COLD=1 the page cache is dropped before each program's first run.
startup_times() {
  local root=$1 beside=${WORKBENCH_COMPAT_BESIDE:-} i
  for i in 1 2 3 4 5; do
    first_window "compat bundle in the $SUITE root" "$i" \
      in_root "$root" /usr/bin/env WORKBENCH_HOME=/tmp/probe-home workbench-gui
    rm -rf "$root/tmp/probe-home"
    if [ -n "$beside" ]; then
      first_window "$beside on this machine" "$i" \
        /usr/bin/env WORKBENCH_HOME="$WORK/probe-home" QT_QPA_PLATFORM=offscreen "$beside/workbench-gui"
      rm -rf "$WORK/probe-home"
    fi
  done
}

first_window() {  # first_window LABEL RUN COMMAND...: one timed start
  local label=$1 run=$2 start end
  shift 2
  if [ "$run" = 1 ] && [ -n "${WORKBENCH_COMPAT_COLD:-}" ]; then
    sync && echo 3 >/proc/sys/vm/drop_caches
  fi
  start=$(date +%s%N)
  "$@" --startup-probe 2>/dev/null | grep -q first-window-painted
  end=$(date +%s%N)
  printf 'first window, %s, run %d: %d ms\n' "$label" "$run" $(((end - start) / 1000000))
}

# office_probe ROOT: the installed program as an office desktop on first run, against a throwaway
# TLS PostgreSQL server on this machine (installer/compat/office_probe.py); skipped, saying so,
# where the clone has no .venv or this machine no PostgreSQL.
office_probe() {
  local root=$1 python=$ROOT/.venv/bin/python rc=0
  if [ ! -x "$python" ]; then
    log "office server probe skipped: no $python (\`make test\` makes it)"; return
  fi
  log "workbench office create/info/connect against a PostgreSQL server on this machine"
  "$python" "$HERE/office_probe.py" "$root" || rc=$?
  case $rc in
    0) ;;
    2) log "office server probe skipped (above: why)" ;;
    *) log "the installed program cannot work with the office server"; exit 1 ;;
  esac
}

cmd_test() {
  local started=$SECONDS deb run
  deb=$(ls "$DIST"/xuncha-workbench_*.deb 2>/dev/null | head -1)
  [ -n "$deb" ] || { log "no .deb in $DIST: run \`make installer-compat\` first"; exit 1; }
  ensure_base
  run=$WORK/run-root
  remove_root "$run" && mkdir -p "$WORK"
  cp -a "$BASE" "$run"
  chroot_mount "$run"
  cp "$deb" "$run/tmp/"
  log "dpkg -i $(basename "$deb") in a bare $SUITE root; Depends from $SUITE's packages"
  in_root "$run" apt-get -qq update
  in_root "$run" dpkg -i "/tmp/$(basename "$deb")" >/dev/null 2>&1 || true
  in_root "$run" apt-get install -y -qq --no-install-recommends -f >/dev/null
  in_root "$run" dpkg -s xuncha-workbench | grep -q '^Status: install ok installed'
  log "workbench --self-test"
  in_root "$run" workbench --self-test
  log "workbench-gui --self-test (offscreen)"
  in_root "$run" workbench-gui --self-test
  # no CJK font on the system: the bundle's own must be what renders the window
  if in_root "$run" dpkg -l | grep -E '^ii +(fonts-(noto-cjk|wqy|arphic|droid)|ttf-wqy)'; then
    log "the root has a CJK font of its own: the bundled font is not what is tested"; exit 1
  fi
  # what a person would see: the main window painted offscreen with the bundled font alone
  # (dist-compat/screenshots/: look for boxes where Chinese should be)
  rm -rf "$DIST/screenshots" "$run/tmp/shots"
  in_root "$run" workbench-gui --screenshots /tmp/shots >"$WORK/screenshots.log" 2>&1 \
    || { tail -20 "$WORK/screenshots.log"; exit 1; }
  mkdir -p "$DIST/screenshots" && cp "$run"/tmp/shots/0[1-3]-*.png "$DIST/screenshots/"
  startup_times "$run" | tee "$DIST/first-window.txt"
  office_probe "$run"
  # last, on a real X display (Xvfb): Qt's xcb plugin must load with bullseye's X libraries
  log "workbench-gui --self-test on Xvfb (the xcb platform)"
  in_root "$run" apt-get install -y -qq --no-install-recommends xvfb xauth >/dev/null
  in_root "$run" /usr/bin/env -u QT_QPA_PLATFORM xvfb-run -a workbench-gui --self-test \
    >"$WORK/xcb.log" 2>&1 || { cat "$WORK/xcb.log"; exit 1; }
  grep -q '平台 xcb' "$WORK/xcb.log" || { cat "$WORK/xcb.log"; log "not on xcb"; exit 1; }
  grep '界面' "$WORK/xcb.log"
  unmount_all
  remove_root "$run"
  log "chroot self-tests passed in $((SECONDS - started)) s"
}

[ "$(id -u)" = 0 ] || { echo "compat.sh needs root (debootstrap, chroot, mount): sudo make …" >&2; exit 2; }
case ${1:-} in
  build) cmd_build ;;
  test) cmd_test ;;
  all) cmd_build && cmd_test ;;
  *) echo "usage: $0 build|test|all" >&2; exit 2 ;;
esac
