#!/bin/sh
# @COMMENT@: starts the collector on the JVM in this folder.
# Honours JAVA_HOME and JAVA_OPTS; OTELIER_HEAP sets the maximum heap (default 512m), which the
# memory_limiter's limit_percentage is relative to.
# Only shell built-ins unless the script is reached through a symbolic link: the builder's container
# images carry a shell and no other command.
self="$0"
while [ -h "$self" ]; do
  link=$(ls -ld "$self" | sed 's/.*-> //')
  case "$link" in
    /*) self="$link" ;;
    *) case "$self" in */*) self="${self%/*}/$link" ;; *) self="$link" ;; esac ;;
  esac
done
case "$self" in
  */*) bin="${self%/*}" ;;
  *) bin=. ;;
esac
home=$(cd "$bin/.." && pwd -P)

if [ -n "$JAVA_HOME" ]; then
  java="$JAVA_HOME/bin/java"
else
  java=java
fi

# The JVM's feature version from its `release` file (0 when unknown), read with shell built-ins only.
java_feature() {
  jhome="$JAVA_HOME"
  if [ -z "$jhome" ]; then
    jbin=$(command -v java) || { echo 0; return; }
    while [ -h "$jbin" ] && command -v ls >/dev/null 2>&1; do
      link=$(ls -ld "$jbin" | sed 's/.*-> //')
      case "$link" in /*) jbin="$link" ;; *) jbin="${jbin%/*}/$link" ;; esac
    done
    jhome="${jbin%/bin/java}"
  fi
  [ -r "$jhome/release" ] || { echo 0; return; }
  while IFS= read -r line; do
    case "$line" in
      JAVA_VERSION=*)
        v="${line#JAVA_VERSION=}"; v="${v#\"}"; v="${v%%[.\"+-]*}"
        case "$v" in ''|*[!0-9]*) echo 0 ;; *) echo "$v" ;; esac
        return ;;
    esac
  done < "$jhome/release"
  echo 0
}

# Java 24+ warns when libraries (Felix, netty, zstd-jni) use sun.misc.Unsafe or load native code;
# allow both explicitly there. Older JVMs reject these flags, so they are added only when known to apply.
modern_flags=""
if [ "$(java_feature)" -ge 24 ]; then
  modern_flags="--sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED"
fi

# Small-footprint defaults, measured in bench/PERF-NOTES.md: serial GC (one collector thread, lowest RSS),
# explicit heap bound, a heap that gives memory back sooner (free ratios), small thread stacks; the C1 JIT
# only, as C2 compiling grpc, netty and the framework costs more CPU and memory (code cache, compiler arenas)
# than its faster code saves at a collector's usual load (-XX:TieredStopAtLevel=4 in JAVA_OPTS restores it);
# at most two glibc malloc arenas instead of one per thread. JAVA_OPTS comes last so users can override any
# of them.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
exec "$java" \
  -XX:+UseSerialGC -Xms16m -Xmx"${OTELIER_HEAP:-512m}" -Xss512k \
  -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:TieredStopAtLevel=1 \
  -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData \
  $modern_flags \
  $JAVA_OPTS \
  -Dotelier.home="$home" \
  -Dotelier.dist.command=@NAME@ \
  -Dotelier.dist.description=@DESCRIPTION@ \
  -Dotelier.dist.version=@VERSION@ \
  -cp "$home/lib/*" io.otelier.launcher.Main "$@"
