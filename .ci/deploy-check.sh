#!/usr/bin/env bash
# Checks the deployment files offline, with no Docker engine and no cluster: Compose's own validation (Debian's
# docker-compose v1 validates without an engine), the Kubernetes overlay rendered by kubectl's kustomize, and every
# rendered object validated against the Kubernetes schemas (deploy/check, npm's kubernetes-models). Run by test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

install() { # command, Debian package
  if ! command -v "$1" >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "Installing $2 from Debian packages for the deployment checks" >&2
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
    else
      echo "The deployment checks need $1: install the $2 package" >&2
      exit 1
    fi
  fi
}

install docker-compose docker-compose
docker-compose -f deploy/compose/compose.yaml config -q
echo "compose: deploy/compose/compose.yaml is valid"

install kubectl kubernetes-client
install node nodejs
install npm npm
keys=deploy/k8s/overlays/production/keys
written=()
cleanup() { if [ ${#written[@]} -gt 0 ]; then rm -f "${written[@]}"; fi; }
trap cleanup EXIT
for key in key-encryption-key ledger-signing-key ledger-public-key mongodb-password; do
  if [ ! -f "$keys/$key.txt" ]; then # the real keys are never committed: render with placeholders
    echo placeholder > "$keys/$key.txt"
    written+=("$keys/$key.txt")
  fi
done
rendered=$(mktemp)
kubectl kustomize deploy/k8s/overlays/production 2>/dev/null > "$rendered"
(cd deploy/check && npm ci --prefer-offline --no-audit --no-fund --loglevel=error >/dev/null)
node deploy/check/validate.mjs < "$rendered"
rm -f "$rendered"
