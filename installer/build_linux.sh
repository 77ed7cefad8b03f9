#!/usr/bin/env bash
# Build the Linux one-folder bundle and pack it as dist/packstation-<version>-linux-<arch>.tar.gz.
#
#   installer/build_linux.sh            (uses .venv/bin/pyinstaller; PYINSTALLER=... to override)
#
# The tarball holds packstation/ (the bundle), install.sh, the .desktop file, the icon and the Zebra udev rule.
# Build on the oldest Linux you want to support: the bundle uses the build machine's glibc.
set -euo pipefail
cd "$(dirname "$0")/.."

pyinstaller="${PYINSTALLER:-.venv/bin/pyinstaller}"
python="${PYTHON:-.venv/bin/python}"
version="$("$python" -c 'import ast, pathlib, sys
tree = ast.parse(pathlib.Path("packstation/__init__.py").read_text(encoding="utf-8"))
print(next(n.value.value for n in tree.body if isinstance(n, ast.Assign) and n.targets[0].id == "__version__"))')"
arch="$(uname -m)"
name="packstation-$version-linux-$arch"

started=$(date +%s)
"$pyinstaller" --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
  installer/packstation.spec
echo "PyInstaller: $(( $(date +%s) - started )) s"

stage="build/$name"
rm -rf "$stage"
mkdir -p "$stage"
cp -a dist/packstation "$stage/packstation"
install -m 0755 installer/linux/install.sh "$stage/install.sh"
install -m 0644 installer/linux/packstation.desktop "$stage/packstation.desktop"
install -m 0644 installer/linux/60-packstation-zebra.rules "$stage/60-packstation-zebra.rules"
install -m 0644 installer/icon.png "$stage/packstation.png"
cat >"$stage/README.txt" <<EOF
packstation $version for Linux ($arch)

Install for the current user:    ./install.sh
Try it without accounts:         ~/.local/bin/packstation --demo
Remove (keeps settings/journal): ./install.sh --uninstall

Zebra printers on USB need the udev rule in 60-packstation-zebra.rules (install.sh offers to install it).
A desktop needs the usual X11/Wayland libraries (libxcb-cursor0, libxkbcommon-x11-0, libegl1, libgl1).
EOF
tar -C build -czf "dist/$name.tar.gz" "$name"
rm -rf "$stage"
echo "Built dist/$name.tar.gz in $(( $(date +%s) - started )) s"
