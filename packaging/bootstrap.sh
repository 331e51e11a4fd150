#!/usr/bin/env bash
# Baton's two Quick start commands, for a fresh Debian 12 / Ubuntu 22.04+ machine:
#
#   packaging/bootstrap.sh run    install what is missing, build, open Baton on a demo company
#   packaging/bootstrap.sh test   install what is missing, build, run the whole test suite
#
# Works as root (CI) or as a user with sudo; never reads standard input.
# Environment: BATON_BUILD_DIR (default build/release), BATON_JOBS (default: all cores),
# BATON_DEMO_EMPLOYEES (default 600), BATON_SKIP_APT=1 to skip the package step.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mode="${1:-}"
build_dir="${BATON_BUILD_DIR:-$here/build/release}"
jobs="${BATON_JOBS:-$(nproc 2>/dev/null || echo 2)}"

say() { printf '\n==> %s\n' "$*"; }

# Debian package names. qt6-base-dev brings Core/Gui/Widgets/Sql/Network/Test/
# Concurrent/PrintSupport; Charts needs libqt6opengl6-dev; Linguist needs
# qt6-l10n-tools; fonts-noto-cjk renders Chinese; libsqlite3-dev lets the store
# talk to SQLite directly; baton-server needs qt6-httpserver-dev, whose CMake
# config wants qt6-websockets-dev; qtkeychain-qt6-dev keeps the desktop's sync
# session token in the OS keychain (optional: without it, in the database);
# libjemalloc-dev gives the applications a faster allocator (optional too).
packages=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-charts-dev libqt6opengl6-dev
    qt6-svg-dev libqt6svg6 qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libgl-dev libxkbcommon-dev libssl-dev libsqlite3-dev sqlite3 openssl
    qt6-httpserver-dev qt6-websockets-dev qtkeychain-qt6-dev
    libgmime-3.0-dev libicu-dev libjemalloc-dev
    fonts-noto-cjk xvfb xauth
)
# The test command also runs the server's tests on PostgreSQL: its server
# binaries (a throwaway cluster on a loopback port, started and stopped by
# the tests; no service is enabled) and Qt's PostgreSQL driver.
test_packages=(postgresql-15 libqt6sql6-psql)

install_packages() {
    if [ "${BATON_SKIP_APT:-0}" = 1 ]; then
        return
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        say "No apt-get here: install Qt 6.4+, CMake 3.21+, Ninja, OpenSSL 3 and SQLite yourself (see README)."
        return
    fi
    local missing=()
    for p in "${packages[@]}" "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        say "All build packages are installed"
        return
    fi
    say "Installing: ${missing[*]}"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        sudo="sudo -n"
        if ! sudo -n true 2>/dev/null; then
            sudo="sudo"
        fi
    fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq </dev/null
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
    # Installing postgresql-15 creates and may start Debian's "15 main"
    # cluster; the tests start a throwaway one of their own, so stop it again.
    if [[ " ${missing[*]} " == *" postgresql-15 "* ]] && command -v pg_ctlcluster >/dev/null; then
        $sudo pg_ctlcluster 15 main stop </dev/null >/dev/null 2>&1 || true
    fi
}

configure_and_build() {
    say "Configuring in $build_dir"
    cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DBATON_WARNINGS_AS_ERRORS=ON -DBATON_BUILD_TESTS=ON "$@"
    say "Building with $jobs jobs"
    cmake --build "$build_dir" --parallel "$jobs"
}

case "$mode" in
run)
    install_packages
    configure_and_build
    data_dir="${XDG_DATA_HOME:-$HOME/.local/share}/Baton"
    mkdir -p "$data_dir"
    demo="$data_dir/demo-company.db"
    if [ ! -f "$demo" ]; then
        say "Creating the demo company in $demo"
        "$build_dir/app/cli/baton-cli" demo --employees "${BATON_DEMO_EMPLOYEES:-600}" --seed 1 \
            --database "$demo" | tee "$data_dir/demo-logins.txt"
    fi
    say "Demo logins (also in $data_dir/demo-logins.txt):"
    cat "$data_dir/demo-logins.txt"
    say "Opening Baton"
    exec "$build_dir/app/desktop/baton" --database "$demo"
    ;;
test)
    install_packages "${test_packages[@]}"
    pg_option=()
    if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
        pg_option=(-DBATON_TEST_POSTGRES=ON)
    fi
    configure_and_build "${pg_option[@]}"
    say "Running the test suite"
    export QT_QPA_PLATFORM=offscreen
    cd "$build_dir"
    ctest --output-on-failure --parallel "$jobs" --timeout 900
    ;;
*)
    echo "usage: packaging/bootstrap.sh run|test" >&2
    exit 2
    ;;
esac
