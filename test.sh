#!/usr/bin/env bash
# The test command: picks a JDK 21+ (installing one if the machine has none) and makes sure headless Chromium is
# there for the pages' journeys, checks the deployment files (Compose, Kubernetes) offline, then runs every test CI
# runs.
# Extra arguments go to Maven, e.g. ./test.sh -o (offline) or ./test.sh -pl ledger.
set -euo pipefail
cd "$(dirname "$0")"
source .ci/jdk.sh >&2
source .ci/browser.sh
bash .ci/deploy-check.sh
exec ./mvnw -B -ntp verify "$@"
