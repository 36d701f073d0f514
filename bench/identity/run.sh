#!/usr/bin/env bash
# Authentication latency against a running demo server:
#   java -jar server/target/rexian.jar --rexian.demo=true &   then   bench/identity/run.sh [base-url]
set -euo pipefail
exec python3 "$(dirname "$0")/auth_latency.py" "${1:-http://localhost:8080}" admin rexian-demo "${2:-500}"
