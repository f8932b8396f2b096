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

# Small-footprint defaults: serial GC (one collector thread, lowest RSS), explicit heap bound,
# small thread stacks; JAVA_OPTS comes last so users can override any of them.
exec "$java" \
  -XX:+UseSerialGC -Xms16m -Xmx"${OTELIER_HEAP:-512m}" -Xss512k \
  -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData \
  $JAVA_OPTS \
  -Dotelier.home="$home" \
  -Dotelier.dist.command=@NAME@ \
  -Dotelier.dist.description=@DESCRIPTION@ \
  -Dotelier.dist.version=@VERSION@ \
  -cp "$home/lib/*" io.otelier.launcher.Main "$@"
