#!/usr/bin/env bash
# The end-to-end suites need Debian's Chromium (Playwright's download is not reachable
# here) and firefox-esr (puppeteer-core downloads no browser). Install what is missing
# with ONE apt update and ONE install, then check that Firefox really starts.
set -euo pipefail
here="$(dirname "$0")"
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
FIREFOX="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
[ -x "$FIREFOX" ] || missing+=(firefox-esr)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's ${missing[*]} for the end-to-end tests…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  elif command -v sudo >/dev/null && command -v apt-get >/dev/null; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi
# Each script below says clearly what is still missing, and checks that the browser starts.
bash "$here/ensure-chromium.sh"
bash "$here/ensure-firefox.sh"
