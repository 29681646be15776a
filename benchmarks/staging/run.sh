#!/usr/bin/env bash
# Builds the backend and simulator jars if needed, then runs the benchmark scenarios
# (utilisation, throughput, overhead, memory; all by default). Results: results.json, RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [[ ! -f staging-backend-service/target/staging-backend-service.jar || ! -f comfyui-simulator/target/comfyui-simulator.jar ]]; then
	./mvnw -q -pl staging-backend-service,comfyui-simulator -am package -DskipTests
fi
exec python3 benchmarks/staging/bench.py "$@"
