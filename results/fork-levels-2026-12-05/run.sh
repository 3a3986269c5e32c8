#!/bin/bash
# One CPU's forks of the probe: 6 JVMs a row, each warmed 4 s, then 4 x 250 ms timed.
# usage (from the project root, after `mvn -q test-compile` and
#   `mvn -q dependency:build-classpath -Dmdep.outputFile=/tmp/deps.cp` and
#   `javac --add-exports java.base/sun.nio.ch=ALL-UNNAMED -cp target/classes:$(cat /tmp/deps.cp) -d /tmp/fork-levels-probe results/fork-levels-2026-12-05/AlignProbe.java`):
#   results/fork-levels-2026-12-05/run.sh CPU NAME "JVM FLAGS"   -> results/fork-levels-2026-12-05/NAME-CPU.txt
# ROWSPEC overrides the rows: "NETTY parse 256,JETTY mask 8192"
cpu=$1; name=$2; flags=$3
IFS=, read -ra ROWS <<< "${ROWSPEC:-NETTY parse 100000,NETTY parse 8192,NETTY mask 256,JETTY mask 8192}"
out=results/fork-levels-2026-12-05/$name-$cpu.txt; : > "$out"
for row in "${ROWS[@]}"; do
  for i in 1 2 3 4 5 6; do
    # $row and $flags split on purpose: LIBRARY KIND SIZE, and one word a JVM flag
    timeout 60 taskset -c "$cpu" java --add-exports java.base/sun.nio.ch=ALL-UNNAMED -XX:+AlwaysPreTouch -Xms2g -Xmx2g \
      --add-modules=jdk.incubator.vector $flags -cp "/tmp/fork-levels-probe:target/test-classes:target/classes:$(cat /tmp/deps.cp)" \
      AlignProbe $row 4 2>/dev/null | sed "s/^/[$name] /" >> "$out"
  done
done
