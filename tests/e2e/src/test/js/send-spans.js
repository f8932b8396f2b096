// Sends COUNT spans named "js-span-<i>" through one OTLP trace exporter of the OpenTelemetry JS SDK.
// Usage: node send-spans.js <grpc|http-json|http-proto> <endpoint> <count> <service-name>
'use strict';
const { BasicTracerProvider, BatchSpanProcessor } = require('@opentelemetry/sdk-trace-base');
const { resourceFromAttributes } = require('@opentelemetry/resources');

const [protocol, endpoint, countText, serviceName] = process.argv.slice(2);
const count = Number(countText);

function exporterFor(kind) {
  switch (kind) {
    case 'grpc': {
      const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-grpc');
      return new OTLPTraceExporter({ url: endpoint });
    }
    case 'http-json': {
      const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http');
      return new OTLPTraceExporter({ url: endpoint });
    }
    case 'http-proto': {
      const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-proto');
      return new OTLPTraceExporter({ url: endpoint });
    }
    default:
      throw new Error(`unknown protocol ${kind} (grpc, http-json, http-proto)`);
  }
}

async function main() {
  const exporter = exporterFor(protocol);
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [new BatchSpanProcessor(exporter, { maxExportBatchSize: 100, scheduledDelayMillis: 100 })],
  });
  const tracer = provider.getTracer('otelier-e2e-js');
  for (let i = 0; i < count; i++) {
    const span = tracer.startSpan(`js-span-${i}`, { attributes: { index: i, protocol } });
    span.end();
  }
  await provider.forceFlush();
  await provider.shutdown();
  console.log(`sent ${count} spans over ${protocol}`);
}

main().catch((err) => {
  console.error(`send failed: ${err && err.stack ? err.stack : err}`);
  process.exit(1);
});
