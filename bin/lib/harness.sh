# Sourced by the scripts in bin/, not run: builds the suite once and gives its class path, and asks
# the library registry (dev.wsbench.library.Library) what it knows, so that no script rebuilds
# either on its own.
#
# Sourcing sets WSBENCH_ROOT, the project's folder.
#
#   harness_build GOAL NAME   mvn GOAL (compile or test-compile) plus the dependency class path;
#                             sets WSBENCH_CLASSPATH (classes, test classes after
#                             test-compile, the jars); Maven's output goes to target/NAME-maven.log
#                             and is shown, with one line saying what failed, only when it fails
#                             (exit 2)
#   harness_deps FILE LOG [MAVEN ARGS...]
#                             the dependency class path (with those Maven arguments, for example
#                             -Dnetty.version=V) into FILE; false when Maven fails, its output in LOG
#   registry ARGS...          dev.wsbench.library.Library ARGS on that class path (the registry holds
#                             the adapters, so it needs the libraries' jars, not only target/classes)

WSBENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

harness_build() {
  local goal=$1 name=$2
  mkdir -p "$WSBENCH_ROOT/target" # a fresh clone has none, and Maven makes it only once it runs
  local log="$WSBENCH_ROOT/target/$name-maven.log" deps="$WSBENCH_ROOT/target/$name.classpath"
  if ! harness_deps "$deps" "$log" "$goal"; then
    cat "$log" >&2
    echo "error: Maven could not build the suite (mvn $goal; its output above, also in target/$name-maven.log)" >&2
    exit 2
  fi
  WSBENCH_CLASSPATH="$WSBENCH_ROOT/target/classes"
  if [ "$goal" = test-compile ]; then
    WSBENCH_CLASSPATH="$WSBENCH_ROOT/target/test-classes:$WSBENCH_CLASSPATH"
  fi
  WSBENCH_CLASSPATH="$WSBENCH_CLASSPATH:$(cat "$deps")"
}

harness_deps() {
  local file=$1 log=$2
  shift 2
  mvn -q -B -Dstyle.color=never -f "$WSBENCH_ROOT/pom.xml" "$@" dependency:build-classpath -Dmdep.outputFile="$file" > "$log" 2>&1
}

registry() {
  java -cp "$WSBENCH_CLASSPATH" dev.wsbench.library.Library "$@"
}
