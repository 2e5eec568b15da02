#!/usr/bin/env bash
# Installs what the MediaWiki publishing test needs (test/publish/mediawiki.test.ts starts a
# throw-away wiki on 127.0.0.1 with PHP's built-in server): Debian's MediaWiki with PHP's CLI,
# SQLite and the extensions MediaWiki loads, plus rsvg-convert so the wiki can draw SVG
# thumbnails. Naming a versioned php-cgi and lighttpd satisfies mediawiki's web-server
# dependency without pulling in Apache. Skips everything when already installed.
set -euo pipefail

packages=(mediawiki php-cli php-sqlite3 php-mbstring php-intl php-xml php-gd lighttpd librsvg2-bin)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
echo "setup-mediawiki: installing ${missing[*]} from Debian"
# setup.sh may have refreshed the package lists a moment ago.
if [[ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mmin -60 2>/dev/null | head -n 1)" ]]; then
  apt-get update -qq
fi
# php-cli depends on the distribution's versioned PHP (php8.2-cli on Debian 12); take the CGI of
# the same version.
php_version=$(apt-cache depends php-cli 2>/dev/null | sed -n 's/.*Depends: php\([0-9][0-9.]*\)-cli.*/\1/p' | head -n 1)
apt-get install -y -qq --no-install-recommends "${packages[@]}" "php${php_version:-8.2}-cgi" >/dev/null
