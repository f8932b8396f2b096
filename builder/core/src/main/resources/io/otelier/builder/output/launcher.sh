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

# A value from the JVM's `release` file, quotes removed (empty when unknown), read with shell built-ins only.
java_release() {
  jhome="$JAVA_HOME"
  if [ -z "$jhome" ]; then
    jbin=$(command -v java) || return 0
    while [ -h "$jbin" ] && command -v ls >/dev/null 2>&1; do
      link=$(ls -ld "$jbin" | sed 's/.*-> //')
      case "$link" in /*) jbin="$link" ;; *) jbin="${jbin%/*}/$link" ;; esac
    done
    jhome="${jbin%/bin/java}"
  fi
  [ -r "$jhome/release" ] || return 0
  while IFS= read -r line; do
    case "$line" in
      "$1"=*)
        v="${line#"$1"=}"; v="${v#\"}"; echo "${v%\"}"
        return ;;
    esac
  done < "$jhome/release"
}

# The JVM's feature version (0 when unknown).
java_feature() {
  v=$(java_release JAVA_VERSION); v="${v%%[.+-]*}"
  case "$v" in ''|*[!0-9]*) echo 0 ;; *) echo "$v" ;; esac
}

# Java 24+ warns when libraries (Felix, netty, zstd-jni) use sun.misc.Unsafe or load native code;
# allow both explicitly there. Older JVMs reject these flags, so they are added only when known to apply.
modern_flags=""
if [ "$(java_feature)" -ge 24 ]; then
  modern_flags="--sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED"
fi

# Class data sharing: lib/cds/classes.jsa holds the classes a start loads, parsed and verified, archived by the
# builder on the JVM it built with (a dynamic AppCDS archive); it saves about a quarter of the startup time.
# Used only on that very JVM (release file's JAVA_RUNTIME_VERSION), at the size the builder wrote (a truncated
# archive would crash the JVM), and when no CDS option of the user's own is set (in JAVA_OPTS, or in what the
# JVM reads by itself: JDK_JAVA_OPTIONS, JAVA_TOOL_OPTIONS; some clash with ours). The JVM checks the rest
# itself (the class path, the jars' sizes and times, each class's bytes) and quietly starts without the archive
# when anything differs, e.g. once the folder has moved.
cds_archive=""
cds_dir="$home/lib/cds"
case "$JAVA_OPTS $JDK_JAVA_OPTIONS $JAVA_TOOL_OPTIONS" in
  *SharedArchiveFile*|*ArchiveClassesAtExit*|*AutoCreateSharedArchive*|*-Xshare*|*AOTCache*|*AOTMode*) ;;
  *)
    if [ -r "$cds_dir/classes.jsa" ] && [ -r "$cds_dir/classes.id" ] && command -v wc >/dev/null 2>&1; then
      cds_jvm=""; cds_size=""
      while IFS='=' read -r key value; do
        case "$key" in jvm) cds_jvm="$value" ;; size) cds_size="$value" ;; esac
      done < "$cds_dir/classes.id"
      size=$(wc -c < "$cds_dir/classes.jsa" 2>/dev/null); size="${size##* }"
      if [ -n "$cds_jvm" ] && [ "$cds_jvm" = "$(java_release JAVA_RUNTIME_VERSION)" ] && [ -n "$size" ] \
          && [ "$size" = "$cds_size" ]; then
        cds_archive="$cds_dir/classes.jsa"
      fi
    fi ;;
esac

# lib/'s jars in name order (sh sorts globs): the same class path on every host, as a CDS archive records it.
classpath=""
for jar in "$home"/lib/*.jar; do
  classpath="${classpath:+$classpath:}$jar"
done

# Small-footprint defaults, measured in bench/PERF-NOTES.md: serial GC (one collector thread, lowest RSS),
# explicit heap bound with the JVM's own free ratios and a young generation as large as the old one (tighter
# ratios and a smaller young generation saved ~7 MiB at 10k spans/s, but under load batches waiting for the
# exporter were promoted and the small old generation was collected every ~85 ms), small thread stacks; the C1
# JIT only, as C2 compiling grpc, netty and the framework costs more CPU and memory (code cache, compiler
# arenas) than its faster code saves at a collector's usual load (-XX:TieredStopAtLevel=4 in JAVA_OPTS restores
# it); netty's sampled buffer-leak tracking off (a stack trace per 128 buffers; the tests keep it on); at most
# two glibc malloc arenas instead of one per thread. JAVA_OPTS comes last so users can override any of them.
# A collector chosen in the user's options replaces the serial GC (the JVM refuses two).
gc="-XX:+UseSerialGC"
case "$JAVA_OPTS $JDK_JAVA_OPTIONS $JAVA_TOOL_OPTIONS" in
  *-XX:+UseG1GC*|*-XX:+UseParallelGC*|*-XX:+UseZGC*|*-XX:+UseShenandoahGC*|*-XX:+UseEpsilonGC*) gc="" ;;
esac
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
exec "$java" \
  $gc -Xms16m -Xmx"${OTELIER_HEAP:-512m}" -XX:NewRatio=1 -Xss512k -XX:TieredStopAtLevel=1 \
  -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData -Dio.netty.leakDetection.level=disabled \
  $modern_flags \
  ${cds_archive:+"-XX:SharedArchiveFile=$cds_archive"} ${cds_archive:+-Xlog:cds=off,cds+dynamic=off} \
  $JAVA_OPTS \
  -Dotelier.home="$home" \
  -Dotelier.dist.command=@NAME@ \
  -Dotelier.dist.description=@DESCRIPTION@ \
  -Dotelier.dist.version=@VERSION@ \
  -cp "$classpath" io.otelier.launcher.Main "$@"
