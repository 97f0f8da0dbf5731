#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for Playwright (its own browser download is unavailable here).
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium_path" ]; then exit 0; fi
echo "Chromium not found at $chromium_path; installing Debian's chromium package…"
if [ "$(id -u)" -eq 0 ]; then
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
	echo "Cannot install Chromium without root. Run: sudo apt-get update && sudo apt-get install -y chromium" >&2
	echo "(or set CHROMIUM_PATH to an existing Chromium binary)" >&2
	exit 1
fi
[ -x "$chromium_path" ] || { echo "chromium installed but $chromium_path is missing" >&2; exit 1; }
echo "Chromium ready: $($chromium_path --version 2>/dev/null | tail -n 1)"
