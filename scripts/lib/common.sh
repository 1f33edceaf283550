# Shared by scripts/demo and scripts/test: the Debian packages the project needs and how to get them.
# shellcheck shell=bash

FUND_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# What building and running the client needs (Debian 12 bookworm).
FUND_BUILD_PACKAGES=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-translations-l10n qt6-pdf-dev libqt6sql6-sqlite libqt6sql6-psql libqt6svg6 libgl-dev
    libqrencode-dev libssl-dev libexpected-dev zlib1g-dev
    fonts-wqy-microhei fonts-dejavu-core fonts-noto-cjk
)
# What the test suite needs on top: QR read-back, PDF text, a throwaway PostgreSQL, a virtual display.
FUND_TEST_PACKAGES=(
    libzxing-dev poppler-utils postgresql postgresql-contrib xvfb xauth
)

# What the `peer` tests need: Node.js >= 18 with npm, to run the npm packages that cross-check our
# payment signatures (tests/peer). Debian names them nodejs and npm (bookworm: Node 18.20, npm 9.2).
# They are installed only when `node` or `npm` is missing: the project's machines come with
# NodeSource's Node 20 (a package also called nodejs, which bundles npm and conflicts with Debian's
# npm package), and asking apt for Debian's npm there would replace Node 20 by Node 18.
# Checked: the locked peers load and sign identically on Debian's Node 18.20.4 as well.
FUND_NODE_PACKAGES=(nodejs npm)

fund_ensure_node() {
    if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
        return 0
    fi
    fund_ensure_packages "${FUND_NODE_PACKAGES[@]}"
}

# Installs the locked npm peers (tests/peer/package-lock.json) exactly, without running any
# package's install scripts, so nothing is downloaded beyond the registry tarballs.
fund_install_peers() {
    local dir="$FUND_ROOT/tests/peer"
    [ -f "$dir/package-lock.json" ] || return 0
    fund_ensure_node
    fund_log "Installing the npm peers (npm ci in tests/peer)"
    (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
}

fund_log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Installs the missing packages with apt-get when run as root; otherwise prints the one
# `sudo apt-get install …` line and stops.
fund_ensure_packages() {
    local missing=() p
    for p in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$p")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -eq 0 ]; then
        fund_log "Installing ${#missing[@]} Debian package(s): ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -q --no-install-recommends "${missing[@]}"
    else
        echo "Some Debian packages are missing. Install them with:" >&2
        echo "  sudo apt-get install ${missing[*]}" >&2
        exit 1
    fi
}

# Configures and builds into $1 with the remaining arguments passed to cmake.
fund_build() {
    local dir=$1
    shift
    cmake -S "$FUND_ROOT" -B "$dir" -G Ninja "$@" >/dev/null
    cmake --build "$dir" -j "$(nproc)"
}
