#!/usr/bin/env bash
# The whole benchmark (docs/measured.md): builds the service and the bench, starts a PostgreSQL server on
# loopback for Axon's JDBC engine (installing it from Debian packages if needed and allowed), runs every section and
# prints the table; the figures also go to bench/results/latest.json and .md. Arguments go to the bench
# (--quick for a smoke run at small sizes, --only=engines,ledger,http).
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/jdk.sh

start_postgres() {
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    else
      echo "No PostgreSQL and not root: the JDBC engine is left out" >&2; return 1
    fi
  fi
  local version
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  if ! pg_lsclusters -h | grep -q "^$version main"; then
    pg_createcluster "$version" main >/dev/null
  fi
  pg_ctlcluster "$version" main start 2>/dev/null || true
  for _ in $(seq 1 50); do pg_isready -q -h 127.0.0.1 && break; sleep 0.2; done
  su postgres -c "psql -q -c \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bench') THEN CREATE ROLE bench LOGIN PASSWORD 'bench'; END IF; END \\\$\\\$;\"" 
  su postgres -c "psql -q -tc \"SELECT 1 FROM pg_database WHERE datname = 'bench'\" | grep -q 1 || createdb -O bench bench"
  export BENCH_POSTGRES_URL="jdbc:postgresql://127.0.0.1:5432/bench?user=bench&password=bench"
}

if [ -z "${BENCH_POSTGRES_URL:-}" ]; then start_postgres || true; fi
# Spring Boot does not repackage a jar it already repackaged, and the jar is kept while the module's own classes are
# unchanged: without this, a change in another module never reached the service the bench runs
rm -f deploy/standalone/target/standalone-*.jar* command-side/target/*-exec.jar query-side/target/*-exec.jar
./mvnw -B -q -ntp -pl bench,deploy/standalone,command-side,query-side -am package -DskipTests
BENCH_COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo '+changes')"
export BENCH_COMMIT
java -Xms2g -Xmx8g -jar bench/target/bench.jar "$@"
