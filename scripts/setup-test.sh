#!/usr/bin/env bash
# What the test suite needs beyond rendering (run as root; `npm test` runs it first as `pretest`):
# everything scripts/setup.sh installs, plus poppler (the tests read PDFs back with pdftotext/pdfinfo),
# Debian's MediaWiki (publishing tests start a throw-away wiki on 127.0.0.1), PostgreSQL (SQL dataset
# tests start a throw-away cluster) and Redis (worker-fleet tests start a throw-away redis-server).
# Installing these starts no service: each test starts its own on a free loopback port and stops it.
# Skips whatever is already installed.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian starts a package's service when it is installed (PostgreSQL on 5432, Redis on 6379,
# lighttpd on 80). The tests need none of them, so while this script installs, Debian's
# policy-rc.d answers "not allowed" (101) to every service start, unless the machine has its own.
if [[ $EUID -eq 0 && ! -e /usr/sbin/policy-rc.d ]]; then
  printf '#!/bin/sh\n# scripts/setup-test.sh: no service starts while the test packages install\nexit 101\n' >/usr/sbin/policy-rc.d
  chmod 755 /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
fi

source scripts/lib/install-missing.sh
install_missing setup-test poppler-utils postgresql redis-server

scripts/setup-mediawiki.sh
scripts/setup.sh
