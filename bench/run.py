#!/usr/bin/env python3
"""Side-by-side end-to-end benchmarks: Otelier's core distribution and the upstream Go collector, one after
the other on this machine, under the same load. Never run in CI.

    bench/run.py                       # every scenario, 60 s each, both collectors; prints a Markdown table
    bench/run.py --duration 20 --scenarios trace-grpc,idle,startup
    bench/run.py --results bench/RESULTS.md   # also writes the table (with machine and flags) there

The collector under test is pinned to CPU 0 (taskset; -XX:ActiveProcessorCount=1 for the JVM, GOMAXPROCS=1
for Go), the load generator and the sink to CPU 1, so figures are per core. Everything binds 127.0.0.1 on
ports 244xx. Pipelines are upstream testbed's shape: otlp receiver -> batch -> otlp_grpc exporter -> sink.

Columns: throughput (items/s acknowledged to the generator and received by the sink), CPU % of one core
(process CPU time / wall time, from /proc), RSS average and peak (/proc VmRSS, VmHWM), heap
(otelcol_process_runtime_heap_alloc_bytes from each collector's own /metrics, average), end-to-end latency
p50/p99 (sink receipt time minus the time the generator stamped on each item), and ours/upstream ratios.
"""
import argparse
import datetime
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OURS = os.path.join(ROOT, "distributions/core/target/otelcol/bin/otelcol")
OURS_CONTRIB = os.path.join(ROOT, "distributions/contrib/target/otelcol-contrib/bin/otelcol-contrib")
FILELOG_LINES = 3_000_000  # 100-byte lines: a 300 MB file, long enough for the JIT to settle
COLLECTOR_CPU, LOAD_CPU = "0", "1"
# OTELIER_BENCH_PORT_BASE moves every port (default 24400), so that two runs on one machine do not collide.
PORT_BASE = int(os.environ.get("OTELIER_BENCH_PORT_BASE", "24400"))
GRPC_PORT, HTTP_PORT, SINK_PORT, SINK_STATS_PORT, METRICS_PORT = (PORT_BASE + offset for offset in (17, 18, 27, 28, 88))
CLK_TCK = os.sysconf("SC_CLK_TCK")
# Ours: the launcher's small-footprint defaults (serial GC, -Xms16m, -Xss512k) plus one core and a heap bound
# sized for these scenarios; recorded in RESULTS.md.
OUR_JAVA_OPTS = "-XX:ActiveProcessorCount=1 -Xmx256m"

# Items per request: the testbed's 100 at a fixed rate; for the max scenario the OTel SDKs' default export batch
# (max_export_batch_size 512), because with 100-span requests the generator's own core, not the collector's,
# sets the limit (measured: loadgen at 100% of CPU 1 while ours used ~90% of CPU 0).
RATE_BATCH = 100
MAX_BATCH = 512

SCENARIOS = {
    # name: (signal, protocol, rate or None for max, description)
    "trace-grpc": ("traces", "grpc", 10_000, "Trace10kSPS, OTLP/gRPC"),
    "trace-http": ("traces", "http", 10_000, "Trace10kSPS, OTLP/HTTP"),
    "metric-grpc": ("metrics", "grpc", 10_000, "Metric10kDPS, OTLP/gRPC"),
    "log-grpc": ("logs", "grpc", 10_000, "Log10kDPS, OTLP/gRPC"),
    "max-grpc": ("traces", "grpc", None, f"max spans/s, OTLP/gRPC, batch, no loss, {MAX_BATCH} spans per request"),
    "filelog": ("logs", None, None, f"file_log -> file, {FILELOG_LINES:,} lines of 100 bytes (contrib collectors)"),
    "idle": (None, None, None, "idle (no load)"),
    "startup": (None, None, None, "startup to ready"),
}


def config(exporter_type):
    return f"""
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: 127.0.0.1:{GRPC_PORT}
      http:
        endpoint: 127.0.0.1:{HTTP_PORT}
processors:
  batch:
exporters:
  {exporter_type}:
    endpoint: 127.0.0.1:{SINK_PORT}
    tls:
      insecure: true
service:
  telemetry:
    logs:
      level: info
    metrics:
      level: normal
      readers:
        - pull:
            exporter:
              prometheus:
                host: 127.0.0.1
                port: {METRICS_PORT}
  pipelines:
    traces:
      receivers: [otlp]
      processors: [batch]
      exporters: [{exporter_type}]
    metrics:
      receivers: [otlp]
      processors: [batch]
      exporters: [{exporter_type}]
    logs:
      receivers: [otlp]
      processors: [batch]
      exporters: [{exporter_type}]
"""


