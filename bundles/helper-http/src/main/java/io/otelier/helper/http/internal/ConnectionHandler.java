package io.otelier.helper.http.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.otelier.api.consumer.RequestContext;
import io.otelier.helper.http.Headers;
import io.otelier.helper.http.HttpHandler;
import io.otelier.helper.http.HttpRequest;
import io.otelier.helper.http.HttpResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One connection's HTTP/1.1 exchange, confined to its event loop: reads a request's headers, decides early what
 * needs no body (CORS preflight, unknown encoding or path, a declared length over the limit), collects the body up
 * to the limit, hands the request to its handler on a worker thread with reading paused (one request at a time per
 * connection, which is also the back-pressure), then writes the answer and reads on.
 *
 * <p>Timeouts follow Go's {@code http.Server}: header timeout from the first byte of a request (from accept for
 * the first one), read timeout until the body is in, write timeout from the end of the headers until the answer
 * is written, idle timeout between requests; any of them expiring closes the connection without an answer.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {

    /** Go's server discards at most this much of an unread body to keep a connection; past it, it closes. */
    private static final int MAX_DISCARD = 256 * 1024;

    private enum Phase { AWAITING, HEADERS, BODY, DISCARDING, HANDLING, CLOSING }

    private final ServerPlan plan;
    private final Executor workers;
    private final ServerState server;

    private ChannelHandlerContext ctx;
    private Phase phase = Phase.HEADERS;
    private long requestStart;
    private ScheduledFuture<?> readTimer;
    private ScheduledFuture<?> writeTimer;

    private io.netty.handler.codec.http.HttpRequest request;
    private Headers headers;
    private HttpHandler handler;
    private String encoding;
    private boolean keepAlive;
    private byte[] body;
    private int bodyLength;
    private long discarded;
    private HttpResponse pending;
    private List<Map.Entry<String, String>> corsHeaders = List.of();
    /** Pipelined messages decoded while a request was being handled; replayed in order afterwards. */
    private final ArrayDeque<Object> backlog = new ArrayDeque<>();

    ConnectionHandler(ServerPlan plan, Executor workers, ServerState server) {
        this.plan = plan;
        this.workers = workers;
        this.server = server;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) throws Exception {
        requestStart = System.nanoTime();
        armRead(plan.readHeaderTimeoutNanos());
        super.channelActive(context);
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        cancelTimers();
        backlog.forEach(ReferenceCountUtil::release);
        backlog.clear();
        phase = Phase.CLOSING;
        body = null;
        super.channelInactive(context);
    }

    /** Called by {@link FirstByteObserver} for every read before decoding. */
    void bytesArrived() {
        if (phase == Phase.AWAITING) {
            phase = Phase.HEADERS;
            requestStart = System.nanoTime();
            armRead(plan.readHeaderTimeoutNanos());
        }
    }

    /** Server stop: idle connections close now, busy ones after their answer. */
    void drain() {
        if (phase == Phase.AWAITING) {
            ctx.close();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (phase == Phase.HANDLING || !backlog.isEmpty()) {
            backlog.add(msg);
            return;
        }
        process(msg);
    }

    private void process(Object msg) {
        try {
            if (msg instanceof io.netty.handler.codec.http.HttpRequest req) {
                onHeaders(req);
            }
            if (msg instanceof HttpContent content) {
                onContent(content);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onHeaders(io.netty.handler.codec.http.HttpRequest req) {
        if (phase == Phase.CLOSING) {
            return;
        }
        if (req.decoderResult().isFailure()) {
            Throwable cause = req.decoderResult().cause();
            boolean tooLong = cause instanceof TooLongFrameException;
            request = req;
            headers = Headers.EMPTY;
            respondAndClose(HttpResponse.error(tooLong ? 431 : 400,
                    tooLong ? "Request Header Fields Too Large" : "Bad Request"));
            return;
        }
        request = req;
        headers = Headers.of(req.headers());
        keepAlive = HttpUtil.isKeepAlive(req);
        phase = Phase.BODY;
        body = null;
        bodyLength = 0;
        discarded = 0;
        pending = null;
        corsHeaders = List.of();
        armRead(plan.readTimeoutNanos() == 0 ? 0 : plan.readTimeoutNanos() - (System.nanoTime() - requestStart));
        armWrite(plan.writeTimeoutNanos());

        String method = req.method().name();
        if (plan.cors() != null) {
            if (CorsRules.isPreflight(method, headers)) {
                corsHeaders = plan.cors().preflight(headers);
                reject(HttpResponse.of(204, null, null), false);
                return;
            }
            corsHeaders = plan.cors().actual(method, headers);
        }
        encoding = headers.get("content-encoding");
        if (!plan.encodings().isEmpty() && !Compression.accepts(plan.encodings(), encoding)) {
            reject(error(400, "unsupported Content-Encoding: " + encoding), false);
            return;
        }
        handler = plan.handlers().get(path(req.uri()));
        if (handler == null) {
            reject(HttpResponse.error(404, "404 page not found"), false);
            return;
        }
        long declared = HttpUtil.getContentLength(req, -1L);
        if (declared > plan.maxBodySize()) {
            reject(error(413, BodyTooLargeException.MESSAGE), true);
            return;
        }
        if (HttpUtil.is100ContinueExpected(req)) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        }
        body = new byte[declared >= 0 ? (int) declared : 8192];
    }

    private void onContent(HttpContent content) {
        ByteBuf data = content.content();
        int n = data.readableBytes();
        boolean last = content instanceof LastHttpContent;
        switch (phase) {
            case BODY -> {
                if (bodyLength + (long) n > plan.maxBodySize()) {
                    // answer now, read no further: the connection closes after the answer
                    body = null;
                    respondAndClose(error(413, BodyTooLargeException.MESSAGE));
                    return;
                }
                if (bodyLength + n > body.length) {
                    long grown = Math.min(Math.max(body.length * 2L, bodyLength + (long) n), plan.maxBodySize());
                    body = Arrays.copyOf(body, (int) Math.min(grown, Integer.MAX_VALUE - 8));
                }
                data.readBytes(body, bodyLength, n);
                bodyLength += n;
                if (last) {
                    dispatch();
                }
            }
            case DISCARDING -> {
                discarded += n;
                if (last) {
                    HttpResponse answer = pending;
                    pending = null;
                    write(answer, !keepAlive || server.draining());
                } else if (discarded > MAX_DISCARD) {
                    HttpResponse answer = pending;
                    pending = null;
                    respondAndClose(answer);
                }
            }
            default -> {
                // content after an answer that closes the connection, or of a request already dispatched
            }
        }
    }

    /**
     * Answers without running a handler. The rest of the body is skipped before answering, so the connection
     * stays usable; when the client waits for "100 Continue" or the body is known to be too large, the answer
     * goes now and the connection closes.
     */
    private void reject(HttpResponse answer, boolean closeNow) {
        if (closeNow || HttpUtil.is100ContinueExpected(request)) {
            respondAndClose(answer);
            return;
        }
        pending = answer;
        phase = Phase.DISCARDING;
    }

    private void respondAndClose(HttpResponse answer) {
        keepAlive = false;
        write(answer, true);
    }

    private void dispatch() {
        phase = Phase.HANDLING;
        cancelRead();
        ctx.channel().config().setAutoRead(false);
        HttpHandler target = handler;
        io.netty.handler.codec.http.HttpRequest req = request;
        Headers h = headers;
        byte[] raw = body;
        int length = bodyLength;
        String contentEncoding = encoding;
        body = null;
        RequestContext context = context(h);
        server.requestStarted();
        try {
            workers.execute(() -> {
                HttpResponse answer = run(target, req, h, raw, length, contentEncoding, context);
                ctx.executor().execute(() -> {
                    server.requestFinished();
                    write(answer, !keepAlive || server.draining());
                });
            });
        } catch (RejectedExecutionException e) {
            server.requestFinished();
            respondAndClose(HttpResponse.error(503, "Service Unavailable"));
        }
    }

    /** On a worker thread: decode the body, run the handler; every failure becomes an answer. */
    private HttpResponse run(HttpHandler target, io.netty.handler.codec.http.HttpRequest req, Headers h, byte[] raw,
            int length, String contentEncoding, RequestContext context) {
        String uri = req.uri();
        byte[] decoded;
        Headers seen = h;
        if (plan.encodings().isEmpty() || Compression.isIdentity(contentEncoding)) {
            decoded = length == raw.length ? raw : Arrays.copyOf(raw, length);
        } else {
            // upstream's decompressor drops both, so nothing downstream decodes twice or trusts the old length
            seen = h.without("content-encoding", "content-length");
            try {
                decoded = Compression.decode(contentEncoding, raw, length, plan.maxBodySize());
            } catch (BodyTooLargeException e) {
                return errorFor(req, h, context, 413, e.getMessage());
            } catch (IOException e) {
                return errorFor(req, h, context, 400, e.getMessage());
            }
        }
        HttpRequest request = new HttpRequest(req.method().name(), path(uri), query(uri), seen, decoded, context);
        try {
            HttpResponse answer = target.handle(request);
            return answer != null ? answer : HttpResponse.error(500, "Internal Server Error");
        } catch (Exception | LinkageError | AssertionError e) {
            plan.logger().error("HTTP handler failed", e, "path", request.path());
            return HttpResponse.error(500, "Internal Server Error");
        }
    }

    private HttpResponse error(int status, String message) {
        return errorFor(request, headers, context(headers), status, message);
    }

    private HttpResponse errorFor(io.netty.handler.codec.http.HttpRequest req, Headers h, RequestContext context,
            int status, String message) {
        HttpRequest view = new HttpRequest(req.method().name(), path(req.uri()), query(req.uri()), h, new byte[0],
                context);
        try {
            return plan.errorHandler().respond(view, status, message);
        } catch (RuntimeException e) {
            plan.logger().error("HTTP error handler failed", e, "path", view.path());
            return HttpResponse.error(status, message);
        }
    }

    private RequestContext context(Headers h) {
        RequestContext c = RequestContext.EMPTY.withTransport("http").withPeerAddress(peer(ctx.channel().remoteAddress()));
        return plan.includeMetadata() ? c.withMetadata(h.asMap()) : c;
    }

    private void write(HttpResponse answer, boolean close) {
        if (!ctx.channel().isActive()) {
            return;
        }
        phase = close ? Phase.CLOSING : Phase.AWAITING;
        FullHttpResponse response = toNetty(answer, close);
        ctx.writeAndFlush(response).addListener((ChannelFutureListener) f -> {
            cancelWrite();
            if (close || !f.isSuccess()) {
                f.channel().close();
                return;
            }
            if (server.draining()) {
                f.channel().close();
                return;
            }
            if (phase == Phase.AWAITING) {
                armRead(plan.idleTimeoutNanos());
            }
            replayBacklog();
            if (phase != Phase.HANDLING) {
                f.channel().config().setAutoRead(true);
                f.channel().read();
            }
        });
    }

    private void replayBacklog() {
        while (!backlog.isEmpty() && phase != Phase.HANDLING && phase != Phase.CLOSING) {
            Object next = backlog.poll();
            if (next instanceof io.netty.handler.codec.http.HttpRequest && phase == Phase.AWAITING) {
                bytesArrived();
            }
            process(next);
        }
    }

    private FullHttpResponse toNetty(HttpResponse answer, boolean close) {
        boolean head = request != null && request.method().name().equals("HEAD");
        boolean bodyless = answer.status() == 204 || answer.status() == 304 || answer.status() < 200;
        ByteBuf content = bodyless || head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(answer.body());
        HttpVersion version = request != null ? request.protocolVersion() : HttpVersion.HTTP_1_1;
        FullHttpResponse response = new DefaultFullHttpResponse(version, HttpResponseStatus.valueOf(answer.status()),
                content);
        io.netty.handler.codec.http.HttpHeaders out = response.headers();
        plan.responseHeaders().forEach(out::set);
        for (Map.Entry<String, String> e : corsHeaders) {
            out.add(e.getKey(), e.getValue());
        }
        if (answer.contentType() != null && !answer.contentType().isEmpty()) {
            out.set(HttpHeaderNames.CONTENT_TYPE, answer.contentType());
        }
        answer.headers().forEach(out::set);
        if (!bodyless) {
            // a HEAD answer states the length the body would have had
            out.set(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
        }
        if (close) {
            out.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (version.equals(HttpVersion.HTTP_1_0)) {
            out.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        return response;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        // I/O errors and TLS handshake failures end the connection; they are the client's problem, not ours
        plan.logger().debug("HTTP connection error", "peer", String.valueOf(context.channel().remoteAddress()),
                "error", String.valueOf(cause));
        context.close();
    }

    private void armRead(long nanos) {
        cancelRead();
        if (nanos != 0) {
            readTimer = ctx.executor().schedule(this::timedOut, Math.max(nanos, 1), TimeUnit.NANOSECONDS);
        }
    }

    private void armWrite(long nanos) {
        cancelWrite();
        if (nanos > 0) {
            writeTimer = ctx.executor().schedule(this::timedOut, nanos, TimeUnit.NANOSECONDS);
        }
    }

    private void timedOut() {
        phase = Phase.CLOSING;
        ctx.close();
    }

    private void cancelRead() {
        if (readTimer != null) {
            readTimer.cancel(false);
            readTimer = null;
        }
    }

    private void cancelWrite() {
        if (writeTimer != null) {
            writeTimer.cancel(false);
            writeTimer = null;
        }
    }

    private void cancelTimers() {
        cancelRead();
        cancelWrite();
    }

    static String path(String uri) {
        int q = uri.indexOf('?');
        String p = q < 0 ? uri : uri.substring(0, q);
        // absolute-form request targets ("http://host/v1/traces") carry the path after the authority
        if (p.startsWith("http://") || p.startsWith("https://")) {
            int slash = p.indexOf('/', p.indexOf("//") + 2);
            p = slash < 0 ? "/" : p.substring(slash);
        }
        return p;
    }

    static String query(String uri) {
        int q = uri.indexOf('?');
        return q < 0 ? "" : uri.substring(q + 1);
    }

    static String peer(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            String host = inet.getAddress().getHostAddress();
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }
}
