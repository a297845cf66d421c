#!/bin/sh
# Browser tests need Debian's Chromium and CJK fonts. Find them, or install them when we may
# (root with apt-get), and say which; otherwise stop with the command to run. Never skip.
if [ -x /usr/bin/chromium ]; then
  echo "browser tests: using $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "browser tests: Chromium not found; installing Debian's chromium and fonts-noto-cjk (apt-get)…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null && \
    echo "browser tests: installed $(/usr/bin/chromium --version)" && exit 0
  echo "browser tests: installing Chromium failed" >&2
  exit 1
fi
echo "browser tests: /usr/bin/chromium is missing. As root run: apt-get install -y chromium fonts-noto-cjk" >&2
exit 1