def filelog_config(input_path, output_path):
    return f"""
receivers:
  file_log:
    include: [{input_path}]
    start_at: beginning
exporters:
  file:
    path: {output_path}
service:
  telemetry:
    metrics:
      level: normal
      readers:
        - pull:
            exporter:
              prometheus:
                host: 127.0.0.1
                port: {METRICS_PORT}
  pipelines:
    logs:
      receivers: [file_log]
      exporters: [file]
"""


def write_lines(path, count):
    """count lines of exactly 100 bytes (99 characters and a newline), each distinct."""
    with open(path, "w") as f:
        for i in range(count):
            f.write(f"2026-11-26T10:00:00.000Z INFO request {i:012d} served in 12ms user=alice path=/api/v1/items ok\n"[:99]
                    .ljust(99, ".") + "\n")


class Collector:
    """One collector process, pinned to the collector CPU; samples its CPU time and memory while it runs."""

    def __init__(self, name, command, env, workdir):
        self.name, self.command, self.env, self.workdir = name, command, env, workdir

    def start(self):
        self.log_path = os.path.join(self.workdir, f"{self.name}.log")
        self.log = open(self.log_path, "w")
        self.started = time.monotonic()
        self.proc = subprocess.Popen(["taskset", "-c", COLLECTOR_CPU] + self.command, env=self.env,
                                     stdout=self.log, stderr=subprocess.STDOUT, cwd=self.workdir)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with open(self.log_path) as f:
                if "Everything is ready" in f.read():
                    self.ready_after = time.monotonic() - self.started
                    return self
            if self.proc.poll() is not None:
                break
            time.sleep(0.005)
        self.stop()
        raise SystemExit(f"{self.name} did not become ready; log:\n" + open(self.log_path).read()[-3000:])

    def cpu_seconds(self):
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime + stime

    def memory(self):
        rss = hwm = 0
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1]) * 1024
                elif line.startswith("VmHWM:"):
                    hwm = int(line.split()[1]) * 1024
        return rss, hwm

    def heap(self):
        try:
            text = urllib.request.urlopen(f"http://127.0.0.1:{METRICS_PORT}/metrics", timeout=2).read().decode()
        except OSError:
            return None
        m = re.search(r"^otelcol_process_runtime_heap_alloc_bytes(?:\{[^}]*\})? ([0-9.e+]+)", text, re.M)
        return float(m.group(1)) if m else None

    def counter(self, name):
        """A counter from the collector's own /metrics (with or without the _total suffix), 0 when absent."""
        try:
            text = urllib.request.urlopen(f"http://127.0.0.1:{METRICS_PORT}/metrics", timeout=2).read().decode()
        except OSError:
            return 0
        return sum(float(v) for v in re.findall(rf"^{name}(?:_total)?(?:{{[^}}]*}})? ([0-9.e+]+)", text, re.M))

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


class Sampler(threading.Thread):
    """Samples a collector every 0.5 s between start() and finish()."""

    def __init__(self, collector):
        super().__init__(daemon=True)
        self.collector, self.rss, self.heap, self.done = collector, [], [], threading.Event()

    def run(self):
        while not self.done.wait(0.5):
            self.rss.append(self.collector.memory()[0])
            h = self.collector.heap()
            if h is not None:
                self.heap.append(h)

    def begin(self):
        self.cpu0, self.t0 = self.collector.cpu_seconds(), time.monotonic()
        self.start()
        return self

    def finish(self):
        self.done.set()
        self.join()
        wall = time.monotonic() - self.t0
        cpu = self.collector.cpu_seconds() - self.cpu0
        _, peak = self.collector.memory()
        return {
            "cpu_pct": 100.0 * cpu / wall,
            "rss_avg_mib": statistics.mean(self.rss) / 2**20 if self.rss else 0,
            "rss_peak_mib": peak / 2**20,
            "heap_avg_mib": statistics.mean(self.heap) / 2**20 if self.heap else None,
        }


def run_quiet(cmd, **kw):
    return subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True, **kw).stdout


def sink_stats():
    return json.loads(urllib.request.urlopen(f"http://127.0.0.1:{SINK_STATS_PORT}/stats", timeout=5).read())


def sink_reset():
    urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{SINK_STATS_PORT}/reset", method="POST"),
                           timeout=5).read()


def loadgen(tools, signal_name, protocol, rate, duration):
    port = GRPC_PORT if protocol == "grpc" else HTTP_PORT
    cmd = ["taskset", "-c", LOAD_CPU, os.path.join(tools, "loadgen"), "-endpoint", f"127.0.0.1:{port}",
           "-protocol", protocol, "-signal", signal_name, "-batch", str(RATE_BATCH if rate else MAX_BATCH),
           "-duration", f"{duration}s"]
    cmd += ["-rate", str(rate)] if rate else ["-max", "-workers", "8"]
    return json.loads(run_quiet(cmd))


