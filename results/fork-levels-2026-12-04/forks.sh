#!/bin/bash
# The runs of this folder: one JMH run of FORKS forks per row, the whole JMH process (and so every
# fork, JIT and GC threads included) on CPU, with FLAGS before the benchmark JVM's own options.
# From the project root, after `mvn test-compile` and
# `mvn dependency:build-classpath -Dmdep.outputFile=deps.classpath`. Two of these ran at once, one
# per CPU (the default and the 64-byte alignment, the same rows in the same order), as the two
# forks of a parallel pair do.
#   forks.sh CPU NAME "FLAGS" FORKS codec   # masking and parsing rows (this folder: 10 forks for
#                                           # Netty parsing 256/100000, Netty masking 256, Jetty
#                                           # masking 8192; 8 forks for the other eight rows)
#   forks.sh CPU NAME "FLAGS" FORKS echo    # echo at 100000 B, Netty and Jetty, 8 forks
set -e
cpu=$1 name=$2 flags=$3 forks=$4 kind=$5
CP="target/test-classes:target/classes:$(cat deps.classpath)"
out=results/fork-levels-2026-12-04
if [ "$kind" = codec ]; then
  for lib in NETTY JETTY; do for size in 256 8192 100000; do for bench in MaskingBenchmark.library ParsingBenchmark.parse; do
    taskset -c "$cpu" java -Djmh.ignoreLock=true -cp "$CP" org.openjdk.jmh.Main "^dev\.wsbench\.jmh\.$bench\$" \
      -p library=$lib -p size=$size -p buffer=HEAP -p shape=WHOLE -p side=SERVER -p type=BINARY \
      -wi 4 -w 1000ms -i 4 -r 250ms -f "$forks" -foe true -jvmArgsPrepend "-XX:+AlwaysPreTouch $flags" \
      -rf json -rff "$out/$name-$(echo ${bench%%Benchmark*} | tr A-Z a-z)-$(echo $lib | tr A-Z a-z)-$size.json"
  done; done; done
else
  for server in NETTY JETTY; do
    taskset -c "$cpu" java -Djmh.ignoreLock=true -cp "$CP" org.openjdk.jmh.Main '^dev\.wsbench\.jmh\.EchoBenchmark\.roundTrip$' \
      -p server=$server -p size=100000 -p client=REFERENCE -p placement=ONE_CPU -p type=BINARY \
      -wi 7 -w 1000ms -i 3 -r 500ms -f "$forks" -foe true ${flags:+-jvmArgsPrepend "$flags"} \
      -rf json -rff "$out/echo-$name-$(echo $server | tr A-Z a-z).json"
  done
fi
