#!/bin/sh
# Customer search benchmark: 1,000,000 customers in an embedded PostgreSQL started here.
# Usage (from anywhere): bench/customer-search/run.sh [customers=1000000] [iterations=200]
set -e
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -q -B -ntp -pl server -am compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "server/target/classes:$(cat server/target/bench-classpath.txt)" \
    bench/customer-search/CustomerSearchBench.java "$@"
