#!/usr/bin/env bash
# The full-size fault test of the README: three `serve` processes share a job of 5,000 creators on
# PostgreSQL and Redis while instances are killed (SIGKILL) and stopped (SIGTERM) at random moments
# and restarted; then the same job size while Redis is stopped and started mid-job; then the job
# run by one instance and by three. Prints the FAULT lines of every run. The test suite runs the
# first two at a smaller size.
#
# Sizes can be changed: CREATORS=5000 FAULTS=12 LATENCY_MS=200 WORKERS=4 LEASE_S=5 SEED=20261204
# It installs the project's modules into the local Maven repository (~/.m2) first. Redis is an
# embedded server the test starts and stops itself; PostgreSQL is the local one when it answers.
set -euo pipefail
cd "$(dirname "$0")/.."

if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  export RESCRAPE_TEST_POSTGRES_URL="${RESCRAPE_TEST_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}"
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
mvn -B -q -Dstyle.color=never install -DskipTests >"$log" 2>&1 || { cat "$log"; exit 1; }
status=0
mvn -B -Dstyle.color=never verify -pl example-app -Dtest='InstanceFaultTest,InstanceScalingTest' \
  -Dsurefire.failIfNoSpecifiedTests=false -Drescrape.fault.scaling=true \
  -Drescrape.fault.creators="${CREATORS:-5000}" \
  -Drescrape.fault.faults="${FAULTS:-12}" \
  -Drescrape.fault.latencyMillis="${LATENCY_MS:-200}" \
  -Drescrape.fault.workers="${WORKERS:-4}" \
  -Drescrape.fault.leaseSeconds="${LEASE_S:-5}" \
  -Drescrape.fault.seed="${SEED:-20261204}" >"$log" 2>&1 || status=$?
grep -h '^FAULT' example-app/target/surefire-reports/io.rescrape.example.fault.Instance*-output.txt || true
grep -E -A2 "Tests run:|FAIL|Expecting|expected|BUILD" "$log" | grep -v "^\[INFO\] *$" | head -40
exit "$status"
