#!/bin/sh
# Runs the JMH benchmarks of this module (never in CI). Arguments go to JMH, e.g.
#   bench/jmh/run.sh                                  # everything, JMH defaults from the annotations
#   bench/jmh/run.sh ProtoCodec -p shape=traces-loadgen -prof gc
# Needs pdata installed in ~/.m2 (mvn -B -o -q -pl bundles/pdata install).
set -e
cd "$(dirname "$0")"
mvn -B -o -q compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec java -cp "target/classes:$(cat target/classpath.txt)" org.openjdk.jmh.Main "$@"