def settle(expected):
    """Waits (up to 10 s) until the sink has received `expected` items or stops growing."""
    last, deadline = -1, time.monotonic() + 10
    while time.monotonic() < deadline:
        stats = sink_stats()
        got = sum(stats["items"].values())
        if got >= expected or got == last:
            return stats
        last = got
        time.sleep(0.5)
    return sink_stats()


def measure_load(make, tools, scenario, duration, warmup):
    signal_name, protocol, rate, _ = SCENARIOS[scenario]
    c = make().start()
    try:
        if warmup:
            loadgen(tools, signal_name, protocol, rate, warmup)
            settle(0)
            time.sleep(1)
        sink_reset()
        sampler = Sampler(c).begin()
        gen = loadgen(tools, signal_name, protocol, rate, duration)
        result = sampler.finish()
        stats = settle(gen["acked_items"])
    finally:
        c.stop()
    received = sum(stats["items"].values())
    result.update({
        "throughput": gen["acked_items"] / gen["duration_s"],
        "acked": gen["acked_items"], "failed": gen["failed_items"], "received": received,
        "lost": max(0, gen["acked_items"] - received),
        "p50_ms": stats["p50_ms"] if rate else None, "p99_ms": stats["p99_ms"] if rate else None,
    })
    return result


def measure_filelog(make):
    """Starts a collector that reads the prepared file from its beginning; times it until every line is exported."""
    c = make().start()
    try:
        sampler = Sampler(c).begin()
        deadline = time.monotonic() + 600
        sent, tenth = 0, None  # (time, count) when a tenth of the lines was through: steady state after it
        while time.monotonic() < deadline:
            sent = c.counter("otelcol_exporter_sent_log_records")
            if tenth is None and sent >= FILELOG_LINES / 10:
                tenth = (time.monotonic(), sent)
            if sent >= FILELOG_LINES:
                break
            time.sleep(0.1)
        end = time.monotonic()
        result = sampler.finish()
    finally:
        c.stop()
    steady = (sent - tenth[1]) / (end - tenth[0]) if tenth and end > tenth[0] else None
    result.update({"throughput": sent / (end - sampler.t0), "steady": steady, "lost": FILELOG_LINES - int(sent)})
    return result


def measure_idle(make, duration):
    c = make().start()
    try:
        time.sleep(5)
        sampler = Sampler(c).begin()
        time.sleep(duration)
        result = sampler.finish()
    finally:
        c.stop()
    return result


def measure_startup(make, runs=5):
    times = []
    for _ in range(runs):
        c = make().start()
        times.append(c.ready_after)
        c.stop()
    return {"startup_s": statistics.median(times), "startup_all": times}


def fmt(v, unit=""):
    if v is None:
        return "—"
    if isinstance(v, float):
        return f"{v:,.1f}{unit}" if abs(v) < 1000 else f"{v:,.0f}{unit}"
    return f"{v:,}{unit}"


def ratio(a, b):
    return f"{a / b:.2f}×" if a is not None and b else "—"


