#!/bin/sh
# Work-order benchmark: lifecycle throughput over the REST API and search latency at
# 1,000,000 work orders, on the embedded PostgreSQL. Prints the BENCH lines of the run.
# Usage: bench/workorder/run.sh [rows] [lifecycles] [clients]
set -e
cd "$(dirname "$0")/../.."
ROWS=${1:-1000000}
LIFECYCLES=${2:-400}
CLIENTS=${3:-8}
./mvnw -q -B -ntp -pl server -am test -Dtest=WorkOrderBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Drexian.bench=true -Drexian.bench.rows="$ROWS" -Drexian.bench.lifecycles="$LIFECYCLES" \
  -Drexian.bench.clients="$CLIENTS" || echo "benchmark run failed; see server/target/surefire-reports"
# surefire writes test output to a file (redirectTestOutputToFile)
grep -h '^BENCH' server/target/surefire-reports/io.rexian.workorder.WorkOrderBenchmark-output.txt
