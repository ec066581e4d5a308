# Sourced by test.sh: the pages' journeys run in headless Chromium from Debian packages (chromium, chromium-driver);
# installs them when missing and the machine can (root with apt). Selenium's own browser download is never used.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Chromium and its driver from Debian packages for the pages' journeys" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "The pages' journeys need Chromium: install the chromium and chromium-driver packages" >&2
  fi
fi
