#!/usr/bin/env bash
# Installs what rendering briefings needs on a Debian machine (run as root), skipping what is already
# there: Debian's Chromium (no browser download), Noto fonts, and the npm packages pinned by
# package-lock.json. What only the tests need (poppler, MediaWiki, PostgreSQL, Redis) is installed by
# scripts/setup-test.sh, which `npm test` runs first.
set -euo pipefail
cd "$(dirname "$0")/.."

need_node_major=20
if ! command -v node >/dev/null 2>&1; then
  echo "setup: Node.js ${need_node_major}+ is required (node not found)" >&2
  exit 1
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if (( node_major < need_node_major )); then
  echo "setup: Node.js ${need_node_major}+ is required, found $(node -v)" >&2
  exit 1
fi

source scripts/lib/install-missing.sh
install_missing setup chromium fonts-noto-core

# npm ci when node_modules is missing or older than the lockfile.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json || ! -f dist/cli/main.js ]]; then
  echo "setup: npm ci"
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