def table(results, names):
    cols = [("throughput", "items/s", ""), ("steady", "items/s after the first 10%", ""), ("cpu_pct", "CPU % of a core", ""), ("rss_avg_mib", "RSS avg MiB", ""),
            ("rss_peak_mib", "RSS peak MiB", ""), ("heap_avg_mib", "heap MiB", ""), ("p50_ms", "p50 ms", ""),
            ("p99_ms", "p99 ms", ""), ("lost", "lost", ""), ("startup_s", "startup s", "")]
    lines = []
    for scenario, by in results.items():
        lines.append(f"\n### {SCENARIOS[scenario][3]}\n")
        present = [c for c in cols if any(by[n].get(c[0]) is not None for n in names if n in by)]
        lines.append("| collector | " + " | ".join(c[1] for c in present) + " |")
        lines.append("|---" * (len(present) + 1) + "|")
        for n in names:
            if n in by:
                lines.append(f"| {n} | " + " | ".join(fmt(by[n].get(c[0])) for c in present) + " |")
        if all(n in by for n in ("ours", "upstream")):
            lines.append("| ours/upstream | " + " | ".join(ratio(by["ours"].get(c[0]), by["upstream"].get(c[0]))
                                                         for c in present) + " |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scenarios", default=",".join(SCENARIOS))
    ap.add_argument("--collectors", default="ours,upstream")
    ap.add_argument("--duration", type=int, default=60, help="seconds of measured load per scenario")
    ap.add_argument("--warmup", type=int, default=10, help="seconds of load before measuring (JIT, pools)")
    ap.add_argument("--results", help="write the table to this Markdown file too")
    ap.add_argument("--java-opts", default=OUR_JAVA_OPTS, help="JAVA_OPTS for ours (default: %(default)s)")
    args = ap.parse_args()
    java_opts = args.java_opts
    if os.cpu_count() < 2:
        raise SystemExit("needs 2 CPUs: one for the collector, one for the load generator and the sink")
    if not os.access(OURS, os.X_OK):
        raise SystemExit(f"{OURS} missing: run `mvn -B -q install -DskipTests` first")

    work = tempfile.mkdtemp(prefix="otelier-bench-")
    tools = os.path.join(work, "tools")
    print("building the load generator and the sink (bench/tools) ...", file=sys.stderr)
    run_quiet(["go", "build", "-o", tools + "/", "./..."], cwd=os.path.join(ROOT, "bench/tools"))
    print("building/finding the upstream collector (bench/upstream/build.sh) ...", file=sys.stderr)
    upstream = run_quiet([os.path.join(ROOT, "bench/upstream/build.sh")]).strip()

    for name in ("ours", "upstream"):
        with open(os.path.join(work, f"{name}.yaml"), "w") as f:
            f.write(config("otlp_grpc"))
    filelog_input = os.path.join(work, "filelog-input.log")
    makers_filelog = {}
    if "filelog" in args.scenarios.split(","):
        write_lines(filelog_input, FILELOG_LINES)
        upstream_contrib = run_quiet([os.path.join(ROOT, "interop/upstream-contrib/build.sh")]).strip()
        for name, command, env in (("ours", OURS_CONTRIB, dict(os.environ, JAVA_OPTS=java_opts)),
                                   ("upstream", upstream_contrib, dict(os.environ, GOMAXPROCS="1"))):
            cfg = os.path.join(work, f"{name}-filelog.yaml")
            with open(cfg, "w") as f:
                f.write(filelog_config(filelog_input, os.path.join(work, f"{name}-filelog-out.json")))
            makers_filelog[name] = (lambda command=command, cfg=cfg, env=env, name=name:
                                    Collector(name, [command, "--config", cfg], env, work))
    makers = {
        "ours": lambda: Collector("ours", [OURS, "--config", os.path.join(work, "ours.yaml")],
                                  dict(os.environ, JAVA_OPTS=java_opts), work),
        "upstream": lambda: Collector("upstream", [upstream, "--config", os.path.join(work, "upstream.yaml")],
                                      dict(os.environ, GOMAXPROCS="1"), work),
    }
    names = [n for n in args.collectors.split(",") if n in makers]
    sink = subprocess.Popen(["taskset", "-c", LOAD_CPU, os.path.join(tools, "sink"), "-grpc",
                             f"127.0.0.1:{SINK_PORT}", "-stats", f"127.0.0.1:{SINK_STATS_PORT}"],
                            stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    results = {}
    try:
        for scenario in args.scenarios.split(","):
            results[scenario] = {}
            for name in names:
                print(f"{scenario}: {name} ...", file=sys.stderr)
                if scenario == "idle":
                    r = measure_idle(makers[name], min(args.duration, 30))
                elif scenario == "filelog":
                    r = measure_filelog(makers_filelog[name])
                elif scenario == "startup":
                    r = measure_startup(makers[name])
                else:
                    r = measure_load(makers[name], tools, scenario, args.duration, args.warmup)
                results[scenario][name] = r
                print(f"  {json.dumps(r)}", file=sys.stderr)
    finally:
        sink.terminate()
        sink.wait()
        # the filelog scenario leaves ~1.8 GB of input and outputs here: a few runs fill a disk
        if os.environ.get("OTELIER_BENCH_KEEP") != "1":
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept {work}", file=sys.stderr)

    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    header = (f"Run {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on {platform.node()} "
              f"({os.cpu_count()} CPUs, {platform.machine()}), {java}; ours with JAVA_OPTS=\"{java_opts}\" "
              f"on the launcher's defaults, upstream v0.165.0 with GOMAXPROCS=1; collector on CPU {COLLECTOR_CPU}, "
              f"load generator and sink on CPU {LOAD_CPU}; {args.duration} s measured after {args.warmup} s "
              f"of warm-up; command: bench/run.py {' '.join(sys.argv[1:])}")
    text = header + "\n" + table(results, names) + "\n"
    print(text)
    if args.results:
        with open(args.results, "w") as f:
            f.write("# Benchmark results\n\n" + text)
        with open(args.results.replace(".md", ".json"), "w") as f:
            json.dump({"header": header, "results": results}, f, indent=1)


if __name__ == "__main__":
    main()
