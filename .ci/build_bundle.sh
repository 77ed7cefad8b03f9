#!/usr/bin/env bash
# CI: build the Linux bundle from the checked-out tree and smoke-test it the way a packer would run it.
# Expects .venv with `pip install -e ".[test]"` (done by .ci/run) and the Qt runtime libraries .ci/run installs.
set -euo pipefail
cd "$(dirname "$0")/.."

.venv/bin/pip install -q "pyinstaller>=6.0"

started=$(date +%s)
installer/build_linux.sh
build_seconds=$(( $(date +%s) - started ))

tarball="$(ls -t dist/packstation-*-linux-*.tar.gz | head -n 1)"
bundle=dist/packstation

# The bundle must not find anything in the repo or the venv: run it from an empty folder with a clean
# environment (no PYTHONPATH, no venv on PATH), a throwaway HOME and no keyring.
workdir="$(mktemp -d)"
trap 'rm -rf "$workdir"' EXIT
mkdir -p "$workdir/home"
run_bundle() {
  (cd "$workdir" && env -i PATH=/usr/bin:/bin HOME="$workdir/home" QT_QPA_PLATFORM=offscreen \
    PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring "$OLDPWD/$bundle/packstation" "$@")
}

version_line="$(run_bundle --version)"
echo "bundle --version: $version_line"

set +e
self_test_line="$(run_bundle --demo --self-test 2>"$workdir/self-test.err")"
status=$?
set -e
echo "bundle self-test (exit $status): $self_test_line"
if [ "$status" -ne 0 ]; then
  echo "--- stderr of the bundle's self-test ---"
  cat "$workdir/self-test.err"
  exit "$status"
fi

# The window must start and keep running (offscreen): a missing module or Qt plugin ends it early.
# Started without a subshell so that $! is the program itself and the kill below reaches it.
set +e
repo="$PWD"
cd "$workdir"
env -i PATH=/usr/bin:/bin HOME="$workdir/home" QT_QPA_PLATFORM=offscreen \
  PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring "$repo/$bundle/packstation" --demo \
  >"$workdir/gui.out" 2>"$workdir/gui.err" &
gui_pid=$!
cd "$repo"
sleep 6
kill -0 "$gui_pid" 2>/dev/null
gui_alive=$?
kill "$gui_pid" 2>/dev/null
for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$gui_pid" 2>/dev/null || break; sleep 1; done
kill -KILL "$gui_pid" 2>/dev/null
wait "$gui_pid" 2>/dev/null
set -e
if [ "$gui_alive" -ne 0 ] || grep -q "Traceback" "$workdir/gui.err"; then
  echo "bundle GUI (--demo) did not keep running:"
  cat "$workdir/gui.out" "$workdir/gui.err"
  exit 1
fi
echo "bundle GUI (--demo): window up for 6 s offscreen, no traceback"

# The tarball must unpack and install for a user without root.
tar -C "$workdir" -xzf "$tarball"
unpacked="$(find "$workdir" -maxdepth 1 -type d -name 'packstation-*' | head -n 1)"
env -i PATH=/usr/bin:/bin HOME="$workdir/home" "$unpacked/install.sh" --no-udev >/dev/null
installed_version="$(env -i PATH=/usr/bin:/bin HOME="$workdir/home" "$workdir/home/.local/bin/packstation" --version)"
test -f "$workdir/home/.local/share/applications/packstation.desktop"
echo "install.sh into a fresh HOME: $installed_version"

echo "bundle size: $(du -sh "$bundle" | cut -f1) (folder), $(du -h "$tarball" | cut -f1) ($(basename "$tarball"))"
echo "bundle build time: ${build_seconds} s"
