#!/usr/bin/env bash
# Builds the benchmark jar with the reactor (package only: nothing is installed into ~/.m2) and runs it.
# Usage: benchmarks/run.sh --smoke|--quick|--full [--out DIR] [--jfr NETDUPLEX|COMETD|RAW]
# The Markdown table goes to stdout and DIR/results.md (default benchmarks/target/benchmark-results).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q ${MVN_OFFLINE:+-o} package -pl benchmarks -am -DskipTests
exec java -jar benchmarks/target/netduplex-benchmarks.jar "${@:---quick}"
