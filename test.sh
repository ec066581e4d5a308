#!/usr/bin/env bash
# The test command: picks a JDK 21+ (installing one if the machine has none), then runs every test CI runs.
# Extra arguments go to Maven, e.g. ./test.sh -o (offline) or ./test.sh -pl ledger.
set -euo pipefail
cd "$(dirname "$0")"
source .ci/jdk.sh >&2
exec ./mvnw -B -ntp verify "$@"
