#!/usr/bin/env bash
# Installs what the test suite needs that npm cannot: Debian's PostgreSQL 15 server and Chromium.
# Idempotent and quiet when everything is already there.
set -euo pipefail

need=()
[ -x /usr/lib/postgresql/15/bin/postgres ] || need+=(postgresql-15 postgresql-contrib)
[ -x /usr/bin/chromium ] || need+=(chromium)
# Fonts with Devanagari glyphs, so Hindi renders in browser tests and screenshots.
fc-list 2>/dev/null | grep -qi 'noto.*devanagari\|lohit' || need+=(fonts-noto-core)

if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "setu: missing system packages: ${need[*]} (run this script as root, or install them)" >&2
  exit 1
fi
echo "setu: installing ${need[*]} from Debian …" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
# The Debian package starts a cluster of its own; the tests start their own throwaway one instead.
if command -v pg_ctlcluster >/dev/null 2>&1; then pg_ctlcluster 15 main stop >/dev/null 2>&1 || true; fi
