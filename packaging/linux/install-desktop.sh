#!/bin/sh
# Install Tandem into the desktop for the current user (no root): menu entry, icons, AppStream
# metainfo and the "Open with Tandem" association for its file types, all under
# ${XDG_DATA_HOME:-~/.local/share}.
#
#   install-desktop.sh [--exec COMMAND]   install (COMMAND: how to start Tandem; see below)
#   install-desktop.sh --uninstall        remove exactly the files installed above
#
# Works from a source checkout (packaging/linux/, icons in packaging/icons/) and from an unpacked
# bundle (the script sits beside the `tandem` executable, icons in icons/). From a bundle the menu
# entry starts that executable by its absolute path; otherwise it runs `tandem` from PATH (after
# `uv tool install .` or `pipx install .`).
set -eu

APP_ID=io.github.tandem_reader.Tandem
here=$(cd "$(dirname "$0")" && pwd)
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
applications=$data_home/applications
icon_theme=$data_home/icons/hicolor
metainfo=$data_home/metainfo

usage() {
    sed -n '6,7p' "$0" | sed 's/^#   //' >&2
    exit 2
}

mode=install
exec_command=
while [ $# -gt 0 ]; do
    case $1 in
        --uninstall) mode=uninstall ;;
        --exec)
            [ $# -ge 2 ] || usage
            exec_command=$2
            shift ;;
        -h|--help) usage ;;
        *) echo "install-desktop.sh: unknown option '$1'" >&2; usage ;;
    esac
    shift
done

# Caches let menus and "Open with" see the change now rather than at the next login.
refresh_caches() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -d "$icon_theme" ]; then
        gtk-update-icon-cache -q -f -t "$icon_theme" || true
    fi
}

if [ "$mode" = uninstall ]; then
    rm -f "$applications/$APP_ID.desktop" "$metainfo/$APP_ID.metainfo.xml"
    for icon in "$icon_theme"/*/apps/"$APP_ID".png "$icon_theme"/scalable/apps/"$APP_ID".svg; do
        [ -e "$icon" ] && rm -f "$icon"
    done
    refresh_caches
    echo "Removed Tandem from the desktop menu ($data_home)."
    exit 0
fi

# Find the files to install: beside this script in a bundle, in packaging/ in a checkout.
if [ -d "$here/icons/hicolor" ]; then
    icons=$here/icons/hicolor
elif [ -d "$here/../icons/hicolor" ]; then
    icons=$here/../icons/hicolor
else
    echo "install-desktop.sh: no icons/hicolor folder next to $here" >&2
    exit 1
fi
for needed in "$here/$APP_ID.desktop" "$here/$APP_ID.metainfo.xml"; do
    if [ ! -f "$needed" ]; then
        echo "install-desktop.sh: missing $needed" >&2
        exit 1
    fi
done

if [ -z "$exec_command" ]; then
    if [ -x "$here/tandem" ] && [ ! -d "$here/tandem" ]; then
        exec_command=$here/tandem
    else
        exec_command=tandem
        command -v tandem >/dev/null 2>&1 ||
            echo "install-desktop.sh: warning: 'tandem' is not on PATH; install it first (uv tool install .)" >&2
    fi
fi
# The desktop entry spec wants arguments with spaces quoted; TryExec takes the bare program.
case $exec_command in
    *" "*) exec_field="\"$exec_command\"" ;;
    *) exec_field=$exec_command ;;
esac

mkdir -p "$applications" "$metainfo"
escaped=$(printf '%s\n' "$exec_field" | sed 's/[&|\\]/\\&/g')
escaped_try=$(printf '%s\n' "$exec_command" | sed 's/[&|\\]/\\&/g')
sed -e "s|^Exec=[^ ]*|Exec=$escaped|" -e "s|^TryExec=.*|TryExec=$escaped_try|" \
    "$here/$APP_ID.desktop" > "$applications/$APP_ID.desktop.tmp"
mv "$applications/$APP_ID.desktop.tmp" "$applications/$APP_ID.desktop"
cp "$here/$APP_ID.metainfo.xml" "$metainfo/$APP_ID.metainfo.xml"
for size_dir in "$icons"/*; do
    size=$(basename "$size_dir")
    for icon in "$size_dir"/apps/"$APP_ID".*; do
        [ -f "$icon" ] || continue
        mkdir -p "$icon_theme/$size/apps"
        cp "$icon" "$icon_theme/$size/apps/"
    done
done
refresh_caches
echo "Installed Tandem into the desktop menu ($data_home); it starts: $exec_command"
echo "Remove it with: $0 --uninstall"
