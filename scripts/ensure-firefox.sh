#!/usr/bin/env bash
# The Firefox end-to-end suite (tests/firefox) drives Debian's firefox-esr over
# WebDriver BiDi with puppeteer-core, which downloads no browser: install it
# with apt when it is missing, then check that it really starts.
set -euo pipefail
FIREFOX="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
if [ ! -x "$FIREFOX" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's firefox-esr for the Firefox end-to-end tests…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr >/dev/null
  elif command -v sudo >/dev/null && command -v apt-get >/dev/null; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr >/dev/null
  else
    echo "No Firefox at $FIREFOX. Install firefox-esr, or set FIREFOX_PATH to a Firefox 140 or later." >&2
    exit 1
  fi
fi
# A Firefox that cannot start (missing libraries, no usable profile) would only fail later as a
# launch timeout: start it for real once, headless, on a throwaway profile, and say so now.
if ! version="$("$FIREFOX" --version 2>&1)"; then
  echo "Firefox at $FIREFOX cannot run: $version" >&2
  exit 1
fi
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
if ! output="$(timeout 90 "$FIREFOX" --headless --no-remote --profile "$profile" --screenshot "$profile/start.png" about:blank 2>&1)" \
  || [ ! -s "$profile/start.png" ]; then
  echo "Firefox at $FIREFOX ($version) cannot start headless:" >&2
  echo "$output" >&2
  exit 1
fi
echo "Firefox for the end-to-end tests: $version"
