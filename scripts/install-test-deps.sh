#!/usr/bin/env bash
# Installs, with apt-get, the programs the test peers and helpers need (Debian 12), and only
# those missing. Idempotent: a second run installs nothing. Needs root (or sudo).
#   docker-registry        OCI registry peer (RegistryPeer)
#   apache2-utils          htpasswd -B for the registry's bcrypt password file
#   sks                    HKP keyserver peer (KeyserverPeer)
#   python3, python3-cryptography   scripts/peers/token-server.py, docker-credential-remotestest
#   openssl                TestCertificates
#   curl                   tests that check the peers with curl
#   skopeo                 OCI client for registry tests
#   tmux                   terminal UI tests
#   util-linux             setpriv (run tests as nobody)
#   libncurses-dev         the ncursesw headers the terminal UI is compiled against
#   ca-certificates, procps   basics that slim images may lack
#   dpkg-dev, debhelper, lintian   make deb and its check (scripts/check-package.sh)
#   zlib1g-dev             libz.so, which the build links (a Build-Depends of debian/control)
#   man-db, bsdextrautils, bash-completion   the check that `man remotes` (col) and bash's
#                          completion find the installed files
set -euo pipefail

packages=(docker-registry apache2-utils sks skopeo tmux openssl python3 python3-cryptography curl
    util-linux ca-certificates procps libncurses-dev dpkg-dev debhelper lintian zlib1g-dev man-db
    bsdextrautils bash-completion)

if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
else
    echo "install-test-deps: run as root (or install sudo)" >&2
    exit 1
fi

missing=()
for package in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    if [ "$status" != "install ok installed" ]; then
        missing+=("$package")
    fi
done

if [ "${#missing[@]}" -eq 0 ]; then
    echo "install-test-deps: all present (${packages[*]})"
    exit 0
fi

echo "install-test-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt_install() {
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}
# Fresh machines have no package lists yet: update when there are none, or when the install fails.
if ! compgen -G "/var/lib/apt/lists/*_Packages" >/dev/null; then
    "${sudo[@]}" apt-get update -q
fi
if ! apt_install; then
    "${sudo[@]}" apt-get update -q
    apt_install
fi

# The services are started by the tests themselves; Debian's postinst may not start them, but
# make sure no system instance holds the ports or the data.
for service in docker-registry sks; do
    if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$service" 2>/dev/null; then
        "${sudo[@]}" systemctl stop "$service" || true
    fi
done
echo "install-test-deps: done"
