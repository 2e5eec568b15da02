#!/usr/bin/env bash
# Quick start, step 1: set up whatever is missing, then render the example briefing into out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
node bin/brief.js build content/deepseek-moment --out out
