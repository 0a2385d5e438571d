#!/bin/sh
# Install the pinned npm packages (tools/pdf/package-lock.json) and copy what the site serves into
# docs/assets/javascripts/vendor/. Run after changing a version in tools/pdf/package.json; commit the result.
# `make test` runs `npm ci` in tools/pdf/ too, and tests/unit/test_invullen_bouw.py checks the copies are those files.
set -eu
cd "$(dirname "$0")/.."
npm ci --prefix tools/pdf --omit=optional --no-audit --no-fund --silent
cp tools/pdf/node_modules/pdf-lib/dist/pdf-lib.min.js docs/assets/javascripts/vendor/pdf-lib.min.js
cp tools/pdf/node_modules/pdf-lib/LICENSE.md docs/assets/javascripts/vendor/pdf-lib-LICENSE.txt
echo "vendored: pdf-lib $(node -p "require('./tools/pdf/node_modules/pdf-lib/package.json').version")"
