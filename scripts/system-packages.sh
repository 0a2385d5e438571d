#!/usr/bin/env bash
# Debian packages the project needs: Pango for WeasyPrint, poppler-utils for rendering PDFs in tests,
# chromium for the browser tests (--browser), Node and npm for the benchmark's Lighthouse (--node).
# Installs only what is missing; uses sudo when not root.
set -euo pipefail
need=()
dpkg -s libpango-1.0-0 >/dev/null 2>&1 || need+=(libpango-1.0-0)
dpkg -s libpangoft2-1.0-0 >/dev/null 2>&1 || need+=(libpangoft2-1.0-0)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
for option in "$@"; do
  case "$option" in
    --browser) command -v /usr/bin/chromium >/dev/null 2>&1 || need+=(chromium) ;;
    --node) command -v node >/dev/null 2>&1 || need+=(nodejs); command -v npm >/dev/null 2>&1 || need+=(npm) ;;
  esac
done
[ ${#need[@]} -eq 0 ] && exit 0
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing Debian packages: ${need[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
