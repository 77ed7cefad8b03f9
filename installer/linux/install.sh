#!/usr/bin/env bash
# Install packstation for the current user from this unpacked tarball; no Python and no root needed
# (root only for the optional udev rule that lets the user reach Zebra USB printers).
#
#   ./install.sh              install or update to ~/.local/opt/packstation, menu entry, then offer the udev rule
#   ./install.sh --no-udev    the same without touching /etc/udev
#   ./install.sh --uninstall  remove the program; settings, journal and logs stay
#   ./install.sh --uninstall --purge   also remove settings, journal, stored labels and logs
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
prefix="${PACKSTATION_PREFIX:-$HOME/.local/opt/packstation}"
data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
config_home="${XDG_CONFIG_HOME:-$HOME/.config}"
state_home="${XDG_STATE_HOME:-$HOME/.local/state}"
bin_dir="$HOME/.local/bin"
desktop_file="$data_home/applications/packstation.desktop"
icon_file="$data_home/icons/hicolor/256x256/apps/packstation.png"
udev_rule="/etc/udev/rules.d/60-packstation-zebra.rules"

udev=ask
action=install
purge=no
for arg in "$@"; do
  case "$arg" in
    --no-udev) udev=no ;;
    --udev) udev=yes ;;
    --uninstall) action=uninstall ;;
    --purge) purge=yes ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option $arg (try --help)" >&2; exit 2 ;;
  esac
done

refresh_menus() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data_home/applications" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data_home/icons/hicolor" || true
}

if [ "$action" = uninstall ]; then
  rm -rf "$prefix" "$desktop_file" "$icon_file"
  if [ -L "$bin_dir/packstation" ]; then rm -f "$bin_dir/packstation"; fi
  refresh_menus
  if [ "$purge" = yes ]; then
    rm -rf "$config_home/packstation" "$data_home/packstation" "$state_home/packstation"
    echo "packstation removed, with its settings, journal, stored labels and logs."
  else
    echo "packstation removed. Settings ($config_home/packstation) and the journal ($data_home/packstation) are kept;"
    echo "run '$0 --uninstall --purge' to remove them too."
  fi
  if [ -f "$udev_rule" ]; then
    echo "The USB printer rule $udev_rule is still installed; remove it with: sudo rm $udev_rule"
  fi
  exit 0
fi

if [ ! -x "$here/packstation/packstation" ]; then
  echo "install.sh: $here/packstation/packstation is missing; run this from the unpacked tarball." >&2
  exit 1
fi

# Copy beside the old version first, then swap, so a failed copy never leaves a half-installed program.
mkdir -p "$(dirname "$prefix")"
rm -rf "$prefix.new"
cp -a "$here/packstation" "$prefix.new"
rm -rf "$prefix.old"
if [ -e "$prefix" ]; then mv "$prefix" "$prefix.old"; fi
mv "$prefix.new" "$prefix"
rm -rf "$prefix.old"

mkdir -p "$bin_dir" "$(dirname "$desktop_file")" "$(dirname "$icon_file")"
ln -sfn "$prefix/packstation" "$bin_dir/packstation"
install -m 0644 "$here/packstation.png" "$icon_file"
# Menus do not always search ~/.local/bin, so the menu entry gets the absolute path.
sed "s|^Exec=packstation|Exec=$prefix/packstation|" "$here/packstation.desktop" >"$desktop_file"
chmod 0644 "$desktop_file"
refresh_menus
echo "packstation $("$prefix/packstation" --version 2>/dev/null | awk '{print $2}') installed in $prefix"
echo "Start it from the applications menu, or run: $bin_dir/packstation (try: packstation --demo)"

if [ "$udev" = no ]; then
  exit 0
fi
if [ -f "$udev_rule" ] && cmp -s "$here/60-packstation-zebra.rules" "$udev_rule"; then
  echo "The USB rule for Zebra printers is already installed."
  exit 0
fi
if [ "$udev" = ask ]; then
  if [ ! -t 0 ]; then
    udev=no
  else
    read -r -p "Install the USB rule so Zebra printers on USB work without root (needs sudo)? [Y/n] " answer
    case "${answer:-y}" in [Yy]*) udev=yes ;; *) udev=no ;; esac
  fi
fi
if [ "$udev" = yes ]; then
  sudo install -m 0644 "$here/60-packstation-zebra.rules" "$udev_rule"
  sudo udevadm control --reload-rules
  sudo udevadm trigger --subsystem-match=usb --attr-match=idVendor=0a5f || true
  echo "USB rule installed: unplug and replug the Zebra printer once."
else
  echo "Zebra printers on USB need a udev rule; install it later with:"
  echo "  sudo install -m 0644 $here/60-packstation-zebra.rules $udev_rule && sudo udevadm control --reload-rules"
fi
